"""Tests for akhbar.entities (NER, spans, canonical names).

Clean text for a seed is built here by dropping the lines listed as boilerplate in
tests/fixtures/seeds_expected.json, and sentences by a simple split on «. ؟ !»
and newlines (the project's sentence splitter is not used on purpose).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from akhbar.entities import EntityRecognizer, canonicalize
from akhbar.models import Sentence
from akhbar.text import fold_key, fold_key_word

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = json.loads((ROOT / "tests" / "fixtures" / "seeds_expected.json").read_text(encoding="utf-8"))
SEEDS = sorted(k for k in EXPECTED if not k.startswith("_"))


def split_sentences(text: str) -> list[Sentence]:
    out = []
    for m in re.finditer(r"[^.؟!\n]+[.؟!]?", text):
        if m.group().strip():
            out.append(Sentence(len(out), 0, m.start(), m.end(), m.group()))
    return out


def seed_text(name: str) -> str:
    lines = (ROOT / "seeds" / name).read_text(encoding="utf-8").split("\n")
    boiler = {b["line"] for b in EXPECTED[name].get("boilerplate", [])}
    return "\n".join(line for line in lines if line.strip() and line.strip() not in boiler)


def annotate(text: str, use_model: bool = True):
    return EntityRecognizer.load(use_model=use_model).annotate(text, split_sentences(text))


@pytest.fixture(scope="module")
def seed_mentions():
    return {name: (seed_text(name), annotate(seed_text(name))) for name in SEEDS}


def test_committed_model_loads():
    rec = EntityRecognizer.load()
    assert rec.model is not None
    assert EntityRecognizer.load() is rec  # cached


@pytest.mark.parametrize("name", SEEDS)
def test_seed_entities_found_with_labels(seed_mentions, name):
    _, mentions = seed_mentions[name]
    got = {(m.text, m.label) for m in mentions}
    missing = [(e["text"], e["label"]) for e in EXPECTED[name]["entities"] if (e["text"], e["label"]) not in got]
    assert not missing, f"{name}: not found {missing}"


@pytest.mark.parametrize("name", SEEDS)
def test_seed_expected_canonical_en(seed_mentions, name):
    _, mentions = seed_mentions[name]
    for e in EXPECTED[name]["entities"]:
        if "canonical" in e:
            ens = {m.canonical_en for m in mentions if m.text == e["text"] and m.label == e["label"]}
            assert e["canonical"] in ens, (e, ens)


@pytest.mark.parametrize("name", SEEDS)
def test_offsets_exact_and_valid(seed_mentions, name):
    text, mentions = seed_mentions[name]
    assert mentions
    spans = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "overlapping or duplicate mentions"
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert 1 <= len(m.text) <= 200
        assert m.label in {"PER", "ORG", "LOC", "MISC"}
        assert 0.0 <= m.confidence <= 1.0
        assert m.text == m.text.strip() and m.canonical


def test_proclitics_not_in_span():
    text = "التقى وزير الخارجية الروسي في وموسكو مع الأمين العام لحلف شمال الأطلسي. وأشاد بالناتو وبالولايات المتحدة."
    ms = annotate(text)
    got = {(m.text, m.label) for m in ms}
    assert ("موسكو", "LOC") in got
    assert ("حلف شمال الأطلسي", "ORG") in got
    assert ("الناتو", "ORG") in got
    assert ("الولايات المتحدة", "LOC") in got
    for m in ms:
        assert text[m.start:m.end] == m.text
    # «لل» = ل + the article with its alef elided: the span keeps the article's ل
    text = "وهذا مهم بالنسبة للولايات المتحدة."
    ms = [m for m in annotate(text) if m.canonical_en == "United States"]
    assert ms and ms[0].text == "لولايات المتحدة" and text[ms[0].start:ms[0].end] == ms[0].text
    assert ms[0].canonical == canonicalize("الولايات المتحدة", "LOC")
    # a name that merely starts with «و» keeps it
    ms = annotate("وصل الوزير إلى واشنطن أمس.")
    assert ("واشنطن", "LOC") in {(m.text, m.label) for m in ms}


def _canon_of(mentions, surface):
    return {m.canonical for m in mentions if m.text == surface}


def test_canonical_groups_pyongyang_seoul_nato():
    c = {canonicalize(x, "LOC") for x in ("بيونغ يانغ", "بيونغيانغ", "بيونجيانج")}
    assert len(c) == 1
    assert len({canonicalize(x, "LOC") for x in ("سول", "سيول")}) == 1
    assert len({canonicalize(x, "ORG") for x in ("الناتو", "ناتو", "حلف شمال الأطلسي", "حلف الأطلسي")}) == 1
    assert canonicalize("بيونغ يانغ", "LOC") != canonicalize("سول", "LOC")
    # the article is kept in spans, never in canonical names
    assert not canonicalize("الكرملين", "ORG").startswith("ال")
    # hamza / ta marbuta / spacing variants
    assert canonicalize("أوكرانيا", "LOC") == canonicalize("اوكرانيا", "LOC")


def test_canonical_en_in_documents():
    text = "قال الأمين العام لحلف شمال الأطلسي (الناتو) مارك روته إن بيونجيانج وسيول تتحدثان. وأضاف روته أن ناتو قوي."
    ms = annotate(text)
    by_text = {m.text: m for m in ms}
    assert by_text["حلف شمال الأطلسي"].canonical_en == "NATO"
    assert by_text["الناتو"].canonical_en == "NATO"
    assert by_text["بيونجيانج"].canonical_en == "Pyongyang"
    assert by_text["سيول"].canonical_en == "Seoul"
    assert by_text["حلف شمال الأطلسي"].canonical == by_text["الناتو"].canonical == by_text["ناتو"].canonical


def test_short_form_maps_to_full_name(seed_mentions):
    for name in SEEDS:
        _, ms = seed_mentions[name]
        full = _canon_of(ms, "مارك روته")
        short = _canon_of(ms, "روته")
        if full and short:
            assert short == full, (name, full, short)
            return
    pytest.fail("no seed with both «مارك روته» and «روته»")


def test_doc_consistency_tags_short_form():
    text = "وقال وزير الدفاع الأميركي لويد أوستن إن الوضع خطير. ولفت أوستن إلى أن الحلفاء مستعدون."
    ms = annotate(text)
    assert any(m.text == "أوستن" and m.label == "PER" for m in ms)


def test_title_rule_name_starts_and_ends_where_the_model_is_unsure():
    """«وزير القضاء حاييم رامون قضائيا بتهمة …»: the model hesitated on the name and tagged
    nothing; the rule's four name-like words are cut back to the name, since the model is
    sure about «قضائيا» and «بتهمة» and neither is in a name-rich cluster."""
    from akhbar.entities.model import postprocess

    words = ["ملاحقة", "وزير", "القضاء", "حاييم", "رامون", "قضائيا", "بتهمة", "التحرش", "الجنسي"]
    tags = ["O"] * 9
    probs = [1.0, 1.0, 1.0, 0.52, 0.48, 1.0, 1.0, 1.0, 1.0]
    postprocess(words, tags, probs)
    assert tags == ["O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O"]
    # … and a name does not start at a common word the model is sure of: «the minister
    # made a phone call», not a minister named «اتصالا تليفونيا»
    words = ["وقد", "أجري", "الوزير", "اتصالا", "تليفونيا", "أمس", "مع"]
    tags = ["O"] * 7
    postprocess(words, tags, [1.0, 1.0, 1.0, 0.96, 0.51, 1.0, 1.0])
    assert tags == ["O"] * 7


def test_person_span_split_at_a_conjunction():
    """«كانافارو وإيمرسون» tagged as one person is two people; «موسي والأدميون» is one
    person followed by a common word."""
    from akhbar.entities.model import postprocess

    words = ["وسجل", "كانافارو", "وإيمرسون", "هدفين"]
    tags = ["O", "B-PER", "I-PER", "O"]
    postprocess(words, tags, [1.0, 0.9, 0.9, 1.0], gaz=False, rules=False, teams=False)
    assert tags == ["O", "B-PER", "B-PER", "O"]
    words = ["النبي", "موسي", "والأدميون", "جميعا"]
    tags = ["O", "B-PER", "I-PER", "O"]
    postprocess(words, tags, [1.0, 0.9, 0.9, 1.0], gaz=False, rules=False, teams=False)
    assert tags == ["O", "B-PER", "O", "O"]



def test_hyphenated_person_name_is_one_mention():
    """An unspaced hyphen joins a person name whether the models left the word after it
    untagged or started a new name on it (once two overlapping mentions: «كيم يونغ-هيون»
    and «هيون»)."""
    from akhbar.entities import _join_hyphenated_names
    from akhbar.text import tokenize

    toks = tokenize("نظيره كيم يونغ-هيون الذي حض")
    assert [t.text for t in toks] == ["نظيره", "كيم", "يونغ", "-", "هيون", "الذي", "حض"]
    for after in ("O", "B-PER"):
        tags = ["O", "B-PER", "I-PER", "O", after, "O", "O"]
        _join_hyphenated_names(toks, tags)
        assert tags == ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O"]
    spaced = tokenize("كيم يونغ - هيون")  # a spaced dash separates
    tags = ["B-PER", "I-PER", "O", "B-PER"]
    _join_hyphenated_names(spaced, tags)
    assert tags == ["B-PER", "I-PER", "O", "B-PER"]
    text = "وقال نظيره الكوري الجنوبي كيم يونغ-هيون إن بلاده مستعدة."
    names = [(m.text, m.label) for m in annotate(text)]
    assert ("كيم يونغ-هيون", "PER") in names and ("هيون", "PER") not in names

def test_doc_consistency_never_spreads_a_name_onto_a_preposition_or_name_part():
    """«علي» (Ali) tagged with confidence once must not tag «على» ("on"), which folds to
    the same key, nor «وعلى»; the name's short form still spreads."""
    from akhbar.entities.model import doc_consistency

    doc = [["وقال", "علي", "الحسيني", "إن", "الوضع", "خطير"],
           ["ورد", "علي", "على", "السؤال"],
           ["وأكد", "الحسيني", "على", "أهمية", "الحوار", "وعلى", "دور", "الشباب"]]
    tags = [["O", "B-PER", "I-PER", "O", "O", "O"], ["O", "B-PER", "O", "O"], ["O"] * 8]
    probs = [[1.0, 0.9, 0.9, 1.0, 1.0, 1.0], [1.0, 0.9, 1.0, 1.0], [1.0] * 8]
    doc_consistency(doc, tags, probs)
    assert tags[1][2] == "O" and tags[2][2] == "O" and tags[2][5] == "O"
    assert tags[2][1] == "B-PER"  # «الحسيني», the name's short form, still spreads
    # nor a name part tagged alone somewhere («ابن» in a broken-up «علي ابن أبي طالب»)
    doc = [["قال", "ابن", "خلدون"], ["وكان", "ابن", "عمه", "أميرا"]]
    tags = [["O", "B-PER", "O"], ["O", "O", "O", "O"]]
    doc_consistency(doc, tags, [[1.0, 0.9, 1.0], [1.0] * 4])
    assert tags[1] == ["O", "O", "O", "O"]


