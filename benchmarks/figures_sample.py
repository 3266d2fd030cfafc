"""Draw a seeded random sample of extracted figures from SaudiNewsNet, for hand-checking.

Usage::

    python benchmarks/figures_sample.py [--n 100] [--seed 4] [--data /work/shared/data/saudinewsnet]
                                        [--max-articles 3000] [--speed]

Articles are read from the zips (each holds one JSON array of
{source,url,date_extracted,title,author,content}); content is split naively into
sentences on «. ؟ ! ?» followed by a space and on newlines (the project's sentence
splitter is not used on purpose).  ``extract_figures`` runs on every sentence with
``reference_date`` = the article's ``date_extracted`` day; then ``--n`` figures are
sampled (seeded) and printed with their sentence, one numbered block each, so a
reader can mark each one right or wrong.  ``--speed`` also reports sentences/s.

This script is for evaluation only: runtime code never reads ../shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from akhbar.figures import extract_figures  # noqa: E402

SPLIT_RE = re.compile(r"(?<=[.؟!?])\s+|\n+")
NUMBERISH_RE = re.compile(
    r"[\d٠-٩]+(?:[.,٫٬][\d٠-٩]+)*|\b(?:[وبل]?(?:ثلاث|أربع|خمس|ست|سبع|ثمان|تسع|عشر|مئ|مائ|ألف|آلاف|مليون|ملايين|مليار)\w*)"
)


def articles(data: Path, max_articles: int, seed: int):
    zips = sorted(data.glob("*.zip"))
    rng = random.Random(seed)
    out = []
    for zp in zips:
        with zipfile.ZipFile(zp) as z:
            for name in z.namelist():
                out.extend(json.loads(z.read(name)))
    rng.shuffle(out)
    return out[:max_articles]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/saudinewsnet"))
    ap.add_argument("--max-articles", type=int, default=3000)
    ap.add_argument("--speed", action="store_true")
    ap.add_argument(
        "--uncovered", action="store_true",
        help="after the sample, list digits and number words of the sampled sentences that no figure covers",
    )
    args = ap.parse_args()

    found = []  # (article idx, sentence, figure)
    n_sent = 0
    t0 = time.perf_counter()
    for ai, art in enumerate(articles(args.data, args.max_articles, args.seed)):
        try:
            ref = dt.datetime.strptime(art.get("date_extracted", "")[:10], "%Y-%m-%d").date()
        except ValueError:
            ref = None
        for sent in SPLIT_RE.split(art.get("content") or ""):
            sent = sent.strip()
            if not sent:
                continue
            n_sent += 1
            for f in extract_figures(sent, reference_date=ref):
                found.append((ai, art.get("source"), sent, f, ref))
    elapsed = time.perf_counter() - t0
    rng = random.Random(args.seed)
    sample = rng.sample(found, min(args.n, len(found)))
    sample.sort(key=lambda x: (x[0], x[2], x[3].start))
    print(f"# {len(found)} figures in {n_sent} sentences; sample of {len(sample)} (seed {args.seed})")
    if args.speed:
        print(f"# {n_sent / elapsed:,.0f} sentences/s (including JSON reading)")
    kinds: dict[str, int] = {}
    for i, (ai, src, sent, f, _ref) in enumerate(sample, 1):
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
        ctx = sent[max(0, f.start - 80) : f.start] + "⟦" + f.text + "⟧" + sent[f.end : f.end + 80]
        fields = [f"kind={f.kind}", f"q={f.qualifier}"]
        if f.value is not None:
            fields.append(f"v={f.value:g}")
        if f.qualifier == "range":
            fields.append(f"lo={f.value_low:g} hi={f.value_high:g}")
        if f.magnitude is not None:
            fields.append(f"mag={f.magnitude:g}")
        if f.unit:
            fields.append(f"unit={f.unit}")
        if f.date_value:
            fields.append(f"date={f.date_value}")
        print(f"\n[{i:03d}] art={ai} src={src} :: " + " ".join(fields))
        print(f"      {ctx}")
    print("\n# kinds in sample:", dict(sorted(kinds.items(), key=lambda x: -x[1])))
    if args.uncovered:
        print("\n# numbers not covered by any figure, in the sampled sentences (recall check)")
        seen = set()
        n_num = n_unc = 0
        for i, (ai, src, sent, f, ref) in enumerate(sample, 1):
            if sent in seen:
                continue
            seen.add(sent)
            figs = extract_figures(sent, reference_date=ref)
            for m in NUMBERISH_RE.finditer(sent):
                n_num += 1
                if not any(g.start < m.end() and g.end > m.start() for g in figs):
                    n_unc += 1
                    print(f"[{i:03d}] ⟦{m.group()}⟧ … {sent[max(0, m.start() - 50): m.end() + 40]}")
        print(f"# {len(seen)} sentences, {n_num} number-like tokens, {n_unc} not covered by any figure")


if __name__ == "__main__":
    main()
