"""Reading files for the per-source hand audit (issue #20): the whole SaudiNewsNet corpus
cleaned in one batch (templates mined per source over all its records), then N random
documents of every source written out with the raw record beside akhbar's title, byline
parts, published_at, clean_text and boilerplate rows.

    python benchmarks/source_audit_read.py --out DIR [--per-source 20] [--seed 2026]

Writes DIR/<source>.txt.  The readers follow benchmarks/audits/source_audit_2026/BRIEF.md
(they do not read the cleaner's code).  Takes about two minutes on one core.
"""

from __future__ import annotations

import argparse
import collections
import glob
import json
import random
import zipfile
from pathlib import Path

from akhbar.clean import LineStats, build_line_stats, clean_document
from akhbar.ingest import RawInput, ingest_unit

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "saudinewsnet"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--per-source", type=int, default=20)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    docs, raws = [], {}
    for z in sorted(glob.glob(str(a.data / "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for i, rec in enumerate(json.loads(zf.read(name))):
                    d = ingest_unit(RawInput(f"{z}#{name}#{i}", "json", rec))
                    if not isinstance(d, str):
                        docs.append(d)
                        raws[d.source_path] = rec
    stats = LineStats()
    stats.merge(build_line_stats(docs))
    stats.prune()
    by_source: dict[str, list] = collections.defaultdict(list)
    for d in docs:
        by_source[d.source].append(d)
    rng = random.Random(a.seed)
    a.out.mkdir(parents=True, exist_ok=True)
    for src in sorted(by_source):
        pick = rng.sample(by_source[src], min(a.per_source, len(by_source[src])))
        out: list[str] = []
        for k, d in enumerate(pick, 1):
            c = clean_document(d, stats)
            rec = raws[d.source_path]
            out += [
                "#" * 100,
                f"## {src} article {k}/{len(pick)}  doc_id={k}",
                f"url: {rec.get('url')}",
                f"RAW record: title={rec.get('title')!r} author={rec.get('author')!r} "
                f"date_extracted={rec.get('date_extracted')!r}",
                f"AKHBAR: title={c.title!r}",
                f"        byline={c.byline!r} person={c.byline_person!r} outlet={c.byline_outlet!r} "
                f"dateline_place={c.dateline_place!r}",
                f"        published_at={c.published_at.isoformat() if c.published_at else None}",
                "---- RAW content ----", rec.get("content") or "",
                "---- AKHBAR clean_text ----", c.clean_text,
                "---- AKHBAR boilerplate rows (line_no, char_start, rule, removed, text) ----",
            ]
            out += [f"  ({r.line_no}, {r.char_start}, {r.rule!r}, True, {r.text!r})" for r in c.removed]
            out += [f"  ({no}, None, 'kept_note', False, {note!r})" for no, note in c.kept_notes]
            out.append("")
        (a.out / f"{src}.txt").write_text("\n".join(out), encoding="utf-8")
        print(src, len(pick))


if __name__ == "__main__":
    main()
