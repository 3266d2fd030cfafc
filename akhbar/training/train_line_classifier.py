"""Train the learned line classifier and title ranker of the cleaner.

    python -m akhbar.training.train_line_classifier [--data '/work/shared/data/saudinewsnet/*.zip']
                                          [--pages 4000] [--seed 13] [--out akhbar/resources/clean/line_classifier.npz]

Training pages are real SaudiNewsNet titles and bodies wrapped in page furniture from the
boilerplate families of :mod:`akhbar.clean.synthetic` (weather boxes, tickers, consent
banners, newsletters, copyright, tags, captions, related lists, share bars, bylines,
datelines, ads, app prompts, …), labelled line by line.  Half as many pages again come
in synthetic *sites* (:func:`make_sites`: one layout per site, its widgets' slots changing
from page to page), featurised with the site's line statistics as a run builds them for
a source, so that the per-source features (share of the source's pages with the line
or its shape, the repeated lines in its widget block) get their weights; the other
pages are featurised alone, as a page cleaned without statistics.  The removal threshold and the
title threshold are chosen on families held out of an inner fit (two halves of the
families, each fitted on the other), so that they reflect unseen layouts; the final
model is fitted on pages of all families and written as plain arrays (.npz, no pickle).
Deterministic: same data, seed and scikit-learn version, same file.

The held-out-family measurement is ``benchmarks/cleaning_heldout_families.py`` (it
imports :func:`fit` from here).
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import random
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from akhbar.clean import _text  # noqa: E402
from akhbar.clean.classifier import ARTEFACT, Linear, LineModel, score_lines  # noqa: E402
from akhbar.clean.features import HASH_SIZE, page_features  # noqa: E402
from akhbar.clean import build_line_stats  # noqa: E402
from akhbar.clean.synthetic import FAMILIES, SITES, Family, make_page, make_site, make_site_page  # noqa: E402
from akhbar.clean.title import TITLE_FEATURES, candidates, rank, title_features  # noqa: E402
from akhbar.config import BOILERPLATE_CATEGORIES  # noqa: E402
from akhbar.models import RawDocument  # noqa: E402

DEFAULT_DATA = "/work/shared/data/saudinewsnet/*.zip"
CATEGORIES = tuple(BOILERPLATE_CATEGORIES)


@dataclass
class Article:
    title: str
    paragraphs: list[str]
    url: str | None
    author: str | None
    source: str
    date: dt.date


def load_articles(pattern: str, files: slice, limit: int | None = None) -> list[Article]:
    out: list[Article] = []
    for path in sorted(glob.glob(pattern))[files]:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for rec in json.loads(zf.read(name)):
                    content, title = rec.get("content"), (rec.get("title") or "").strip()
                    if not isinstance(content, str) or not title or "\n" in title:
                        continue
                    paras = [p.strip() for p in content.replace("\r", "\n").split("\n") if p.strip()]
                    if not 2 <= len(paras) <= 40:
                        continue
                    try:
                        date = dt.date.fromisoformat((rec.get("date_extracted") or "")[:10])
                    except ValueError:
                        date = dt.date(2015, 7, 21)
                    out.append(Article(title, paras[:14], rec.get("url"), (rec.get("author") or "").strip() or None,
                                       rec.get("source") or "", date))
                    if limit and len(out) >= limit:
                        return out
    return out


def make_pages(articles: list[Article], families: list[Family], n_pages: int, seed: int) -> list[tuple[dict, list]]:
    rng = random.Random(seed)
    titles = [a.title for a in articles]
    authors = sorted({a.author for a in articles if a.author and len(a.author.split()) <= 4})
    pages = []
    for _ in range(n_pages):
        a = rng.choice(articles)
        meta, rows = make_page(rng, a.paragraphs, a.title, families, titles, authors, rng.choice(SITES), a.url, a.date)
        pages.append((meta, rows))
    return pages


def make_sites(articles: list[Article], families: list[Family], n_pages: int, seed: int,
               per_site: tuple[int, int] = (8, 40)) -> list[list[tuple[dict, list]]]:
    """``n_pages`` pages in synthetic sites (:func:`akhbar.clean.synthetic.make_site`) of
    ``per_site`` pages each: one layout of widgets per site whose slots change from page
    to page, so that the classifier learns what a source's repetition says."""
    rng = random.Random(seed)
    titles = [a.title for a in articles]
    authors = sorted({a.author for a in articles if a.author and len(a.author.split()) <= 4})
    sites, k = [], 0
    while k < n_pages:
        size = min(rng.randint(*per_site), n_pages - k)
        site = make_site(rng, families, f"{rng.choice(SITES)} {len(sites)}")
        page_rng = random.Random(rng.randrange(2**32))
        sites.append([make_site_page(site, page_rng, a.paragraphs, a.title, titles, authors, a.url, a.date)
                      for a in rng.sample(articles, size)])
        k += size
    return sites


