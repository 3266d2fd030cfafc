"""The recogniser is used from Prefect's worker threads: threads must not share a tagger."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from akhbar.clean import clean_document
from akhbar.entities import EntityRecognizer
from akhbar.ingest import ingest_inputs, iter_inputs
from akhbar.sentences import split_sentences
from tests.conftest import SEEDS


def _docs():
    docs, _ = ingest_inputs(iter_inputs(SEEDS))
    out = []
    for _, raw in docs:
        text = clean_document(raw).clean_text
        out.append((text, split_sentences(text)))
    return out


def _annotate(item):
    text, sentences = item
    return [(m.start, m.end, m.label, m.canonical) for m in EntityRecognizer.load().annotate(text, sentences)]


def test_each_thread_gets_its_own_recogniser():
    seen = set()

    def grab(_):
        import time

        rec = EntityRecognizer.load()
        time.sleep(0.05)  # keep both threads alive at once
        return id(rec)

    with ThreadPoolExecutor(2) as pool:
        seen.update(pool.map(grab, range(2)))
    assert len(seen) == 2


def test_concurrent_annotation_equals_sequential():
    docs = _docs() * 6
    sequential = [_annotate(d) for d in docs]
    with ThreadPoolExecutor(4) as pool:
        concurrent = list(pool.map(_annotate, docs))
    assert concurrent == sequential
