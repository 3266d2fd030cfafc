"""Title choice as a ranking over the candidate lines at the top of a page.

Candidates are the headline-shaped lines (2–30 words, no closing full stop, comma or
colon) among the first lines, up to the first running-text paragraph.  Each gets a score
from a logistic ranker (weights in the line-classifier artefact) over: how likely the
line classifier finds it boilerplate (a weather box, a consent banner, a caption, a
ticker are), its place among the candidates and its distance to the first paragraph,
its length and verb, and its agreement with the metadata title or the URL slug when the
page has them.  The best candidate is the title when its score passes the threshold;
a page whose top holds nothing headline-like gets none.
"""

from __future__ import annotations

import math

import numpy as np

from akhbar.clean._text import Line
from akhbar.clean.features import DENSE_NAMES, PageFeatures

MAX_POS = 12  # candidates lie among the first lines of the page

_F = {name: i for i, name in enumerate(DENSE_NAMES)}
TITLE_FEATURES = (
    "logit_boiler", "first_cand", "log_cand_idx", "last_cand", "log_to_body", "rel_pos_top", "log_words",
    "words_4_20", "verb", "title_sim", "slug_sim", "meta_known", "digit_share", "latin_share", "symbol",
    "rule_any", "ends_sentence", "next_is_body", "next_logit", "prev_logit", "prev_rule", "is_body",
    "fw_density", "max_sim_other", "prev_headline", "next_headline", "headlines_around", "log_cands_after",
    "next_rule",
)


def candidates(lines: list[Line], feats: PageFeatures) -> list[int]:
    d = feats.dense
    body = np.flatnonzero(d[:, _F["is_body"]] > 0)
    first_body = int(body[0]) if body.size else len(lines)
    out = []
    for ln in lines[: min(MAX_POS, first_body + 1)]:
        if d[ln.pos, _F["headline_shape"]] and d[ln.pos, _F["latin_share"]] <= 0.5:
            out.append(ln.pos)
    return out


def title_features(lines: list[Line], feats: PageFeatures, p_boiler: np.ndarray, cands: list[int],
                   meta_known: bool) -> np.ndarray:
    d = feats.dense
    n = len(lines)
    body = np.flatnonzero(d[:, _F["is_body"]] > 0)
    first_body = int(body[0]) if body.size else n
    logit = np.log(np.clip(p_boiler, 1e-6, 1 - 1e-6) / np.clip(1 - p_boiler, 1e-6, 1))
    sims = [max(d[c, _F["title_sim"]], d[c, _F["slug_sim"]]) for c in cands]
    # a headline inside a list of headlines (related items, a sidebar) has headline-shaped
    # neighbours; the page's own title usually stands alone
    hl = (d[:, _F["headline_shape"]] > 0) & (d[:, _F["log_words"]] >= math.log1p(4)) & (d[:, _F["is_body"]] == 0)
    rows = []
    for k, c in enumerate(cands):
        nw = lines[c].n_words
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
        ))
    return np.array(rows, dtype=np.float64).reshape(len(cands), len(TITLE_FEATURES))


def choose_title(lines: list[Line], feats: PageFeatures, p_boiler: np.ndarray, model, meta_known: bool) -> int | None:
    """Position of the title line, or None."""
    cands = candidates(lines, feats)
    if not cands:
        return None
    x = title_features(lines, feats, p_boiler, cands, meta_known)
    z = model.title.scores(x, None)[:, 0]
    k = int(np.argmax(z))
    if 1.0 / (1.0 + math.exp(-z[k])) < model.title_threshold:
        # no confident choice: as the rule cascade did, a headline-shaped line among the
        # first four, provided the classifier does not take it for boilerplate
        return next((c for c in cands if c < 4 and p_boiler[c] < 0.5), None)
    return cands[k]


def pick_title(lines: list[Line], doc, feats: PageFeatures, p_boiler: np.ndarray, model) -> tuple[int | None, str | None]:
    """(position, text) of the title of a page whose container gave none, or gave only
    a page-level title (``doc.title`` without ``title_from_container``: an HTML <title>
    with the site's name, say).  A line that agrees with that metadata title is the
    title; when none does, the metadata title itself is kept, as before."""
    pos = choose_title(lines, feats, p_boiler, model, bool(doc.title or doc.url))
    if doc.title:
        sim = feats.dense[pos, _F["title_sim"]] if pos is not None else 0.0
        if pos is None or sim < 0.5:
            from akhbar.clean._text import line_key

            tkey = line_key(doc.title)
            for ln in lines[:4]:
                if tkey and ln.key == tkey:
                    return ln.pos, doc.title
            return None, doc.title
    return pos, (lines[pos].text if pos is not None else None)