def page_doc(meta: dict, rows: list, source_path: str = "synthetic") -> RawDocument:
    return RawDocument(source_path=source_path, raw_text="\n".join(t for t, _ in rows), **meta)


@dataclass
class Matrix:
    dense: np.ndarray
    tokens: list[list[int]]
    y: np.ndarray  # 1 = boilerplate
    cat: np.ndarray  # category index, -1 for content/title
    page: np.ndarray  # page index per row
    title_row: np.ndarray  # 1 on the TITLE line


def featurise(pages: list[tuple[dict, list]], stats=None) -> Matrix:
    dense, tokens, y, cat, page, trow = [], [], [], [], [], []
    for i, (meta, rows) in enumerate(pages):
        doc = page_doc(meta, rows)
        lines = _text.make_lines(doc.raw_text, parts=False)
        assert len(lines) == len(rows), "a row with an empty or multi-line text"
        f = page_features(lines, doc, stats)
        dense.append(f.dense)
        tokens.extend(f.tokens)
        for _t, lab in rows:
            bp = lab not in (None, "TITLE")
            y.append(bp)
            cat.append(CATEGORIES.index(lab) if bp else -1)
            page.append(i)
            trow.append(lab == "TITLE")
    return Matrix(np.vstack(dense), tokens, np.array(y, dtype=int), np.array(cat), np.array(page), np.array(trow, dtype=int))


def site_stats(site: list[tuple[dict, list]]):
    """The line statistics of one site's pages, as a run builds them for a source."""
    stats = build_line_stats(page_doc(meta, rows) for meta, rows in site)
    stats.prune()
    return stats


def featurise_all(pages: list[tuple[dict, list]], sites: list[list[tuple[dict, list]]]) -> Matrix:
    """Pages cleaned alone (no statistics) and the pages of each site with the site's
    statistics, in one matrix."""
    parts = [featurise(pages)] + [featurise(site, site_stats(site)) for site in sites]
    off, pg = 0, []
    for m in parts:
        pg.append(m.page + off)
        off += int(m.page.max()) + 1 if len(m.page) else 0
    return Matrix(np.vstack([m.dense for m in parts]), [t for m in parts for t in m.tokens],
                  np.concatenate([m.y for m in parts]), np.concatenate([m.cat for m in parts]),
                  np.concatenate(pg), np.concatenate([m.title_row for m in parts]))


def _design(m: Matrix, mean: np.ndarray, scale: np.ndarray, rows: np.ndarray | None = None) -> sp.csr_matrix:
    idx = np.arange(len(m.y)) if rows is None else rows
    d = (m.dense[idx] - mean) / scale
    data, ind, ptr = [], [], [0]
    for r in idx:
        toks = m.tokens[r]
        ind.extend(toks)
        data.extend([1.0] * len(toks))
        ptr.append(len(ind))
    h = sp.csr_matrix((data, ind, ptr), shape=(len(idx), HASH_SIZE))
    return sp.hstack([sp.csr_matrix(d), h], format="csr")


def _linear(clf: LogisticRegression, mean, scale, d: int) -> Linear:
    w = clf.coef_
    return Linear(mean=mean, scale=scale, w=w[:, :d].copy(), w_hash=w[:, d:].copy(), b=clf.intercept_.copy())


