"""Draw a seeded sample of count and money figures from the development articles with
their subject, for judging by hand (issue #23; the audit is benchmarks/figures_subject_audit.md).

    .venv/bin/python benchmarks/figures_subject_sample.py [--n 60] [--seed 23]

Reads benchmarks/gold/figq_articles_dev.jsonl only (never the held-out part).  Each article's
content is split by ``akhbar.sentences.split_sentences``, figures are extracted per sentence with
the article's ``date_extracted`` day as reference date, and subjects are resolved over the
whole article by ``document_subjects``, as the pipeline does.  ``--n`` of the count and money
figures are drawn (seeded) and printed: sentence, figure, unit, subject, key.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from akhbar.figures import extract_figures  # noqa: E402
from akhbar.figures.subject import document_subjects, subject_key, subject_text  # noqa: E402
from akhbar.sentences import split_sentences  # noqa: E402

DEV = ROOT / "benchmarks" / "gold" / "figq_articles_dev.jsonl"


def rows() -> list[dict]:
    out = []
    for line in DEV.read_text("utf-8").splitlines():
        a = json.loads(line)
        ref = dt.date.fromisoformat(a["date_extracted"][:10])
        items = [(s.text, f) for s in split_sentences(a["content"]) for f in extract_figures(s.text, reference_date=ref)]
        for (text, f), sub in zip(items, document_subjects(items)):
            if f.kind in ("count", "money"):
                out.append({"article": a["id"], "sentence": text, "figure": f.text, "kind": f.kind, "unit": f.unit,
                            "subject": subject_text(sub), "key": subject_key(sub)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=23)
    args = ap.parse_args()
    pool = rows()
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    print(f"{len(pool)} count/money figures in {DEV.name}; {len(sample)} drawn (seed {args.seed})\n")
    for i, r in enumerate(sample, 1):
        print(f"[{i}] {r['article']}  {r['kind']}  «{r['figure']}»  unit={r['unit']}")
        print(f"    sentence: {r['sentence']}")
        print(f"    subject:  {r['subject']}")
        print(f"    key:      {r['key']}\n")


if __name__ == "__main__":
    main()
