"""Stories: documents about the same real-world event, across sources, clustered incrementally.

A *story* is one event (an incident, a statement, a decision, a match, a market session)
as reported by any number of documents.  :func:`assign_stories` takes the state left by
earlier runs and a batch of new documents, and puts each new document into an existing
story or starts a new one.  Pure functions: no I/O, no Prefect; the state is a plain
value that :meth:`StoryState.to_tables` / :meth:`StoryState.from_tables` turn into Arrow
tables and back for storage between runs.

How a document is compared
--------------------------
* **Text**: the title (counted twice) and the lead (the first ``lead_words`` words of
  ``clean_text``), tokenised on the matching form of :func:`akhbar.text.fold_match`,
  proclitics and the article cut (:func:`akhbar.text.split_proclitics`), the
  letter folds of :func:`akhbar.text.fold_key_word` (ج/غ, ق/ك: «بيونغ يانغ»,
  «بيونج يانج»), function words dropped, hashed (:class:`sklearn.feature_extraction.FeatureHasher`,
  2^20 features), weighted by sublinear TF × IDF and L2-normalised.  The IDF is the corpus
  seen so far: each document is weighted with the document frequencies of the documents
  processed before it, itself included (``ln((1+N)/(1+df)) + 1``), so a document's vector
  never depends on documents after it.  The frequencies are part of the state.  A second
  vector holds the title's terms alone (the editor's one-line summary of the event).
* **Entities** (optional): the ``entity_id`` of each mention is one more term of the text
  vector (weighted like a word: a rare entity shared counts a lot, «المملكة» little).
  A separate entity cosine mixed in did worse (a document naming one common entity has an
  entity cosine of 1 with every other such document).  On the dev pairs, entities from the
  CRF model did not help either (recall 86.3 with, 90.4 without, benchmarks/stories_pairs.py);
  they are what puts the five seed articles (2024, five outlets) in one story.
* **Near-duplicate paragraphs** (optional): doc_ids it shares a syndicated paragraph with
  (the ``duplicates`` table, either direction).
* **Time**: ``StoryDocument.time``, from :func:`story_time` (publication, else scrape time).

How a document joins a story
----------------------------
Documents are processed in (time, doc_id) order.  A document is compared with every
earlier document at most ``window_days`` away: one sparse matrix product per batch
(the batch against itself and the recent documents kept in the state), no pairwise Python
loop.  The similarity of two documents is

    sim = (1 - title_share) * text cosine + title_share * title cosine   (title cosine: both titled)
          - day_penalty * days between them

A story is scored by the mean similarity to the most similar ``agreement`` share of its
documents in the window (1.0: average link; 0.5: the better half).  Not single link: a
story that drifts by chaining (day 1's market report joined by day 2's, joined by day
3's, or a run of look-alike regional reports) needs the new document to agree with a
good part of the story, not with its last member alone.  The best-scoring story is
joined when its score reaches ``join_threshold``.  A near-duplicate paragraph shared
with a document of another source in a story in the window (syndication: an agency's
copy, one outlet reprinting another) joins that story first, provided their text cosine
reaches ``duplicate_min_text``: a standard background paragraph alone does not make a
bombing report and a football report one event, and a paragraph an outlet repeats in its
own articles is not counted at all (it chained «Boloni appointed» to «Abu Shuqair coaches
in Italy», both aawsat).  Otherwise the document starts
a new story.  Stories are never merged or split afterwards.

Identity and incrementality
---------------------------
``story_id`` = ``s`` + 15 hex digits of a hash of the story's first document's doc_id.
The same input gives the same ids, whatever its order, and a document already in the
state is returned with its story unchanged (reruns are idempotent).  A document is
compared only with documents before it and weighted with their frequencies, so
clustering in several batches gives exactly the stories of one batch (tested) as long as
every batch's documents come after the previous batches' in (time, doc_id) order.
What can differ: a *late* document, older than documents of an earlier batch, is
processed after them (it is compared with every kept document within ``window_days`` of
its time, later ones included) and cannot see documents that left the state: the state
keeps only documents within ``window_days`` of the newest one processed.

Use in the flow (once per run, after the near-duplicates task)
--------------------------------------------------------------
::

    state = StoryState.from_tables({name: <stored table> for name in STATE_TABLES})  # {} on a first run
    docs = [StoryDocument(doc_id, source, story_time(published_at, scraped_at, ingested_at),
                          title, clean_text,
                          entity_ids=<entities.entity_id of the document's mentions>,
                          duplicate_of=<the other doc_id of every duplicates row naming it, either side>)
            for each document of this run without a story]
    upd = assign_stories(docs, state)
    # documents.story_id <- {a.doc_id: a.story_id for a in upd.assignments}
    # stories <- story_rows(upd.state) (whole table), or story_rows(upd.state, upd.changed) upserted
    # keep upd.state.to_tables() (story_state, story_recent, story_df) for the next run
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pyarrow as pa
import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher
from sklearn.preprocessing import normalize as l2_normalize

from akhbar.clean.features import FUNCTION_WORDS
from akhbar.text import fold_key_word, split_proclitics
from akhbar.text.caches import WORD_CACHE_MAX
from akhbar.text import fold_match as normalize

N_FEATURES = 1 << 20  # hashed feature space shared by words and entity ids
VECTOR_KINDS = ("text", "title")
STATE_TABLES = ("story_state", "story_recent", "story_df")
_ENTITY_PREFIX = "\x01"  # entity features are hashed as "\x01" + entity_id
_DAY = 86400.0

# News verbs and fillers that every report has (function words come from the cleaner's list).
_NEWS_WORDS = """قال قالت اكد اكدت اضاف اضافت اوضح اوضحت اعلن اعلنت اشار اشارت ذكر ذكرت كشف كشفت افاد افادت
تم يتم جاء جاءت عاجل بالصور بالفيديو صور فيديو شاهد خبر اخبار وفق وفقا بحسب حسب نحو وذلك وكان كانت
لدي امس اليوم غدا ايضا عام العام الماضي الحالي المقبل خلال عبر ضمن حيث يوم""".split()


def _fold_term(word: str) -> str:
    """A normalised word's matching term: proclitics and article cut, letters folded."""
    return fold_key_word(split_proclitics(word, min_rest=3).rest, article=False)