def fit_lines(m: Matrix, c_boiler: float = 1.0) -> tuple[Linear, Linear]:
    d = m.dense.shape[1]
    mean = m.dense.mean(axis=0)
    scale = m.dense.std(axis=0)
    scale[scale < 1e-9] = 1.0
    x = _design(m, mean, scale)
    clf = LogisticRegression(C=c_boiler, max_iter=500, tol=1e-4)
    clf.fit(x, m.y)
    boiler = _linear(clf, mean, scale, d)
    bp = np.flatnonzero(m.y == 1)
    xc = x[bp]
    yc = m.cat[bp]
    cc = LogisticRegression(C=1.0, max_iter=500, tol=1e-4)
    cc.fit(xc, yc)
    w = np.zeros((len(CATEGORIES), x.shape[1]))
    b = np.full(len(CATEGORIES), -30.0)
    for k, cls in enumerate(cc.classes_):
        w[cls] = cc.coef_[k] if len(cc.classes_) > 2 else (cc.coef_[0] if k == 1 else -cc.coef_[0])
        b[cls] = cc.intercept_[k] if len(cc.classes_) > 2 else (cc.intercept_[0] if k == 1 else -cc.intercept_[0])
    category = Linear(mean=mean, scale=scale, w=w[:, :d], w_hash=w[:, d:], b=b)
    return boiler, category


def title_rows(pages, model_like, stats=None) -> tuple[np.ndarray, np.ndarray, list[tuple[int, list[int], int | None]]]:
    """Candidate features and labels for the title ranker (p_boiler from ``model_like``)."""
    xs, ys, groups = [], [], []
    for i, (meta, rows) in enumerate(pages):
        gold = next((k for k, (_t, lab) in enumerate(rows) if lab == "TITLE"), None)
        if meta.get("title_from_container"):  # the cleaner takes that title as it is
            groups.append((i, [], gold))
            continue
        doc = page_doc(meta, rows)
        lines = _text.make_lines(doc.raw_text, parts=False)
        f = page_features(lines, doc, stats)
        p = score_lines(model_like, f).p_boiler
        cands = candidates(lines, f, p)
        groups.append((i, cands, gold))
        if not cands:
            continue
        x = title_features(lines, f, p, cands, bool(doc.title or doc.url))
        xs.append(x)
        ys.extend(int(c == gold) for c in cands)
    return np.vstack(xs), np.array(ys), groups


def fit_title(x: np.ndarray, y: np.ndarray, groups: list[tuple[int, list[int], int | None]], c: float = 1.0) -> Linear:
    """The title ranker: a conditional logit over each page's candidates and a «no
    title» option scored 0, so that z = standardised(x)·w + b of a candidate beats the
    option when z > 0 (probability 1/(1+e^-z) > 0.5 in :func:`choose_title`).
    Fitted by L-BFGS on the pages' log-likelihood with an L2 penalty on w (scikit-learn's
    convention: ½‖w‖² + C·Σ loss)."""
    from scipy.optimize import minimize

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    xs = (x - mean) / scale
    bounds, gold_rows, start = [], [], 0
    for _i, cands, gold in groups:
        if not cands:
            continue
        bounds.append((start, start + len(cands)))
        gold_rows.append(start + cands.index(gold) if gold in cands else -1)
        start += len(cands)
    assert start == len(xs) and y.sum() == sum(g >= 0 for g in gold_rows)
    seg = np.repeat(np.arange(len(bounds)), [b - a for a, b in bounds])
    gold_rows_a = np.array(gold_rows)
    has_gold = gold_rows_a >= 0
    d = xs.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d], theta[d]
        z = xs @ w + b
        m = np.maximum(np.maximum.reduceat(z, [a for a, _b in bounds]), 0.0)  # the null option scores 0
        e = np.exp(z - m[seg])
        denom = np.add.reduceat(e, [a for a, _b in bounds]) + np.exp(-m)
        logz = m + np.log(denom)
        nll = logz.sum() - z[gold_rows_a[has_gold]].sum()
        p = e / denom[seg]  # probability of each candidate
        g_z = p.copy()
        np.subtract.at(g_z, gold_rows_a[has_gold], 1.0)
        grad_w = xs.T @ g_z
        grad_b = g_z.sum()
        return 0.5 * w @ w + c * nll, np.concatenate([w + c * grad_w, [c * grad_b]])

    res = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    w, b = res.x[:d], res.x[d]
    return Linear(mean=mean, scale=scale, w=w[None, :].copy(), w_hash=np.zeros((1, 0)), b=np.array([b]))


