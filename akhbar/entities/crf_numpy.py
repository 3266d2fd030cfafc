"""CRFsuite's marginals in numpy, over many sentences at once.

``python-crfsuite`` answers ``Tagger.marginal(label, t)`` one call at a time, after
``Tagger.set`` turned every feature string of the sentence into an attribute id: per
sentence a few thousand strings cross into C++ and nine calls per token come back.
Here the weights are read once from the model file, each token's features are given as
attribute ids (:func:`akhbar.entities.features.view_feature_ids`), and the state scores,
the forward and backward recursions and the marginals run over all sentences of a batch
in a few hundred numpy calls.

The arithmetic is crfsuite's own (``crf1d_tag.c``, ``crf1d_context.c``, built without
``USE_SSE``), operation by operation in the same order and in float64, so the marginals
are the same floats bit for bit (``tests/test_crf_numpy.py`` checks them against the
tagger):

- state score of (t, l): 0.0 plus the weight of each of the item's attributes for l, in
  the item's order (an attribute without a weight for l adds 0.0, which changes nothing);
- exp by the C library's ``exp`` (``math.exp``), as crfsuite's non-SSE ``vecexp``;
- alpha(0) = exp_state(0); alpha(t)[j] = sum over i, in label order, of
  alpha(t-1)[i] * exp_trans[i][j], times exp_state(t)[j]; each row scaled by
  1 / (its sum, left to right), the scale kept;
- beta(T-1) = that scale; beta(t)[i] = sum over j, in label order, of
  exp_trans[i][j] * (beta(t+1)[j] * exp_state(t+1)[j]), times the scale of t;
- marginal(t, l) = alpha(t)[l] * beta(t)[l] / scale(t).
"""

from __future__ import annotations

import math
import struct
from typing import NamedTuple

import numpy as np


class CrfWeights(NamedTuple):
    """What the marginals need from a crfsuite model file (``crf1d`` format)."""

    labels: list[str]  # by crfsuite label id
    attrs: dict[str, int]  # attribute string -> attribute id
    state: np.ndarray  # (attributes + 1, labels) float64; the last row (id ``zero``) is all 0.0
    exp_trans: np.ndarray  # (labels, labels) float64: exp of the transition weights, [from, to]

    @property
    def zero(self) -> int:
        """The attribute id that adds nothing: unknown features and padding."""
        return self.state.shape[0] - 1


def _cqdb_strings(buf: bytes, base: int) -> list[str]:
    """The strings of a CQDB chunk at ``base``, by id (its backward array)."""
    magic, _size, _flag, _order, bwd_size, bwd_offset = struct.unpack_from("<4s5I", buf, base)
    if magic != b"CQDB":
        raise ValueError("not a crfsuite model: no CQDB chunk")
    offsets = struct.unpack_from(f"<{bwd_size}I", buf, base + bwd_offset)
    out: list[str] = []
    for k, off in enumerate(offsets):
        if not off:
            out.append("")
            continue
        rid, ksize = struct.unpack_from("<2I", buf, base + off)
        if rid != k:
            raise ValueError("crfsuite model: CQDB record out of order")
        key = buf[base + off + 8: base + off + 8 + ksize]
        out.append(key.rstrip(b"\0").decode("utf-8"))
    return out


def read_weights(path: str) -> CrfWeights:
    """The labels, attributes and weights of a crfsuite (``crf1d``) model file."""
    with open(path, "rb") as f:
        buf = f.read()
    (magic, _size, kind, _version, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs,
     _off_lrefs, _off_arefs) = struct.unpack_from("<4sI4s9I", buf, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path}: not a crfsuite crf1d model")
    chunk, _csize, n_feat = struct.unpack_from("<4s2I", buf, off_feat)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no FEAT chunk")
    feats = np.frombuffer(buf, dtype=np.dtype([("type", "<i4"), ("src", "<i4"), ("dst", "<i4"), ("w", "<f8")]),
                          count=n_feat, offset=off_feat + 12)
    labels = _cqdb_strings(buf, off_labels)[:n_labels]
    attr_names = _cqdb_strings(buf, off_attrs)[:n_attrs]
    state = np.zeros((n_attrs + 1, n_labels), np.float64)
    trans = np.zeros((n_labels, n_labels), np.float64)
    st = feats[feats["type"] == 0]
    state[st["src"], st["dst"]] = st["w"]
    tr = feats[feats["type"] == 1]
    trans[tr["src"], tr["dst"]] = tr["w"]
    exp_trans = np.array([math.exp(v) for v in trans.ravel().tolist()]).reshape(trans.shape)
    return CrfWeights(labels, {a: k for k, a in enumerate(attr_names)}, state, exp_trans)


