"""Entity recognition scored on real news nobody on the project wrote.

    .venv/bin/python benchmarks/ner_realnews.py            # development part (13 articles)
    .venv/bin/python benchmarks/ner_realnews.py --heldout  # held-aside part (26 articles): final figures only
    .venv/bin/python benchmarks/ner_realnews.py --heldout2 # second held-aside set (30 articles, 451 mentions)

Gold: benchmarks/gold/ner_{dev,heldout}.jsonl, every PER/ORG/LOC mention of 39 SaudiNewsNet
articles (13 sources) annotated by annotators who had not seen akhbar's output, following
benchmarks/gold/NER_GUIDE.md, frozen before the entity code changed. The recogniser runs on
each article's `content` as given (split into sentences by akhbar), so this measures the
entity stage alone, not cleaning; gold and predicted mentions inside the annotators'
boilerplate ranges (footers, tag lines) are left out on both sides.

Exact: same start, end and label. Overlap: same label and at least one shared character
(each gold mention matched once, greedily). Predicted MISC mentions are ignored (the gold
has no MISC).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from akhbar.entities import EntityRecognizer  # noqa: E402
from akhbar.sentences import split_sentences  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold"
LABELS = ("PER", "ORG", "LOC")


def load(part: str) -> list[tuple[dict, dict]]:
    folder = GOLD / "ner_heldout2" if part == "heldout2" else GOLD
    arts = {}
    for line in open(folder / f"articles_{part}.jsonl", encoding="utf-8"):
        a = json.loads(line)
        arts[a["id"]] = a
    out = []
    for line in open(folder / f"ner_{part}.jsonl", encoding="utf-8"):
        g = json.loads(line)
        out.append((arts[g["id"]], g))
    return out


def predict(rec: EntityRecognizer, text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.label, m.text) for m in rec.annotate(text, split_sentences(text)) if m.label in LABELS]


def score(items, rec, show: bool = False) -> dict:
    tp_e, tp_o, n_gold, n_pred = Counter(), Counter(), Counter(), Counter()
    tp_o_pred = Counter()
    for art, g in items:
        text = art["content"]
        bp = [(b["start"], b["end"]) for b in g["boilerplate"]]
        inside = lambda s, e: any(s < be and e > bs for bs, be in bp)  # noqa: E731
        gold = [(e["start"], e["end"], e["label"], e["text"]) for e in g["entities"] if not inside(e["start"], e["end"])]
        pred = [p for p in predict(rec, text) if not inside(p[0], p[1])]
        gset = {(s, e, lab) for s, e, lab, _ in gold}
        for s, e, lab, _ in gold:
            n_gold[lab] += 1
        for s, e, lab, _ in pred:
            n_pred[lab] += 1
            if (s, e, lab) in gset:
                tp_e[lab] += 1
        used = set()
        for gi, (s, e, lab, _) in enumerate(gold):
            for pi, (ps, pe, plab, _) in enumerate(pred):
                if pi not in used and plab == lab and ps < e and pe > s:
                    used.add(pi)
                    tp_o[lab] += 1
                    break
        tp_o_pred.update(pred[pi][2] for pi in used)
        if show:
            got = {(s, e, lab) for s, e, lab, _ in pred}
            print(f"\n== {art['id']} {art['source']}")
            for s, e, lab, t in gold:
                if not any(lab == pl and ps < e and pe > s for ps, pe, pl, _ in pred):
                    print(f"  missed {lab} {t}")
            for s, e, lab, t in pred:
                if not any(lab == gl and gs < e and ge > s for gs, ge, gl, _ in gold):
                    print(f"  wrong  {lab} {t}")
    rows = {}
    for lab in (*LABELS, "micro"):
        pick = LABELS if lab == "micro" else (lab,)
        g = sum(n_gold[x] for x in pick)
        p = sum(n_pred[x] for x in pick)
        te = sum(tp_e[x] for x in pick)
        to = sum(tp_o[x] for x in pick)
        f = lambda tp: (tp / p if p else 0.0, tp / g if g else 0.0)  # noqa: E731
        pe, re_ = f(te)
        po, ro = f(to)
        rows[lab] = dict(gold=g, pred=p, tp_exact=te, tp_overlap=to,
                         P_exact=pe, R_exact=re_, F_exact=2 * pe * re_ / (pe + re_) if pe + re_ else 0.0,
                         P_overlap=po, R_overlap=ro, F_overlap=2 * po * ro / (po + ro) if po + ro else 0.0)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--heldout", action="store_true", help="score the held-aside part (final figures only)")
    ap.add_argument("--heldout2", action="store_true",
                    help="score the second held-aside set (30 articles, annotated 2026-12-05; final figures only)")
    ap.add_argument("--no-bilstm", action="store_true")
    ap.add_argument("--show", action="store_true", help="list misses and false mentions")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    part = "heldout2" if args.heldout2 else "heldout" if args.heldout else "dev"
    rec = EntityRecognizer.load(use_model=True, bilstm=not args.no_bilstm)
    rows = score(load(part), rec, show=args.show)
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(f"\nreal-news NER, {part} part")
    print(f"{'label':6} {'gold':>5} {'pred':>5} | {'P':>5} {'R':>5} {'F1':>5} exact | {'P':>5} {'R':>5} {'F1':>5} overlap")
    for lab, r in rows.items():
        print(f"{lab:6} {r['gold']:5d} {r['pred']:5d} | {100*r['P_exact']:5.1f} {100*r['R_exact']:5.1f} {100*r['F_exact']:5.1f}       "
              f"| {100*r['P_overlap']:5.1f} {100*r['R_overlap']:5.1f} {100*r['F_overlap']:5.1f}")


if __name__ == "__main__":
    main()