STOP_TERMS = frozenset(_fold_term(normalize(w)) for w in (*FUNCTION_WORDS, *_NEWS_WORDS))
_WORD_RE = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _term(word: str) -> str | None:
    if word.isdigit():
        return word if len(word) >= 2 else None
    term = _fold_term(word)
    if len(term) < 2 or term in STOP_TERMS:
        return None
    return term


def lead(text: str, lead_words: int = 60) -> str:
    """The first ``lead_words`` words of ``text``, joined by single spaces: all of a text the
    clustering reads (``lead(lead(t, n), n) == lead(t, n)``, so a :class:`StoryDocument`
    may carry its lead alone as ``clean_text``)."""
    return " ".join(text.split(None, lead_words)[:lead_words])


def text_terms(title: str | None, text: str, lead_words: int = 60, title_weight: int = 2) -> list[str]:
    """The terms a document is compared on: the title's (``title_weight`` times) and the
    first ``lead_words`` words of the text."""
    out: list[str] = []
    if title:
        out.extend(list(filter(None, map(_term, _WORD_RE.findall(normalize(title))))) * title_weight)
    out.extend(filter(None, map(_term, _WORD_RE.findall(normalize(lead(text, lead_words))))))
    return out

# --------------------------------------------------------------------------- inputs and outputs


