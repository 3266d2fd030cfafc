"""CRF features for Arabic NER.

Feature groups (each can be switched off for the ablation in
``akhbar/training/train_ner.py``):

- ``base``: normalised form, clitic-stripped form, proclitic/article flags,
  prefixes/suffixes, shape, length, position, neighbours ±2 and bigrams;
- ``clusters``: word2vec/k-means cluster ids (3 granularities) of the token and
  of its clitic-stripped form, and of neighbours;
- ``triggers``: title/role words before names, organisation heads, place cues,
  nationality adjectives, reporting verbs (own token and neighbours);
- ``gaz``: external gazetteer (CLDR/pycountry/hand list) longest-match BIO tags;
- ``tgaz``: names harvested from the training data (built cross-fold when
  training, from all training data at runtime);
- ``olex``: organisation names harvested from unlabelled SaudiNewsNet after
  head nouns («شركة», «فريق», «صحيفة»…: akhbar/training/build_org_lexicon.py).
"""

from __future__ import annotations

import functools
import os
from typing import NamedTuple

import numpy as np

from akhbar.entities import gazetteer as gz
from akhbar.text import CONJUNCTIONS, PREPOSITIONS, PROCLITIC_LETTERS, fold_key, fold_key_word, fold_match, strip_invisible
from akhbar.text.caches import WORD_CACHE_MAX, WORD_VARIANTS_CACHE_MAX
from akhbar.text.counts import corpus_words, read_clusters

ALL_GROUPS = ("base", "clusters", "triggers", "gaz", "tgaz", "olex")
OPTIONAL_GROUPS = ("emb",)  # dense word2vec features (experiment, not shipped)
CLUSTERS_PATH: str | None = None  # training experiments only (akhbar/training/train_ner.py --clusters)


@functools.lru_cache(maxsize=1)
def load_clusters() -> dict[str, tuple[int, str, str, str]]:
    """word -> (count, fine, mid, coarse) from ``clusters.tsv`` (empty if absent): the text
    layer's table (:func:`akhbar.text.counts.corpus_words`, read once per process), or an
    experiment's file (``CLUSTERS_PATH``)."""
    return read_clusters(CLUSTERS_PATH) if CLUSTERS_PATH else corpus_words()


@functools.lru_cache(maxsize=1)
def load_embeddings() -> dict[str, list[tuple[str, float]]]:
    """word -> dense features [("e0", v0), ...] from ``emb.npy`` (PCA'd word2vec,
    int8, rows aligned with ``clusters.tsv``); empty if absent."""
    path = os.path.join(gz.RESOURCE_DIR, "emb.npy")
    if not os.path.exists(path):
        return {}
    import numpy as np

    m = np.load(path).astype(np.float32) / 127.0
    words = list(load_clusters().keys())
    names = [f"e{k}" for k in range(m.shape[1])]
    return {w: list(zip(names, (round(float(v), 2) for v in row))) for w, row in zip(words, m)}


def _shape(t: str) -> str:
    if t.isdigit() or t.replace(".", "").replace(",", "").isdigit():
        return "D"
    if all("a" <= c.lower() <= "z" for c in t):
        return "L"
    if t[:1].isalpha():
        return "A"
    return "P"


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def smart_split(n: str) -> tuple[str, bool, str, int]:
    """Validated proclitic split of a normalised token: (prefix, article, rest, cut).

    One proclitic letter at a time («و/ف» then «ب/ل/ك»).  A split is accepted when
    the article follows («وال», «بال», «لل»), or when the gazetteer / SaudiNewsNet
    counts say the stripped form is the word («وموسكو» → «موسكو»; «واشنطن»,
    «فلاديمير», «لويد» stay whole).  ``rest`` excludes the article, ``cut``
    excludes it too (the article stays in mention spans)."""
    g = gz.load()
    counts = load_clusters()
    prefix, cut, cur = "", 0, n
    for step in range(2):
        if len(cur) < 4 or cur[0] not in PROCLITIC_LETTERS or cur.startswith("ال"):
            break
        if step == 1 and (prefix not in ("و", "ف") or cur[0] not in PREPOSITIONS):
            break
        rest = cur[1:]
        if rest.startswith("ال") and len(rest) >= 4:
            return prefix + cur[0], True, rest[2:], cut + 1
        if cur[0] == "ل" and rest.startswith("ل") and len(rest) >= 3:  # «لل» = ل + (ا)ل
            return prefix + "ل", True, rest[1:], cut + 1
        fk_cur, fk_rest = fold_key(cur), fold_key(rest)
        if fk_cur in g.index:
            break
        cf = counts.get(cur, (0,))[0]
        cr = counts.get(rest, (0,))[0]
        ok = fk_rest in g.index
        if not ok:
            if step == 0:
                if cur[0] in CONJUNCTIONS:
                    ok = (cr >= 3 * max(cf, 1)) or (cf == 0 and cr >= 5) or (cf == 0 and cr == 0 and cur[0] == "و" and len(rest) >= 4)
                else:  # «ب ل ك» start many names: ask for clear evidence
                    ok = cr >= 30 and cr >= 3 * max(cf, 1)
            else:
                ok = cr >= 20 and cr >= 5 * max(cf, 1)
        if not ok:
            break
        prefix, cut, cur = prefix + cur[0], cut + 1, rest
    if cur.startswith("ال") and len(cur) >= 4:
        return prefix, True, cur[2:], cut
    return prefix, False, cur, cut


