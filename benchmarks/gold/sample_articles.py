"""Draw the real-news evaluation sample from SaudiNewsNet (deterministic).

    python benchmarks/gold/sample_articles.py [--data ../shared/data/saudinewsnet]

Writes benchmarks/gold/articles_dev.jsonl and articles_heldout.jsonl: articles from
every source, drawn with a fixed seed from outside the first 3,000 articles (those are
the catalog-audit set), with a body of 300-1,800 characters so that a person can
annotate every mention. Per source: 1 development article, 2 held-aside articles.
The annotations (ner_*.jsonl) were made on these files by annotators who had not seen
akhbar's output, and frozen before any entity code changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent.parent / "shared" / "data" / "saudinewsnet"


def corpus(data: Path):
    for zpath in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            yield from json.loads(z.read(z.namelist()[0]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    by_source: dict[str, list[dict]] = {}
    for i, rec in enumerate(corpus(args.data)):
        if i < 3000:
            continue
        body = (rec.get("content") or "").strip()
        if 300 <= len(body) <= 1800:
            rec = dict(rec, index=i)
            rec["id"] = hashlib.sha1(f"{rec['url']}|{i}".encode()).hexdigest()[:12]
            by_source.setdefault(rec["source"], []).append(rec)
    rng = random.Random(args.seed)
    dev, held = [], []
    for source in sorted(by_source):
        picks = rng.sample(by_source[source], 3)
        dev.append(picks[0])
        held.extend(picks[1:])
    for name, rows in (("articles_dev.jsonl", dev), ("articles_heldout.jsonl", held)):
        with open(HERE / name, "w", encoding="utf-8") as fh:
            for r in rows:
                keep = {k: r[k] for k in ("id", "index", "source", "url", "date_extracted", "title", "author", "content")}
                fh.write(json.dumps(keep, ensure_ascii=False) + "\n")
        print(name, len(rows))


if __name__ == "__main__":
    main()