@dataclass(frozen=True, slots=True)
class StoryDocument:
    """What the clustering needs of one document."""

    doc_id: str
    source: str | None
    time: dt.datetime  # aware; see story_time()
    title: str | None
    clean_text: str  # only its first StoryParams.lead_words words are read (see lead())
    entity_ids: tuple[str, ...] = ()  # entity_id of each mention (repeats count); () = none known
    duplicate_of: tuple[str, ...] = ()  # doc_ids sharing a near-duplicate paragraph with it


def story_time(published_at: dt.datetime | None, scraped_at: dt.datetime | None,
               ingested_at: dt.datetime) -> dt.datetime:
    """The time a document is placed at: published, else scraped, else ingested.

    A date-only ``published_at`` (midnight UTC, as the documents contract stores a day
    without a time) is made precise by ``scraped_at`` when the page was fetched within two
    days of that midnight, else placed at noon: two reports of the same evening are not
    20 hours apart because one outlet's dateline gave only the day.  (On SaudiNewsNet 9,633
    of the 9,635 cleaned publication times are date-only.)"""
    if published_at is None:
        return scraped_at or ingested_at
    published_at = _utc(published_at)
    if published_at.time() == dt.time(0) and published_at.microsecond == 0:
        if scraped_at is not None and dt.timedelta(0) <= _utc(scraped_at) - published_at < dt.timedelta(days=2):
            return _utc(scraped_at)
        return published_at + dt.timedelta(hours=12)
    return published_at


@dataclass(frozen=True, slots=True)
class StoryParams:
    window_days: float = 3.0  # documents further apart are never compared
    lead_words: int = 60  # words of clean_text in the text vector
    title_weight: int = 2  # times the title's terms count in the text vector
    title_share: float = 0.5  # sim = (1 - share) * text cosine + share * title cosine (both titled)
    day_penalty: float = 0.1  # subtracted per day between two documents
    join_threshold: float = 0.33  # score needed to join a story
    agreement: float = 0.5  # the score averages the most similar share of the story's documents (1: all)
    duplicate_min_text: float = 0.1  # a shared syndicated paragraph joins when the text cosine is this high
    max_span_days: float = 4.0  # a story takes no document this long after its first one (bounds chains)
    candidate_floor: float = 0.1  # stories without a member this similar (text cosine) are not scored


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    doc_id: str
    story_id: str
    evidence: str  # "new" (started the story), "text", "duplicate", "known" (already in the state)
    score: float | None  # the score with which it joined (None for "new" and "known")


@dataclass(slots=True)
class StoryRecord:
    """What the state keeps about a story (one row of ``story_state``)."""

    story_id: str
    title: str | None
    representative_doc_id: str  # the first member with a title (else the first member)
    first_seen: dt.datetime
    last_seen: dt.datetime
    doc_ids: list[str]
    sources: Counter = field(default_factory=Counter)  # source -> documents
    entities: Counter = field(default_factory=Counter)  # entity_id -> documents mentioning it

    def copy(self) -> StoryRecord:
        return replace(self, doc_ids=list(self.doc_ids), sources=Counter(self.sources),
                       entities=Counter(self.entities))


@dataclass(slots=True)
class _Recent:
    """A document still inside the window: its vectors and story (one row of ``story_recent``)."""

    doc_id: str
    story_id: str
    time: dt.datetime
    source: str | None
    vectors: dict[str, tuple[np.ndarray, np.ndarray]]  # kind -> (feature int32, weight float32), unit length