def test_fast_mode_without_model():
    rec = EntityRecognizer.load(use_model=False)
    assert rec.model is None
    text = seed_text("000_a09b7958db38c890.txt")
    ms = rec.annotate(text, split_sentences(text))
    got = {(m.text, m.label) for m in ms}
    for want in [("روسيا", "LOC"), ("موسكو", "LOC"), ("حلف شمال الأطلسي", "ORG"), ("فلاديمير بوتين", "PER"),
                 ("الاتحاد الأوروبي", "ORG"), ("كوريا الشمالية", "LOC")]:
        assert want in got, want
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_empty_and_non_arabic_input():
    rec = EntityRecognizer.load()
    assert rec.annotate("", []) == []
    text = "12:00 AM - - !"
    assert all(text[m.start:m.end] == m.text for m in rec.annotate(text, split_sentences(text)))


def test_bilstm_numpy_forward_matches_pytorch():
    """The numpy forward pass (runtime) gives the probabilities PyTorch gave for the
    same seed sentences when akhbar/training/train_bilstm.py exported the model."""
    import numpy as np

    from akhbar.entities.features import ALL_GROUPS, sentence_view
    from akhbar.entities.model import CrfModel

    model = CrfModel()
    assert model.neural is not None and 0.0 < model.crf_weight < 1.0
    z = np.load(ROOT / "akhbar" / "resources" / "ner" / "bilstm.npz")
    sents = [t.split("\t") for t in z["check_tokens"].tolist()]
    assert len(sents) >= 3 and all(len(s) >= 8 for s in sents)
    got = np.concatenate(model.neural.probs([sentence_view(s, ALL_GROUPS, None) for s in sents]))
    assert got.shape == z["check_probs"].shape
    assert np.allclose(got.sum(axis=1), 1.0, atol=1e-4)
    assert np.abs(got - z["check_probs"]).max() < 1e-3