class TokenInfo:
    __slots__ = ("n", "bare", "pre", "art", "shape", "cl", "clb", "trig")

    def __init__(self, tok: str, clusters: dict, gaz: gz.Gazetteer) -> None:
        n = fold_match(strip_invisible(tok))
        self.n = n
        pre, art, rest, _cut = smart_split(n)
        self.bare = rest
        self.pre = pre
        self.art = art
        self.shape = _shape(n) if n else "P"
        self.cl = clusters.get(n)
        self.clb = clusters.get("ال" + rest) if art else clusters.get(rest)
        b = fold_key_word(rest)
        fn = fold_key_word(n)
        trig = ""
        if gz.is_team_head(rest, art):
            trig = "S"
        elif fn in gz.PER_TITLES or b in gz.PER_TITLES:
            trig = "T"
        elif fn in gz.ORG_HEADS or b in gz.ORG_HEADS:
            trig = "O"
        elif fn in gz.LOC_CUES or b in gz.LOC_CUES:
            trig = "L"
        elif b in gz.DIRECTIONS:
            trig = "D"
        elif fn in gz.SAY_VERBS or b in gz.SAY_VERBS:
            trig = "V"
        elif b in gz.ROLE_WORDS:
            trig = "R"
        elif gaz.is_nationality(b) or (b.endswith("يين") and b[:-2] in gaz.nationalities):  # also the plural «الروسيين»
            trig = "N"
        self.trig = trig


@functools.lru_cache(maxsize=WORD_VARIANTS_CACHE_MAX)
def _token_info(tok: str, with_clusters: bool) -> TokenInfo:
    return TokenInfo(tok, load_clusters() if with_clusters else {}, gz.load())


def bio_tags(n: int, spans: list[tuple[int, int, str, int]]) -> list[str]:
    tags = ["O"] * n
    for i, j, label, _ in spans:
        tags[i] = "B-" + label
        for k in range(i + 1, j):
            tags[k] = "I-" + label
    return tags


def sentence_features(
    tokens: list[str],
    groups: tuple[str, ...] = ALL_GROUPS,
    train_names: dict[str, str] | None = None,
) -> list[list[str]]:
    """Feature strings for each token of one sentence."""
    return view_features(sentence_view(tokens, groups, train_names), groups)


class SentenceView(NamedTuple):
    """What the CRF features and the BiLSTM inputs both read off one sentence."""

    infos: list[TokenInfo]
    gaz_tags: list[str] | None  # external gazetteer, longest match, BIO
    tg_tags: list[str] | None  # names harvested from the training data, BIO
    ol_tags: list[str] | None = None  # organisation names harvested from SaudiNewsNet, BIO