@dataclass(slots=True)
class StoryState:
    """Everything a later run needs: stories, recent documents, document frequencies."""

    stories: dict[str, StoryRecord] = field(default_factory=dict)
    recent: list[_Recent] = field(default_factory=list)
    df: np.ndarray = field(default_factory=lambda: np.zeros(N_FEATURES, dtype=np.int32))
    n_docs: int = 0
    doc_story: dict[str, str] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> StoryState:
        return cls()

    # ---- storage as plain columns -------------------------------------------------
    def to_tables(self) -> dict[str, pa.Table]:
        """``story_state`` (one row per story), ``story_recent`` (one row per document in
        the window), ``story_df`` (one row per feature seen; feature -1 counts documents)."""
        st = sorted(self.stories.values(), key=lambda r: r.story_id)
        src = [sorted(r.sources.items()) for r in st]
        ent = [sorted(r.entities.items()) for r in st]
        state = pa.table({
            "story_id": pa.array([r.story_id for r in st], pa.string()),
            "title": pa.array([r.title for r in st], pa.string()),
            "representative_doc_id": pa.array([r.representative_doc_id for r in st], pa.string()),
            "first_seen": pa.array([r.first_seen for r in st], _TS),
            "last_seen": pa.array([r.last_seen for r in st], _TS),
            "doc_ids": _list_array([r.doc_ids for r in st], pa.string()),
            "sources": _list_array([[k for k, _ in s] for s in src], pa.string()),
            "source_docs": _list_array([[v for _, v in s] for s in src], pa.int32()),
            "entity_ids": _list_array([[k for k, _ in e] for e in ent], pa.string()),
            "entity_docs": _list_array([[v for _, v in e] for e in ent], pa.int32()),
        })
        rec = sorted(self.recent, key=lambda r: (r.time, r.doc_id))
        recent = pa.table({
            "doc_id": pa.array([r.doc_id for r in rec], pa.string()),
            "story_id": pa.array([r.story_id for r in rec], pa.string()),
            "time": pa.array([r.time for r in rec], _TS),
            "source": pa.array([r.source for r in rec], pa.string()),
            **{f"{kind}_{part}": _numpy_list_array([r.vectors[kind][i] for r in rec], dtype)
               for kind in VECTOR_KINDS for i, (part, dtype) in enumerate((("idx", np.int32), ("w", np.float32)))},
        })
        nz = np.flatnonzero(self.df)
        df = pa.table({
            "feature": pa.array(np.r_[-1, nz].astype(np.int32)),
            "df": pa.array(np.r_[self.n_docs, self.df[nz]].astype(np.int32)),
        })
        return {"story_state": state, "story_recent": recent, "story_df": df}

    @classmethod
    def from_tables(cls, tables: Mapping[str, pa.Table]) -> StoryState:
        """The state stored by :meth:`to_tables` (missing tables: an empty state)."""
        out = cls()
        if "story_state" in tables and tables["story_state"].num_rows:
            t = tables["story_state"]
            col = {name: t.column(name).to_pylist() for name in
                   ("story_id", "title", "representative_doc_id", "first_seen", "last_seen")}
            lists = {name: _split_list(t.column(name)) for name in
                     ("doc_ids", "sources", "source_docs", "entity_ids", "entity_docs")}
            for i, sid in enumerate(col["story_id"]):
                rec = StoryRecord(
                    sid, col["title"][i], col["representative_doc_id"][i], _utc(col["first_seen"][i]),
                    _utc(col["last_seen"][i]), lists["doc_ids"][i],
                    Counter(dict(zip(lists["sources"][i], lists["source_docs"][i]))),
                    Counter(dict(zip(lists["entity_ids"][i], lists["entity_docs"][i]))))
                out.stories[sid] = rec
                for d in rec.doc_ids:
                    out.doc_story[d] = sid
        if "story_recent" in tables and tables["story_recent"].num_rows:
            t = tables["story_recent"]
            doc_ids, story_ids = t.column("doc_id").to_pylist(), t.column("story_id").to_pylist()
            times, sources = t.column("time").to_pylist(), t.column("source").to_pylist()
            arrays = {(kind, part): _numpy_lists(t.column(f"{kind}_{part}"))
                      for kind in VECTOR_KINDS for part in ("idx", "w")}
            out.recent = [
                _Recent(doc_ids[i], story_ids[i], _utc(times[i]), sources[i],
                        {kind: (arrays[kind, "idx"][i].astype(np.int32), arrays[kind, "w"][i].astype(np.float32))
                         for kind in VECTOR_KINDS})
                for i in range(t.num_rows)]
        if "story_df" in tables and tables["story_df"].num_rows:
            feat = tables["story_df"].column("feature").to_numpy()
            dfv = tables["story_df"].column("df").to_numpy()
            body = feat >= 0
            out.df[feat[body]] = dfv[body]
            out.n_docs = int(dfv[~body][0]) if (~body).any() else 0
        return out