def test_bio_decode_never_starts_inside():
    import numpy as np

    from akhbar.entities.neural import TAGS, bio_decode

    p = np.full((3, len(TAGS)), 0.01)
    p[0, TAGS.index("I-PER")] = 0.6  # an I- cannot open a sentence nor follow O / another type
    p[0, TAGS.index("O")] = 0.3
    p[1, TAGS.index("I-LOC")] = 0.9
    p[2, TAGS.index("O")] = 0.9
    tags, probs = bio_decode(p / p.sum(axis=1, keepdims=True))
    assert tags[0] != "I-PER" and not (tags[1] == "I-LOC" and tags[0] != "B-LOC" and tags[0] != "I-LOC")
    assert len(probs) == 3 and all(0 <= x <= 1 for x in probs)


def test_log_pool_keeps_a_tag_either_model_rules_out_unlikely():
    """pool_probs on the shipped models' distributions for a seed sentence: the log
    pool (0.5.0) is a distribution per token, reduces to either model at w = 0 / 1,
    and gives little weight to a tag one model all but rules out, where the linear
    average keeps w of the other model's belief."""
    import numpy as np

    from akhbar.entities.features import sentence_view, view_features
    from akhbar.entities.model import CrfModel, pool_probs

    model = CrfModel()
    assert model.crf_pool == "log" and model.neural is not None
    toks = seed_text("000_a09b7958db38c890.txt").split()[:40]
    view = sentence_view(toks, model.groups, model.train_names)
    nn = model.neural.probs([view])[0]
    model.tagger.set(view_features(view, model.groups))
    crf = model.marginals(len(toks))
    log = pool_probs(crf, nn, 0.4)
    assert np.allclose(log.sum(axis=1), 1.0, atol=1e-5)
    assert np.allclose(pool_probs(crf, nn, 0.0), nn / nn.sum(axis=1, keepdims=True), atol=1e-5)
    assert np.allclose(pool_probs(crf, nn, 0.0, "linear"), nn)
    # «مارك» (in «مارك روته»): the CRF says O with 0.86, the BiLSTM 0.003
    ruled_out = (np.minimum(crf, nn) < 0.01) & (np.maximum(crf, nn) > 0.3)  # one says no, the other yes
    assert ruled_out.any()
    assert (log[ruled_out] < 0.1).all()
    assert (pool_probs(crf, nn, 0.4, "linear")[ruled_out] > 0.4 * 0.3).all()
    with pytest.raises(ValueError, match="unknown pool"):
        pool_probs(crf, nn, 0.4, "max")


