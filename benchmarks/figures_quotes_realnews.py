"""Figures and reported statements scored on real news nobody on the project wrote.

    .venv/bin/python benchmarks/figures_quotes_realnews.py             # development part (26 articles)
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout   # first held-aside part (52 articles); scored once
        # at the end of the first round, development data since (issue #24, second round)
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout2  # second held-aside set (40 articles): final
        # figures of the second round, development data since the fourth
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout2 --count-only  # load check, prints no score
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout3  # third held-aside set: scored twice in
        # the fourth round, development data since
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout4  # fourth held-aside set: scored twice in
        # the fifth round, development data since
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout5  # fifth held-aside set: scored twice in
        # the sixth round, validation data since (scored, never read)
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout6  # sixth held-aside set: scored twice in
        # the seventh round, development data since the eighth
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout7  # seventh held-aside set: scored three
        # times in the eighth round, development data since the ninth
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout8  # eighth held-aside set: scored three
        # times in the ninth round, development data since the tenth
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout9  # ninth held-aside set: final figures only
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout10  # tenth held-aside set: final figures only
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout11  # eleventh held-aside set: final figures only
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout12  # twelfth held-aside set: final figures only
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout13  # thirteenth held-aside set: final figures only
    .venv/bin/python benchmarks/figures_quotes_realnews.py --heldout14  # fourteenth held-aside set: final figures only
    .venv/bin/python benchmarks/figures_quotes_realnews.py --errors [--heldout|--heldout2|…|--heldout8]
        # print every miss / false figure / wrong speaker (never on --heldout5, --heldout9, --heldout10, --heldout11, --heldout12, --heldout13, --heldout14)
    .venv/bin/python benchmarks/figures_quotes_realnews.py --speed [--baseline REV]
        # time figures + quotes on all 78 articles, against the code of git revision REV
        # (default: the commit before the figures/quotes change) in the same run

Gold: benchmarks/gold/figq_{dev,heldout}.jsonl over figq_articles_{dev,heldout}.jsonl (78
SaudiNewsNet articles annotated blind following benchmarks/gold/FIGQ_GUIDE.md). Each
article's ``content`` is split by ``akhbar.sentences.split_sentences``; ``extract_figures``
runs on every sentence with ``reference_date`` = the article's ``date_extracted`` day, moved
to the weekday the article names as today by ``anchor_date`` where the code has it (as the
pipeline does), ``extract_quotes`` on the whole content with the sentences and the
entity mentions of ``EntityRecognizer`` (the pipeline's default model).

Figures. A predicted figure is paired with the gold figure it overlaps most (each used
once). *Span* P/R counts any overlapping pair; *strict* P/R needs, besides the overlap,
value, unit, qualifier and kind all right. Field rules, where the pipeline's documented
conventions differ from the guide's wording:
* value: equal values (1e-6 relative); for qualifier ``range`` the bounds must match; for
  dates and years the value is the date: gold ``date`` (yyyy-mm-dd or yyyy-mm) must equal
  ``date_value`` (or its yyyy-mm when gold is a month); a year's value is the year.
* qualifier: the pipeline marks a vague amount («آلاف», «عدة سنوات»: value None with a
  magnitude) ``approx`` even with no qualifier word; that counts as the gold's ``exact``.
* unit: compared after folding (hamza forms, ى/ي, ة/ه, diacritics, a leading «ال»);
  for kinds date and year the pipeline's unit holds the date's precision (day / month /
  year) and is not compared; for percent both sides normally have none.
* kind: gold kind ``time`` (a clock time «الساعة 9.30») is a kind the pipeline lacked when
  this benchmark was written: a predicted ``other`` counts as right for it (and ``time``,
  which the pipeline has since issue #24's second round); every other kind must be equal.

Mappings added in issue #24's second round (each counted in the report, ``mapped``):
* time: the gold gives a clock time no value; the pipeline's value is the hour of the day
  (its schema wants every figure resolved), so for gold kind ``time`` the value is not compared.
* unresolved days: where the gold leaves a date null (a bare «أمس», «اليوم», «غدا» the text
  does not pin), there is nothing to compare the pipeline's date with (it anchors relative days
  on ``date_extracted``, documented in ``akhbar.figures.extract``): the value is not compared.
* Hijri years: a gold year written with «هـ» («العام 1430هـ», value 1430), or between 1300 and 1500
  without it («العام الحالي 1436»; since the ninth round), is, by the pipeline's
  documented convention, a date of precision year (1 Muharram 1430 as ``date_value``): right when
  that date is 1 Muharram of the gold year.
* kind other is optional: the guide makes identifiers, names, scores and phone numbers figures
  of kind ``other`` («المادة 4», «رقم 47840», «طراز "سي 130"», «عرب 48», «2-1», «بهدفين لهدف»,
  «1920 في 1080 بيكسل»); the pipeline documents numbers in names and identifiers, scores and
  phone numbers as *not figures* (module docstring of ``akhbar.figures.extract``, the figures
  table test, the seeds). A gold figure of kind ``other`` that no prediction overlaps is left out
  of the gold; one that a prediction overlaps is scored as any other (a count «هدفين» over
  «بهدفين لهدف» is wrong, a match minute «الدقيقة 16» of kind other right).
* «الحرمين» in the King's title «خادم الحرمين الشريفين», and in the name «(بلاد / أرض) الحرمين
  الشريفين», is a count 2 in the guide and no figure in akhbar (guard ``title_dual``, documented in
  the data contract): since the ninth round, a gold one that no prediction overlaps is left out of
  the gold (counted as ``title_dual_unpaired_left_out``).

Statements. Predicted quotes (a content span, a cue, a speaker span) are paired with gold
statements whose content span they overlap most (each once), a pair with the same cue first
(since issue #24's second round: a gold content that runs over «، مشيراً إلى أن …» is paired
with the «أكد» before it, not with the «مشيراً» statement). *Recall* = paired gold /
gold; *precision* = paired predictions / predictions. *Speaker right*: the predicted
speaker span overlaps the gold speaker span, or its text equals the gold speaker's text
(folded); reported over paired statements and over all gold statements. A second line (since the
ninth round) also counts a speaker named shorter: its words a run of the gold speaker's, two or
more or the last one («الجبير» for «وزير الخارجية السعودي عادل الجبير»). speaker_kind
agreement is reported when the pipeline gives one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from akhbar.text import fold_match, strip_article  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold"
AUDIT: Counter = Counter()  # numbers the extractor turned away, by named guard
FIELDS = ("value", "unit", "qualifier", "kind")
BASELINE_REV = "e3e841e"  # the last commit before any figures/quotes change

_SPELLINGS = {"كيلوجرام": "كيلوغرام", "جرام": "غرام"}  # one unit, two spellings (ج/غ for g)


def fold(s: str | None) -> str | None:
    """MATCH level (akhbar.text), each word's article dropped (words of 5 letters or more);
    «كيلوجرام»/«كيلوغرام» are one unit."""
    if s is None:
        return None
    return " ".join(_SPELLINGS.get(w, w) for w in (strip_article(w, min_len=5) for w in fold_match(s).split()))


# the blind sets in their own folders (benchmarks/gold/figq_<name>/), with what each is now
BLIND_SETS = {
    "heldout2": "score the second held-aside set, benchmarks/gold/figq_heldout2/ (final figures only)",
    "heldout3": "score the third held-aside set, benchmarks/gold/figq_heldout3/ (annotated blind in "
                "the fourth round; scored twice then, development data since)",
    "heldout4": "score the fourth held-aside set, benchmarks/gold/figq_heldout4/ (annotated blind in "
                "the fifth round; scored twice then, development data since)",
    "heldout5": "score the fifth held-aside set, benchmarks/gold/figq_heldout5/ (annotated blind in "
                "the sixth round; scored twice then, a validation set since: scored, never read)",
    "heldout6": "score the sixth held-aside set, benchmarks/gold/figq_heldout6/ (annotated blind in "
                "the seventh round; scored twice then, development data since the eighth)",
    "heldout7": "score the seventh held-aside set, benchmarks/gold/figq_heldout7/ (annotated blind in "
                "the eighth round; scored three times then, development data since the ninth)",
    "heldout8": "score the eighth held-aside set, benchmarks/gold/figq_heldout8/ (annotated blind in "
                "the ninth round; scored three times then, development data since the tenth)",
    "heldout9": "score the ninth held-aside set, benchmarks/gold/figq_heldout9/ (annotated blind in "
                "the tenth round; scored twice then, final figures only, never read)",
    "heldout10": "score the tenth held-aside set, benchmarks/gold/figq_heldout10/ (annotated blind in "
                 "the tenth round, for the changes made after 8692053; final figures only)",
    "heldout11": "score the eleventh held-aside set, benchmarks/gold/figq_heldout11/ (annotated blind in "
                 "the eleventh round; final figures only, never read)",
    "heldout12": "score the twelfth held-aside set, benchmarks/gold/figq_heldout12/ (annotated blind in "
                 "the twelfth round; final figures only, never read)",
    "heldout13": "score the thirteenth held-aside set, benchmarks/gold/figq_heldout13/ (annotated blind in "
                 "the thirteenth round; final figures only, never read)",
    "heldout14": "score the fourteenth held-aside set, benchmarks/gold/figq_heldout14/ (annotated blind in "
                 "the fourteenth round; final figures only, never read)",
}
NOT_READ = ("heldout5", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14")  # sets whose errors are never printed (validation, final figures)


def _paths(part: str) -> tuple[Path, Path]:
    """(articles, gold) files of a part: dev, heldout, or heldout2 (its own folder, annotated
    blind after the first round and kept aside: final figures only)."""
    if part in BLIND_SETS:
        return GOLD / f"figq_{part}" / "articles.jsonl", GOLD / f"figq_{part}" / f"figq_{part}.jsonl"
    return GOLD / f"figq_articles_{part}.jsonl", GOLD / f"figq_{part}.jsonl"


def load(part: str) -> list[tuple[dict, dict]]:
    art_path, gold_path = _paths(part)
    arts = {}
    for line in open(art_path, encoding="utf-8"):
        a = json.loads(line)
        arts[a["id"]] = a
    return [(arts[g["id"]], g) for g in map(json.loads, open(gold_path, encoding="utf-8"))]


def _title_dual(g: dict, text: str) -> bool:
    """«الحرمين» in the title «خادم الحرمين الشريفين» or in the name «(بلاد/أرض) الحرمين الشريفين»: a
    count 2 in the guide, not a figure in akhbar (``title_dual``, see the docstring)."""
    if not (g["kind"] == "count" and g["value"] == 2 and "حرمين" in g["text"]):
        return False
    before, after = text[max(0, g["start"] - 8):g["start"]], text[g["end"]:g["end"] + 9]
    return any(w in before for w in ("خادم", "بلاد", "أرض", "ارض")) or after.lstrip().startswith("الشريف")


def _optional(g: dict) -> bool:
    """A gold figure of kind other: an identifier, a name, a score, a phone number (see the docstring)."""
    return g["kind"] == "other"


def _hijri_year_start(y: float) -> dt.date | None:
    try:
        from hijridate import Hijri

        h = Hijri(int(y), 1, 1).to_gregorian()
        return dt.date(h.year, h.month, h.day)
    except (ImportError, ValueError, OverflowError):
        return None


def ref_date(art: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(art["date_extracted"][:10])
    except (KeyError, TypeError, ValueError):
        return None


def predict(art: dict, recognizer) -> tuple[list, list]:
    from akhbar.figures import extract_figures
    from akhbar.quotes import extract_quotes
    from akhbar.sentences import split_sentences

    text = art["content"]
    sents = split_sentences(text)
    ref = ref_date(art)
    try:
        from akhbar.figures import anchor_date
    except ImportError:  # the code before the article's own weekday anchored its dates
        pass
    else:
        ref = anchor_date(text, ref)
    figs = []
    for s in sents:
        try:
            from akhbar.figures import audit_figures
        except ImportError:  # the code before the guards were named
            found = extract_figures(s.text, reference_date=ref)
        else:
            found, audit = audit_figures(s.text, reference_date=ref)
            AUDIT.update(audit)
        for f in found:
            f.start += s.start
            f.end += s.start
            figs.append(f)
    mentions = recognizer.annotate(text, sents) if recognizer is not None else []
    return figs, extract_quotes(text, sents, mentions)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def pair(gold: list, pred: list, gspan, pspan, same=None) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing by largest overlap; with ``same``, overlapping pairs for which
    ``same(g, p)`` holds come first (statements: the same cue)."""
    cands = []
    for i, g in enumerate(gold):
        g0, g1 = gspan(g)
        for j, p in enumerate(pred):
            o = _overlap(g0, g1, *pspan(p))
            if o > 0:
                cands.append((-(same(g, p) if same else 0), -o, i, j))
    used_g, used_p, out = set(), set(), []
    for _, _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