def sentence_view(
    tokens: list[str],
    groups: tuple[str, ...] = ALL_GROUPS,
    train_names: dict[str, str] | None = None,
) -> SentenceView:
    load_clusters()  # counts are used by smart_split in every configuration
    g = gz.load()
    infos = [_token_info(t, "clusters" in groups) for t in tokens]
    n = len(tokens)
    gaz_tags = bio_tags(n, g.match_tokens(tokens)) if "gaz" in groups else None
    tg_tags = bio_tags(n, g.match_tokens(tokens, index=train_names)) if ("tgaz" in groups and train_names) else None
    ol_tags = bio_tags(n, g.match_tokens(tokens, index=gz.load_org_lexicon())) if "olex" in groups else None
    return SentenceView(infos, gaz_tags, tg_tags, ol_tags)


FEATURE_CACHE_MAX = 8_000  # tokens whose feature strings are kept (about 3.5 kB each: 28 MB; cleared when full)
_CHUNKS: dict[tuple[TokenInfo, bool, bool], tuple[list[str], list[str], dict[int, list[str]]]] = {}


def _token_chunks(ti: TokenInfo, use_cl: bool, use_tr: bool) -> tuple[list[str], list[str], dict[int, list[str]]]:
    """The feature strings a token contributes whatever its neighbours: its own
    (before and after the BOS/EOS marks) and, for each offset d, those it gives the
    token d before it.  Cached per token: the vocabulary of news repeats."""
    key = (ti, use_cl, use_tr)
    hit = _CHUNKS.get(key)
    if hit is not None:
        return hit
    if len(_CHUNKS) >= FEATURE_CACHE_MAX:
        _CHUNKS.clear()
    hit = _CHUNKS[key] = _build_chunks(ti, use_cl, use_tr)
    return hit


def _build_chunks(ti: TokenInfo, use_cl: bool, use_tr: bool) -> tuple[list[str], list[str], dict[int, list[str]]]:
    """:func:`_token_chunks` without its cache."""
    own = [
        "bias",
        "w=" + ti.n,
        "b=" + ti.bare,
        "pre=" + ti.pre + ("+ال" if ti.art else ""),
        "sh=" + ti.shape,
        "len=" + str(min(len(ti.bare), 8)),
        "s1=" + ti.bare[-1:],
        "s2=" + ti.bare[-2:],
        "s3=" + ti.bare[-3:],
        "p1=" + ti.bare[:1],
        "p2=" + ti.bare[:2],
        "p3=" + ti.bare[:3],
    ]
    own2: list[str] = []
    if use_cl:
        if ti.cl:
            own2 += ["c1=" + ti.cl[1], "c2=" + ti.cl[2], "c3=" + ti.cl[3], "cf=" + str(min(len(str(ti.cl[0])), 6))]
        else:
            own2.append("c=OOV")
        if ti.clb:
            own2 += ["cb1=" + ti.clb[1], "cb2=" + ti.clb[2], "cb3=" + ti.clb[3]]
    if use_tr and ti.trig:
        own2.append("tr=" + ti.trig)
    nb: dict[int, list[str]] = {}
    for d in (-2, -1, 1, 2):
        p = f"{d}:"
        f = [p + "w=" + ti.n, p + "b=" + ti.bare]
        if abs(d) == 1:
            f.append(p + "s2=" + ti.bare[-2:])
            f.append(p + "sh=" + ti.shape)
        if use_cl:
            if ti.cl:
                f.append(p + "c2=" + ti.cl[2])
                if abs(d) == 1:
                    f.append(p + "c1=" + ti.cl[1])
            elif ti.clb:
                f.append(p + "cb2=" + ti.clb[2])
        if use_tr and ti.trig:
            f.append(p + "tr=" + ti.trig)
        nb[d] = f
    return own, own2, nb


@functools.lru_cache(maxsize=4096)  # a few dozen BIO tags per list: the combinations are few
def _tag_features(gaz: str | None, tg: str | None, ol: str | None) -> tuple[list[str], list[str], list[str]]:
    """The feature strings of a token's list tags (external gazetteer, training names,
    organisation lexicon; None: group off): its own, as the token before the one
    described («-1:»), as the token after it («1:»).  Never modified by callers."""
    tags = [(k, t) for k, t in (("gz=", gaz), ("tg=", tg), ("ol=", ol)) if t is not None]
    return ([k + t for k, t in tags], ["-1:" + k + t for k, t in tags], ["1:" + k + t for k, t in tags])