def test_crf_alone_switch():
    """``bilstm=False`` (``akhbar run --no-bilstm``): the CRF without the BiLSTM average,
    a separate cached instance, still exact offsets and the well-known seed names."""
    from akhbar.flows.cli import build_parser

    rec = EntityRecognizer.load(bilstm=False)
    assert rec.model is not None and rec.model.neural is None
    assert EntityRecognizer.load() is not rec and EntityRecognizer.load().model.neural is not None
    text = seed_text("000_a09b7958db38c890.txt")
    ms = rec.annotate(text, split_sentences(text))
    got = {(m.text, m.label) for m in ms}
    for want in [("روسيا", "LOC"), ("فلاديمير بوتين", "PER"), ("حلف شمال الأطلسي", "ORG")]:
        assert want in got, want
    assert all(text[m.start:m.end] == m.text for m in ms)
    assert build_parser().parse_args(["run", "--no-bilstm"]).no_bilstm


def test_invisible_marks_do_not_change_matching():
    """Bidi marks glued to words («حماس\u200f», as in ANERcorp and some scrapes) are
    dropped from matching forms; document ids (``fold_match``) keep them."""
    from akhbar.entities import gazetteer as gz
    from akhbar.entities.features import sentence_view
    from akhbar.text import fold_match, strip_invisible

    assert strip_invisible("حماس\u200f\u200b") == "حماس"
    assert fold_key_word("بالقاهرة\u200f") == fold_key_word("بالقاهرة")
    a = sentence_view(["زار", "موسكو\u200f", "أمس"])
    b = sentence_view(["زار", "موسكو", "أمس"])
    assert [t.n for t in a.infos] == [t.n for t in b.infos] and a.gaz_tags == b.gaz_tags == ["O", "B-LOC", "O"]
    assert fold_match("حماس\u200f") != "حماس"  # ids stay as they were