MAPPED: Counter = Counter()  # pairs where a mapping of the docstring decided a field


def field_ok(g: dict, p) -> dict[str, bool]:
    kind_ok = p.kind == g["kind"] or (g["kind"] == "time" and p.kind in ("other", "time"))
    # a Hijri year alone is a date of year precision in akhbar (module doc of akhbar.figures.extract),
    # a year in the guide: the same year either way, with «هـ» written or not («العام الحالي 1436»)
    hijri_year = (g["kind"] == "year" and p.kind == "date" and p.unit == "year" and g["value"] is not None
                  and ("هـ" in g["text"] or "ه" in g["text"].split()[-1][-2:] or 1300 <= g["value"] <= 1500))
    if hijri_year:
        kind_ok = True
        value_ok = p.date_value is not None and p.date_value == _hijri_year_start(g["value"])
        MAPPED["hijri_year"] += 1
    elif g["kind"] == "time":
        value_ok = True
        MAPPED["time_value"] += 1
    elif g["kind"] == "date" and not g.get("date") and p.kind == "date":
        value_ok = True
        MAPPED["unresolved_day"] += 1
    elif g["kind"] == "date":
        gd = g.get("date")
        pd_ = p.date_value.isoformat() if p.date_value else None
        if gd and pd_ and len(gd) == 7:
            pd_ = pd_[:7]
        value_ok = gd == pd_
    elif g["qualifier"] == "range" or p.qualifier == "range":
        value_ok = _close(g["value_low"], p.value_low) and _close(g["value_high"], p.value_high)
    else:
        value_ok = _close(g["value"], p.value)
    vague_pred = p.value is None and p.magnitude is not None and p.qualifier == "approx"
    qual_ok = p.qualifier == g["qualifier"] or (vague_pred and g["qualifier"] == "exact")
    if g["kind"] in ("date", "year") and p.kind in ("date", "year"):
        unit_ok = True
    else:
        unit_ok = fold(g["unit"]) == fold(p.unit)
    return {"value": value_ok, "unit": unit_ok, "qualifier": qual_ok, "kind": kind_ok}


