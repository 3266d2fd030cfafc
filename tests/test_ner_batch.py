"""Batched NER inference gives what sentence-by-sentence inference gives, on the seed articles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from akhbar import pipeline
from akhbar.entities.features import ALL_GROUPS, sentence_view
from akhbar.text import tokenize
from akhbar.ingest import ingest_inputs, iter_inputs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_states():
    docs, _ = ingest_inputs(list(iter_inputs(SEEDS)))
    return pipeline.split_batch(pipeline.clean_batch(docs, None))


@pytest.fixture(scope="module")
def seed_sentences(seed_states) -> list[list[str]]:
    return [[t.text for t in tokenize(st.clean.clean_text[s.start:s.end])] for st in seed_states for s in st.sentences]


def test_bilstm_all_sentences_at_once_equal_one_by_one(seed_sentences):
    from akhbar.entities.model import load_model

    model = load_model()
    views = [sentence_view(s, ALL_GROUPS, model.train_names) for s in seed_sentences] + [sentence_view([], ALL_GROUPS)]
    together = model.neural.probs(views)
    alone = [model.neural.probs([v])[0] for v in views]
    assert len(together) == len(views) > 50
    assert together[-1].shape == (0, 9)
    for a, b in zip(together, alone):
        assert a.shape == b.shape
        assert np.abs(a - b).max(initial=0.0) <= 1e-5
        assert np.allclose(a.sum(axis=1), 1.0, atol=1e-5)


def test_bilstm_buckets_do_not_change_probabilities(seed_sentences, monkeypatch):
    from akhbar.entities import neural
    from akhbar.entities.model import load_model

    model = load_model()
    views = [sentence_view(s, ALL_GROUPS, model.train_names) for s in seed_sentences]
    one = model.neural.probs(views)
    monkeypatch.setattr(neural, "BUCKET_TOKENS", 64)  # many small buckets (and sentences longer than one)
    many = model.neural.probs(views)
    assert max(np.abs(a - b).max(initial=0.0) for a, b in zip(one, many)) <= 1e-5


def test_batched_viterbi_is_exactly_the_per_sentence_one(seed_sentences):
    from akhbar.entities.model import load_model, pool_probs
    from akhbar.entities.features import view_features
    from akhbar.entities.neural import bio_decode, bio_decode_many

    model = load_model()
    views = [sentence_view(s, ALL_GROUPS, model.train_names) for s in seed_sentences if s]
    nn = model.neural.probs(views)
    pooled = []
    for v, p in zip(views, nn):
        model.tagger.set(view_features(v, model.groups))
        pooled.append(pool_probs(model.marginals(len(v.infos)), p, model.crf_weight, model.crf_pool))
    assert bio_decode_many(pooled) == [bio_decode(p) for p in pooled]
    assert any(t != "O" for tags, _ in bio_decode_many(pooled) for t in tags)


def test_extract_step_tags_the_batch_at_once_with_the_same_mentions(seed_states):
    from akhbar.entities import EntityRecognizer

    rec = EntityRecognizer.load()
    one_by_one = [rec.annotate(st.clean.clean_text, st.sentences) for st in seed_states]
    states = pipeline.extract_entities_batch([pipeline.DocState(st.doc_id, st.raw, st.clean, st.sentences)
                                              for st in seed_states])
    batched = [[m for _, m in st.mentions] for st in states]
    key = lambda ms: [(m.start, m.end, m.label, m.canonical, m.canonical_en) for m in ms]  # noqa: E731
    assert [key(ms) for ms in batched] == [key(ms) for ms in one_by_one]
    assert sum(len(ms) for ms in batched) > 50
    conf = [abs(a.confidence - b.confidence) for x, y in zip(batched, one_by_one) for a, b in zip(x, y)]
    assert max(conf) <= 1e-4  # float noise of the matrix products, at most one unit of the 4th decimal
    assert rec.model._ready == {}, "the batch's tags are dropped after the batch"
