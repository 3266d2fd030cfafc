"""Recall of the disputed_figures view on disputes annotated blind.

    .venv/bin/python benchmarks/disputes_recall.py OUTPUT_DIR

Gold: benchmarks/gold/disputes_recall/ (README there): 24 stories drawn at random (seed
2312) from the multi-source stories of a run on the first 3,000 SaudiNewsNet articles, read
whole by a helper who had not seen the view's output; every figure that two outlets (or one
article's two named sources) give differently for the same thing, same occasion and place.
OUTPUT_DIR must hold a run on those 3,000 articles (story ids differ between runs: a gold
dispute is matched by its documents and values, not by story). A gold dispute is found when
one dispute of the view holds two of its claims that disagree (doc_id and value)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

GOLD = Path(__file__).resolve().parent / "gold" / "disputes_recall" / "gold.jsonl"


def main() -> None:
    out = Path(sys.argv[1])
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    rows = con.execute("SELECT dispute_id, doc_id, value FROM disputed_figures").fetchall()
    by_dispute: dict[str, set[tuple[str, float]]] = {}
    for d, doc, v in rows:
        by_dispute.setdefault(d, set()).add((doc, round(v, 3)))
    gold = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    found = 0
    for g in gold:
        claims = {(c["doc_id"], round(float(c["value"]), 3)) for c in g["claims"]}
        hit = any(len({v for _, v in claims & members}) >= 2 for members in by_dispute.values())
        found += hit
        print(f"{'found ' if hit else 'missed'}  {g['story'][:2]}  {g['subject']}  "
              f"{sorted({c['value'] for c in g['claims']})}{'  (typo)' if g.get('typo') else ''}")
    print(f"recall {found}/{len(gold)}; the view's disputes in this run: {len(by_dispute)}")


if __name__ == "__main__":
    main()