SMALL_ROWS = 32  # up to this many sentences at a step, one accumulation beats a Python loop of adds


def _seq_sum(a: np.ndarray, axis: int = -1) -> np.ndarray:
    """Sum over ``axis``, left to right (``vecsum`` / ``vecdot``; numpy's own sum pairs the
    terms): the last of the running sums of an accumulation for a few rows, else one add
    after the other (numpy's accumulation is slow on many)."""
    if a.shape[0] <= SMALL_ROWS:
        return np.take(np.add.accumulate(a, axis=axis), -1, axis=axis)
    a = np.moveaxis(a, axis, 0)
    s = a[0] + a[1] if a.shape[0] > 1 else a[0].copy()
    for k in range(2, a.shape[0]):
        s += a[k]
    return s


def _inverse(s: np.ndarray) -> np.ndarray:
    """1 / s, and 1 where s is 0 (crfsuite's scale factor)."""
    out = np.ones_like(s)
    np.divide(1.0, s, out=out, where=s != 0.0)
    return out


def marginals(w: CrfWeights, ids: np.ndarray, lens: list[int]) -> np.ndarray:
    """(sum(lens), labels) float64 marginals, in crfsuite's label order, of sentences given
    one after the other: ``ids`` (tokens, K) holds each token's attribute ids in item order
    (``w.zero`` for unknown features and padding)."""
    n = ids.shape[0]
    L = len(w.labels)
    out = np.zeros((n, L), np.float64)
    if not n:
        return out
    score = np.zeros((n, L), np.float64)
    table = w.state
    cols = np.ascontiguousarray(ids.T)
    buf = np.empty((n, L), np.float64)
    zero = w.zero
    for col in cols:  # item order: one attribute after the other, for every token
        if (col == zero).all():
            continue  # the zero row adds 0.0: nothing
        np.take(table, col, axis=0, out=buf)
        score += buf
    es = np.fromiter(map(math.exp, score.ravel().tolist()), np.float64, n * L).reshape(n, L)
    et = w.exp_trans
    ln = np.asarray(lens, dtype=np.int64)
    keep = ln > 0
    ln = ln[keep]
    if not len(ln):
        return out
    starts = (np.cumsum(np.asarray(lens, dtype=np.int64)) - np.asarray(lens, dtype=np.int64))[keep]
    order = np.argsort(-ln, kind="stable")
    ln, st = ln[order], starts[order]
    T = int(ln[0])
    active = (np.arange(T)[:, None] < ln[None, :]).sum(axis=1)  # sentences still running at t (a prefix)
    alpha = np.empty((n, L), np.float64)  # in token order
    scale = np.empty(n, np.float64)
    prev = None
    for t in range(T):
        a = int(active[t])
        rows = st[:a] + t
        if t == 0:
            cur = es[rows]
        else:
            # (a, from, to): prev[i] * trans[i][j], summed over i in label order
            cur = _seq_sum(prev[:a, :, None] * et[None, :, :], axis=1)
            cur *= es[rows]
        sc = _inverse(_seq_sum(cur))
        cur *= sc[:, None]
        alpha[rows] = cur
        scale[rows] = sc
        prev = cur
    beta = np.empty((n, L), np.float64)
    nxt = None
    for r in range(T):  # r steps from each sentence's end
        a = int(active[r])
        rows = st[:a] + ln[:a] - 1 - r
        if r == 0:
            cur = np.repeat(scale[rows][:, None], L, axis=1)
        else:
            row = nxt[:a] * es[rows + 1]
            cur = _seq_sum(row[:, None, :] * et[None, :, :])  # (a, i): sum over j of trans[i][j] * row[j]
            cur *= scale[rows][:, None]
        beta[rows] = cur
        nxt = cur
    out = alpha * beta
    out /= scale[:, None]
    return out
