"""The stages composed on a batch of documents, as pure functions.

ingest → clean → split → extract (figures, entities) → tables.  Each function takes
the batch produced by the previous one; the Prefect flow wraps each in a task.
Validation against the data contract and storage live outside this package
(``akhbar.schemas`` and ``akhbar.store``).
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from akhbar.clean import LineStats, clean_document
from akhbar.models import CleanDocument, Figure, Mention, Quote, RawDocument, Sentence
from akhbar.sentences import split_sentences


@dataclass(slots=True)
class DocState:
    """Everything the pipeline knows about one document so far."""

    doc_id: str
    raw: RawDocument
    clean: CleanDocument | None = None
    sentences: list[Sentence] = field(default_factory=list)
    figures: list[tuple[int, Figure]] = field(default_factory=list)  # (sentence_idx, figure in clean_text offsets)
    mentions: list[tuple[int, Mention]] = field(default_factory=list)  # (sentence_idx, mention)
    quotes: list[Quote] = field(default_factory=list)
    # numbers the figures step turned away, by guard (akhbar.figures.guards.REASONS): runs.non_figures
    non_figures: Counter[str] = field(default_factory=Counter)
    failure: str | None = None  # why it could not be processed (its worker process was killed)


def clean_batch(docs: Sequence[tuple[str, RawDocument]], stats: LineStats | None) -> list[DocState]:
    return clean_states([DocState(doc_id, raw) for doc_id, raw in docs], stats)


def clean_states(batch: list[DocState], stats: LineStats | None) -> list[DocState]:
    for state in batch:
        state.clean = clean_document(state.raw, stats)
    return batch


def split_batch(batch: list[DocState]) -> list[DocState]:
    for state in batch:
        assert state.clean is not None
        state.sentences = split_sentences(state.clean.clean_text)
    return batch


def _reference_date(state: DocState) -> dt.date | None:
    clean = state.clean
    when = (clean.published_at if clean else None) or state.raw.published_at or state.raw.scraped_at
    return when.date() if when else None


def extract_figures_batch(batch: list[DocState]) -> list[DocState]:
    from akhbar.figures import anchor_date, audit_figures
    from akhbar.figures.subject import document_subjects, subject_key, subject_text

    for state in batch:
        # «اليوم الاثنين» in the text pins the day the article speaks from (the scrape date may lag)
        ref = anchor_date(state.clean.clean_text if state.clean else "", _reference_date(state))
        found = []
        non_figures: Counter[str] = Counter()
        for sent in state.sentences:
            figures, turned_away = audit_figures(sent.text, reference_date=ref)
            found += [(sent, fig) for fig in figures]
            non_figures.update(turned_away)
        state.non_figures = non_figures
        # subjects are read in sentence offsets, over the whole document (a bare «العدد» refers back)
        for (sent, fig), sub in zip(found, document_subjects([(sent.text, fig) for sent, fig in found])):
            fig.subject, fig.subject_key = subject_text(sub), subject_key(sub)
            fig.start += sent.start
            fig.end += sent.start
        state.figures = [(sent.sentence_idx, fig) for sent, fig in found]
    return batch


def sentence_index_of(sentences: Sequence[Sentence], start: int) -> int:
    """The sentence containing character ``start`` (or the closest one before it)."""
    starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, start) - 1
    return sentences[max(i, 0)].sentence_idx if sentences else 0


def extract_entities_batch(batch: list[DocState], use_model: bool = True, bilstm: bool = True) -> list[DocState]:
    from akhbar.entities import EntityRecognizer
    from akhbar.text import tokenize

    recognizer = EntityRecognizer.load(use_model=use_model, bilstm=bilstm)
    model = recognizer.model
    # the model tags the sentences of the whole batch at once (one BiLSTM pass over all
    # of them); each document's annotate() then finds its sentences tagged.  Tokenised
    # once, as annotate() would: the same tokens go to it.
    doc_tokens = [
        [tokenize(state.clean.clean_text[s.start:s.end], offset=s.start) for s in state.sentences]
        if state.clean is not None else None for state in batch
    ] if model is not None else [None] * len(batch)
    sentences = [[t.text for t in toks] for doc in doc_tokens if doc is not None for toks in doc]
    with model.prepared(sentences) if model is not None else contextlib.nullcontext():
        for state, tokens in zip(batch, doc_tokens):
            assert state.clean is not None
            mentions = recognizer.annotate(state.clean.clean_text, state.sentences, tokens)
            state.mentions = [(sentence_index_of(state.sentences, m.start), m) for m in mentions]
    return batch


def extract_quotes_batch(batch: list[DocState]) -> list[DocState]:
    """Who said what: needs the sentences and the entity mentions of each document."""
    from akhbar.quotes import extract_quotes, link_speakers

    for state in batch:
        assert state.clean is not None
        mentions = [m for _, m in state.mentions]
        state.quotes = extract_quotes(state.clean.clean_text, state.sentences, mentions)
        link_speakers(state.quotes, mentions)
    return batch


def extract_batch(batch: list[DocState], use_model: bool = True, bilstm: bool = True) -> list[DocState]:
    """The extract stage: figures, entities, then quotes (which use the entities)."""
    return extract_quotes_batch(extract_entities_batch(extract_figures_batch(batch), use_model=use_model, bilstm=bilstm))
