"""Cleaning time of this tree against a baseline revision, alternated in the same run.

    python benchmarks/clean_speed.py [--baseline 7e01929] [--revision REV] [--rounds 4] [--n 1000]
                                     [--data '/work/data3k/*.jsonl']

The baseline (and ``--revision``, timed instead of the working tree when given) is
exported with ``git archive`` to a temporary folder.  Each round runs
``benchmarks/clean_identity.py`` (this tree's copy of the script) once with the
baseline on ``PYTHONPATH`` and once with this tree, in that order, alternating, so that
other load on the machine falls on both alike; each run reports the CPU time of
``clean_document`` per article (best of 2 passes over the first ``--n`` records, the
same articles as page dumps, and the seeds).  Printed: every round, then the minimum
over rounds per implementation and the ratio.  Both runs write their dumps, which are
compared byte for byte (the speed work must not change any output).
"""

from __future__ import annotations

import argparse
import filecmp
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "clean_identity.py"


def run(tree: Path, args: argparse.Namespace, out: Path) -> dict[str, float]:
    res = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", args.data, "--n", str(args.n), "--repeat", "2", "--out", str(out)],
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}, cwd=tree, capture_output=True, text=True, check=True,
    )
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^(\S+)\s+\d+ docs\s+([\d.]+) ms", res.stdout, re.M)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default="7e01929")
    ap.add_argument("--revision", default=None, help="time this revision instead of the working tree")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--data", default="/work/data3k/*.jsonl")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        def export(rev: str, name: str) -> Path:
            folder = Path(tmp) / name
            folder.mkdir()
            archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
            return folder

        base = export(args.baseline, "baseline")
        this = export(args.revision, "revision") if args.revision else ROOT
        best: dict[str, dict[str, float]] = {"baseline": {}, "this tree": {}}
        for r in range(args.rounds):
            for name, tree in (("baseline", base), ("this tree", this)):
                out = Path(tmp) / f"{name.replace(' ', '_')}.json"
                ms = run(tree, args, out)
                print(f"round {r} {name:10} " + "  ".join(f"{k} {v:.3f}" for k, v in ms.items()), flush=True)
                for k, v in ms.items():
                    best[name][k] = min(v, best[name].get(k, v))
        same = filecmp.cmp(Path(tmp) / "baseline.json", Path(tmp) / "this_tree.json", shallow=False)
    print(f"\nms/article (CPU time of clean_document, minimum over {args.rounds} rounds)")
    for k in best["baseline"]:
        b, t = best["baseline"][k], best["this tree"].get(k, float("nan"))
        print(f"  {k:10} baseline {args.baseline} {b:.3f}   {args.revision or 'this tree'} {t:.3f}   ratio {t / b:.2f}")
    print(f"outputs byte-identical: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