def _choose_threshold(p: np.ndarray, y: np.ndarray, chars: np.ndarray, min_content_kept: float) -> float:
    """Lowest threshold (best recall) whose removed content stays under the bound."""
    content = chars[y == 0].sum()
    for t in np.arange(0.30, 0.99, 0.01):
        lost = chars[(p >= t) & (y == 0)].sum()
        if 1 - lost / content >= min_content_kept:
            return float(round(t, 2))
    return 0.99


def fit(articles: list[Article], families: list[Family], pages: int, seed: int,
        min_content_kept: float = 0.998, log=print) -> LineModel:
    """Threshold choice on held-out halves of ``families``, then the final fit on all."""
    rng = random.Random(seed)
    names = sorted(f.name for f in families)
    rng.shuffle(names)
    halves = [set(names[::2]), set(names[1::2])]
    ps, ys, chars, titles_x = [], [], [], []
    inner_title = []
    for k in (0, 1):
        train_f = [f for f in families if f.name in halves[k]]
        test_f = [f for f in families if f.name in halves[1 - k]]
        tr = featurise_all(make_pages(articles, train_f, pages // 2, seed + 10 + k),
                           make_sites(articles, train_f, pages // 4, seed + 40 + k))
        boiler, category = fit_lines(tr)
        probe = LineModel(boiler, category, CATEGORIES, 0.5, Linear(np.zeros(1), np.ones(1), np.zeros((1, 1)), np.zeros((1, 0)), np.zeros(1)), 0.5)
        te_pages = make_pages(articles, test_f, pages // 4, seed + 20 + k)
        te_sites = make_sites(articles, test_f, pages // 8, seed + 50 + k)
        te = featurise_all(te_pages, te_sites)
        x = _design(te, boiler.mean, boiler.scale)
        ps.append(1 / (1 + np.exp(-(x @ np.hstack([boiler.w, boiler.w_hash])[0] + boiler.b[0]))))
        ys.append(te.y)
        chars.append(np.array([len(t) for _m, rows in te_pages + [p for st in te_sites for p in st] for t, _l in rows]))
        # the title ranker, fitted on the training half, scored on the held-out half
        tx, ty, tg = title_rows(make_pages(articles, train_f, pages // 4, seed + 30 + k), probe)
        probe.title = fit_title(tx, ty, tg)
        inner_title.append((probe, te_pages))
    threshold = _choose_threshold(np.concatenate(ps), np.concatenate(ys), np.concatenate(chars), min_content_kept)
    # title threshold: best accuracy on the held-out halves, over the pages whose title
    # the ranker decides (a container title is taken as it is); below it, no title
    scored = []  # (probability of the best candidate, its position, the fallback, the gold position)
    for probe, te_pages in inner_title:
        for meta, rows in te_pages:
            if meta.get("title_from_container"):
                continue
            doc = page_doc(meta, rows)
            lines = _text.make_lines(doc.raw_text, parts=False)
            f = page_features(lines, doc)
            p = score_lines(probe, f).p_boiler
            gold = next((k for k, (_t, lab) in enumerate(rows) if lab == "TITLE"), None)
            scored.append((*rank(lines, f, p, probe, bool(doc.title or doc.url)), gold))
    best_t, best_acc = 0.5, -1.0
    for t in (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        acc = sum((c if c is not None and prob >= t else fb) == gold for prob, c, fb, gold in scored) / max(len(scored), 1)
        if acc > best_acc:
            best_t, best_acc = t, acc
    log(f"inner held-out halves: removal threshold {threshold:.2f}, title threshold {best_t} (accuracy {best_acc:.3f})")
    full = featurise_all(make_pages(articles, families, pages, seed), make_sites(articles, families, pages // 2, seed + 2))
    boiler, category = fit_lines(full)
    model = LineModel(boiler, category, CATEGORIES, threshold, boiler, best_t)
    tx, ty, tg = title_rows(make_pages(articles, families, pages // 2, seed + 1), model)
    model.title = fit_title(tx, ty, tg)
    return model


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--pages", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=ARTEFACT)
    args = ap.parse_args(argv)
    # the last three zips are kept for the benchmark's held-out pages
    articles = load_articles(args.data, slice(0, -3), limit=20000)
    print(f"{len(articles)} articles, {len(FAMILIES)} boilerplate families")
    model = fit(articles, FAMILIES, args.pages, args.seed)
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