def _speaker_ok(g: dict, p, text: str) -> bool:
    if p.speaker is None:
        return False
    if p.speaker_start is not None and g.get("speaker_start") is not None:
        if _overlap(g["speaker_start"], g["speaker_end"], p.speaker_start, p.speaker_end) > 0:
            return True
    return fold(p.speaker) == fold(g["speaker"])


def _speaker_named_part(g: dict, p) -> bool:
    """The predicted speaker's words are a run of the gold speaker's words, two or more or its
    last one: the same person named shorter («الجبير», «عماد أحمد» for «وزير الخارجية السعودي
    عادل الجبير», «… للاتحاد عماد احمد»), as a continuation's speaker often is."""
    if p.speaker is None:
        return False
    pw, gw = fold(p.speaker).split(), fold(g["speaker"]).split()
    if not pw or len(pw) > len(gw):
        return False
    runs = [k for k in range(len(gw) - len(pw) + 1) if gw[k:k + len(pw)] == pw]
    return any(len(pw) >= 2 or k + 1 == len(gw) for k in runs)


def score(items, recognizer, errors: bool = False) -> dict:
    c = Counter()
    field_agree = Counter()
    kind_conf = Counter()
    for art, g in items:
        text = art["content"]
        figs, quotes = predict(art, recognizer)
        gf = g["figures"]
        c["fig_pred"] += len(figs)
        pairs = pair(gf, figs, lambda x: (x["start"], x["end"]), lambda f: (f.start, f.end))
        left_out = {i for i, x in enumerate(gf) if _optional(x)} - {i for i, _ in pairs}
        MAPPED["other_unpaired_left_out"] += len(left_out)
        titles = {i for i, x in enumerate(gf) if _title_dual(x, text)} - {i for i, _ in pairs}
        MAPPED["title_dual_unpaired_left_out"] += len(titles)
        left_out |= titles
        c["fig_gold"] += len(gf) - len(left_out)
        c["fig_span_tp"] += len(pairs)
        paired_g = {i for i, _ in pairs}
        paired_p = {j for _, j in pairs}
        for i, j in pairs:
            ok = field_ok(gf[i], figs[j])
            for k, v in ok.items():
                field_agree[k] += v
            if not ok["kind"]:
                kind_conf[(gf[i]["kind"], figs[j].kind)] += 1
            if all(ok.values()):
                c["fig_strict_tp"] += 1
            elif errors:
                f = figs[j]
                bad = ",".join(k for k, v in ok.items() if not v)
                print(f"WRONG[{bad}] {art['id']} gold «{gf[i]['text']}» v={gf[i]['value']} "
                      f"{gf[i]['qualifier']} {gf[i]['kind']} u={gf[i]['unit']} d={gf[i]['date']} | pred "
                      f"«{f.text}» v={f.value} [{f.value_low},{f.value_high}] {f.qualifier} {f.kind} u={f.unit} "
                      f"d={f.date_value} :: …{text[max(0, f.start - 40):f.end + 25]}…".replace("\n", " "))
        if errors:
            for i, x in enumerate(gf):
                if i not in paired_g and i not in left_out:
                    print(f"MISSED {art['id']} «{x['text']}» {x['kind']} v={x['value']} u={x['unit']} :: "
                          f"…{text[max(0, x['start'] - 40):x['end'] + 25]}…".replace("\n", " "))
            for j, f in enumerate(figs):
                if j not in paired_p:
                    print(f"FALSE {art['id']} «{f.text}» {f.kind} v={f.value} u={f.unit} :: "
                          f"…{text[max(0, f.start - 40):f.end + 25]}…".replace("\n", " "))
        gs = g["statements"]
        c["st_gold"] += len(gs)
        c["st_pred"] += len(quotes)
        qpairs = pair(gs, quotes, lambda x: (x["content_start"], x["content_end"]), lambda q: (q.start, q.end),
                      same=lambda x, q: fold(x["cue"]) == fold(q.cue))
        c["st_tp"] += len(qpairs)
        for i, j in qpairs:
            ok = _speaker_ok(gs[i], quotes[j], text)
            c["st_speaker_ok"] += ok
            c["st_speaker_named"] += ok or _speaker_named_part(gs[i], quotes[j])
            sk = getattr(quotes[j], "speaker_kind", None)
            if sk is not None:
                c["st_kind_seen"] += 1
                c["st_kind_ok"] += sk == gs[i]["speaker_kind"]
            if not ok and errors:
                q = quotes[j]
                print(f"SPEAKER {art['id']} cue «{gs[i]['cue']}» gold «{gs[i]['speaker']}» pred «{q.speaker}» "
                      f"(cue «{q.cue}») :: …{text[max(0, gs[i]['cue_start'] - 60):gs[i]['cue_start'] + 50]}…"
                      .replace("\n", " "))
        if errors:
            pq = {i for i, _ in qpairs}
            for i, x in enumerate(gs):
                if i not in pq:
                    print(f"ST-MISSED {art['id']} cue «{x['cue']}» speaker «{x['speaker']}» :: "
                          f"…{text[max(0, x['cue_start'] - 60):x['content_start'] + 40]}…".replace("\n", " "))
            pp = {j for _, j in qpairs}
            for j, q in enumerate(quotes):
                if j not in pp:
                    print(f"ST-FALSE {art['id']} cue «{q.cue}» speaker «{q.speaker}» «{q.text[:60]}»".replace("\n", " "))
    return {"c": c, "fields": field_agree, "kind_conf": kind_conf}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def report(name: str, r: dict) -> None:
    c, fa = r["c"], r["fields"]
    sp, sr = _ratio(c["fig_span_tp"], c["fig_pred"]), _ratio(c["fig_span_tp"], c["fig_gold"])
    p, rc = _ratio(c["fig_strict_tp"], c["fig_pred"]), _ratio(c["fig_strict_tp"], c["fig_gold"])
    print(f"== {name}: {c['fig_gold']} gold figures, {c['fig_pred']} predicted")
    print(f"figures strict  P {p:.3f}  R {rc:.3f}  ({c['fig_strict_tp']} right)")
    print(f"figures span    P {sp:.3f}  R {sr:.3f}  ({c['fig_span_tp']} overlapping pairs)")
    print("field agreement on overlapping pairs: "
          + "  ".join(f"{k} {_ratio(fa[k], c['fig_span_tp']):.3f}" for k in FIELDS))
    if r["kind_conf"]:
        print("kind confusions (gold→pred): "
              + ", ".join(f"{g}→{p} {n}" for (g, p), n in r["kind_conf"].most_common(8)))
    print(f"statements: {c['st_gold']} gold, {c['st_pred']} predicted; recall {_ratio(c['st_tp'], c['st_gold']):.3f} "
          f"({c['st_tp']}), precision {_ratio(c['st_tp'], c['st_pred']):.3f}")
    print(f"speaker right: {_ratio(c['st_speaker_ok'], c['st_tp']):.3f} of paired ({c['st_speaker_ok']}/{c['st_tp']}), "
          f"{_ratio(c['st_speaker_ok'], c['st_gold']):.3f} of all gold")
    print(f"speaker right or named shorter (see the docstring): {_ratio(c['st_speaker_named'], c['st_tp']):.3f} of paired "
          f"({c['st_speaker_named']}/{c['st_tp']}), {_ratio(c['st_speaker_named'], c['st_gold']):.3f} of all gold")
    if MAPPED:
        print("mapped (see the docstring): " + ", ".join(f"{k} {n}" for k, n in sorted(MAPPED.items())))
    if AUDIT:
        print("not figures (audit, by guard): " + ", ".join(f"{k} {n}" for k, n in AUDIT.most_common()))
    if c["st_kind_seen"]:
        print(f"speaker_kind agreement on paired: {_ratio(c['st_kind_ok'], c['st_kind_seen']):.3f} "
              f"({c['st_kind_ok']}/{c['st_kind_seen']})")