_TS = pa.timestamp("us", tz="UTC")


def _list_array(rows: Sequence[Sequence], value_type: pa.DataType) -> pa.Array:
    offsets = np.r_[0, np.cumsum([len(r) for r in rows])].astype(np.int32)
    values = pa.array([v for r in rows for v in r], value_type)
    return pa.ListArray.from_arrays(pa.array(offsets), values)


def _numpy_list_array(rows: Sequence[np.ndarray], dtype: type) -> pa.Array:
    offsets = np.r_[0, np.cumsum([len(r) for r in rows])].astype(np.int32)
    values = np.concatenate(rows).astype(dtype) if rows else np.zeros(0, dtype)
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(values))


def _split_list(column: pa.ChunkedArray) -> list[list]:
    arr = column.combine_chunks()
    offsets = arr.offsets.to_numpy()
    values = arr.values.to_pylist()
    return [values[offsets[i]:offsets[i + 1]] for i in range(len(arr))]


def _numpy_lists(column: pa.ChunkedArray) -> list[np.ndarray]:
    arr = column.combine_chunks()
    offsets = arr.offsets.to_numpy()
    values = arr.values.to_numpy(zero_copy_only=False)
    return [values[offsets[i]:offsets[i + 1]] for i in range(len(arr))]


def _utc(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.timezone.utc) if t.tzinfo is None else t.astimezone(dt.timezone.utc)


def processing_order(time: dt.datetime, doc_id: str) -> tuple[dt.datetime, str]:
    """The key :func:`assign_stories` places documents in (a caller that cuts a batch in
    chunks must cut it in this order)."""
    return _utc(time), doc_id


def story_id_for(first_doc_id: str) -> str:
    return "s" + hashlib.blake2b(f"story\x1f{first_doc_id}".encode(), digest_size=8).hexdigest()[:15]


# --------------------------------------------------------------------------- vectors

_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)


def _prefix_idf(presence: sp.csr_matrix, df: np.ndarray, n_docs: int) -> sp.csr_matrix:
    """IDF of every (row, feature) of ``presence`` (rows in processing order), each row
    counted with the document frequencies of the state plus the rows before it and itself."""
    coo = presence.tocoo()
    rows, cols = coo.row.astype(np.int64), coo.col.astype(np.int64)
    order = np.lexsort((rows, cols))
    r, c = rows[order], cols[order]
    starts = np.flatnonzero(np.r_[True, c[1:] != c[:-1]])
    rank = np.arange(len(c)) - np.repeat(starts, np.diff(np.r_[starts, len(c)]))
    dfs = df[c].astype(np.float64) + rank + 1
    n = n_docs + r + 1.0
    idf = np.log((1.0 + n) / (1.0 + dfs)) + 1.0
    return sp.csr_matrix((idf, (r, c)), shape=presence.shape)


def _weighted(counts: sp.csr_matrix, idf: sp.csr_matrix) -> sp.csr_matrix:
    tf = counts.copy()
    tf.data = 1.0 + np.log(tf.data)
    w = tf.multiply(idf).tocsr()
    w.eliminate_zeros()
    return l2_normalize(w, norm="l2", copy=False).astype(np.float32)


