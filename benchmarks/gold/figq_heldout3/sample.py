"""Draw the third blind figures/quotes sample from SaudiNewsNet (deterministic, seed 7373).

    python3 sample.py [--data /work/shared/data/saudinewsnet] [--seed 7373] [--n 40]

Same corpus order, `index`, id scheme and text field as benchmarks/gold/sample_articles.py:
  * articles are enumerated over saudinewsnet/*.zip in sorted (date) order; index i is that position;
  * id = sha1(f"{url}|{index}")[:12];
  * the length test uses content.strip(), but the record keeps `content` exactly as in the
    corpus (not stripped): every offset indexes the raw `content` string.
Filters:
  * skip i < 3000 (the catalog-audit range);
  * skip every url already used anywhere under benchmarks/gold/ (every "url" value found in any
    .json / .jsonl file there, recursively: articles_*.jsonl, figq_articles_*.jsonl,
    ner_heldout2/articles_heldout2.jsonl, stories/pairs_*.jsonl ...; this folder is ignored);
  * drop duplicate urls (first occurrence kept);
  * body (stripped) of 500-2,500 characters;
  * dense in figures: at least 3 digit groups or number words in the body (NUM_RE below).
Draw: each source's pool (in corpus order) is shuffled with random.Random(seed), sources taken in
sorted order; articles are picked round-robin (first of every source, then second ...) with at
most 4 per source, until --n articles. Extending --n keeps the earlier picks (same prefix of the
round-robin order). Output sorted by (source, index) -> articles.jsonl with the fields of
figq_articles_heldout.jsonl: id, index, source, url, date_extracted, title, content.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent
DEFAULT_DATA = Path("/work/shared/data/saudinewsnet")
MAX_PER_SOURCE = 4
FIELDS = ("id", "index", "source", "url", "date_extracted", "title", "content")

# a digit group (ASCII or Arabic-Indic, with inner . , ٫ ٬) or a number word (with optional clitics)
NUM_WORDS = (
    "واحد|واحدة|اثنان|اثنين|اثنتين|اثنتان|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثمان|ثماني|ثمانية|"
    "تسع|تسعة|عشر|عشرة|عشرات|عشرين|عشرون|ثلاثين|ثلاثون|أربعين|أربعون|خمسين|خمسون|ستين|ستون|سبعين|سبعون|"
    "ثمانين|ثمانون|تسعين|تسعون|مئة|مائة|مئات|ألف|آلاف|ألفين|مليون|ملايين|مليار|مليارات|نصف|ربع|ثلث"
)
NUM_RE = re.compile(
    r"[0-9\u0660-\u0669]+(?:[.,\u066B\u066C][0-9\u0660-\u0669]+)*"
    r"|(?<![\u0621-\u064A])(?:[وبلف]?(?:ال)?)(?:" + NUM_WORDS + r")(?![\u0621-\u064A])"
)


def corpus(data: Path):
    for zpath in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            yield from json.loads(z.read(z.namelist()[0]))


def _urls(obj, out: set[str]) -> None:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "url" and isinstance(v, str):
                out.add(v)
            else:
                _urls(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _urls(v, out)


def existing_urls() -> set[str]:
    urls: set[str] = set()
    for p in sorted(GOLD.rglob("*")):
        if HERE in p.parents or p.suffix not in (".json", ".jsonl") or not p.is_file():
            continue
        text = p.read_text(encoding="utf-8")
        if p.suffix == ".json":
            _urls(json.loads(text), urls)
        else:
            for line in text.splitlines():
                if line.strip():
                    _urls(json.loads(line), urls)
    return urls


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--seed", type=int, default=7373)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--out", type=Path, default=HERE / "articles.jsonl")
    args = ap.parse_args()
    taken = existing_urls()
    by_source: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for i, rec in enumerate(corpus(args.data)):
        if i < 3000:
            continue
        url = rec["url"]
        if url in taken or url in seen:
            continue
        seen.add(url)
        body = (rec.get("content") or "").strip()
        if not 500 <= len(body) <= 2500:
            continue
        if len(NUM_RE.findall(body)) < 3:
            continue
        rec = dict(rec, index=i)
        rec["id"] = hashlib.sha1(f"{url}|{i}".encode()).hexdigest()[:12]
        by_source.setdefault(rec["source"], []).append(rec)
    rng = random.Random(args.seed)
    pools = {}
    for source in sorted(by_source):
        pool = list(by_source[source])
        rng.shuffle(pool)
        pools[source] = pool
    picks: list[dict] = []
    rnd = 0
    while len(picks) < args.n and rnd < MAX_PER_SOURCE:
        for source in sorted(pools):
            if len(picks) >= args.n:
                break
            if rnd < len(pools[source]):
                picks.append(pools[source][rnd])
        rnd += 1
    picks.sort(key=lambda r: (r["source"], r["index"]))
    counts: dict[str, int] = {}
    for r in picks:
        counts[r["source"]] = counts.get(r["source"], 0) + 1
    assert len(picks) == args.n, (len(picks), args.n)
    assert max(counts.values()) <= MAX_PER_SOURCE
    assert not any(r["url"] in taken for r in picks)
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in picks:
            fh.write(json.dumps({k: r[k] for k in FIELDS}, ensure_ascii=False) + "\n")
    print(args.out.name, len(picks), "excluded urls", len(taken), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
