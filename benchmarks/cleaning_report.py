"""Run the boilerplate cleaner over SaudiNewsNet and report what it removes.

    python benchmarks/cleaning_report.py [--data '/work/shared/data/saudinewsnet/*.zip']
                                         [--limit N] [--seed 13] [--samples 20]

Prints: documents/lines seen, lines removed by category and by rule, the number of
doubtful lines kept (kept_notes) by reason, then ``--samples`` random removed lines
and ``--samples`` random *kept* short lines (≤ 8 words) so that a human can judge
precision and recall.  Sampling is seeded.  Each zip holds one JSON array of objects
with ``source, url, date_extracted, title, author, content``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import random
import re
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from akhbar.clean import build_line_stats, clean_document  # noqa: E402
from akhbar.models import RawDocument  # noqa: E402

DEFAULT_DATA = "/work/shared/data/saudinewsnet/*.zip"


def _ts(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def load(pattern: str, limit: int | None) -> list[RawDocument]:
    docs: list[RawDocument] = []
    for path in sorted(glob.glob(pattern)):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for k, rec in enumerate(json.loads(zf.read(name))):
                    content = rec.get("content")
                    if not isinstance(content, str):
                        continue
                    title = (rec.get("title") or "").strip() or None
                    docs.append(
                        RawDocument(
                            source_path=f"{path}#{name}#{k}",
                            raw_text=content.replace("\r\n", "\n").replace("\r", "\n"),
                            title=title,
                            url=rec.get("url"),
                            source=rec.get("source"),
                            author=(rec.get("author") or "").strip() or None,
                            scraped_at=_ts(rec.get("date_extracted")),
                            fmt="json",
                            title_from_container=bool(title),
                        )
                    )
                    if limit and len(docs) >= limit:
                        return docs
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="at most this many documents")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--no-stats", action="store_true", help="without cross-document evidence")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    docs = load(args.data, args.limit)
    if not docs:
        print(f"no documents found under {args.data}")
        return 1
    t1 = time.perf_counter()
    stats = None if args.no_stats else build_line_stats(docs)
    t2 = time.perf_counter()

    by_cat: Counter[str] = Counter()
    by_rule: Counter[tuple[str, str]] = Counter()
    by_note: Counter[str] = Counter()
    by_source_removed: Counter[str] = Counter()
    removals: list[tuple[str, str, str, str]] = []
    kept_short: list[tuple[str, str]] = []
    n_lines = 0
    for doc in docs:
        clean = clean_document(doc, stats)
        n_lines += sum(1 for line in doc.raw_text.split("\n") if line.strip())
        for r in clean.removed:
            by_cat[r.category] += 1
            by_rule[(r.category, r.rule)] += 1
            by_source_removed[doc.source or "?"] += 1
            removals.append((doc.source or "?", r.category, r.rule, r.text))
        for _no, reason in clean.kept_notes:
            by_note[re.sub(r"\d+", "N", reason)] += 1
        for line in clean.clean_text.split("\n"):
            if line and len(line.split()) <= 8:
                kept_short.append((doc.source or "?", line))
    t3 = time.perf_counter()

    total_removed = sum(by_cat.values())
    print(f"documents: {len(docs)}  non-empty lines: {n_lines}  removed: {total_removed} "
          f"({100 * total_removed / max(n_lines, 1):.2f}%)")
    print(f"time: load {t1 - t0:.1f}s  line stats {t2 - t1:.1f}s  clean {t3 - t2:.1f}s "
          f"({1000 * (t3 - t2) / len(docs):.2f} ms/doc)")
    print("\nremoved lines by category:")
    for cat, c in by_cat.most_common():
        print(f"  {cat:18s} {c:7d}")
    print("\nremoved lines by rule:")
    for (cat, rule), c in by_rule.most_common():
        print(f"  {cat:18s} {rule:24s} {c:7d}")
    print("\nremoved lines by source:")
    for src, c in by_source_removed.most_common():
        print(f"  {src:18s} {c:7d}")
    print("\ndoubtful lines kept (kept_notes):")
    for reason, c in by_note.most_common():
        print(f"  {c:7d}  {reason}")

    rng = random.Random(args.seed)
    print(f"\n{args.samples} random removed lines:")
    for src, cat, rule, text in rng.sample(removals, min(args.samples, len(removals))):
        print(f"  [{src}] {cat}/{rule}: {text[:140]}")
    print(f"\n{args.samples} random kept short lines (≤ 8 words):")
    for src, text in rng.sample(kept_short, min(args.samples, len(kept_short))):
        print(f"  [{src}] {text[:140]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