def _vectors(docs: Sequence[StoryDocument], params: StoryParams, df: np.ndarray,
             n_docs: int) -> tuple[dict[str, sp.csr_matrix], np.ndarray]:
    """Unit vectors of ``docs`` (in processing order) by kind, and the document-frequency increment."""
    text = _HASHER.transform(
        text_terms(d.title, d.clean_text, params.lead_words, params.title_weight) for d in docs).tocsr()
    title = _HASHER.transform(text_terms(d.title, "", 0, 1) for d in docs).tocsr()
    ents = _HASHER.transform([_ENTITY_PREFIX + e for e in d.entity_ids] for d in docs).tocsr()
    text = (text + ents).tocsr()  # entity ids are terms (hashed apart from words by their prefix)
    presence = (text > 0).astype(np.float64).tocsr()  # the title's terms are in text too
    idf = _prefix_idf(presence, df, n_docs)
    inc = np.bincount(presence.indices, minlength=N_FEATURES).astype(np.int32)
    return {"text": _weighted(text, idf), "title": _weighted(title, idf)}, inc


SIM_FLOOR = 0.02  # document similarities below this count as 0 (keeps the similarity rows short)
CHUNK = 2000  # new documents whose similarities are computed at once


def _pruned(m: sp.spmatrix) -> sp.csr_matrix:
    m = m.tocsr()
    m.data[m.data < SIM_FLOOR] = 0.0
    m.eliminate_zeros()
    return m


def _stack(rows: Sequence[tuple[np.ndarray, np.ndarray]]) -> sp.csr_matrix:
    indptr = np.r_[0, np.cumsum([len(i) for i, _ in rows])].astype(np.int64)
    idx = np.concatenate([i for i, _ in rows]) if rows else np.zeros(0, np.int32)
    val = np.concatenate([w for _, w in rows]) if rows else np.zeros(0, np.float32)
    return sp.csr_matrix((val.astype(np.float32), idx.astype(np.int32), indptr), shape=(len(rows), N_FEATURES))


def _rows(m: sp.csr_matrix) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(m.indices[m.indptr[i]:m.indptr[i + 1]].astype(np.int32).copy(),
             m.data[m.indptr[i]:m.indptr[i + 1]].astype(np.float32).copy()) for i in range(m.shape[0])]


# --------------------------------------------------------------------------- clustering


@dataclass(slots=True)
class StoryUpdate:
    assignments: list[StoryAssignment]  # one per input document, in input order
    state: StoryState  # the state after the batch (the input state is not modified)
    changed: set[str]  # story_ids created or changed by the batch


