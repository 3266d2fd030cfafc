"""Stories (same-event clustering) scored on the hand-labelled SaudiNewsNet pairs.

    .venv/bin/python benchmarks/stories_pairs.py                 # dev pairs, text + near-duplicates
    .venv/bin/python benchmarks/stories_pairs.py --entities      # ... + entity ids (NER cached in /tmp)
    .venv/bin/python benchmarks/stories_pairs.py --heldout       # held-out pairs: final figures only

Entities: akhbar's entity stage with the CRF model alone (``ner_bilstm=False``, a pipeline
setting): the default CRF + BiLSTM takes 0.1 CPU-second per article, most of an hour for
the corpus here (``--ner-bilstm`` uses it).

Gold: benchmarks/gold/stories/pairs_{dev,heldout}.jsonl (README there), cross-source article
pairs labelled same event / different event.  Only the chosen part is read.

The realistic test: every article of the corpus whose scrape day lies in the pairs' range
(plus ``--margin-days`` on both sides) is prepared as the pipeline prepares it (akhbar's
ingest, ``clean_document`` with the corpus's line statistics, optionally the entity stage,
and the near-duplicate paragraph links of ``akhbar.dedup``; see benchmarks/_stories_corpus.py),
then :func:`akhbar.stories.assign_stories` runs over them one day at a time in date order,
the state going through its storage form (``to_tables`` / ``from_tables``) between days as it
would between runs.  A gold pair is predicted "same event" when both articles ended in the
same story.  A gold article that akhbar does not keep as a document (empty body) counts as
predicted "different".

Baseline, same run: cosine of the two titles' TF-IDF vectors (words of the normalised titles,
IDF over all titles loaded), "same event" at or above BASELINE_THRESHOLD (chosen on the dev
pairs: best accuracy there).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import _stories_corpus as corpus  # noqa: E402

from akhbar.text import fold_match as normalize  # noqa: E402
from akhbar.stories import StoryDocument, StoryParams, StoryState, assign_stories, story_time  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "stories"
BASELINE_THRESHOLD = 0.42


def load_pairs(heldout: bool) -> list[dict]:
    name = "pairs_heldout.jsonl" if heldout else "pairs_dev.jsonl"
    return [json.loads(line) for line in open(GOLD / name, encoding="utf-8") if line.strip()]


def pair_days(pairs: list[dict], margin: int) -> set[str]:
    days = [dt.date.fromisoformat(p[side]["date_extracted"][:10]) for p in pairs for side in ("a", "b")]
    lo, hi = min(days) - dt.timedelta(days=margin), max(days) + dt.timedelta(days=margin)
    return {(lo + dt.timedelta(days=i)).isoformat() for i in range((hi - lo).days + 1)}


def run_clustering(arts: list[corpus.Article], dups: dict[str, set[str]] | None, entities: bool,
                   params: StoryParams, roundtrip: bool = True, one_batch: bool = False) -> tuple[dict[str, str], dict]:
    """doc_id -> story_id, clustering one day (of story time) at a time (or all at once); and timings."""
    docs = []
    for a in arts:
        when = story_time(a.published_at, a.scraped_at, a.scraped_at or dt.datetime(2015, 1, 1, tzinfo=dt.timezone.utc))
        docs.append(StoryDocument(
            a.doc_id, a.source, when, a.title, a.text,
            entity_ids=a.entity_ids if entities else (),
            duplicate_of=tuple(sorted(dups.get(a.doc_id, ()))) if dups is not None else ()))
    by_day: dict[dt.date, list[StoryDocument]] = defaultdict(list)
    for d in docs:
        by_day[dt.date.min if one_batch else d.time.date()].append(d)
    state = StoryState.empty()
    story: dict[str, str] = {}
    t_assign = t_store = 0.0  # CPU seconds of this process (the machine is shared: wall time is noise)
    wall = time.perf_counter()
    for day in sorted(by_day):
        t0 = time.process_time()
        upd = assign_stories(by_day[day], state, params)
        t1 = time.process_time()
        state = upd.state
        if roundtrip:
            state = StoryState.from_tables(state.to_tables())
        t_assign += t1 - t0
        t_store += time.process_time() - t1
        for a in upd.assignments:
            story[a.doc_id] = a.story_id
    sizes = Counter(len(r.doc_ids) for r in state.stories.values())
    info = {"days": len(by_day), "documents": len(docs), "assign_s": t_assign, "state_roundtrip_s": t_store,
            "wall_s": time.perf_counter() - wall,
            "stories": len(state.stories), "sizes": sizes, "state": state}
    return story, info


def title_baseline(arts: list[corpus.Article], pairs: list[dict], key_to_doc: dict) -> list[float | None]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    titles = {a.doc_id: normalize(a.title or "") for a in arts}
    vec = TfidfVectorizer(token_pattern=r"(?u)\b\w\w+\b")
    vec.fit(list(titles.values()))
    out: list[float | None] = []
    for p in pairs:
        da, db = key_to_doc.get((p["a"]["zip"], p["a"]["idx"])), key_to_doc.get((p["b"]["zip"], p["b"]["idx"]))
        if da is None or db is None:
            out.append(None)
            continue
        m = vec.transform([titles[da], titles[db]])
        out.append(float((m[0] @ m[1].T).toarray()[0, 0]))
    return out


def confusion(gold: list[bool], pred: list[bool]) -> dict:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    tn = sum(not g and not p for g, p in zip(gold, pred))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": prec, "recall": rec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0, "accuracy": (tp + tn) / max(1, len(gold))}


def _line(name: str, c: dict) -> str:
    return (f"{name:34} P {100 * c['precision']:5.1f}  R {100 * c['recall']:5.1f}  F1 {100 * c['f1']:5.1f}  "
            f"acc {100 * c['accuracy']:5.1f}   (tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, tn {c['tn']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--heldout", action="store_true", help="score the held-out pairs (final figures only)")
    ap.add_argument("--entities", action="store_true", help="use entity ids (akhbar's NER, CRF model, cached)")
    ap.add_argument("--ner-bilstm", action="store_true",
                    help="with --entities: the pipeline's default NER (CRF + BiLSTM), 5x slower")
    ap.add_argument("--no-duplicates", action="store_true", help="leave out near-duplicate paragraph links")
    ap.add_argument("--raw", action="store_true", help="raw title + content instead of akhbar's cleaning")
    ap.add_argument("--margin-days", type=int, default=3)
    ap.add_argument("--one-batch", action="store_true",
                    help="cluster the whole range in one call (a first run) and check it equals the daily batches")
    ap.add_argument("--data", type=Path, default=corpus.DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, default=corpus.DEFAULT_CACHE)
    ap.add_argument("--show", action="store_true", help="list the pairs the clustering gets wrong")
    ap.add_argument("--baseline-sweep", action="store_true",
                    help="dev only: the baseline's scores over thresholds (how BASELINE_THRESHOLD was chosen)")
    ap.add_argument("--json", action="store_true")
    for f in StoryParams.__dataclass_fields__.values():
        ap.add_argument("--" + f.name.replace("_", "-"), type=type(f.default), default=f.default)
    args = ap.parse_args(argv)
    params = StoryParams(**{f: getattr(args, f) for f in StoryParams.__dataclass_fields__})
    log = (lambda m: print(m, file=sys.stderr, flush=True))

    pairs = load_pairs(args.heldout)
    days = pair_days(pairs, args.margin_days)
    t0 = time.perf_counter()
    arts, key_to_doc = corpus.load_articles(args.data, days, args.cache, raw=args.raw, log=log)
    dups = None if args.no_duplicates else corpus.duplicate_links(arts, args.cache, log=log)
    if args.entities:
        corpus.add_entities(arts, args.data, days, args.cache, raw=args.raw, bilstm=args.ner_bilstm, log=log)
    t_prep = time.perf_counter() - t0

    story, info = run_clustering(arts, dups, args.entities, params)
    if args.one_batch:
        import resource

        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        whole, winfo = run_clustering(arts, dups, args.entities, params, roundtrip=False, one_batch=True)
        rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        same = sum(whole[d] == story[d] for d in story)
        print(f"one batch: {winfo['assign_s']:.1f} CPU s, peak RSS {rss1 / 1024:.0f} MB (was {rss0 / 1024:.0f} MB); "
              f"same story as the daily batches for {same} of {len(story)} documents", file=sys.stderr)
    gold = [bool(p["same_event"]) for p in pairs]
    missing = 0
    pred = []
    for p in pairs:
        da, db = key_to_doc.get((p["a"]["zip"], p["a"]["idx"])), key_to_doc.get((p["b"]["zip"], p["b"]["idx"]))
        if da is None or db is None:
            missing += 1
        pred.append(da is not None and db is not None and story.get(da) == story.get(db))
    base_sim = title_baseline(arts, pairs, key_to_doc)
    base = [s is not None and s >= BASELINE_THRESHOLD for s in base_sim]
    hard = [bool(p["against_grain"]) for p in pairs]

    res = {
        "part": "heldout" if args.heldout else "dev",
        "pairs": len(pairs), "positives": sum(gold), "articles_missing": missing,
        "input": "raw title + content" if args.raw else "akhbar ingest + clean_document",
        "entities": ("CRF + BiLSTM" if args.ner_bilstm else "CRF") if args.entities else None,
        "duplicates": not args.no_duplicates,
        "params": {f: getattr(params, f) for f in StoryParams.__dataclass_fields__},
        "days": sorted(days)[0] + " .. " + sorted(days)[-1], "documents": info["documents"], "batches": info["days"],
        "n_stories": info["stories"], "assign_seconds": round(info["assign_s"], 2),
        "state_roundtrip_seconds": round(info["state_roundtrip_s"], 2), "wall_seconds": round(info["wall_s"], 1),
        "prepare_seconds": round(t_prep, 1),
        "stories": confusion(gold, pred),
        "stories_against_grain": confusion([g for g, h in zip(gold, hard) if h], [p for p, h in zip(pred, hard) if h]),
        "stories_with_grain": confusion([g for g, h in zip(gold, hard) if not h], [p for p, h in zip(pred, hard) if not h]),
        "baseline": confusion(gold, base),
        "baseline_against_grain": confusion([g for g, h in zip(gold, hard) if h], [p for p, h in zip(base, hard) if h]),
    }
    if args.json:
        print(json.dumps(res, indent=1, ensure_ascii=False, default=str))
        return 0
    sizes = info["sizes"]
    multi = sum(n for s, n in sizes.items() if s > 1)
    print(f"\nstories on SaudiNewsNet pairs, {res['part']} part: {len(pairs)} pairs ({sum(gold)} same event), "
          f"{missing} with an article akhbar does not keep")
    print(f"input: {res['input']}; entities: {res['entities'] or 'no'}; "
          f"near-duplicate links: {'yes' if dups is not None else 'no'}")
    print(f"clustered {info['documents']} documents ({res['days']}) in {info['days']} daily batches: "
          f"{info['stories']} stories, {multi} with more than one document, largest {max(sizes)}; "
          f"CPU seconds: assign_stories {info['assign_s']:.1f}, state to/from tables {info['state_roundtrip_s']:.1f} "
          f"(wall {info['wall_s']:.1f}; preparing the corpus: {t_prep:.0f}s wall)")
    print(_line("stories (same story)", res["stories"]))
    print(_line("  against the grain", res["stories_against_grain"]))
    print(_line("  with the grain", res["stories_with_grain"]))
    print(_line(f"baseline (title cosine >= {BASELINE_THRESHOLD})", res["baseline"]))
    print(_line("  against the grain", res["baseline_against_grain"]))
    if args.baseline_sweep and not args.heldout:
        print("\nbaseline sweep (dev):")
        for th in [x / 100 for x in range(20, 62, 2)]:
            print(_line(f"  title cosine >= {th:.2f}", confusion(gold, [v is not None and v >= th for v in base_sim])))
    if args.show:
        state = info["state"]
        for p, g, q in zip(pairs, gold, pred):
            if g != q:
                da, db = key_to_doc.get((p["a"]["zip"], p["a"]["idx"])), key_to_doc.get((p["b"]["zip"], p["b"]["idx"]))
                sa, sb = story.get(da), story.get(db)
                na = len(state.stories[sa].doc_ids) if sa in state.stories else 0
                nb = len(state.stories[sb].doc_ids) if sb in state.stories else 0
                print(f"\n{'FN' if g else 'FP'} [{p['topic_hint']}] {p['reason']}\n  a ({na}): {p['a']['title']}\n"
                      f"  b ({nb}): {p['b']['title']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
