"""The learned line classifier: is a line boilerplate, and of which category.

Two logistic regressions over :func:`akhbar.clean.features.page_features` (dense
features, standardised, plus hashed lexical cues): a binary one (boilerplate vs
content and title) and a multinomial one for the category of a boilerplate line.  Their
coefficients, the standardisation, the removal threshold and the title ranker's weights
live in one ``.npz`` of plain float/str arrays (no pickle) under
``akhbar/resources/clean/``, written by ``akhbar/training/train_line_classifier.py``; the cleaner
only loads that file and computes dot products with numpy.
"""

from __future__ import annotations

import io
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from akhbar.clean.features import DENSE_NAMES, HASH_SIZE, PageFeatures

ARTEFACT = Path(__file__).resolve().parent.parent / "resources" / "clean" / "line_classifier.npz"


@dataclass(slots=True)
class Linear:
    """z = standardised(dense) · w + Σ w_hash[tokens] + b (one row of w per class)."""

    mean: np.ndarray  # (D,)
    scale: np.ndarray  # (D,)
    w: np.ndarray  # (K, D)
    w_hash: np.ndarray  # (K, H) or (K, 0) without lexical cues
    b: np.ndarray  # (K,)

    def scores(self, dense: np.ndarray, tokens: list[list[int]] | None,
               index: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
        """``index``: :func:`token_index` of ``tokens``, when the caller has it."""
        z = ((dense - self.mean) / self.scale) @ self.w.T + self.b
        if tokens is not None and self.w_hash.shape[1]:
            rows, cols = index if index is not None else token_index(tokens)
            np.add.at(z, rows, self.w_hash[:, cols].T)
        return z  # (n, K)


def token_index(tokens: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(line, bucket) of every hashed cue, in order."""
    rows = np.repeat(np.arange(len(tokens)), [len(t) for t in tokens])
    cols = np.fromiter((c for t in tokens for c in t), dtype=np.intp, count=rows.size)
    return rows, cols


@dataclass(slots=True)
class LineModel:
    boiler: Linear  # K = 1
    category: Linear  # K = len(categories)
    categories: tuple[str, ...]
    threshold: float  # remove a line when P(boilerplate) ≥ threshold
    title: Linear  # K = 1, over akhbar.clean.title features
    title_threshold: float

    def save(self, path: Path) -> None:
        from akhbar.clean.title import TITLE_FEATURES

        arrays = {"dense_names": np.array(DENSE_NAMES), "categories": np.array(self.categories),
                  "title_names": np.array(TITLE_FEATURES),
                  "threshold": np.array([self.threshold]), "title_threshold": np.array([self.title_threshold]),
                  "hash_size": np.array([HASH_SIZE])}
        for name in ("boiler", "category", "title"):
            lin: Linear = getattr(self, name)
            for field in ("mean", "scale", "w", "w_hash", "b"):
                arrays[f"{name}.{field}"] = getattr(lin, field).astype(np.float32)
        path.parent.mkdir(parents=True, exist_ok=True)
        # np.savez stamps each member with the current time; fixed stamps make a rebuild
        # from the same data byte-identical
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(arrays):
                info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                buf = io.BytesIO()
                np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
                zf.writestr(info, buf.getvalue())

    @classmethod
    def load(cls, path: Path) -> LineModel:
        with np.load(path, allow_pickle=False) as z:
            from akhbar.clean.title import TITLE_FEATURES

            if tuple(z["dense_names"].tolist()) != DENSE_NAMES or int(z["hash_size"][0]) != HASH_SIZE or (
                "title_names" in z.files and tuple(z["title_names"].tolist()) != TITLE_FEATURES
            ) or z["title.w"].shape[1] != len(TITLE_FEATURES):
                raise ValueError(f"{path}: features changed since training; rerun akhbar/training/train_line_classifier.py")

            def lin(name: str) -> Linear:
                return Linear(*(z[f"{name}.{f}"].astype(np.float64) for f in ("mean", "scale", "w", "w_hash", "b")))

            return cls(
                boiler=lin("boiler"), category=lin("category"), categories=tuple(z["categories"].tolist()),
                threshold=float(z["threshold"][0]), title=lin("title"), title_threshold=float(z["title_threshold"][0]),
            )


_lock = threading.Lock()
_MODEL: LineModel | None = None
_LOADED = False


def get_model() -> LineModel | None:
    """The committed model (loaded once), or the one set by :func:`use_model`."""
    global _MODEL, _LOADED
    if not _LOADED:
        with _lock:
            if not _LOADED:
                _MODEL = LineModel.load(ARTEFACT) if ARTEFACT.exists() else None
                _LOADED = True
    return _MODEL


def use_model(model: LineModel | None) -> None:
    """Replace the model (training and benchmarks); ``None`` turns the learned steps off
    (the rule cascade alone, as before the classifier)."""
    global _MODEL, _LOADED
    with _lock:
        _MODEL, _LOADED = model, True


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@dataclass(slots=True)
class LineScores:
    p_boiler: np.ndarray  # (n,) probability that the line is boilerplate
    category: list[str]  # most likely category if it is
    cat_prob: np.ndarray  # (n,) that category's probability


def score_lines(model: LineModel, feats: PageFeatures) -> LineScores:
    n = feats.dense.shape[0]
    if n == 0:
        return LineScores(np.zeros(0), [], np.zeros(0))
    index = token_index(feats.tokens)
    p = _sigmoid(model.boiler.scores(feats.dense, feats.tokens, index)[:, 0])
    zc = model.category.scores(feats.dense, feats.tokens, index)
    zc = np.exp(zc - zc.max(axis=1, keepdims=True))
    zc /= zc.sum(axis=1, keepdims=True)
    best = zc.argmax(axis=1)
    return LineScores(p, [model.categories[k] for k in best], zc[np.arange(n), best])
