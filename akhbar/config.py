"""Configuration in one place.

Everything a user may want to tune is a field of :class:`Settings`; the command
line and the Prefect flow parameters map onto it.  Constants that are part of the
data contract (categories, labels, kinds) live here too so that ``akhbar.schemas`` and the
text logic cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from akhbar import __version__

# Bump the schema version on any change to the output tables (docs/data-contract.md).
SCHEMA_VERSION = "1.10.0"
# The pipeline version is recorded in every row of ``runs``; a change re-processes everything.
PIPELINE_VERSION = f"{__version__}-s{SCHEMA_VERSION}"  # also a path component: keep it [0-9a-z.-]

BOILERPLATE_CATEGORIES = (
    "prayer_times",
    "related_articles",
    "comment_form",
    "social",
    "navigation",
    "byline",
    "dateline",
    "photo_credit",
    "image_caption",
    "source_credit",
    "section_label",
    "other",
)
ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")
FIGURE_QUALIFIERS = ("exact", "approx", "more_than", "less_than", "up_to", "range")
FIGURE_KINDS = (
    "count",
    "money",
    "percent",
    "year",
    "date",
    "duration",
    "measure",
    "ordinal",
    "time",
    "other",
)

RESOURCES = Path(__file__).resolve().parent / "resources"
# the analysts' views, one per file (package data: installed with akhbar)
SQL_DIR = Path(__file__).resolve().parent / "sql"
# default input and output, relative to the working directory (not to where akhbar is installed)
DEFAULT_INPUT = Path("seeds")
DEFAULT_OUTPUT = Path("output")

# JSON field names recognised for each document attribute, first match wins.
DEFAULT_JSON_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "text": ("content", "text", "body", "article"),
    "url": ("url", "link"),
    "source": ("source", "site", "publisher"),
    "date": ("date", "published", "published_at", "date_published"),
    "scraped_at": ("date_extracted", "scraped_at", "crawled_at"),
    "author": ("author", "byline"),
}

INPUT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json")


@dataclass(slots=True)
class Settings:
    input_path: Path = DEFAULT_INPUT
    output_dir: Path = DEFAULT_OUTPUT
    batch_size: int = 200  # documents per Prefect task call
    json_fields: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_JSON_FIELDS)
    )
    use_ner_model: bool = True  # False: gazetteer + rules only (faster)
    ner_bilstm: bool = True  # False: the CRF alone, without the BiLSTM (NER 1.9x as fast, ~3 F1 less)
    max_file_bytes: int = 200 * 1024 * 1024  # larger files are rejected, not read
    max_doc_chars: int = 1_000_000  # one article longer than this is not an article: rejected
    payload_chars: int = 500  # how much of a bad input is kept in rejects.payload
