"""The NER training scripts' torch-free parts, on the committed artefacts and real text.

CI installs the ``test`` extra only (no torch, no gensim), so this checks what can be
checked without them: the committed pretrained encoder fits the shipped BiLSTM (same
word vectors, same input vocabularies, same shapes), a mismatched one is refused,
and the language-model targets of akhbar/training/pretrain_encoder.py on seed sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from akhbar.entities import gazetteer as gz
from akhbar.entities import neural as nn_rt
from akhbar.entities.features import ALL_GROUPS, sentence_view
from akhbar.text import tokenize
from akhbar.training.pretrain_encoder import lm_targets
from akhbar.training.train_bilstm import ENCODER_FILE, HERE, load_encoder

ROOT = Path(__file__).resolve().parents[1]
ENCODER = Path(HERE) / "artefacts" / ENCODER_FILE


@pytest.fixture(scope="module")
def shipped():
    return np.load(Path(gz.RESOURCE_DIR) / nn_rt.NEURAL_FILE)


def test_shipped_bilstm_was_fine_tuned_from_the_committed_encoder(shipped):
    words = shipped["word_vocab"].tolist()
    state, chars, prefixes, meta = load_encoder(str(ENCODER), words)
    # the runtime network reads the encoder's input vocabularies, row for row
    assert chars == shipped["char_vocab"].tolist()
    assert prefixes == shipped["prefix_vocab"].tolist()
    ner_meta = json.loads((Path(gz.RESOURCE_DIR) / "ner_meta.json").read_text(encoding="utf-8"))
    assert ner_meta["bilstm"]["pretrained_file"] == ENCODER_FILE
    # same shapes as the shipped weights (the runtime stores W.T with gates reordered)
    H = shipped["p_lstm_whh_f"].shape[1]
    assert state["lstm.weight_hh_l0"].shape == (4 * H, H)
    assert state["lstm.weight_ih_l0"].shape == shipped["p_lstm_wih_f"].shape
    assert state["cemb.weight"].shape == shipped["p_char_emb"].shape
    # fine-tuning moved the weights, but they still start from the encoder: the
    # character embeddings stay far closer to the pretrained ones than to chance
    ce = shipped["p_char_emb"]
    near = np.linalg.norm(ce - state["cemb.weight"])
    far = np.linalg.norm(ce - np.random.default_rng(0).permutation(state["cemb.weight"]))
    assert near < 0.5 * far
    # pretrained on unlabelled text, a real amount of it
    assert meta["tokens"] > 5_000_000 and meta["epochs"] >= 1


def test_encoder_refuses_other_word_vectors(shipped):
    words = shipped["word_vocab"].tolist()
    with pytest.raises(SystemExit, match="other word vectors"):
        load_encoder(str(ENCODER), words[:-1])


def test_lm_targets_on_seed_sentences():
    text = (ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("000_*.txt"))[0]).read_text(encoding="utf-8")
    sents = [[t.text for t in tokenize(line)] for line in text.split("\n") if len(line.split()) >= 8][:20]
    views = [sentence_view(s, ALL_GROUPS, None) for s in sents]
    targets, n_classes = lm_targets(views, n_words=10)
    assert [len(t) for t in targets] == [len(s) for s in sents]
    flat = np.concatenate(targets)
    assert flat.min() >= 0 and flat.max() < n_classes
    counts: dict[str, int] = {}
    for v in views:
        for ti in v.infos:
            counts[ti.n] = counts.get(ti.n, 0) + 1
    most = max(counts, key=lambda w: (counts[w], w))
    ids = {ti.n: int(t) for v, tt in zip(views, targets) for ti, t in zip(v.infos, tt)}
    assert 1 <= ids[most] <= 10  # a frequent word is predicted as itself
    # a word outside the 10 kept is predicted by its word cluster (> 10) or not at all (0)
    rare = [ti.n for v in views for ti in v.infos if counts[ti.n] == 1]
    assert rare and all(ids[w] == 0 or ids[w] > 10 for w in rare)
    assert any(ids[w] > 10 for w in rare)


# hand-tagged sentences in ANERcorp's format (clitics stay on the token), from the seeds' text
_TAGGED = [
    ("وقال مارك روته إن حلف شمال الأطلسي سيدعم أوكرانيا .", "O B-PER I-PER O B-ORG I-ORG I-ORG O B-LOC O"),
    ("وأكد الرئيس الكوري الجنوبي يون سوك يول أن سيول لن ترسل جنودا .", "O O O O B-PER I-PER I-PER O B-LOC O O O O"),
    ("وصل وزير الدفاع الروسي إلى بيونغ يانغ أمس .", "O O O O O B-LOC I-LOC O O"),
    ("وقالت وكالة رويترز إن موسكو نفت التقارير .", "O O B-ORG O B-LOC O O O"),
    ("وأعلن الناتو أن كوريا الشمالية أرسلت جنودا إلى روسيا .", "O B-ORG O B-LOC I-LOC O O O B-LOC O"),
    ("وقال فولوديمير زيلينسكي إن كييف تنتظر الدعم .", "O B-PER I-PER O B-LOC O O O"),
]


def test_weight_choice_follows_the_better_tagger():
    """akhbar/training/train_bilstm.choose_weight scores each CRF weight with the whole runtime
    pipeline: a network that is always right takes a larger share (a lower CRF weight)
    than one that guesses at random."""
    import argparse

    from akhbar.training.train_bilstm import choose_weight

    sents = [(s.split(), t.split()) for s, t in _TAGGED]
    assert all(len(w) == len(t) for w, t in sents)
    sub, dev = sents[:3], sents[3:]  # the CRF is trained on sub and tags dev
    right = [np.eye(len(nn_rt.TAGS))[[nn_rt.TAG_ID[t] for t in tags]] for _, tags in dev]
    rng = np.random.default_rng(0)
    noise = [rng.dirichlet(np.ones(len(nn_rt.TAGS)), size=len(tags)) for _, tags in dev]
    for pool in ("log", "linear"):
        args = argparse.Namespace(out=gz.RESOURCE_DIR, folds=2, doc_size=20, choose_by="pipeline", pool=pool)
        w_right = choose_weight(sub, dev, right, args)
        w_noise = choose_weight(sub, dev, noise, args)
        assert w_right < w_noise, pool
        assert choose_weight(sub, dev, right, argparse.Namespace(**{**vars(args), "choose_by": "average"})) < w_noise
