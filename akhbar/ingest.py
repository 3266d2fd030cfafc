"""Ingest: files on disk → :class:`RawDocument` records (and :class:`Reject` rows).

Two steps, so that the expensive part runs in batches inside the flow's tasks:

* :func:`iter_inputs` walks the input path and yields small :class:`RawInput` units
  (a whole ``.txt``/``.html`` file, one JSON Lines line, one element of a JSON array),
  reading one file at a time so memory stays bounded by the largest file.
* :func:`ingest_inputs` decodes and parses a batch of units into documents; anything
  that cannot become a document is returned as a reject with a clear reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from akhbar.config import DEFAULT_JSON_FIELDS, INPUT_SUFFIXES
from akhbar.models import RawDocument, Reject
from akhbar.text import arabic_share, collapse_spaces, fold_match
from akhbar.text_hygiene import clean_body, clean_field


@dataclass(slots=True)
class RawInput:
    """One unit of input: the bytes of a file or a line, or an already parsed JSON record."""

    source_path: str
    fmt: str  # txt | html | jsonl | json | error
    data: bytes | dict[str, Any]
    source_hint: str | None = None  # folder-derived source name
    error: str | None = None  # set when reading already failed (fmt == "error")


# --------------------------------------------------------------------------- discovery


def printable_path(path: Path | str) -> str:
    """A path as text that always encodes: bytes of a file name that are not UTF-8
    (kept by Python as lone surrogates) are written as ``\\xNN`` escapes."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def scan(path: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Input files under ``path`` (a file or a folder searched recursively), sorted, and
    the entries that could not be looked at, with the reason: an unreadable folder, a
    dangling or unreadable link (nothing is skipped silently).  Hidden entries are ignored."""
    path = Path(path)
    if path.is_file():
        return ([path] if path.suffix.lower() in INPUT_SUFFIXES else []), []
    if not path.is_dir():
        raise FileNotFoundError(f"input path does not exist: {path}")
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []

    def unreadable(exc: OSError) -> None:
        problems.append((Path(exc.filename or path), f"cannot read folder: {exc.strerror or exc}"))

    for folder, dirs, names in os.walk(path, onerror=unreadable, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            p = Path(folder) / name
            if p.suffix.lower() not in INPUT_SUFFIXES:
                continue
            try:
                p.stat()
            except OSError as exc:
                reason = "dangling link" if p.is_symlink() else "cannot read file"
                problems.append((p, f"{reason}: {exc.strerror or exc}"))
                continue
            if p.is_file():
                files.append(p)
    return sorted(files), sorted(problems)


def discover(path: Path) -> list[Path]:
    """Input files under ``path`` (a file or a folder searched recursively), sorted."""
    return scan(path)[0]


def _source_hint(file: Path, root: Path) -> str:
    """Source name from the path: the first folder under the input root, else the root's name."""
    try:
        rel = file.relative_to(root)
        if len(rel.parts) > 1:
            return rel.parts[0]
    except ValueError:
        pass
    return (root if root.is_dir() else file.parent).name or "unknown"


def iter_inputs(root: Path, max_file_bytes: int = 200 * 1024 * 1024) -> Iterator[RawInput]:
    """Yield input units for every file under ``root``, one file in memory at a time.

    Whatever cannot be read (an unreadable folder, a dangling link, a file that vanished)
    becomes an ``error`` unit, so it is listed in ``rejects``."""
    root = Path(root)
    files, problems = scan(root)
    for bad, reason in problems:
        yield RawInput(printable_path(bad), "error", b"", printable_path(_source_hint(bad, root)), reason)
    for file in files:
        hint = printable_path(_source_hint(file, root))
        spath = printable_path(file)
        suffix = file.suffix.lower()
        try:
            size = file.stat().st_size
            if size > max_file_bytes:
                yield RawInput(spath, "error", b"", hint, f"file too large: {size} bytes > limit {max_file_bytes}")
                continue
            data = file.read_bytes()
        except OSError as exc:
            yield RawInput(spath, "error", b"", hint, f"cannot read file: {exc.strerror or exc}")
            continue
        if suffix in (".txt",):
            yield RawInput(spath, "txt", data, hint)
        elif suffix in (".html", ".htm"):
            yield RawInput(spath, "html", data, hint)
        elif suffix == ".jsonl":
            yield from _split_json_lines(spath, data, hint)
        elif suffix == ".json":
            yield from _split_json(spath, data, hint)


