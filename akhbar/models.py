"""Record types passed between the pipeline stages.

Every stage is a pure function from these records to these records; the Prefect
flows in ``akhbar.flows`` only move batches of them around.  Offsets (``start``/``end``)
are Python string indices (code points) into the document's ``clean_text``
unless a docstring says otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class RawDocument:
    """One article as read from disk, before any cleaning."""

    source_path: str  # file path, with "#<line>" appended for JSON Lines records
    raw_text: str
    title: str | None = None  # title given by the container (JSON field, HTML <title>)
    url: str | None = None
    source: str | None = None  # site / outlet name
    author: str | None = None
    published_at: dt.datetime | None = None
    scraped_at: dt.datetime | None = None  # when the page was fetched, if known
    fmt: str = "txt"  # txt | html | jsonl | json
    # True when the container already separated title/body (HTML via trafilatura, JSON):
    # the cleaner must then not look for a title in the first line of raw_text.
    title_from_container: bool = False


@dataclass(slots=True)
class RemovedLine:
    """A boilerplate line removed by the cleaner: one row of the ``boilerplate`` table."""

    line_no: int  # 0-based line number in raw_text
    text: str
    category: str  # see akhbar.config.BOILERPLATE_CATEGORIES
    rule: str  # name of the rule that removed it
    confidence: float = 1.0
    # a part of a line (sub-line template): offset of ``text`` in the raw line; None = whole line
    char_start: int | None = None


@dataclass(slots=True)
class CleanDocument:
    """Output of the clean stage for one document."""

    clean_text: str  # kept paragraphs joined by "\n", author's spelling preserved
    title: str | None = None
    byline: str | None = None
    byline_person: str | None = None  # the byline split (akhbar.clean.byline.split_byline)
    byline_outlet: str | None = None
    dateline_place: str | None = None
    section: str | None = None
    published_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    # lines the cleaner hesitated about but kept: (line_no, reason)
    kept_notes: list[tuple[int, str]] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    sentence_idx: int
    paragraph_idx: int
    start: int
    end: int
    text: str  # == clean_text[start:end]


@dataclass(slots=True)
class Figure:
    """A number found in text, resolved.  Offsets are relative to the text given
    to the extractor (the pipeline shifts them to clean_text offsets)."""

    start: int
    end: int
    text: str
    value: float | None  # None for vague amounts («آلاف») and pure dates
    value_low: float | None = None
    value_high: float | None = None
    qualifier: str = "exact"  # exact approx more_than less_than up_to range
    kind: str = "count"  # count money percent year date duration measure ordinal other
    unit: str | None = None  # counted noun (singular) or currency
    magnitude: float | None = None  # order of magnitude of vague amounts: آلاف -> 1000
    date_value: dt.date | None = None
    # what it counts (akhbar.figures.subject), set by the pipeline per document
    subject: str | None = None  # «جندي روسي (قتيل، جريح)»; None for dates, years, ordinals, bare numbers
    subject_key: str | None = None  # matching key of the subject («جندي جريح روسي قتيل»)


@dataclass(slots=True)
class Mention:
    """An entity mention.  Offsets are into clean_text."""

    start: int
    end: int
    text: str
    label: str  # PER ORG LOC MISC
    canonical: str
    confidence: float = 1.0
    canonical_en: str | None = None  # English name when a gazetteer knows it
    # identity (akhbar.entities.identity): set by EntityRecognizer
    entity_id: str | None = None
    name: str | None = None  # the entity's readable name («الولايات المتحدة»)
    alias: str | None = None  # this mention's own spelling, readable («أمريكا»)
    alias_key: str | None = None  # matching key of ``alias`` (SQL: akhbar_fold)
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None


@dataclass(slots=True)
class Reject:
    """Something that could not become (a valid) row: one row of ``rejects``."""

    source: str  # source path (and record) it came from
    table: str  # table it was meant for ("documents" for ingestion failures)
    reason: str
    payload: str = ""  # a bounded excerpt of the bad input / row
    doc_id: str | None = None


@dataclass(slots=True)
class Quote:
    """A statement attributed to a speaker.  Offsets are into clean_text."""

    sentence_idx: int
    start: int  # the quoted/reported content span
    end: int
    text: str  # == clean_text[start:end]
    kind: str  # direct («...» or "..." quoted) | reported (قال إن ...) | according_to (بحسب / وفقاً لـ)
    cue: str | None = None  # the reporting verb or phrase as written («قال», «وأضاف», «وفقاً لـ»)
    speaker: str | None = None  # speaker as written, with title («الأمين العام لحلف شمال الأطلسي مارك روته»)
    speaker_canonical: str | None = None  # canonical name of the speaker entity, when one is linked
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_id: str | None = None  # entity_id of the linked speaker (akhbar.quotes.link_speakers)
    speaker_kind: str | None = None  # named (a person / named body) | generic («المصادر», «التقرير») | pronoun
