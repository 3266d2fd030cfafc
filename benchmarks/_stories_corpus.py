"""SaudiNewsNet prepared as the pipeline would see it, for the stories benchmark (cached).

Each record goes through akhbar's own ingest (``ingest_unit`` on the JSON record, the
``doc_id`` of ``ingest_inputs``, identical texts kept once), the cleaner (``clean_document``
with the per-source line statistics of the whole corpus, pruned as the flow prunes them),
and optionally the entity stage (``pipeline.split_batch`` + ``extract_entities_batch``,
the full model with the BiLSTM) and the near-duplicate paragraph links
(``find_near_duplicates`` over the corpus in publication order, as the flow's task).

Cleaning takes minutes and NER most of an hour on a shared 2-core machine, so the
results are cached under ``--cache`` (default /tmp/akhbar_stories_cache), keyed by the
corpus files and akhbar's version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pickle
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import akhbar  # noqa: E402
from akhbar.clean import LineStats, clean_document  # noqa: E402
from akhbar.ingest import RawInput, doc_id_for, ingest_unit  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
DEFAULT_CACHE = Path("/tmp/akhbar_stories_cache")


@dataclass(slots=True)
class Article:
    key: tuple[str, int]  # (zip name, index in its JSON array)
    doc_id: str  # akhbar's doc_id (identical texts share one)
    source: str | None
    title: str | None  # cleaned title (raw title when --raw)
    text: str  # clean_text (raw content when --raw)
    published_at: dt.datetime | None
    scraped_at: dt.datetime | None
    entity_ids: tuple[str, ...] = field(default_factory=tuple)


def _zips(data: Path, days: set[str] | None) -> list[Path]:
    return [z for z in sorted(data.glob("*.zip")) if days is None or z.stem in days]


def _records(zpath: Path) -> list[dict]:
    with zipfile.ZipFile(zpath) as z:
        return json.loads(z.read(z.namelist()[0]))


def _cache_key(data: Path, zips: list[Path], what: str) -> str:
    h = hashlib.blake2b(digest_size=8)
    h.update(f"{what}|{akhbar.__version__}|".encode())
    for z in zips:
        st = z.stat()
        h.update(f"{z.name}:{st.st_size}:{int(st.st_mtime)}|".encode())
    return h.hexdigest()


def _load_or(path: Path, build):
    if path.exists():
        with open(path, "rb") as fh:
            return pickle.load(fh)
    value = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return value


def load_articles(data: Path, days: set[str] | None, cache: Path, raw: bool = False,
                  log=print) -> tuple[list[Article], dict[tuple[str, int], str]]:
    """Articles of the chosen days (zip stems), each document once, and (zip, idx) -> doc_id
    for every record (records whose text is identical to another's map to the kept one;
    records akhbar rejects, e.g. empty bodies, are missing)."""
    zips = _zips(data, days)
    path = cache / f"corpus-{'raw' if raw else 'clean'}-{_cache_key(data, zips, 'corpus')}.pkl"

    def build():
        t0 = time.perf_counter()
        units = []
        for z in zips:
            for i, rec in enumerate(_records(z)):
                units.append(((z.name, i), RawInput(f"{z.name}#{i}", "json", rec, None)))
        docs = []
        key_to_doc: dict[tuple[str, int], str] = {}
        seen: set[str] = set()
        for key, unit in units:
            res = ingest_unit(unit)
            if isinstance(res, str) or not res.raw_text.strip():
                continue
            doc_id = doc_id_for(res.raw_text)
            key_to_doc[key] = doc_id
            if doc_id in seen:
                continue
            seen.add(doc_id)
            docs.append((key, doc_id, res))
        log(f"  ingested {len(docs)} documents from {len(units)} records in {time.perf_counter() - t0:.0f}s")
        arts = []
        if raw:
            for key, doc_id, res in docs:
                arts.append(Article(key, doc_id, res.source, res.title, res.raw_text, res.published_at, res.scraped_at))
            return arts, key_to_doc
        stats = LineStats()
        for _, _, res in docs:
            stats.add(res)
        stats.prune()
        t1 = time.perf_counter()
        failed = []
        for n, (key, doc_id, res) in enumerate(docs):
            try:
                clean = clean_document(res, stats)
            except Exception as exc:  # noqa: BLE001 - a cleaner bug on one record (reported, not fixed here)
                failed.append(f"{key[0]}#{key[1]}: {type(exc).__name__}")
                del key_to_doc[key]
                continue
            if not clean.clean_text.strip():  # the documents contract: nothing left, not a document
                del key_to_doc[key]
                continue
            arts.append(Article(key, doc_id, res.source, clean.title or res.title, clean.clean_text,
                                clean.published_at or res.published_at, res.scraped_at))
            if n and n % 5000 == 0:
                log(f"  cleaned {n} ({time.perf_counter() - t1:.0f}s)")
        log(f"  cleaned {len(arts)} documents in {time.perf_counter() - t1:.0f}s")
        if failed:
            log(f"  clean_document raised on {len(failed)} records (left out): "
                + ", ".join(failed[:5]))
        return arts, key_to_doc

    arts, key_to_doc = _load_or(path, build)
    # pairs may name a record whose text was kept under another record's doc_id
    kept = {a.doc_id for a in arts}
    key_to_doc = {k: v for k, v in key_to_doc.items() if v in kept}
    return arts, key_to_doc


def add_entities(arts: list[Article], data: Path, days: set[str] | None, cache: Path, raw: bool = False,
                 bilstm: bool = False, log=print) -> None:
    """Fill ``entity_ids`` with akhbar's entity stage (the CRF model; ``bilstm``: with the
    BiLSTM as the pipeline's default, 5x slower here), cached chunk by chunk."""
    from akhbar import pipeline
    from akhbar.models import CleanDocument, RawDocument

    zips = _zips(data, days)
    key = _cache_key(data, zips, f"entities-{'bilstm' if bilstm else 'crf'}")
    folder = cache / f"entities-{'raw' if raw else 'clean'}-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    chunk = 500
    t0 = time.perf_counter()
    ents: dict[str, tuple[str, ...]] = {}
    for n, start in enumerate(range(0, len(arts), chunk)):
        part = arts[start:start + chunk]

        def build(part=part):
            batch = [pipeline.DocState(a.doc_id, RawDocument("x", a.text), clean=CleanDocument(a.text)) for a in part]
            pipeline.extract_entities_batch(pipeline.split_batch(batch), use_model=True, bilstm=bilstm)
            return {st.doc_id: tuple(m.entity_id for _, m in st.mentions if m.entity_id) for st in batch}

        ents.update(_load_or(folder / f"{n:04d}.pkl", build))
        if n % 10 == 9:
            log(f"  NER {start + len(part)}/{len(arts)} ({time.perf_counter() - t0:.0f}s)")
    for a in arts:
        a.entity_ids = ents.get(a.doc_id, ())


def duplicate_links(arts: list[Article], cache: Path, log=print) -> dict[str, set[str]]:
    """doc_id -> doc_ids it shares a near-duplicate paragraph with (both directions), from
    ``find_near_duplicates`` over the corpus in the flow's order (published, then doc_id)."""
    from akhbar.dedup import find_near_duplicates

    h = hashlib.blake2b(digest_size=8)
    for a in arts:
        h.update(a.doc_id.encode())
    path = cache / f"dups-{h.hexdigest()}.pkl"

    def build():
        t0 = time.perf_counter()
        far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
        order = sorted(arts, key=lambda a: (a.published_at or far, a.doc_id))
        paragraphs = ((a.doc_id, i, p) for a in order for i, p in enumerate(a.text.split("\n")))
        links = find_near_duplicates(paragraphs)
        out: dict[str, set[str]] = {}
        for link in links:
            if link.doc_id != link.dup_of_doc_id:
                out.setdefault(link.doc_id, set()).add(link.dup_of_doc_id)
                out.setdefault(link.dup_of_doc_id, set()).add(link.doc_id)
        log(f"  near-duplicate links: {len(links)} in {time.perf_counter() - t0:.0f}s")
        return out

    return _load_or(path, build)