def view_features(view: SentenceView, groups: tuple[str, ...] = ALL_GROUPS) -> list[list[str]]:
    """Feature strings for each token of one sentence (from its view)."""
    infos, gaz_tags, tg_tags, ol_tags = view
    n = len(infos)
    use_cl = "clusters" in groups
    use_tr = "triggers" in groups
    chunks = [_token_chunks(ti, use_cl, use_tr) for ti in infos]
    # the list tags of each token: its own, and as the token before / after the one described
    tag_feats = [_tag_features(gaz_tags[k] if gaz_tags is not None else None,
                               tg_tags[k] if tg_tags is not None else None,
                               ol_tags[k] if ol_tags is not None else None) for k in range(n)]
    feats: list[list[str]] = []
    last = n - 1
    for i, ti in enumerate(infos):
        own, own2, _nb = chunks[i]
        if 0 < i < last:
            f = own + own2
        else:
            f = list(own)
            if i == 0:
                f.append("BOS")
            if i == last:
                f.append("EOS")
            f += own2
        f += tag_feats[i][0]
        if i >= 2:
            f += chunks[i - 2][2][-2]
        else:
            f.append("-2:PAD")
        if i >= 1:
            f += chunks[i - 1][2][-1]
            f += tag_feats[i - 1][1]
        else:
            f.append("-1:PAD")
        if i < last:
            f += chunks[i + 1][2][1]
            f += tag_feats[i + 1][2]
        else:
            f.append("1:PAD")
        if i + 2 < n:
            f += chunks[i + 2][2][2]
        else:
            f.append("2:PAD")
        if i > 0:
            f.append("bg-=" + infos[i - 1].n + "|" + ti.n)
        if i < last:
            f.append("bg+=" + ti.n + "|" + infos[i + 1].n)
        if use_tr and i > 1 and infos[i - 1].trig and infos[i - 2].trig:
            f.append("tr2=" + infos[i - 2].trig + infos[i - 1].trig)
        feats.append(f)
    if "emb" in groups:
        emb = load_embeddings()
        out: list[dict[str, float]] = []
        for i, f in enumerate(feats):
            d = dict.fromkeys(f, 1.0)
            e = emb.get(infos[i].n) or emb.get(("ال" + infos[i].bare) if infos[i].art else infos[i].bare)
            if e:
                d.update(e)
            out.append(d)
        return out  # type: ignore[return-value]
    return feats


# --- the same features as attribute ids (the numpy CRF: akhbar/entities/crf_numpy.py) ------
# A token's own strings and those it gives its neighbours, as ids in fixed-width slots
# (the unused ones hold the id that adds nothing): own (12), own2 (clusters, trigger: 8),
# then what it gives the token 2 before, 1 before, 1 after, 2 after it (4, 7, 7, 4).
_SLOTS = (12, 8, 4, 7, 7, 4)
_SLOT_AT = tuple(sum(_SLOTS[:k]) for k in range(len(_SLOTS) + 1))
TRIGGER_CODES = ("", "T", "O", "L", "D", "V", "R", "N", "S")  # a token row's column before last
TOKEN_ID_WIDTH = _SLOT_AT[-1] + 2  # the slots, the trigger code, the bigram sides (1: left, 2: right)


def bigram_sides(attrs: dict[str, int]) -> tuple[frozenset[str], frozenset[str]]:
    """The words that stand left and right of «|» in the model's bigram attributes
    («bg-=a|b», «bg+=a|b»; cut at every «|»): a pair of neighbours is looked up only when
    the first may stand left and the second right."""
    lefts: set[str] = set()
    rights: set[str] = set()
    for a in attrs:
        if a.startswith(("bg-=", "bg+=")):
            s = a[4:]
            for k, c in enumerate(s):
                if c == "|":
                    lefts.add(s[:k])
                    rights.add(s[k + 1:])
    return frozenset(lefts), frozenset(rights)


