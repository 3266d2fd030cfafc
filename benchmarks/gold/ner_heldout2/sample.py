"""Draw a second held-out NER sample from SaudiNewsNet (deterministic, fixed seed).

    python sample.py [--data /work/shared/data/saudinewsnet] [--seed 4242]

Same corpus order, id scheme, text field and body preparation as
/work/main/benchmarks/gold/sample_articles.py:
  * articles are enumerated over the zips in sorted (date) order; index i is that position;
  * the first 3,000 (i < 3000) are skipped;
  * the length test uses content.strip(), but the record keeps `content` exactly as in the
    corpus (not stripped), so entity offsets index the raw `content` string;
  * id = sha1(f"{url}|{index}")[:12].
Differences: body length 600-3,500 characters; every url already in
articles_dev.jsonl / articles_heldout.jsonl is excluded; 30 articles, drawn round-robin
over the sources (sources in sorted order, each source's pool shuffled with the seed),
so every source gets 2 or 3 articles (at least 10 sources, never more than 4 from one).
Writes articles_heldout2.jsonl next to this script.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = Path("/work/shared/data/saudinewsnet")
GOLD = Path("/work/main/benchmarks/gold")
N_ARTICLES = 30
MAX_PER_SOURCE = 4


def corpus(data: Path):
    for zpath in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            yield from json.loads(z.read(z.namelist()[0]))


def existing_urls() -> set[str]:
    urls = set()
    for name in ("articles_dev.jsonl", "articles_heldout.jsonl"):
        with open(GOLD / name, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    urls.add(json.loads(line)["url"])
    return urls


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seed", type=int, default=4242)
    args = ap.parse_args()
    taken = existing_urls()
    by_source: dict[str, list[dict]] = {}
    seen_urls: set[str] = set()
    for i, rec in enumerate(corpus(args.data)):
        if i < 3000:
            continue
        if rec["url"] in taken or rec["url"] in seen_urls:
            continue
        body = (rec.get("content") or "").strip()
        if 600 <= len(body) <= 3500:
            seen_urls.add(rec["url"])
            rec = dict(rec, index=i)
            rec["id"] = hashlib.sha1(f"{rec['url']}|{i}".encode()).hexdigest()[:12]
            by_source.setdefault(rec["source"], []).append(rec)
    rng = random.Random(args.seed)
    pools = {}
    for source in sorted(by_source):
        pool = list(by_source[source])
        rng.shuffle(pool)
        pools[source] = pool
    picks: list[dict] = []
    rnd = 0
    while len(picks) < N_ARTICLES and rnd < MAX_PER_SOURCE:
        for source in sorted(pools):
            if len(picks) >= N_ARTICLES:
                break
            if rnd < len(pools[source]):
                picks.append(pools[source][rnd])
        rnd += 1
    picks.sort(key=lambda r: (r["source"], r["index"]))
    counts: dict[str, int] = {}
    for r in picks:
        counts[r["source"]] = counts.get(r["source"], 0) + 1
    assert len(picks) == N_ARTICLES and len(counts) >= 10 and max(counts.values()) <= MAX_PER_SOURCE
    with open(HERE / "articles_heldout2.jsonl", "w", encoding="utf-8") as fh:
        for r in picks:
            keep = {k: r[k] for k in ("id", "index", "source", "url", "date_extracted", "title", "author", "content")}
            fh.write(json.dumps(keep, ensure_ascii=False) + "\n")
    print("articles_heldout2.jsonl", len(picks), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
