"""Title choice as a ranking over the candidate lines at the top of a page.

Candidates are the headline-shaped lines (2–30 words, no closing full stop, comma or
colon, not mostly Latin) above the first line of substantive prose (a running-text
paragraph that neither a rule nor the line classifier takes for boilerplate) and
within a few lines after it.  A line a certain rule takes (a date or time line, a
related-list or tag header, a share or follow bar, navigation, a copyright, a credit
or byline prefix, a comment form, a prayer widget) is never a candidate: a widget line
is never the title.

Each candidate gets a score from a logistic ranker (weights in the line-classifier
artefact) over:

* how likely the line classifier finds it boilerplate, and its neighbours;
* headline shape: length, a verb, digit and Latin share, symbols, the rules' weaker
  cues (a caption, a name, a section label, an item of a related list);
* widget, ticker and banner vocabulary (weather, markets, prices, sign-up, consent,
  app and notification prompts, «عاجل», «الأكثر قراءة», ads), list numbering
  («1 - …», «٢. …» next to its neighbour's number) and list markers («• …», «- …»);
* its place among the candidates and its distance to the first prose;
* agreement with the first prose that follows it (share of its content words, lightly
  stemmed, that the next paragraphs use: a page's headline is retold by its lead, the
  headlines of other articles in a sidebar or a ticker are not) and whether a later
  line starts with its words (a caption copies its paragraph's opening);
* agreement with the metadata title or the URL slug when the page has them.

The ranker is a conditional logit over the page's candidates and a «no title» option;
the best candidate is the title when its probability passes the threshold (chosen on
held-out families, with pages that have no headline line among them).  Otherwise the
first line is, when it is headline-shaped, not taken for boilerplate and directly above
the text (a plain page dump); else there is none.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from akhbar.clean._text import CLOSERS, Line
from akhbar.clean.features import DENSE_NAMES, FUNCTION_WORDS, RULES, PageFeatures

MAX_POS = 12  # candidates lie among the first lines of the page…
MAX_ABOVE_PROSE = 25  # …or, on a page with a tall top, among the lines above the start of the text
_COPY_WINDOW = 10  # a caption stands near the paragraph it copies
_FALLBACK_MAX_P = 0.97  # the first line of a plain page dump is its headline unless surely boilerplate
_PROSE_WORDS = 80  # words of prose after a candidate compared with it

_F = {name: i for i, name in enumerate(DENSE_NAMES)}
_R = {name: i for i, name in enumerate(RULES)}
# rules whose hit is certain enough that the line is never the title
_NEVER_TITLE = tuple(_R[r] for r in (
    "prayer", "comment", "tags", "social", "navigation", "copyright", "dateline", "age", "related_header",
    "inline_related", "form_label",
))

TITLE_FEATURES = (
    "logit_boiler", "first_cand", "log_cand_idx", "last_cand", "log_to_body", "rel_pos_top", "log_words",
    "words_4_20", "verb", "title_sim", "slug_sim", "meta_known", "digit_share", "latin_share", "symbol",
    "rule_any", "ends_sentence", "next_is_body", "next_logit", "prev_logit", "prev_rule", "is_body",
    "fw_density", "max_sim_other", "prev_headline", "next_headline", "headlines_around", "log_cands_after",
    "next_rule",
    # agreement with the prose that follows, and its rank among the candidates
    "prose_sim", "prose_sim_best", "prose_sim_gap", "opens_later_line", "log_prose_hits", "prose_hits_best",
    # widget vocabulary and list numbering
    "widget_words", "widget_share", "numbered", "numbered_run", "label_colon", "has_time", "pipes",
    # the rules' weaker cues
    "rule_related", "rule_caption", "rule_name", "rule_section", "after_prose", "rule_credit", "list_marker",
)

# Words of widgets, tickers and banners on news pages (line_key form: أ/إ/آ→ا, ة→ه,
# ى→ي): weather, markets and prices, sign-up/consent/app/notification prompts, ads,
# list and ticker headers, media and counters.  A headline may use one («أسعار الذهب
# ترتفع»); the ranker weighs them with the rest.
WIDGET_WORDS = frozenset("""
    الطقس طقس درجه درجات مئويه الحراره العظمي الصغري الرطوبه الرياح مشمس غايم صحو امطار غبار
    تاسي المؤشر مؤشر الاسهم الاسواق البورصه نمو برنت نايمكس داو جونز ناسداك عيار جرام اوقيه بنزين
    الصرف العملات شراء بيع
    عاجل عاجله الان شريط
    اشترك اشتراك للاشتراك الاشتراك سجل تسجيل التسجيل الدخول دخول خروج حساب حسابي حسابك ملفي كلمه المرور العضويه
    النشره البريديه بريدك الالكتروني
    حمل حمل تحميل التطبيق تطبيق تطبيقنا اندرويد ايفون متوفر
    الاشعارات اشعارات التنبيهات تنبيهات فعل تفعيل السماح
    اعلان اعلانات اعلاني ممول الممول مدفوع برعايه اعلن
    ملفات تعريف الارتباط الكوكيز الخصوصيه موافق اوافق قبول رفض التفضيلات
    الاكثر قراءه مشاهده تداولا تعليقا شعبيه الرايج الرايجه ترند
    تابعونا تابعنا شارك انضم قناتنا قناه واتساب تيليجرام سناب
    فيديو الفيديو تشغيل ألبوم البوم معرض مشاهدات المشاهدات قراءات القراءات زيارات مشاهده
    استطلاع صوت التصويت تصويت قيم تقييم
    مواقيت الصلاه اوقات
    طباعه الرييسيه الصفحه التالي السابق
    """.split())
_NUMBERED = re.compile(r"^\(?(\d{1,2})\s*(?:[.\-–—)|:]\s*|\s)(?=\D)")
_TIME = re.compile(r"\b\d{1,2}\s*:\s*\d{2}\b")
_LIST_MARKERS = "*•-–—»·▪●◦○■□►▸"  # an item of a list opens with one
_LABEL_COLON = re.compile(r"^[^:：]{1,25}[:：]\s*\S")

# light stemming for the agreement with the prose: clitics and common suffixes
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
_SUFFIXES = ("ات", "ون", "ين", "ان", "ها", "ه", "ي")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            word = word[len(p):]
            break
    for s in _SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            return word[: -len(s)]
    return word


def _content_stems(words: list[str]) -> set[str]:
    return {_stem(w) for w in words if len(w) >= 2 and w not in FUNCTION_WORDS and not w.isdigit()}


def _prose(feats: PageFeatures, p_boiler: np.ndarray) -> np.ndarray:
    """Lines of substantive prose: running text that no rule takes and the classifier
    does not find boilerplate."""
    d = feats.dense
    return (d[:, _F["is_body"]] > 0) & (d[:, _F["rule_any"]] == 0) & (p_boiler < 0.5)


def text_start(prose: np.ndarray) -> int:
    """Where the text starts: the first prose line that opens a block of prose (three
    of four lines from it, or all the prose of a shorter page), so that a banner
    sentence or a long headline of a list above the title is no start; else the first
    prose line, else the end."""
    pos = np.flatnonzero(prose)
    n = len(prose)
    need = min(3, pos.size)
    for i in pos:
        if prose[i: i + 4].sum() >= need:
            return int(i)
    return int(pos[0]) if pos.size else n


def candidates(lines: list[Line], feats: PageFeatures, p_boiler: np.ndarray | None = None) -> list[int]:
    d = feats.dense
    n = len(lines)
    if p_boiler is None:
        p_boiler = np.zeros(n)
    start = text_start(_prose(feats, p_boiler))
    end = min(max(start + 1, MAX_POS), MAX_ABOVE_PROSE + 1, n)
    never = feats.rules[:, _NEVER_TITLE].any(axis=1)
    out = []
    for ln in lines[:end]:
        p = ln.pos
        if p > start and d[p, _F["is_body"]]:
            continue  # running text after the start of the text
        if (d[p, _F["headline_shape"]] or _ellipsis_headline(ln)) and d[p, _F["latin_share"]] <= 0.5 \
                and not never[p] and p not in feats.repeated and not copies_a_paragraph_opening(lines, p):
            out.append(p)
    return out


def _ellipsis_headline(line: Line) -> bool:
    """A headline that trails off («الثقافة بوصفها علاجاً...»): 2–30 words ending with
    an ellipsis, which the headline shape (no closing full stop) leaves out."""
    t = line.text.rstrip(CLOSERS + " ")
    return 2 <= line.n_words <= 30 and not line.is_body() and (t.endswith("..") or t.endswith("…"))


def copies_a_paragraph_opening(lines: list[Line], c: int) -> bool:
    """Most of the line is the opening of a later, longer line: a caption or a teaser
    that copies its paragraph's first words («📷 <the first words> (أرشيفية)»), which a
    page's headline does not (0.2 % of SaudiNewsNet titles open a paragraph of their
    article so)."""
    words = lines[c].words
    nw = len(words)
    if nw < 3:
        return False
    for q in range(c + 1, min(len(lines), c + 1 + _COPY_WINDOW)):
        lw = lines[q].words
        for i in range(min(3, nw - 2)):  # after at most two words of a label («صورة», «من الموقع»)
            k = 0
            while i + k < nw and k < len(lw) and words[i + k] == lw[k]:
                k += 1
            rest = nw - i - k  # a credit may follow («أرشيفية», «من المصدر»)
            if k >= 3 and rest <= 2 and (k >= 4 or rest == 0) and (i or rest or k >= 5) and len(lw) >= k + 3:
                return True
    return False


def _leading_number(line: Line) -> int | None:
    m = _NUMBERED.match(line.norm)
    return int(m.group(1)) if m else None


def title_features(lines: list[Line], feats: PageFeatures, p_boiler: np.ndarray, cands: list[int],
                   meta_known: bool) -> np.ndarray:
    d = feats.dense
    n = len(lines)
    body = np.flatnonzero(d[:, _F["is_body"]] > 0)
    first_body = int(body[0]) if body.size else n
    prose_mask = _prose(feats, p_boiler)
    prose = np.flatnonzero(prose_mask)
    start = text_start(prose_mask)
    logit = np.log(np.clip(p_boiler, 1e-6, 1 - 1e-6) / np.clip(1 - p_boiler, 1e-6, 1))
    sims = [max(d[c, _F["title_sim"]], d[c, _F["slug_sim"]]) for c in cands]
    # a headline inside a list of headlines (related items, a sidebar) has headline-shaped
    # neighbours; the page's own title usually stands alone
    hl = (d[:, _F["headline_shape"]] > 0) & (d[:, _F["log_words"]] >= math.log1p(4)) & (d[:, _F["is_body"]] == 0)
    # the prose that follows each candidate: its first _PROSE_WORDS words, stemmed
    prose_sims, prose_hits = [], []
    windows: dict[int, set[str]] = {}  # first prose line after a candidate -> stems of the prose from it
    for c in cands:
        after = prose[prose > c]
        first = int(after[0]) if after.size else n
        ref = windows.get(first)
        if ref is None:
            words: list[str] = []
            for q in after:
                words.extend(lines[q].words)
                if len(words) >= _PROSE_WORDS:
                    break
            ref = windows[first] = _content_stems(words[:_PROSE_WORDS])
        stems = _content_stems(lines[c].words)
        prose_sims.append(len(stems & ref) / len(stems) if stems else 0.0)
        prose_hits.append(len(stems & ref))
    best_sim = max(prose_sims, default=0.0)
    best_hits = max(prose_hits, default=0)
    numbers = [_leading_number(ln) for ln in lines[: min(n, MAX_ABOVE_PROSE + 2)]]
    rows = []
    for k, c in enumerate(cands):
        ln = lines[c]
        nw = ln.n_words
        words = ln.words
        widget = sum(1 for w in words if w in WIDGET_WORDS)
        num = numbers[c] if c < len(numbers) else None
        run = num is not None and any(
            0 <= j < len(numbers) and numbers[j] is not None and abs(numbers[j] - num) == 1 for j in (c - 1, c + 1)
        )
        # a later line opens with three of its first words: a caption copies the start
        # of its paragraph («📷 <the paragraph's first words> (أرشيفية)»)
        opens = False
        if nw >= 3:
            grams = {" ".join(words[i: i + 3]) for i in range(min(3, nw - 2))}
            for q in range(c + 1, min(n, c + 40)):
                lw = lines[q].words
                if len(lw) > 3 and " ".join(lw[:3]) in grams:
                    opens = True
                    break
        rows.append((
            logit[c], k == 0, math.log1p(k), k == len(cands) - 1, math.log1p(max(first_body - c, 0)),
            c / max(first_body, 1), math.log1p(nw), 4 <= nw <= 20, d[c, _F["verb"]], d[c, _F["title_sim"]],
            d[c, _F["slug_sim"]], meta_known, d[c, _F["digit_share"]], d[c, _F["latin_share"]], d[c, _F["symbol"]],
            d[c, _F["rule_any"]], d[c, _F["ends_sentence"]], c + 1 < n and d[c + 1, _F["is_body"]] > 0,
            logit[c + 1] if c + 1 < n else 0.0, logit[c - 1] if c > 0 else 0.0,
            d[c - 1, _F["rule_any"]] if c > 0 else 0.0, d[c, _F["is_body"]], d[c, _F["fw_density"]],
            max([s for j, s in enumerate(sims) if j != k], default=0.0),
            c > 0 and hl[c - 1], c + 1 < n and hl[c + 1], hl[max(c - 2, 0): c + 3].sum() - hl[c],
            math.log1p(len(cands) - 1 - k), c + 1 < n and d[c + 1, _F["rule_any"]] > 0,
            prose_sims[k], prose_sims[k] == best_sim and best_sim > 0, best_sim - prose_sims[k], opens,
            math.log1p(prose_hits[k]), prose_hits[k] == best_hits and best_hits > 0,
            min(widget, 3), widget / nw if nw else 0.0, num is not None, run,
            bool(_LABEL_COLON.match(ln.text)), bool(_TIME.search(ln.norm)), ln.text.count("|") + ln.text.count("•"),
            feats.rules[c, _R["related"]], feats.rules[c, _R["caption"]],
            feats.rules[c, _R["looks_like_name"]] or feats.rules[c, _R["name_city"]], feats.rules[c, _R["section_label"]],
            prose.size > 0 and c > prose[0],
            feats.rules[c, _R["photo_credit"]] or feats.rules[c, _R["source_credit"]] or feats.rules[c, _R["byline"]],
            ln.text[:1] in _LIST_MARKERS,
        ))
    return np.array(rows, dtype=np.float64).reshape(len(cands), len(TITLE_FEATURES))


def rank(lines: list[Line], feats: PageFeatures, p_boiler: np.ndarray, model,
         meta_known: bool) -> tuple[float, int | None, int | None]:
    """(probability of the best candidate, its position, the fallback position): the
    fallback is the first line when it is a headline-shaped line without widget words
    that the classifier is not sure is boilerplate, and the text starts right under it
    (a plain page dump: headline, then the text), else None."""
    cands = candidates(lines, feats, p_boiler)
    if not cands:
        return 0.0, None, None
    x = title_features(lines, feats, p_boiler, cands, meta_known)
    z = model.title.scores(x, None)[:, 0]
    k = int(np.argmax(z))
    fallback = None
    if cands[0] == 0 and p_boiler[0] < _FALLBACK_MAX_P and not WIDGET_WORDS.intersection(lines[0].words) \
            and text_start(_prose(feats, p_boiler)) == 1:
        fallback = 0
    return 1.0 / (1.0 + math.exp(-z[k])), cands[k], fallback


def choose_title(lines: list[Line], feats: PageFeatures, p_boiler: np.ndarray, model, meta_known: bool) -> int | None:
    """Position of the title line, or None: the best candidate when the ranker is sure
    enough, else the fallback of :func:`rank` (a page without its headline keeps all its
    lines)."""
    prob, best, fallback = rank(lines, feats, p_boiler, model, meta_known)
    return best if best is not None and prob >= model.title_threshold else fallback


def pick_title(lines: list[Line], doc, feats: PageFeatures, p_boiler: np.ndarray, model) -> tuple[int | None, str | None]:
    """(position, text) of the title of a page whose container gave none, or gave only
    a page-level title (``doc.title`` without ``title_from_container``: an HTML <title>
    with the site's name, say).  A line that agrees with that metadata title is the
    title (the line whose words best match it, when they share most of their words);
    when none does, the metadata title itself is kept, as before."""
    pos = choose_title(lines, feats, p_boiler, model, bool(doc.title or doc.url))
    if doc.title:
        sim = feats.dense[pos, _F["title_sim"]] if pos is not None else 0.0
        if pos is None or sim < 0.5:
            from akhbar.clean._text import line_key

            tkey = line_key(doc.title)
            for ln in lines[:4]:
                if tkey and ln.key == tkey:
                    return ln.pos, doc.title
            best = _best_meta_match(lines, feats, p_boiler, set(tkey.split()))
            if best is not None:
                return best, lines[best].text
            return None, doc.title
    return pos, (lines[pos].text if pos is not None else None)


def _best_meta_match(lines: list[Line], feats: PageFeatures, p_boiler: np.ndarray, meta: set[str]) -> int | None:
    """The candidate whose words and the metadata title's words overlap most (Dice
    coefficient ≥ 0.6: a «<headline> | <site>» <title> against its headline line)."""
    best, best_dice = None, 0.6
    for c in candidates(lines, feats, p_boiler):
        words = set(lines[c].words)
        if not words or not meta:
            continue
        dice = 2 * len(words & meta) / (len(words) + len(meta))
        if dice > best_dice or (best is None and dice == best_dice):
            best, best_dice = c, dice
    return best