def assign_stories(docs: Iterable[StoryDocument], state: StoryState | None = None,
                   params: StoryParams | None = None, upcoming: dt.datetime | None = None) -> StoryUpdate:
    """Put each new document into an existing story or a new one (see the module docstring).

    ``upcoming``: the time of the earliest document still to come in a next call of the
    same run (one batch cut in chunks); the state then also keeps every document within
    ``window_days`` of it, so that the chunks give the stories of one call even when the
    state holds documents newer than the batch (late documents)."""
    params = params or StoryParams()
    state = state or StoryState.empty()
    docs = list(docs)
    result: dict[str, StoryAssignment] = {}
    new: list[StoryDocument] = []
    for d in docs:
        if d.doc_id in state.doc_story:
            result[d.doc_id] = StoryAssignment(d.doc_id, state.doc_story[d.doc_id], "known", None)
        elif d.doc_id not in result:  # a document given twice is placed once
            result[d.doc_id] = StoryAssignment(d.doc_id, "", "pending", None)
            new.append(d)
    if not new:
        return StoryUpdate([result[d.doc_id] for d in docs], state, set())
    new.sort(key=lambda d: processing_order(d.time, d.doc_id))

    stories = dict(state.stories)  # records are copied when changed
    doc_story = dict(state.doc_story)
    changed: set[str] = set()
    vec, inc = _vectors(new, params, state.df, state.n_docs)
    recent = list(state.recent)
    n_r = len(recent)
    everyone = {kind: sp.vstack([_stack([r.vectors[kind] for r in recent]), vec[kind]]).tocsr()
                for kind in VECTOR_KINDS}  # rows: recent documents, then the new ones in order
    has = {kind: (np.diff(m.indptr) > 0).tolist() for kind, m in everyone.items()}
    times = np.array([r.time.timestamp() for r in recent] + [_utc(d.time).timestamp() for d in new]) / _DAY
    tl = times.tolist()
    window = params.window_days
    sims: dict[str, sp.csr_matrix] = {}  # kind -> cosines of the current chunk's documents
    chunk = (0, 0)  # new documents [k0, k1) whose cosines are in sims

    def similarities(k0: int) -> tuple[int, int]:
        """Cosines of new documents k0.. (one day of them, at most CHUNK) with every document
        within the window: time-bucketed, so memory stays bounded on a large first run."""
        day = math.floor(tl[n_r + k0])
        k1 = k0 + 1
        while k1 < len(new) and k1 - k0 < CHUNK and math.floor(tl[n_r + k1]) == day:
            k1 += 1
        lo, hi = tl[n_r + k0] - window, tl[n_r + k1 - 1] + window
        cols = np.flatnonzero((times >= lo) & (times <= hi) & (np.arange(len(times)) < n_r + k1))
        for kind in VECTOR_KINDS:
            m = _pruned(vec[kind][k0:k1] @ everyone[kind][cols].T)
            m.indices = cols[m.indices].astype(np.int64)  # back to positions in everyone
            sims[kind] = m
        return k0, k1
    ids = [r.doc_id for r in recent] + [d.doc_id for d in new]
    source_of = [r.source for r in recent] + [d.source for d in new]
    pos_of = {d: i for i, d in enumerate(ids)}
    story_names: list[str] = []
    story_ix: dict[str, int] = {}
    story_of = np.full(len(ids), -1, dtype=np.int64)
    members: list[list[int]] = []

    def ix(sid: str) -> int:
        if sid not in story_ix:
            story_ix[sid] = len(story_names)
            story_names.append(sid)
            members.append([])
        return story_ix[sid]

    for p, r in enumerate(recent):
        s = ix(r.story_id)
        story_of[p] = s
        members[s].append(p)
    first_seen = [stories[sid].first_seen.timestamp() / _DAY for sid in story_names]

    def row(kind: str, i: int) -> dict[int, float]:
        m = sims[kind]
        lo, hi = m.indptr[i], m.indptr[i + 1]
        return dict(zip(m.indices[lo:hi].tolist(), m.data[lo:hi].tolist()))

    share, dp = params.title_share, params.day_penalty
    for k, d in enumerate(new):
        if k >= chunk[1]:
            chunk = similarities(k)
        i = k - chunk[0]  # row in sims
        g = n_r + k
        t = tl[g]
        m = sims["text"]
        idx, val = m.indices[m.indptr[i]:m.indptr[i + 1]], m.data[m.indptr[i]:m.indptr[i + 1]]
        near = (idx < g) & (np.abs(times[idx] - t) <= window) & (val >= params.candidate_floor)
        cands = set(story_of[idx[near]].tolist())
        # a paragraph shared with another outlet (syndication, an agency's copy); one an outlet
        # repeats in its own articles is background, not evidence of the same event
        dup_pos = {q for o in d.duplicate_of if (q := pos_of.get(o)) is not None and q < g
                   and abs(tl[q] - t) <= window and not (d.source and source_of[q] == d.source)}
        cands |= {int(story_of[q]) for q in dup_pos}
        best: tuple[int, float, str, int] | None = None  # (duplicate first, score, evidence, story index)
        if cands:
            text_row = row("text", i)
            title_row = row("title", i) if has["title"][g] else {}
        for s in sorted(cands):
            ms = [q for q in members[s] if abs(tl[q] - t) <= window]
            if not ms:
                continue
            if t - first_seen[s] > params.max_span_days:
                continue
            scores = []
            dup_text = -1.0
            for q in ms:
                sim = text_row.get(q, 0.0)
                if q in dup_pos:
                    dup_text = max(dup_text, sim)
                if title_row and has["title"][q]:
                    sim = (1.0 - share) * sim + share * title_row.get(q, 0.0)
                scores.append(sim - dp * abs(tl[q] - t))
            scores.sort(reverse=True)  # also fixes the order of the sum, whatever the members' order
            scores = scores[:max(1, math.ceil(params.agreement * len(scores)))]
            score = sum(scores) / len(scores)
            if dup_text >= params.duplicate_min_text:
                cand = (1, score, "duplicate", s)
            elif score >= params.join_threshold:
                cand = (0, score, "text", s)
            else:
                continue
            # ties go to the smaller story_id: independent of how the batches were cut
            if best is None or cand[:2] > best[:2] or (cand[:2] == best[:2] and story_names[s] < story_names[best[3]]):
                best = cand
        if best is None:
            sid = story_id_for(d.doc_id)
            s = ix(sid)
            first_seen.append(t)
            evidence, score = "new", None
        else:
            _, score, evidence, s = best
            sid = story_names[s]
            score = round(score, 4)
            first_seen[s] = min(first_seen[s], t)
        story_of[g] = s
        members[s].append(g)
        doc_story[d.doc_id] = sid
        result[d.doc_id] = StoryAssignment(d.doc_id, sid, evidence, score)
        rec = stories.get(sid)
        if sid not in changed:
            rec = rec.copy() if rec is not None else None
            changed.add(sid)
        when = _utc(d.time)
        if rec is None:
            rec = StoryRecord(sid, d.title or None, d.doc_id, when, when, [])
        elif rec.title is None and d.title:
            rec.title, rec.representative_doc_id = d.title, d.doc_id
        rec.first_seen, rec.last_seen = min(rec.first_seen, when), max(rec.last_seen, when)
        rec.doc_ids.append(d.doc_id)
        rec.sources[d.source or ""] += 1
        rec.entities.update(set(d.entity_ids))
        stories[sid] = rec

    # the state keeps the documents that a later document may still be compared with
    rows_by_kind = {kind: _rows(vec[kind]) for kind in VECTOR_KINDS}
    kept = list(recent) + [
        _Recent(d.doc_id, doc_story[d.doc_id], _utc(d.time), d.source,
                {kind: rows_by_kind[kind][i] for kind in VECTOR_KINDS})
        for i, d in enumerate(new)]
    if kept:
        newest = max(r.time for r in kept)
        if upcoming is not None:
            newest = min(newest, _utc(upcoming))
        horizon = newest - dt.timedelta(days=window)
        kept = [r for r in kept if r.time >= horizon]
    out_state = StoryState(stories, kept, state.df + inc, state.n_docs + len(new), doc_story)
    return StoryUpdate([result[d.doc_id] for d in docs], out_state, changed)


def story_rows(state: StoryState, story_ids: Iterable[str] | None = None, top_entities: int = 5) -> list[dict]:
    """Rows of the ``stories`` table (akhbar.schemas.stories) for ``story_ids`` (all by default)."""
    ids = sorted(state.stories) if story_ids is None else sorted(story_ids)
    rows = []
    for sid in ids:
        r = state.stories[sid]
        ents = sorted(r.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:top_entities]
        sources = sorted(s for s in r.sources if s)
        rows.append({
            "story_id": sid,
            "title": r.title,
            "representative_doc_id": r.representative_doc_id,
            "first_seen": r.first_seen,
            "last_seen": r.last_seen,
            "n_documents": len(r.doc_ids),
            "n_sources": len(sources),
            "sources": sources,
            "top_entity_ids": [e for e, _ in ents],
        })
    return rows


__all__ = [
    "StoryAssignment", "StoryDocument", "StoryParams", "StoryRecord", "StoryState", "StoryUpdate",
    "STATE_TABLES", "assign_stories", "lead", "story_id_for", "story_rows", "story_time", "text_terms",
]