def token_feature_ids(ti: TokenInfo, use_cl: bool, use_tr: bool, attrs: dict[str, int], zero: int,
                      sides: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> list[int]:
    """The attribute ids of :func:`_token_chunks` in its order, in the slots above, the
    token's trigger code (:data:`TRIGGER_CODES`) and its bigram sides (:func:`bigram_sides`)."""
    own, own2, nb = _build_chunks(ti, use_cl, use_tr)  # not through the string cache: the ids are kept instead
    row: list[int] = []
    for width, strings in zip(_SLOTS, (own, own2, nb[-2], nb[-1], nb[1], nb[2])):
        if len(strings) > width:
            raise ValueError("more token features than slots")
        row += [attrs.get(s, zero) for s in strings]
        row += [zero] * (width - len(strings))
    row.append(TRIGGER_CODES.index(ti.trig) if use_tr else 0)
    row.append((ti.n in sides[0]) + 2 * (ti.n in sides[1]))
    return row


def tag_feature_ids(gaz: str | None, tg: str | None, ol: str | None, attrs: dict[str, int], zero: int) -> list[int]:
    """The ids of :func:`_tag_features`: own, as the token before, as the token after
    (3 slots each)."""
    out: list[int] = []
    for strings in _tag_features(gaz, tg, ol):
        out += [attrs.get(s, zero) for s in strings] + [zero] * (3 - len(strings))
    return out


def views_feature_ids(
    views: list[SentenceView],
    token_rows: np.ndarray,
    tag_rows: np.ndarray,
    use_tr: bool,
    attrs: dict[str, int],
    zero: int,
) -> np.ndarray:
    """(tokens, 56) attribute ids of every token of ``views`` (one sentence after the
    other), in the order :func:`view_features` gives the strings (unused slots: ``zero``).

    ``token_rows``: each token's :func:`token_feature_ids` (with the model's bigram sides);
    ``tag_rows``: each token's :func:`tag_feature_ids`."""
    lens = np.array([len(v.infos) for v in views], dtype=np.int64)
    n = int(lens.sum())
    R, G = token_rows, tag_rows
    ends = np.cumsum(lens)
    pos = np.arange(n) - np.repeat(ends - lens, lens)  # position in its sentence
    size = np.repeat(lens, lens)
    a = _SLOT_AT
    F = np.full((n, 56), zero, dtype=np.int64)
    F[:, 0:12] = R[:, a[0]:a[1]]
    F[pos == 0, 12] = attrs.get("BOS", zero)
    F[pos == size - 1, 13] = attrs.get("EOS", zero)
    F[:, 14:22] = R[:, a[1]:a[2]]
    F[:, 22:25] = G[:, 0:3]
    g = np.arange(n)
    m = pos >= 2
    F[m, 25:29] = R[g[m] - 2, a[2]:a[3]]
    F[~m, 25] = attrs.get("-2:PAD", zero)
    m = pos >= 1
    F[m, 29:36] = R[g[m] - 1, a[3]:a[4]]
    F[m, 36:39] = G[g[m] - 1, 3:6]
    F[~m, 29] = attrs.get("-1:PAD", zero)
    m = pos < size - 1
    F[m, 39:46] = R[g[m] + 1, a[4]:a[5]]
    F[m, 46:49] = G[g[m] + 1, 6:9]
    F[~m, 39] = attrs.get("1:PAD", zero)
    m = pos < size - 2
    F[m, 49:53] = R[g[m] + 2, a[5]:a[6]]
    F[~m, 49] = attrs.get("2:PAD", zero)
    # bigrams (a dict look-up per pair of neighbours) and two triggers in a row
    words = [ti.n for v in views for ti in v.infos]
    get = attrs.get
    bg_minus = np.full(n, zero, dtype=np.int64)
    bg_plus = np.full(n, zero, dtype=np.int64)
    side = R[:, -1]
    left = np.zeros(n, dtype=bool)
    left[1:] = (side[:-1] & 1) > 0
    joint = np.flatnonzero((pos > 0) & left & ((side & 2) > 0))  # pairs of neighbours the model may know
    pairs = [(words[k - 1], words[k]) for k in joint.tolist()]
    bg_minus[joint] = [get("bg-=" + x + "|" + y, zero) for x, y in pairs]
    bg_plus[joint - 1] = [get("bg+=" + x + "|" + y, zero) for x, y in pairs]
    F[:, 53] = bg_minus
    F[:, 54] = bg_plus
    if use_tr:
        tr = R[:, -2]
        tr2 = np.array([[get("tr2=" + x + y, zero) if x and y else zero for y in TRIGGER_CODES]
                        for x in TRIGGER_CODES], dtype=np.int64)
        m = pos >= 2
        F[m, 55] = tr2[tr[g[m] - 2], tr[g[m] - 1]]
    return F
