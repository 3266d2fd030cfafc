"""Scrape debris in text fields: undecoded HTML entities and invisible controls.

Scrapers often copy titles and bylines from HTML attributes without decoding them
(«توزيع &#8220;موسوعة خطب الجمعة&#8221;», «سبق &ndash; محمد عطيف») and leave Unicode
bidi controls (U+202A–U+202E, U+2066–U+2069), direction marks and zero-width spaces
around words.  They are removed at ingest, before document ids are computed:

* titles and bylines: entities decoded (:func:`html.unescape`), every invisible
  format character removed, whitespace (including «&nbsp;» → U+00A0) collapsed;
* body text: well-formed entities (``&name;``, ``&#123;``, ``&#x1F;``) decoded, bidi
  controls, direction marks, zero-width spaces and the BOM removed; the zero-width
  joiner and non-joiner stay (they shape emoji and Persian words).  Line breaks are
  untouched, so line numbers in the ``boilerplate`` audit still refer to the same lines.
"""

from __future__ import annotations

import html
import re

from akhbar.text import collapse_spaces, strip_invisible

# Only terminated entities: a bare «&» (AT&T, «Q&A») is text, not markup.
_ENTITY_RE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_BODY_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\u061c\ufeff")
)


def decode_entities(text: str) -> str:
    """Decode terminated HTML entities; leave any other «&» alone."""
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)


def clean_field(value: str | None) -> str | None:
    """A one-line metadata field (title, byline): entities decoded, invisible
    characters removed, spaces collapsed; None when nothing is left."""
    if value is None:
        return None
    text = collapse_spaces(strip_invisible(html.unescape(str(value))))
    return text or None


def clean_body(text: str) -> str:
    """Article text: entities decoded and bidi/zero-width noise removed."""
    return decode_entities(text).translate(_BODY_INVISIBLE)


def has_entity(text: str | None) -> bool:
    return bool(text) and bool(_ENTITY_RE.search(text))  # type: ignore[arg-type]


_ANY_INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]")


def has_invisible(text: str | None) -> bool:
    return bool(text) and bool(_ANY_INVISIBLE_RE.search(text))  # type: ignore[arg-type]


__all__ = ["clean_body", "clean_field", "decode_entities", "has_entity", "has_invisible"]