# Python's json parser recurses once per nesting level: a deeper document raises
# RecursionError (the interpreter's limit), which is a reject, not a crash.
_JSON_DEPTH_HINT = "Python's recursion limit"


def _split_json_lines(spath: str, data: bytes, hint: str) -> Iterator[RawInput]:
    text, _enc, err = decode_bytes(data)
    if text is None:
        yield RawInput(spath, "error", data[:2000], hint, err)
        return
    for i, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield RawInput(f"{spath}#L{i}", "jsonl", line.encode("utf-8"), hint)


def _split_json(spath: str, data: bytes, hint: str) -> Iterator[RawInput]:
    """A JSON file: an array of records, one record, or (misnamed) JSON Lines.

    A truncated array still yields its complete records; the broken tail is a reject.
    """
    text, _enc, err = decode_bytes(data)
    if text is None:
        yield RawInput(spath, "error", data[:2000], hint, err)
        return
    stripped = text.lstrip()
    if not stripped:
        yield RawInput(spath, "error", b"", hint, "empty file")
        return
    try:
        obj = json.loads(stripped)
    except RecursionError:
        yield RawInput(spath, "error", data[:2000], hint, f"invalid JSON: nested deeper than {_JSON_DEPTH_HINT}")
        return
    except json.JSONDecodeError as exc:
        if stripped.startswith("["):
            yield from _salvage_array(spath, stripped, hint, exc)
            return
        if stripped.startswith("{") and "\n" in stripped.strip():
            yield from _split_json_lines(spath, data, hint)  # JSON Lines saved as .json
            return
        yield RawInput(spath, "error", data[:2000], hint, f"invalid JSON: {exc}")
        return
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records):
        if isinstance(rec, dict):
            yield RawInput(f"{spath}#{i}", "json", rec, hint)
        else:
            yield RawInput(f"{spath}#{i}", "error", json.dumps(rec, ensure_ascii=False)[:2000].encode(), hint,
                           "JSON record is not an object")


def _salvage_array(spath: str, text: str, hint: str, exc: json.JSONDecodeError) -> Iterator[RawInput]:
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    i = 0
    n = len(text)
    while True:
        while pos < n and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= n or text[pos] == "]":
            break
        try:
            rec, end = decoder.raw_decode(text, pos)
        except RecursionError:
            yield RawInput(f"{spath}#{i}", "error", text[pos : pos + 2000].encode("utf-8"), hint,
                           f"invalid JSON: nested deeper than {_JSON_DEPTH_HINT}")
            return
        except json.JSONDecodeError as inner:
            tail = text[pos : pos + 2000]
            yield RawInput(f"{spath}#{i}", "error", tail.encode("utf-8"), hint,
                           f"truncated or invalid JSON from record {i} on: {inner.msg} (file error: {exc.msg})")
            return
        if isinstance(rec, dict):
            yield RawInput(f"{spath}#{i}", "json", rec, hint)
        i += 1
        pos = end