def test_team_head_is_not_a_title():
    """«فريق» without the article is a team (trigger S), «الفريق» stays a rank (T);
    the title rule does not read «فريق فيراري» as a person."""
    from akhbar.entities.features import sentence_view
    from akhbar.entities.model import _after_title, _team_head, rule_tags

    v = sentence_view(["قال", "الفريق", "أول", "محمد", "إن", "فريق", "فيراري", "فاز"])
    assert v.infos[1].trig == "T" and v.infos[5].trig == "S"
    assert _team_head("وفريق") and _team_head("فريقي") and not _team_head("الفريق")
    assert not _after_title("فريق") and _after_title("الفريق")
    # the CRF's trigger and the rules' team head are one test
    words = ["فريق", "وفريق", "لفريق", "فريقي", "الفريق", "والفريق", "للفريق", "فرقة"]
    assert [i.trig == "S" for i in sentence_view(words).infos] == [_team_head(w) for w in words] \
        == [True, True, True, True, False, False, False, False]
    tags, _ = rule_tags(["وقال", "فريق", "جوزيه", "مورينيو", "إنه", "جاهز"])
    assert "B-PER" not in tags


def test_team_names_rule():
    """Clubs after a team head, and «place + rare relation adjective», become ORG;
    nationalities and common adjectives do not join («ميلان الإيطالي», «أمريكا اللاتينية»)."""
    from akhbar.entities.model import _club_adjective, team_names

    assert _club_adjective("الفاسي") and _club_adjective("الوجدية") and _club_adjective("الملكي")
    assert not _club_adjective("الإيطالي") and not _club_adjective("الشرقية") and not _club_adjective("المغرب")
    assert not _club_adjective("اللاتينية", rare=True) and _club_adjective("التطواني", rare=True)

    words = "بسبب التزام فريقي الجيش الملكي وأولمبيك خريبكة بمباراتين".split()
    tags, probs = ["O"] * len(words), [0.9] * len(words)
    team_names(words, tags, probs)
    assert tags == ["O", "O", "O", "B-ORG", "I-ORG", "B-ORG", "I-ORG", "O"]

    words = "انهزم أمام المغرب الفاسي ثم فريق ميلان الإيطالي في أمريكا اللاتينية".split()
    tags = ["O", "O", "B-LOC", "O", "O", "O", "B-LOC", "O", "O", "B-LOC", "O"]
    team_names(words, tags, [0.9] * len(words))
    assert tags == ["O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O", "B-LOC", "O"]


def test_name_continuation_stops_at_prepositions():
    """A person name does not run on into «ب/ل» + a common word («شوماخر بافتقاد»)."""
    from akhbar.entities.model import _preposition_form

    assert _preposition_form("بفوز") and _preposition_form("لصالح")
    assert not _preposition_form("بلير") and not _preposition_form("لحود") and not _preposition_form("فوز")


