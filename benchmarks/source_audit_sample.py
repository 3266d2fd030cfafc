"""Draw the per-source hand-audit sample of issue #20: N random articles of every
SaudiNewsNet source (whole corpus, fixed seed), written as JSON Lines that
``akhbar run --input`` reads.

    python benchmarks/source_audit_sample.py --out DIR [--per-source 20] [--seed 2020]

The audit itself is a person reading each article's ``clean_text``, title, byline and
``published_at`` against its raw text (docs/cleaning-audit.md).
"""

from __future__ import annotations

import argparse
import json
import random
import zipfile
from collections import defaultdict
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "saudinewsnet"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--per-source", type=int, default=20)
    ap.add_argument("--seed", type=int, default=2020)
    a = ap.parse_args()
    by_source: dict[str, list[dict]] = defaultdict(list)
    for zpath in sorted(a.data.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for rec in json.loads(z.read(z.namelist()[0])):
                by_source[rec["source"]].append(rec)
    rng = random.Random(a.seed)
    a.out.mkdir(parents=True, exist_ok=True)
    for source in sorted(by_source):
        pool = by_source[source]
        picked = rng.sample(pool, min(a.per_source, len(pool)))
        with open(a.out / f"{source}.jsonl", "w", encoding="utf-8") as f:
            for rec in picked:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"{source}: {len(picked)} of {len(pool)}")


if __name__ == "__main__":
    main()