_TIMER = r"""
import json, sys, time, datetime as dt
sys.path.insert(0, sys.argv[1])
from akhbar.figures import extract_figures
from akhbar.quotes import extract_quotes
from akhbar.sentences import split_sentences
arts = [json.loads(l) for p in sys.argv[2:] for l in open(p, encoding="utf-8")]
docs = [(a["content"], split_sentences(a["content"]), dt.date.fromisoformat(a["date_extracted"][:10])) for a in arts]
best_f = best_q = 1e9
for _ in range(5):
    t = time.process_time()
    for text, sents, ref in docs:
        for s in sents:
            extract_figures(s.text, reference_date=ref)
    best_f = min(best_f, time.process_time() - t)
    t = time.process_time()
    for text, sents, ref in docs:
        extract_quotes(text, sents, [])
    best_q = min(best_q, time.process_time() - t)
print(json.dumps({"figures_s": best_f, "quotes_s": best_q, "sentences": sum(len(d[1]) for d in docs)}))
"""


def speed(rev: str) -> None:
    """Figures and quotes (without mentions) over the 78 articles, best of 5, for this tree and
    for git revision ``rev`` unpacked to a temporary folder, each in its own process."""
    files = [str(GOLD / f"figq_articles_{p}.jsonl") for p in ("dev", "heldout")]
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "akhbar"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        out: dict[str, dict] = {}
        for _ in range(3):  # alternate the two, so load on the machine hits both alike
            for name, root in (("baseline", tmp), ("tree", str(ROOT))):
                env = dict(os.environ, PYTHONPATH=root)
                res = subprocess.run([sys.executable, "-c", _TIMER, root, *files], check=True, capture_output=True,
                                     text=True, env=env, cwd=tmp)
                got = json.loads(res.stdout.strip().splitlines()[-1])
                prev = out.setdefault(name, got)
                for k in ("figures_s", "quotes_s"):
                    prev[k] = min(prev[k], got[k])
    b, t = out["baseline"], out["tree"]
    print(f"speed over {t['sentences']} sentences (CPU seconds, best of 3 processes x 5 passes, alternated), baseline {rev}:")
    for k in ("figures_s", "quotes_s"):
        print(f"  {k[:-2]:8s} baseline {b[k]:.3f}s  this tree {t[k]:.3f}s  ratio {t[k] / b[k]:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--heldout", action="store_true", help="score the first held-aside part (52 articles)")
    for part, help_text in BLIND_SETS.items():
        ap.add_argument(f"--{part}", action="store_true", help=help_text)
    ap.add_argument("--count-only", action="store_true",
                    help="load the part and print its numbers of articles, figures and statements; no scoring")
    ap.add_argument("--errors", action="store_true",
                    help=f"print each error (never with {' or '.join('--' + p for p in NOT_READ)})")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--baseline", default=BASELINE_REV)
    args = ap.parse_args()
    if args.speed:
        speed(args.baseline)
        return
    # the newest set asked for wins, as the flags were read before
    part = next((p for p in reversed(["heldout", *BLIND_SETS]) if getattr(args, p)), "dev")
    if args.errors and part in NOT_READ:
        sys.exit("--errors is not for the held-aside set (final figures only)")
    if args.count_only:
        items = load(part)
        print(f"{part}: {len(items)} articles, {sum(len(g['figures']) for _, g in items)} figures, "
              f"{sum(len(g['statements']) for _, g in items)} statements")
        return
    from akhbar.entities import EntityRecognizer

    rec = EntityRecognizer.load()
    t = time.process_time()
    r = score(load(part), rec, errors=args.errors)
    report(part, r)
    print(f"({time.process_time() - t:.1f}s)")


if __name__ == "__main__":
    main()