def test_org_lexicon_feature():
    """Organisation names harvested from SaudiNewsNet (akhbar/training/build_org_lexicon.py)
    ship with the model and mark tokens as a feature, clitics handled."""
    from akhbar.entities import gazetteer as gz
    from akhbar.entities.features import sentence_view, view_features

    lex = gz.load_org_lexicon()
    assert len(lex) > 500 and fold_key("أرامكو") in lex and fold_key("ريال مدريد") in lex
    assert fold_key("من") not in lex and fold_key("العمل") not in lex
    v = sentence_view(["أعلنت", "شركة", "أرامكو", "ولريال", "مدريد", "ذلك"])
    assert v.ol_tags == ["O", "O", "B-ORG", "B-ORG", "I-ORG", "O"]
    assert "ol=B-ORG" in view_features(v)[2]


def test_fariq_rank_only_before_a_rank_word():
    """«الفريق» as a title only in «الفريق أول/الركن …»; «الفريق جاهز» is the team."""
    from akhbar.entities.model import rule_tags

    assert "B-PER" not in rule_tags("وأكد أن الفريق جاهز تماماً وعازم على الفوز".split())[0]
    assert rule_tags("وقال الفريق أول كيريلو بودانوف إن".split())[0] == ["O", "O", "O", "B-PER", "I-PER", "O"]


def test_bilstm_ensemble_members_are_averaged(tmp_path):
    """An npz with members ``m1_p_*``… is an ensemble: the softmaxes are averaged
    (two copies of one network give that network's probabilities; a second member
    with another output bias moves them)."""
    import numpy as np

    from akhbar.entities.features import sentence_view
    from akhbar.entities.neural import NeuralTagger

    src = ROOT / "akhbar" / "resources" / "ner" / "bilstm.npz"
    z = dict(np.load(src))
    base = {k: v for k, v in z.items() if not (k.startswith("m") and "_p_" in k)}
    one = NeuralTagger(str(src))
    n_members = len(one.members)
    views = [sentence_view("قال الرئيس الروسي فلاديمير بوتين في موسكو".split())]
    two = dict(base, **{"m1_" + k: v for k, v in base.items() if k.startswith("p_")})
    np.savez(tmp_path / "two.npz", **two)
    np.savez(tmp_path / "one.npz", **base)
    p1 = NeuralTagger(str(tmp_path / "one.npz")).probs(views)[0]
    t2 = NeuralTagger(str(tmp_path / "two.npz"))
    assert len(t2.members) == 2 and n_members >= 1
    assert np.allclose(t2.probs(views)[0], p1, atol=1e-6)
    shifted = dict(two)
    shifted["m1_p_out_b"] = two["p_out_b"] + np.eye(len(two["p_out_b"]), dtype=np.float32)[0] * 5.0  # member 2 prefers O
    np.savez(tmp_path / "shifted.npz", **shifted)
    p_mix = NeuralTagger(str(tmp_path / "shifted.npz")).probs(views)[0]
    assert (p_mix[:, 0] > p1[:, 0]).all() and np.allclose(p_mix.sum(axis=1), 1.0, atol=1e-5)