# --------------------------------------------------------------------------- decoding

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return True
    controls = len(_CONTROL_RE.findall(text))
    return controls <= max(2, len(text) // 1000)


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Decode scraped bytes: returns (text, encoding, error).

    Candidates, in order: BOMs (UTF-8, UTF-16 LE/BE), strict UTF-8, BOM-less UTF-16
    (recognised by its NUL bytes), Windows-1256.  Hand-written on purpose: the
    candidate set for Arabic news is small and known, while general charset
    detectors guess among dozens of code pages and mislabel short Arabic texts
    (cp1256 vs iso-8859-6 vs cp1255).  Windows-1256 decodes almost any byte string,
    so its result is accepted only when it reads as Arabic text.
    """
    if not data:
        return None, None, "empty input"
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8"]
        # BOM-less UTF-16: the high byte of every code unit is 0x00 (ASCII) or 0x06 (Arabic)
        sample = data[:4000]
        high_le = sum(1 for b in sample[1::2] if b in (0x00, 0x06))
        high_be = sum(1 for b in sample[0::2] if b in (0x00, 0x06))
        half = max(len(sample) // 2, 1)
        if high_le > 0.7 * half and high_be < 0.3 * half:
            candidates.append("utf-16-le")
        elif high_be > 0.7 * half and high_le < 0.3 * half:
            candidates.append("utf-16-be")
        candidates.append("cp1256")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _looks_like_text(text):
            continue
        if enc == "cp1256" and arabic_share(text) < 0.3:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n"), enc, None
    if b"\x00" in data[:4000] or not _looks_like_text(data[:4000].decode("latin-1")):
        return None, None, "binary or undecodable input (not UTF-8, UTF-16 or Windows-1256 text)"
    return None, None, "undecodable text (not UTF-8, UTF-16 or Windows-1256)"


# --------------------------------------------------------------------------- parsing


def doc_id_for(text: str) -> str:
    """Stable document id: hash of the normalised content (spelling variants of
    diacritics, digits, hamza and whitespace give the same id)."""
    key = collapse_spaces(fold_match(text))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def stable_key(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).hexdigest()


_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")


def parse_timestamp(value: Any) -> dt.datetime | None:
    """ISO-8601 and a few common machine formats → aware UTC datetime; None if unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        try:
            return dt.datetime.fromtimestamp(float(value), tz=dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    parsed: dt.datetime | None = None
    try:
        parsed = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        for fmt in _DATE_FORMATS:
            try:
                parsed = dt.datetime.strptime(s, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc)


def source_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def _pick(rec: dict[str, Any], names: Iterable[str]) -> Any:
    for name in names:
        val = rec.get(name)
        if val not in (None, ""):
            return val
    return None


def _payload(data: bytes | dict[str, Any], limit: int) -> str:
    if isinstance(data, dict):
        return json.dumps(data, ensure_ascii=False)[:limit]
    return data[:limit].decode("utf-8", errors="replace")


MIN_HTML_PARAGRAPH_WORDS = 6  # below this, what trafilatura found is navigation, not an article


# Meta tags that carry the full publication timestamp (ISO 8601 with time and offset).
# trafilatura's metadata (htmldate) reduces the date to a day, so they are read first.
_PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @property='og:published_time' or "
    "@property='og:article:published_time' or @name='article:published_time' or "
    "@itemprop='datePublished' or @name='pubdate' or @name='publishdate' or "
    "@name='date' or @name='dc.date.issued' or @name='DC.date.issued']/@content"
    " | //time[@itemprop='datePublished' or @pubdate]/@datetime"
)


def _html_published(html_text: str, date_only: str | None) -> dt.datetime | None:
    """Publication time of an HTML page: the first meta tag with a full ISO time (kept
    with its UTC offset, then stored in UTC), else the day trafilatura found."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(html_text.encode("utf-8"))
        values = tree.xpath(_PUBLISHED_XPATH)
    except Exception:  # noqa: BLE001 - unparsable markup: fall back to trafilatura's day
        values = []
    for value in values:
        when = parse_timestamp(str(value).strip())
        if when is not None:
            return when
    return parse_timestamp(date_only)


def _from_html(unit: RawInput) -> RawDocument | str:
    import trafilatura  # imported here: only HTML inputs pay for it

    text, _enc, err = decode_bytes(unit.data)  # type: ignore[arg-type]
    if text is None:
        return err or "undecodable"
    try:
        result = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=False, fast=True
        )
    except Exception as exc:  # trafilatura raises on pathological markup
        return f"html: extraction failed: {type(exc).__name__}: {exc}"
    body = getattr(result, "text", None) if result is not None else None
    if not body or max((len(line.split()) for line in body.split("\n")), default=0) < MIN_HTML_PARAGRAPH_WORDS:
        return "html: no article text found (no paragraph of running text)"
    body = clean_body(body)
    title = clean_field(getattr(result, "title", None))
    lines = body.split("\n")
    if title and lines and fold_match(lines[0]).strip() == fold_match(title).strip():
        body = "\n".join(lines[1:])  # trafilatura repeats the <h1> title as the first line
    return RawDocument(
        source_path=unit.source_path,
        raw_text=body,
        title=title,
        url=getattr(result, "url", None),
        source=getattr(result, "sitename", None) or source_from_url(getattr(result, "url", None)) or unit.source_hint,
        author=clean_field(getattr(result, "author", None)),
        published_at=_html_published(text, getattr(result, "date", None)),
        fmt="html",
        title_from_container=bool(title),
    )


def _from_record(unit: RawInput, rec: dict[str, Any], fields: dict[str, tuple[str, ...]]) -> RawDocument | str:
    body = _pick(rec, fields["text"])
    if body is None:
        if any(isinstance(rec.get(name), str) for name in fields["text"]):
            return "empty document: no text"  # the field is there, empty (as the text-file check says)
        return f"JSON record has no text field (looked for: {', '.join(fields['text'])})"
    if not isinstance(body, str):
        return "JSON text field is not a string"
    title = clean_field(_pick(rec, fields["title"]))
    url = _pick(rec, fields["url"])
    source = _pick(rec, fields["source"])
    return RawDocument(
        source_path=unit.source_path,
        raw_text=clean_body(body.replace("\r\n", "\n").replace("\r", "\n")),
        title=title,
        url=str(url) if url else None,
        source=str(source) if source else (source_from_url(str(url)) if url else unit.source_hint),
        author=clean_field(_pick(rec, fields["author"])),
        published_at=parse_timestamp(_pick(rec, fields["date"])),
        scraped_at=parse_timestamp(_pick(rec, fields["scraped_at"])),
        fmt=unit.fmt,
        title_from_container=bool(title),
    )


def ingest_unit(unit: RawInput, fields: dict[str, tuple[str, ...]] | None = None) -> RawDocument | str:
    """One input unit → a document, or the reason it cannot be one."""
    fields = fields or DEFAULT_JSON_FIELDS
    if unit.fmt == "error":
        return unit.error or "unreadable input"
    if unit.fmt == "html":
        return _from_html(unit)
    if unit.fmt == "txt":
        text, _enc, err = decode_bytes(unit.data)  # type: ignore[arg-type]
        if text is None:
            return err or "undecodable"
        return RawDocument(source_path=unit.source_path, raw_text=clean_body(text), source=unit.source_hint, fmt="txt")
    if unit.fmt == "jsonl":
        try:
            rec = json.loads(unit.data)  # type: ignore[arg-type]
        except RecursionError:
            return f"invalid JSON line: nested deeper than {_JSON_DEPTH_HINT}"
        except json.JSONDecodeError as exc:
            return f"invalid JSON line: {exc.msg} at column {exc.colno}"
        if not isinstance(rec, dict):
            return "JSON line is not an object"
        return _from_record(unit, rec, fields)
    if unit.fmt == "json":
        return _from_record(unit, unit.data, fields)  # type: ignore[arg-type]
    return f"unsupported input format: {unit.fmt}"


def _drop_nul(doc: RawDocument) -> None:
    """NUL characters (from a JSON ``\\u0000`` or a stray byte) carry no text and break
    C readers of the output: they are removed from the text fields."""
    for name in ("raw_text", "title", "author"):
        value = getattr(doc, name)
        if value and "\x00" in value:
            setattr(doc, name, value.replace("\x00", ""))


def ingest_inputs(
    units: Iterable[RawInput],
    fields: dict[str, tuple[str, ...]] | None = None,
    payload_chars: int = 500,
    max_doc_chars: int = 1_000_000,
) -> tuple[list[tuple[str, RawDocument]], list[Reject]]:
    """A batch of input units → ([(doc_id, document)], rejects).

    Empty documents (no text after stripping) are rejects; so are documents whose
    text is identical (after normalisation) to an earlier one of the same batch.
    """
    docs: list[tuple[str, RawDocument]] = []
    rejects: list[Reject] = []
    seen: set[str] = set()
    for unit in units:
        try:
            result = ingest_unit(unit, fields)
        except Exception as exc:  # noqa: BLE001 - one bad input never stops the run
            result = f"ingest failed: {type(exc).__name__}: {exc}"
        if isinstance(result, str):
            rejects.append(Reject(unit.source_path, "documents", result, _payload(unit.data, payload_chars)))
            continue
        _drop_nul(result)
        if not result.raw_text.strip():
            rejects.append(Reject(unit.source_path, "documents", "empty document: no text",
                                  _payload(unit.data, payload_chars)))
            continue
        if len(result.raw_text) > max_doc_chars:
            rejects.append(Reject(unit.source_path, "documents",
                                  f"document too large: {len(result.raw_text):,} characters > limit {max_doc_chars:,} "
                                  "(one article per file or record expected)", result.raw_text[:payload_chars]))
            continue
        doc_id = doc_id_for(result.raw_text)
        if doc_id in seen:
            rejects.append(Reject(unit.source_path, "documents", f"duplicate content of document {doc_id}",
                                  result.raw_text[:payload_chars], doc_id))
            continue
        seen.add(doc_id)
        docs.append((doc_id, result))
    return docs, rejects
