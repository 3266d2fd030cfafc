"""The CRF's marginals in numpy (akhbar.entities.crf_numpy) are crfsuite's, float for float."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from akhbar import pipeline
from akhbar.entities import crf_numpy
from akhbar.entities.features import sentence_view, view_features
from akhbar.ingest import ingest_inputs, iter_inputs
from akhbar.text import tokenize

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_sentences() -> list[list[str]]:
    docs, _ = ingest_inputs(list(iter_inputs(SEEDS)))
    states = pipeline.split_batch(pipeline.clean_batch(docs, None))
    return [[t.text for t in tokenize(st.clean.clean_text[s.start:s.end])] for st in states for s in st.sentences]


@pytest.fixture(scope="module")
def model():
    from akhbar.entities.model import load_model

    return load_model()


def test_weights_read_from_the_model_file(model):
    w = model.weights
    assert w.labels == model.tagger.labels()
    assert w.state.shape == (len(w.attrs) + 1, len(w.labels))
    assert not w.state[w.zero].any()
    assert "bias" in w.attrs and "BOS" in w.attrs


def test_marginals_equal_the_taggers_exactly(model, seed_sentences):
    """Feature strings turned into ids (unknown ones: the zero row), all sentences at once."""
    w = model.weights
    sents = [s for s in seed_sentences if s][:120] + [["واشنطن"]]
    feats = [view_features(sentence_view(s, model.groups, model.train_names), model.groups) for s in sents]
    width = max(len(f) for fs in feats for f in fs)
    ids = np.array([[w.attrs.get(x, w.zero) for x in f] + [w.zero] * (width - len(f)) for fs in feats for f in fs])
    got = crf_numpy.marginals(w, ids, [len(s) for s in sents])
    row = 0
    for fs in feats:
        model.tagger.set(fs)
        want = np.array([[model.tagger.marginal(label, t) for label in w.labels] for t in range(len(fs))])
        assert np.array_equal(got[row:row + len(fs)], want)
        row += len(fs)
    assert row == len(got)


def test_feature_ids_follow_the_feature_strings(model, seed_sentences):
    """views_feature_ids: per token, the ids of view_features' strings in their order."""
    w = model.weights
    sents = [s for s in seed_sentences if s][:60] + [["كوفي", "عنان"], ["قال"]]
    views = [sentence_view(s, model.groups, model.train_names) for s in sents]
    marg = model._batch_marginals(sents, views)
    for k, (s, v) in enumerate(zip(sents, views)):
        model.tagger.set(view_features(v, model.groups))
        assert np.array_equal(marg[k], model.marginals(len(s)))
    # the ids themselves, twice (the second time from the table)
    from akhbar.entities.features import bigram_sides, tag_feature_ids, token_feature_ids, views_feature_ids

    use_cl, use_tr = "clusters" in model.groups, "triggers" in model.groups
    sides = bigram_sides(w.attrs)
    rows = np.array([token_feature_ids(ti, use_cl, use_tr, w.attrs, w.zero, sides) for v in views for ti in v.infos])
    tags = np.array([tag_feature_ids(g, t, o, w.attrs, w.zero) for v in views
                     for g, t, o in zip(v.gaz_tags, v.tg_tags, v.ol_tags)])
    ids = views_feature_ids(views, rows, tags, use_tr, w.attrs, w.zero)
    want = [[w.attrs[x] for x in f if x in w.attrs] for v in views for f in view_features(v, model.groups)]
    assert [[x for x in r if x != w.zero] for r in ids.tolist()] == want


def test_empty_sentences(model):
    w = model.weights
    assert crf_numpy.marginals(w, np.zeros((0, 56), np.int64), []).shape == (0, len(w.labels))
    assert model._batch_marginals([[]], [sentence_view([], model.groups)]) == {}
    assert model.tag_many([[], ["واشنطن"]])[0] == ([], [])