def test_match_tokens_longest_match_with_proclitics():
    """Longest match first, a proclitic on the first word only, spaced and unspaced
    spellings of one key, no match across punctuation, ambiguous single words skipped
    on request, and a small (per-document) index next to the big ones."""
    from akhbar.entities import gazetteer as gz

    g = gz.load()
    words = "وقال إن حلف شمال الأطلسي ولبيونغ يانغ ، وبيونغيانغ و الناتو".split()
    got = [(i, j, label, cut) for i, j, label, cut in g.match_tokens(words)]
    assert (2, 5, "ORG", 0) in got  # not «شمال» alone
    assert (5, 7, "LOC", 2) in got  # «ولبيونغ يانغ»: cut «ول»
    assert (8, 9, "LOC", 1) in got and (10, 11, "ORG", 0) in got
    small = {fold_key("مارك روته"): "PER", fold_key("روته"): "PER"}
    assert g.match_tokens(["قال", "مارك", "روته", "و", "روته"], index=small) == [(1, 3, "PER", 0), (4, 5, "PER", 0)]
    assert g.match_tokens(["مارك", "،", "روته"], index=small) == [(2, 3, "PER", 0)]
    amb = {fold_key("العربية"): "LOC"}
    assert g.match_tokens(["اللغة", "العربية"], index=amb, skip_ambiguous=True) == []
    assert g.match_tokens(["اللغة", "العربية"], index=amb) == [(1, 2, "LOC", 0)]
    # an ambiguous name spread over two words: «ما هي» ("what is") is not Mahé
    assert g.match_tokens("ما هي الأسباب".split(), skip_ambiguous=True) == []
    assert g.match_tokens("ما هي الأسباب".split())[0][:3] == (0, 2, "LOC")  # still a (weak) CRF feature
    # ... and on its fold key: «الأمطار الغزيرة» ("heavy rain") folds ج/غ onto «الجزيرة»
    assert g.match_tokens("الأمطار الغزيرة".split(), skip_ambiguous=True) == []
    assert g.match_tokens("الأمطار الغزيرة".split())[0][:3] == (1, 2, "ORG")


def test_title_rule_takes_an_unseen_second_name_word():
    """«الأمين العام … مارك روته»: the model tagged «مارك» and was sure «روته» is not a
    name (P(O) 0.95), but «روته» is unknown to the word clusters, so the title rule's
    two-word name wins there; a word the corpus knows keeps the model's confident O, and
    so does an unseen word after a name the model already completed."""
    from akhbar.entities.model import _unseen, postprocess

    def second_word_tag(second: str, p_o: float) -> str:
        words = ["وقال", "الأمين", "العام", "للحلف", "مارك", second, "إن"]
        tags = ["O", "O", "O", "O", "B-PER", "O", "O"]
        probs = [1.0, 1.0, 1.0, 1.0, 0.6, p_o, 1.0]
        postprocess(words, tags, probs)
        return tags[5]

    assert _unseen("روته") and not _unseen("سميث")
    assert second_word_tag("روته", 0.95) == "I-PER"
    assert second_word_tag("سميث", 0.95) == "O"
    assert second_word_tag("سميث", 0.6) == "I-PER"  # the model hesitated: the rule joins as before
    # a name the model already completed is not run on into an unseen verb
    words = ["أن", "الوزيرة", "كوندوليزا", "رايس", "ستزور", "المنطقة"]
    tags = ["O", "O", "B-PER", "I-PER", "O", "O"]
    postprocess(words, tags, [1.0, 1.0, 0.9, 0.9, 0.95, 1.0])
    assert _unseen("ستزور") and tags[4] == "O"


def test_doc_consistency_spreads_a_name_only_as_the_document_spells_it():
    """Letter folds (ج/غ, ق/ك) join spellings across sources, not inside one document:
    «الجزيرة» (Al Jazeera) is not spread onto «الغزيرة» ("abundant"); a proclitic
    («للولايات» → «الولايات») still is."""
    from akhbar.entities.model import doc_consistency

    toks = [["أعلنت", "الولايات", "المتحدة", "أمس"], ["وقال", "مسؤول", "للولايات", "المتحدة", "إن"],
            ["وقالت", "قناة", "الجزيرة", "إن"], ["الأمطار", "الغزيرة", "أغرقت", "الشوارع"]]
    tags = [["O", "B-LOC", "I-LOC", "O"], ["O"] * 5, ["O", "O", "B-ORG", "O"], ["O"] * 4]
    probs = [[0.9] * 4, [0.5] * 5, [0.9] * 4, [0.5] * 4]
    assert doc_consistency(toks, tags, probs) == 1
    assert tags[1] == ["O", "O", "B-LOC", "I-LOC", "O"] and tags[3] == ["O"] * 4
    text = "وقالت قناة الجزيرة إن الأمطار الغزيرة أغرقت الشوارع."
    assert [(m.text, m.label) for m in annotate(text)] == [("الجزيرة", "ORG")]
