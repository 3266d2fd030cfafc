"""Print the top of entity_catalog for a hand audit (issue: entities an analyst can trust).

    .venv/bin/python benchmarks/catalog_audit.py --output OUT [--top 100]

Run akhbar first on the first 3,000 SaudiNewsNet articles, e.g.
    .venv/bin/python -c "import sys; sys.path.insert(0, 'benchmarks'); import throughput, pathlib; \
        throughput.prepare(pathlib.Path('../shared/data/saudinewsnet'), pathlib.Path('/tmp/snn3k'), 3000)"
    .venv/bin/akhbar run --input /tmp/snn3k --output OUT
Then read each row: a non-name, one entity under several rows (look for the same person or
place further down), two entities in one row (aliases that are different things), a name
a reader would not write. The audit's findings are in docs/ner-evaluation.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from akhbar.catalog import query  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--output", type=Path, required=True)
    ap.add_argument("--top", type=int, default=100)
    args = ap.parse_args()
    cols, rows = query(args.output / "akhbar.duckdb",
                       f"select name, label, name_en, mentions, documents, aliases from entity_catalog "
                       f"order by mentions desc, name limit {int(args.top)}")
    for i, (name, label, en, mentions, docs, aliases) in enumerate(rows, 1):
        shown = "، ".join(aliases[:6]) + (" …" if len(aliases) > 6 else "")
        print(f"{i:3d}. {name} | {label} | {en or '-'} | {mentions} mentions, {docs} docs | {shown}")


if __name__ == "__main__":
    main()
