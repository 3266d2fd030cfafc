"""A self-contained HTML report of one output database (``DIR/report.html``).

``build_report(db_path, out_path)`` opens ``akhbar.duckdb`` read-only and writes one HTML
file: plain HTML, CSS and inline SVG drawn here (no JavaScript, nothing fetched: it opens
offline, and its size depends on the top-N lists it shows, not on the corpus). Sections,
each from SQL over the views, each skipped when its view is missing:

1. run header: documents, sources, publication date range, rejects, versions, the latest
   ``runs`` row, documents per source;
2. stories (``stories`` + ``documents.story_id``): the largest stories with their
   sources, entities and a timeline of documents per time bin, coloured by source;
3. disputed figures (``disputed_figures``): one block per dispute, the values side by
   side (dot plot and table) with who claims them, where and when;
4. places (``entity_catalog`` LOC rows with lat/lon): an equirectangular SVG map on a
   lat/lon graticule (no coastlines: the dependencies carry no basemap);
5. top entities by readable name, per label;
6. the latest documents, linked to their URL when they have one;
7. who is quoted (``quotes_by_speaker``), rejects by reason, boilerplate by category.

Arabic text is written as is (never reshaped or reversed): the browser shapes it and lays
it out right-to-left (``dir="rtl"`` on Arabic blocks, ``dir="auto"`` on cells). Axes of
the SVG charts run left to right.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from akhbar.catalog import open_bounded

__all__ = ["build_report"]

N_STORIES = 10
N_DISPUTES = 12
N_DISPUTE_ROWS = 12
N_DOCUMENTS = 30
N_ENTITIES = 12
N_PLACE_LABELS = 15
N_SPEAKERS = 15

_LABEL_COLORS = {"PER": "#4e79a7", "ORG": "#f28e2b", "LOC": "#59a14f", "MISC": "#b07aa1"}
_LABEL_NAMES = {"PER": "People · أشخاص", "ORG": "Organisations · منظمات", "LOC": "Places · أماكن",
                "MISC": "Other · أخرى"}
_PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
            "#9c755f", "#17becf"]
_OTHER = "#c7c7c7"
_QUALIFIERS = {"exact": ("", ""), "approx": ("≈", "about"), "more_than": (">", "more than"),
               "less_than": ("<", "less than"), "up_to": ("≤", "up to"), "range": ("", "range")}

esc = html.escape

# the columns the report reads of the views it copies once (see _Db.rel); others: all columns
_COPY_COLUMNS = {
    "entity_catalog": ["entity_id", "name", "label", "mentions", "documents", "lat", "lon", "country_code"],
    "disputed_figures": ["dispute_id", "story_id", "kind", "subject", "unit", "value", "value_low", "value_high",
                         "qualifier", "figure_text", "claimed_by", "claimed_by_outlet", "source", "published_at",
                         "doc_id", "n_values", "n_documents", "n_sources", "sentence"],
}


# ----------------------------------------------------------------------------- database


class _Db:
    """The read-only connection with the relations (and their columns) it holds."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        rows = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_catalog = current_database() AND table_schema = 'main'"
        ).fetchall()
        self._copies: dict[str, str] = {}
        self.columns: dict[str, set[str]] = {}
        for table, column in rows:
            self.columns.setdefault(table, set()).add(column)

    def rel(self, relation: str) -> str:
        """The name to query ``relation`` by: a temporary copy of a view that several sections
        read (``entity_catalog``, ``stories``, ``disputed_figures``: aggregates over the tables,
        costly to evaluate), made once."""
        if relation not in self._copies:
            name = f"_report_{relation}"
            cols = [c for c in _COPY_COLUMNS.get(relation, ()) if c in self.columns.get(relation, ())] or ["*"]
            try:
                self.con.execute(f"CREATE TEMP TABLE {name} AS SELECT {', '.join(cols)} FROM main.{relation}")
            except duckdb.Error:
                name = relation
            self._copies[relation] = name
        return self._copies[relation]

    def has(self, relation: str, *columns: str) -> bool:
        return relation in self.columns and set(columns) <= self.columns[relation]

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        try:
            return self.con.execute(sql, list(params)).fetchall()
        except duckdb.Error:
            return []

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None


# ----------------------------------------------------------------------------- formatting


def _fmt(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(dt.timezone.utc)
        return v.strftime("%Y-%m-%d") if (v.hour, v.minute, v.second) == (0, 0, 0) else v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:,.1f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _num(v: float | None, kind: str | None = None) -> str:
    if v is None:
        return "?"
    if float(v).is_integer():
        text = f"{int(v):,}"
    else:
        text = f"{v:,.2f}".rstrip("0").rstrip(".")
    return text + ("%" if kind == "percent" else "")


def _short(v: float, kind: str | None = None) -> str:
    """An axis label: 20K, 1.5M, 2B."""
    for threshold, size, suffix in ((1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e3, 1e3, "K")):
        if abs(v) >= threshold:
            return f"{v / size:g}{suffix}" + ("%" if kind == "percent" else "")
    return _num(v, kind)


def _plural(n: Any, word: str) -> str:
    return word if n == 1 else word + "s"


def _ts(v: Any) -> dt.datetime | None:
    if isinstance(v, dt.datetime):
        return v if v.tzinfo else v.replace(tzinfo=dt.timezone.utc)
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day, tzinfo=dt.timezone.utc)
    return None


def _td(v: Any, cls: str = "", auto: bool = False) -> str:
    attrs = (f" class='{cls}'" if cls else "") + (" dir='auto'" if auto else "")
    return f"<td{attrs}>{v}</td>"


def _table(head: Sequence[str], body: Iterable[str], cls: str = "", rtl: bool = False,
           num: Iterable[int] = ()) -> str:
    num = set(num)
    th = "".join(f"<th class='n'>{h}</th>" if i in num else f"<th>{h}</th>" for i, h in enumerate(head))
    d = " dir='rtl'" if rtl else ""
    return f"<table class='grid {cls}'{d}><thead><tr>{th}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _section(sid: str, title: str, body: str, note: str = "") -> str:
    note_html = f"<p class='note'>{note}</p>" if note else ""
    return f"<section class='card' id='{sid}'><h2>{title}</h2>{note_html}{body}</section>"


def _chip(text: str, color: str | None = None, count: Any = None) -> str:
    sw = f"<i style='background:{color}'></i>" if color else ""
    n = f" <small>{esc(_fmt(count))}</small>" if count is not None else ""
    return f"<span class='chip' dir='auto'>{sw}{esc(text)}{n}</span>"


def _source_colors(db: _Db) -> dict[str, str]:
    """One colour per source, the same in every chart: the ten largest sources by documents."""
    rows = db.rows("SELECT coalesce(source, '?') AS s, count(*) AS n FROM documents GROUP BY 1 ORDER BY n DESC, s")
    return {r[0]: _PALETTE[i] for i, r in enumerate(rows[: len(_PALETTE)])}


# ----------------------------------------------------------------------------- 1. run header


def _run_header(db: _Db, colors: dict[str, str]) -> str:
    totals: list[tuple[str, Any]] = []
    if db.has("documents"):
        d = db.one("""
            SELECT count(*), count(DISTINCT source), min(published_at), max(published_at),
                   count(*) FILTER (WHERE published_at IS NULL)
            FROM documents""")
        if d:
            totals += [("documents", d[0]), ("sources", d[1])]
            span = f"{_fmt(d[2])} → {_fmt(d[3])}" if d[2] is not None else "no publication dates"
            totals.append((f"published (UTC){'; ' + _fmt(d[4]) + ' undated' if d[4] else ''}", span))
    if db.has("rejects"):
        n = db.one("SELECT count(*) FROM rejects")
        totals.append(("rejects", n[0] if n else "?"))
    run = db.one("""
        SELECT run_id, status, started_at, finished_at, input_path, inputs_seen, documents_unchanged, documents,
               sentences, entities, figures, boilerplate, rejects, duplicates, seconds, version, schema_version
        FROM runs ORDER BY started_at DESC LIMIT 1""") if db.has("runs") else None
    if run:
        totals += [("pipeline", run[15]), ("schema", run[16])]
    counts = {"boilerplate": lambda: "SELECT count(*) FILTER (WHERE removed) FROM boilerplate",
              "stories": lambda: f"SELECT count(*) FROM {db.rel('stories')}",
              "disputed_figures": lambda: f"SELECT count(DISTINCT dispute_id) FROM {db.rel('disputed_figures')}"}
    names = {"boilerplate": "boilerplate lines removed", "duplicates": "near-duplicate paragraphs",
             "disputed_figures": "disputed figures"}
    small = []
    for table in ("stories", "disputed_figures", "sentences", "entities", "figures", "quotes", "boilerplate",
                  "duplicates"):
        if db.has(table):
            n = db.one(counts[table]() if table in counts else f"SELECT count(*) FROM {table}")
            small.append(f"<b>{esc(_fmt(n[0] if n else '?'))}</b> {esc(names.get(table, table))}")
    tot_html = "".join(f"<div class='tot'><b dir='auto'>{esc(_fmt(v))}</b><span>{esc(k)}</span></div>"
                       for k, v in totals) + f"<p class='counts'>{' · '.join(small)}</p>"
    if run:
        labels = ["latest run", "status", "started", "finished", "input", "inputs seen", "unchanged",
                  "documents written", "sentences", "entities", "figures", "boilerplate lines", "rejects",
                  "near-duplicate paragraphs", "seconds", "pipeline version", "schema"]
        run_html = "".join(f"<div class='kv'><span>{esc(k)}</span><b dir='auto'>{esc(_fmt(v))}</b></div>"
                           for k, v in zip(labels, run, strict=True))
    else:
        run_html = "<p>no run recorded</p>"
    src = db.rows("""
        SELECT coalesce(source, '?') AS s, count(*) AS n, min(published_at), max(published_at)
        FROM documents GROUP BY 1 ORDER BY n DESC, s LIMIT 30""") if db.has("documents") else []
    if src:
        src_html = _table(
            ["source", "documents", "first published", "last published"],
            (f"<tr><td dir='auto'><i class='sw' style='background:{colors.get(s, _OTHER)}'></i>{esc(s)}</td>"
             f"<td class='n'>{_fmt(n)}</td><td class='d'>{_fmt(a)}</td><td class='d'>{_fmt(b)}</td></tr>"
             for s, n, a, b in src),
            cls="sources", num=[1])
    else:
        src_html = "<p class='empty'>no documents</p>"
    return (f"<section class='card head' id='run'><div class='totals'>{tot_html}</div>"
            f"<div class='cols'><div class='run'>{run_html}</div><div>{src_html}</div></div></section>")


# ----------------------------------------------------------------------------- 2. stories

_BINS_H = [1, 3, 6, 12, 24, 48, 168, 720]


def _bin_width(t0: dt.datetime, t1: dt.datetime, max_bins: int = 48) -> int:
    span_h = (t1 - t0).total_seconds() / 3600
    for h in _BINS_H:
        if span_h / h <= max_bins:
            return h
    return math.ceil(span_h / max_bins / 720) * 720


def _bin_start(t: dt.datetime, hours: int) -> dt.datetime:
    t = t.astimezone(dt.timezone.utc)
    if hours < 24:
        return t.replace(minute=0, second=0, microsecond=0, hour=t.hour - t.hour % hours)
    day = t.replace(hour=0, minute=0, second=0, microsecond=0)
    days = hours // 24
    return day - dt.timedelta(days=(day.toordinal() % days)) if days > 1 else day


def _bin_label(t: dt.datetime, hours: int) -> str:
    return t.strftime("%m-%d %H:%M") if hours < 24 else t.strftime("%Y-%m-%d")


def _svg_timeline(counts: dict[dt.datetime, Counter], bins: list[dt.datetime], hours: int,
                  colors: dict[str, str], y_max: int, width: int = 560, height: int = 78) -> str:
    """Stacked bars: documents per time bin, one colour per source; a shared scale."""
    left, right, top, bottom = 26, 6, 6, 18
    pw, ph = width - left - right, height - top - bottom
    bw = pw / max(1, len(bins))
    out = [f"<svg class='tl' viewBox='0 0 {width} {height}' width='{width}' height='{height}' role='img'>"]
    out.append(f"<line x1='{left}' y1='{top + ph}' x2='{left + pw}' y2='{top + ph}' class='ax'/>")
    out.append(f"<text x='{left - 4}' y='{top + 8}' class='tk' text-anchor='end'>{y_max}</text>")
    out.append(f"<text x='{left - 4}' y='{top + ph}' class='tk' text-anchor='end'>0</text>")
    for i, b in enumerate(bins):
        c = counts.get(b)
        if not c:
            continue
        y = top + ph
        for source, n in sorted(c.items(), key=lambda kv: (kv[0] not in colors, kv[0])):
            h = ph * n / y_max
            y -= h
            tip = f"{_bin_label(b, hours)} · {source}: {n}"
            out.append(f"<rect x='{left + i * bw + 0.5:.1f}' y='{y:.1f}' width='{max(1.0, bw - 1):.1f}' "
                       f"height='{h:.1f}' fill='{colors.get(source, _OTHER)}'><title>{esc(tip)}</title></rect>")
    ticks = sorted({0, len(bins) - 1, (len(bins) - 1) // 2})
    for i in ticks:
        anchor = "start" if i == 0 else "end" if i == len(bins) - 1 and i else "middle"
        x = left + i * bw + (0 if anchor == "start" else bw if anchor == "end" else bw / 2)
        out.append(f"<text x='{x:.1f}' y='{height - 4}' class='tk' text-anchor='{anchor}'>"
                   f"{esc(_bin_label(bins[i], hours))}</text>")
    out.append("</svg>")
    return "".join(out)


def _stories(db: _Db, colors: dict[str, str]) -> str | None:
    if not db.has("stories", "story_id", "title", "n_documents") or not db.has("documents", "story_id"):
        return None
    cols = db.columns["stories"]
    want = ["story_id", "title", "first_seen", "last_seen", "n_documents", "n_sources", "sources", "top_entity_ids"]
    sel = ", ".join(c if c in cols else f"NULL AS {c}" for c in want)
    # outlets first: nine instalments of one paper's series matter less than six outlets on one event
    order = ("n_sources DESC, " if "n_sources" in cols else "") + "n_documents DESC"
    table = db.rel("stories")
    stories = db.rows(f"SELECT {sel} FROM {table} ORDER BY {order}, story_id LIMIT {N_STORIES}")
    n_all = db.one(f"SELECT count(*), count(*) FILTER (WHERE n_documents >= 2) FROM {table}") or (0, 0)
    if not stories:
        return _section("stories", "Stories · القصص", "<p class='empty'>no stories</p>")
    ids = [s[0] for s in stories]
    docs = db.rows("""
        SELECT story_id, coalesce(published_at, scraped_at, ingested_at) AS t, coalesce(source, '?')
        FROM documents WHERE story_id IN (SELECT unnest(?::VARCHAR[]))""", [ids])
    times = [_ts(r[1]) for r in docs if _ts(r[1]) is not None]
    ent_ids = sorted({e for s in stories for e in (s[7] or [])})
    names = {r[0]: (r[1], r[2]) for r in db.rows(
        f"SELECT entity_id, name, label FROM {db.rel('entity_catalog')} "
        "WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))",
        [ent_ids])} if ent_ids and db.has("entity_catalog") else {}
    per_story: dict[str, dict[dt.datetime, Counter]] = defaultdict(lambda: defaultdict(Counter))
    per_source: dict[str, Counter] = defaultdict(Counter)
    bins: list[dt.datetime] = []
    hours = 24
    if times:
        t0, t1 = min(times), max(times)
        hours = _bin_width(t0, t1)
        b, last = _bin_start(t0, hours), _bin_start(t1, hours)
        while b <= last:
            bins.append(b)
            b += dt.timedelta(hours=hours)
        for sid, t, source in docs:
            per_source[sid][source] += 1
            if _ts(t) is not None:
                per_story[sid][_bin_start(_ts(t), hours)][source] += 1
    y_max = max([sum(c.values()) for s in per_story.values() for c in s.values()] or [1])
    rows = []
    for rank, (sid, title, first, last, n_docs, n_src, sources, top_ents) in enumerate(stories, start=1):
        chips = "".join(_chip(s, colors.get(s, _OTHER), n) for s, n in
                        sorted(per_source[sid].items(), key=lambda kv: (-kv[1], kv[0])))
        if not chips and sources:
            chips = "".join(_chip(s, colors.get(s, _OTHER)) for s in sources)
        ents = "".join(
            f"<span class='ent' style='border-color:{_LABEL_COLORS.get(names[e][1], _OTHER)}'>{esc(names[e][0])}</span>"
            for e in (top_ents or []) if e in names)
        tl = (_svg_timeline(per_story[sid], bins, hours, colors, y_max) if bins
              else "<p class='empty'>no dates</p>")
        meta = (f"<b>{_fmt(n_docs)}</b> {_plural(n_docs, 'document')} · <b>{_fmt(n_src)}</b> "
                f"{_plural(n_src, 'source')} · "
                f"first seen {_fmt(first)} → last seen {_fmt(last)}")
        rows.append(
            f"<div class='story'><div class='st' dir='rtl' lang='ar'><div class='rk'>{rank}</div>"
            f"<h3 dir='auto'>{esc(title or '(no title)')}</h3><div class='meta' dir='ltr'>{meta}</div>"
            f"<div class='chips'>{chips}</div><div class='ents'>{ents}</div></div>"
            f"<div class='tlw'>{tl}</div></div>")
    unit = ("hour" if hours == 1 else f"{hours} hours" if hours < 24 else "day" if hours == 24
            else f"{hours // 24} days")
    note = (f"The {len(stories)} largest of {_fmt(n_all[0])} stories ({_fmt(n_all[1])} with two documents or more), "
            f"by sources then documents. Bars: documents per {unit} (published, else scraped), coloured by source, "
            f"on one time axis and one scale (max {y_max}) for all stories.")
    return _section("stories", "Stories · القصص", "".join(rows), note)


# ----------------------------------------------------------------------------- 3. disputed figures


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        return [lo]
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=10 * mag)
    start = math.ceil(lo / step) * step
    return [start + i * step for i in range(int((hi - start) / step) + 1)]


def _svg_dots(values: list[tuple[float, int]], kind: str, width: int = 520, height: int = 92) -> str:
    """Dot plot of the distinct values of one dispute (dot area ~ documents giving it)."""
    left, right = 14, 14
    vals = [v for v, _ in values]
    lo, hi = min(vals), max(vals)
    log = lo > 0 and hi / lo >= 20
    if log:
        a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
        b = b if b > a else a + 1
        pos = lambda v: (math.log10(v) - a) / (b - a)  # noqa: E731
        every = math.ceil((b - a) / 4)  # at most 5 labelled decades
        ticks = [10.0 ** k for k in range(a, b + 1, every)]
    else:
        pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1
        a0, b0 = (0.0 if lo >= 0 and lo - pad < 0 else lo - pad), hi + pad
        ticks = _nice_ticks(a0, b0, 4)
        pos = lambda v: (v - a0) / (b0 - a0)  # noqa: E731
    x = lambda v: left + pos(v) * (width - left - right)  # noqa: E731
    axis_y = 60  # room above for three rows of value labels
    out = [f"<svg class='dots' viewBox='0 0 {width} {height}' width='{width}' height='{height}' role='img'>",
           f"<line x1='{left}' y1='{axis_y}' x2='{width - right}' y2='{axis_y}' class='ax'/>"]
    for t in ticks:
        tx = x(t)
        if left - 1 <= tx <= width - right + 1:
            anchor = "start" if tx < left + 30 else "end" if tx > width - right - 30 else "middle"
            out.append(f"<line x1='{tx:.1f}' y1='{axis_y}' x2='{tx:.1f}' y2='{axis_y + 4}' class='ax'/>"
                       f"<text x='{tx:.1f}' y='{axis_y + 15}' class='tk' text-anchor='{anchor}'>{_short(t, kind)}</text>")
    n_max = max(n for _, n in values)
    row_end = [-1e9, -1e9, -1e9]  # right edge of the last label on each of three rows
    for v, n in sorted(values):
        cx = x(v)
        r = 4 + 5 * math.sqrt(n / n_max)
        half = 3.2 * len(_num(v, kind)) + 3  # about half a label's width at the label font
        # the lowest row whose last label ends before this one starts (close values: 1.09 M,
        # 1.17 M, 1.36 M take three rows instead of printing over each other)
        row = next((k for k, end in enumerate(row_end) if cx - half > end), 0)
        row_end[row] = cx + half
        ly = axis_y - 2 * r - 3 - 11 * row
        out.append(f"<circle cx='{cx:.1f}' cy='{axis_y - r:.1f}' r='{r:.1f}' class='dot'>"
                   f"<title>{_num(v, kind)}: {n} document(s)</title></circle>"
                   f"<text x='{cx:.1f}' y='{ly:.1f}' class='vl' text-anchor='middle'>{_num(v, kind)}</text>")
    out.append(f"<text x='{width - right}' y='{height - 2}' class='tk' text-anchor='end'>"
               f"{'log scale' if log else 'linear scale'}</text></svg>")
    return "".join(out)


def _disputes(db: _Db) -> str | None:
    if not db.has("disputed_figures", "dispute_id", "story_id", "subject", "value"):
        return None
    cols = db.columns["disputed_figures"]
    want = _COPY_COLUMNS["disputed_figures"]
    sel = ", ".join(f"f.{c}" if c in cols else f"NULL AS {c}" for c in want)
    table = db.rel("disputed_figures")
    n_disputes = (db.one(f"SELECT count(DISTINCT dispute_id) FROM {table}") or (0,))[0]
    rank = "max(n_sources) DESC, max(n_documents) DESC, max(n_values) DESC" if {"n_sources", "n_documents",
                                                                                  "n_values"} <= cols else "count(*) DESC"
    rows = db.rows(f"""
        WITH top AS (SELECT dispute_id FROM {table} GROUP BY dispute_id
                     ORDER BY {rank}, dispute_id LIMIT {N_DISPUTES})
        SELECT {sel} FROM {table} f JOIN top USING (dispute_id)
        ORDER BY 1, 15, 10, 19, 6""")  # dispute, document, as written, sentence, value: the same report each run
    rows = [(*r[:5], *(None if v is None else float(v) for v in r[5:8]), *r[8:]) for r in rows]  # DECIMAL -> float
    if not rows:
        return _section("disputes", "Disputed figures · أرقام متضاربة",
                        "<p class='empty'>no disputed figures: no two documents of one story give different "
                        "values for the same subject</p>")
    titles = {}
    if db.has("stories", "story_id", "title"):
        titles = {r[0]: r[1] for r in db.rows(
            f"SELECT story_id, title FROM {db.rel('stories')} WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted({r[1] for r in rows})])}
    by_dispute: dict[str, list[tuple]] = defaultdict(list)
    for r in rows:
        by_dispute[r[0]].append(r)
    order = list(dict.fromkeys(r[0] for r in sorted(
        rows, key=lambda r: (-(r[17] or 0), -(r[16] or 0), -(r[15] or 0), r[0]))))
    blocks = []
    for did in order:
        items = by_dispute[did]
        first = items[0]
        kind, subject, unit = first[2], first[3], first[4]
        # one line per (value, qualifier, claimant, source, date): syndicated copies counted, not repeated
        lines: Counter = Counter()
        sentence: dict[tuple, str] = {}
        for r in items:
            key = (r[5], r[6], r[7], r[8] or "exact", r[9], r[10], r[12], _fmt(r[13]), bool(r[11]))
            lines[key] += 1
            sentence.setdefault(key, r[18] or "")
        docs_per_value: dict[float, set] = defaultdict(set)
        for r in items:
            docs_per_value[r[5]].add(r[14])
        dots = _svg_dots([(v, len(d)) for v, d in docs_per_value.items() if v is not None], kind or "")
        body = []
        for key, n in sorted(lines.items(), key=lambda kv: (kv[0][0], kv[0][4] or "", kv[0][6] or ""))[:N_DISPUTE_ROWS]:
            value, low, high, qual, text, who, source, date, by_outlet = key
            sym, word = _QUALIFIERS.get(qual, ("", qual))
            shown = (f"{_num(low, kind)}–{_num(high, kind)}" if qual == "range" and low is not None
                     and high is not None else f"{sym}{_num(value, kind)}")
            times = f" <small>×{n}</small>" if n > 1 else ""
            said = f"{esc(who or '—')} <small class='dim'>(outlet)</small>" if by_outlet else esc(who or "—")
            context = sentence[key][:300] + ("…" if len(sentence[key]) > 300 else "")
            body.append(f"<tr><td class='n' dir='ltr'>{esc(shown)}{times}</td><td>{esc(word)}</td>"
                        f"<td dir='auto' title='{esc(context, quote=True)}'>{esc(text or '')}</td>{_td(said, auto=True)}"
                        f"{_td(esc(source or '?'), auto=True)}<td class='d'>{esc(date)}</td></tr>")
        more = len(lines) - N_DISPUTE_ROWS
        more_html = f"<p class='note'>{more} more lines: <code>dispute_id = '{esc(did)}'</code></p>" if more > 0 else ""
        story = titles.get(first[1])
        story_html = f"<div class='in'>القصة: <bdi>{esc(story)}</bdi></div>" if story else ""
        meta = " · ".join(x for x in (esc(kind or ""), f"<bdi>{esc(unit)}</bdi>" if unit else "",
                                      f"{_fmt(first[15])} {_plural(first[15], 'value')}",
                                      f"{_fmt(first[16])} {_plural(first[16], 'document')}",
                                      f"{_fmt(first[17])} {_plural(first[17], 'source')}") if x)
        blocks.append(
            f"<div class='dispute' dir='rtl'><h3 lang='ar'>{esc(subject or '(no subject)')}</h3>"
            f"<div class='meta' dir='ltr'>{meta}</div>{story_html}{dots}"
            + _table(["value", "qualifier", "as written", "claimed by", "source", "published"], body, cls="dt",
                     rtl=True, num=[0]) + more_html + "</div>")
    note = (f"{len(order)} of {_fmt(n_disputes)} disputes (most sources first): within one story, figures of the "
            "same kind and subject on which two outlets (or two named claimants) disagree beyond how each value is "
            "written, in sentences about the same thing, place and occasion. Dots: distinct values, area ~ documents.")
    return _section("disputes", "Disputed figures · أرقام متضاربة", f"<div class='dgrid'>{''.join(blocks)}</div>",
                    note)


# ----------------------------------------------------------------------------- 4. map


Extent = tuple[float, float, float, float]  # lon0, lon1, lat0, lat1
Point = tuple[float, float, int, list[str]]  # lat, lon, mentions, names


def _extent(lats: Sequence[float], lons: Sequence[float], pad_lon: float = 8, pad_lat: float = 6) -> Extent:
    """A box around the points, snapped to 10 degrees, at least 40 x 24 degrees."""
    lon0 = max(-180.0, math.floor((min(lons) - pad_lon) / 10) * 10)
    lon1 = min(180.0, math.ceil((max(lons) + pad_lon) / 10) * 10)
    lat0 = max(-90.0, math.floor((min(lats) - pad_lat) / 10) * 10)
    lat1 = min(90.0, math.ceil((max(lats) + pad_lat) / 10) * 10)
    if lon1 - lon0 < 40:
        mid = min(max((lon0 + lon1) / 2, -160), 160)
        lon0, lon1 = mid - 20, mid + 20
    if lat1 - lat0 < 24:
        mid = min(max((lat0 + lat1) / 2, -78), 78)
        lat0, lat1 = mid - 12, mid + 12
    return lon0, lon1, lat0, lat1


def _weighted_quantile(values: Sequence[float], weights: Sequence[int], q: float) -> float:
    pairs = sorted(zip(values, weights, strict=True))
    total, acc = sum(weights), 0
    for v, w in pairs:
        acc += w
        if acc >= q * total:
            return v
    return pairs[-1][0]


def _focus(points: Sequence[Point]) -> Extent:
    """The region of the central 80 % of mentions (10th to 90th weighted percentile)."""
    w = [p[2] for p in points]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return _extent([_weighted_quantile(lats, w, 0.1), _weighted_quantile(lats, w, 0.9)],
                   [_weighted_quantile(lons, w, 0.1), _weighted_quantile(lons, w, 0.9)], pad_lon=6, pad_lat=5)


def _svg_map(points: Sequence[Point], extent: Extent, width: int, n_labels: int, max_ratio: float = 0.62,
             frame: Extent | None = None) -> str:
    """Equirectangular plot of the points inside ``extent`` on a lat/lon graticule; dot area ~
    mentions; labels for the ``n_labels`` largest (where they fit); ``frame``: a box to outline."""
    lon0, lon1, lat0, lat1 = extent
    max_h = round(width * max_ratio)
    if (lat1 - lat0) * width / (lon1 - lon0) > max_h:  # too tall: show more longitudes around the places
        need = min(360.0, (lat1 - lat0) * width / max_h)
        mid = min(max((lon0 + lon1) / 2, -180 + need / 2), 180 - need / 2)
        lon0, lon1 = mid - need / 2, mid + need / 2
    step = 30 if lon1 - lon0 > 120 else 10
    k = min(width / (lon1 - lon0), max_h / (lat1 - lat0))
    width, height = round((lon1 - lon0) * k), round((lat1 - lat0) * k)
    x = lambda lon: (lon - lon0) * k  # noqa: E731
    y = lambda lat: (lat1 - lat) * k  # noqa: E731
    out = [f"<svg class='map' viewBox='0 0 {width} {height}' width='{width}' height='{height}' role='img'>",
           f"<rect width='{width}' height='{height}' class='sea'/>"]
    for lon in range(math.ceil(lon0 / step) * step, math.floor(lon1) + 1, step):
        ew = "E" if lon > 0 else "W" if lon < 0 else ""
        out.append(f"<line x1='{x(lon):.1f}' y1='0' x2='{x(lon):.1f}' y2='{height}' class='gr'/>")
        if 24 < x(lon) < width - 30:  # corners belong to the latitude labels
            out.append(f"<text x='{x(lon) + 2:.1f}' y='{height - 3}' class='gt'>{abs(lon)}°{ew}</text>")
    for lat in range(math.ceil(lat0 / step) * step, math.floor(lat1) + 1, step):
        ns = "N" if lat > 0 else "S" if lat < 0 else ""
        out.append(f"<line x1='0' y1='{y(lat):.1f}' x2='{width}' y2='{y(lat):.1f}' class='gr{' eq' if lat == 0 else ''}'/>")
        if 12 < y(lat) < height - 14:
            out.append(f"<text x='3' y='{y(lat) - 2:.1f}' class='gt'>{abs(lat)}°{ns}</text>")
    if frame:
        out.append(f"<rect x='{x(frame[0]):.1f}' y='{y(frame[3]):.1f}' width='{(frame[1] - frame[0]) * k:.1f}' "
                   f"height='{(frame[3] - frame[2]) * k:.1f}' class='frame'/>")
    m_max = max([p[2] for p in points] or [1])
    scale = 16 * min(1.0, math.sqrt(width / 760))
    radius = lambda m: 2 + scale * math.sqrt(m / m_max)  # noqa: E731
    ranked = sorted((p for p in points if lon0 <= p[1] <= lon1 and lat0 <= p[0] <= lat1), key=lambda p: -p[2])
    dots = [(x(lon), y(lat), radius(m)) for lat, lon, m, _ in ranked]
    for (cx, cy, r), (_, _, m, names) in zip(dots, ranked, strict=True):
        out.append(f"<circle cx='{cx:.1f}' cy='{cy:.1f}' r='{r:.1f}' class='pl'>"
                   f"<title>{esc(' · '.join(names))}: {m} mentions</title></circle>")
    # labels of the largest places, each beside its dot where it overlaps no other label or large dot
    placed: list[tuple[float, float, float, float]] = []
    big_dots = [(cx - r * 0.7, cy - r * 0.7, cx + r * 0.7, cy + r * 0.7) for cx, cy, r in dots[:60]]

    def free(box: tuple[float, float, float, float], own: int) -> bool:
        if not (0 <= box[0] and box[2] <= width and 0 <= box[1] and box[3] <= height):
            return False
        others = placed + [b for j, b in enumerate(big_dots) if j != own]
        return not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in others)

    for i, ((cx, cy, r), (_, _, m, names)) in enumerate(zip(dots[:n_labels], ranked, strict=False)):
        label = " · ".join(names[:2])
        w, h = 6.6 * len(label) + 4, 14
        for bx, by in ((cx + r + 2, cy - h / 2), (cx - r - 2 - w, cy - h / 2), (cx - w / 2, cy - r - h),
                       (cx - w / 2, cy + r), (cx + r * 0.7, cy - r * 0.7 - h), (cx - r * 0.7 - w, cy - r * 0.7 - h),
                       (cx + r * 0.7, cy + r * 0.7), (cx - r * 0.7 - w, cy + r * 0.7)):
            box = (bx, by, bx + w, by + h)
            if free(box, i):
                placed.append(box)
                out.append(f"<text x='{bx + w / 2:.1f}' y='{by + 11.5:.1f}' class='pn' text-anchor='middle'>"
                           f"{esc(label)}</text>")
                break
    out.append("</svg>")
    return "".join(out)


def _places(db: _Db) -> str | None:
    if not db.has("entity_catalog", "lat", "lon", "name", "label", "mentions"):
        return None
    rows = db.rows(f"""
        SELECT round(lat, 1) AS lat, round(lon, 1) AS lon, sum(mentions) AS m,
               list(name ORDER BY mentions DESC, name) AS names,
               arg_max(country_code, (mentions, name)) AS cc
        FROM {db.rel('entity_catalog')} WHERE label = 'LOC' AND lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY 1, 2 ORDER BY m DESC, names[1], lat, lon""")
    unplaced = db.one(f"SELECT count(*), coalesce(sum(mentions), 0) FROM {db.rel('entity_catalog')} "
                      "WHERE label = 'LOC' AND (lat IS NULL OR lon IS NULL)") or (0, 0)
    if not rows:
        return _section("places", "Places mentioned · الأماكن", "<p class='empty'>no place with coordinates</p>")
    points: list[Point] = [(float(r[0]), float(r[1]), int(r[2]), list(dict.fromkeys(r[3]))) for r in rows]
    full = _extent([p[0] for p in points], [p[1] for p in points])
    focus = _focus(points)
    area = lambda e: (e[1] - e[0]) * (e[3] - e[2])  # noqa: E731
    if area(focus) < 0.35 * area(full):  # mentions cluster in one region: zoom on it, with an overview
        main = _svg_map(points, focus, 760, N_PLACE_LABELS, max_ratio=0.75)
        outside = [p for p in points if not (focus[0] <= p[1] <= focus[1] and focus[2] <= p[0] <= focus[3])]
        overview = ("<div class='ov'><h3>All places (the box: the region on the left)</h3>"
                    + _svg_map(points, full, 440, 0, frame=focus) + "</div>")
        labels = [" · ".join(p[3][:2]) for p in sorted(outside, key=lambda p: -p[2])[:6]]
        if labels:
            overview += f"<p class='note'>largest outside the region: <span dir='rtl'>{esc('، '.join(labels))}</span></p>"
        view = (f"region of the central 80 % of mentions ({focus[2]:.0f}°–{focus[3]:.0f}° lat, "
                f"{focus[0]:.0f}°–{focus[1]:.0f}° lon) with an overview of all places")
    else:
        main, overview = _svg_map(points, full, 760, N_PLACE_LABELS), ""
        view = "all places"
    table = _table(
        ["place", "mentions", "country"],
        (f"<tr><td dir='rtl'>{esc(' · '.join(names[:3]))}</td><td class='n'>{_fmt(m)}</td><td>{esc(cc or '')}</td></tr>"
         for (_, _, m, names), (*_, cc) in zip(points[:N_PLACE_LABELS + 5], rows, strict=False)),
        cls="places", rtl=True, num=[1])
    note = (f"{len(points)} places with coordinates (GeoNames) drawn at their point, dot area ~ mentions, labels "
            f"for the largest {N_PLACE_LABELS} where they fit; {_fmt(unplaced[0])} places ({_fmt(unplaced[1])} "
            f"mentions) have no coordinates. Map: {view}. A country is drawn at the point the gazetteer gives it "
            "(often its capital), so it shares a dot with that city. Equirectangular projection on a lat/lon "
            "graticule; no coastlines (no basemap is available offline in the dependencies).")
    return _section("places", "Places mentioned · الأماكن",
                    f"<div class='mapw'><div>{main}</div><div>{overview}{table}</div></div>", note)


# ----------------------------------------------------------------------------- 5. entities


def _entities(db: _Db) -> str:
    if db.has("entity_catalog", "name", "label", "mentions", "documents"):
        rows = db.rows(f"""
            SELECT label, name, mentions, documents FROM (
                SELECT label, name, mentions, documents,
                       row_number() OVER (PARTITION BY label ORDER BY mentions DESC, documents DESC, name) AS rk
                FROM {db.rel('entity_catalog')})
            WHERE rk <= {N_ENTITIES} ORDER BY label, rk""")
    else:
        rows = []
    if not rows:
        return _section("entities", "Top entities · أبرز الكيانات", "<p class='empty'>no entities</p>")
    cols = []
    for label in ("PER", "ORG", "LOC", "MISC"):
        sub = [r for r in rows if r[0] == label]
        if not sub:
            continue
        top = max(r[2] for r in sub)
        items = "".join(
            f"<li><span class='nm' dir='auto'>{esc(name)}</span><span class='bar'><i style='width:"
            f"{100 * m / top:.0f}%;background:{_LABEL_COLORS[label]}'></i></span>"
            f"<span class='n'>{_fmt(m)}</span><span class='n dim'>{_fmt(d)}</span></li>" for _, name, m, d in sub)
        cols.append(f"<div class='ecol'><h3>{_LABEL_NAMES[label]}</h3><ol dir='rtl'>{items}</ol></div>")
    note = "Entities by their readable name (entity_catalog), ranked by mentions; the grey number is documents."
    return _section("entities", "Top entities · أبرز الكيانات", f"<div class='egrid'>{''.join(cols)}</div>", note)


# ----------------------------------------------------------------------------- 6. documents


def _documents(db: _Db, colors: dict[str, str]) -> str:
    if not db.has("documents", "doc_id", "title", "source", "published_at"):
        return _section("documents", "Latest documents · أحدث المقالات", "<p class='empty'>no documents</p>")
    has_url = db.has("documents", "url")
    has_story = db.has("documents", "story_id") and db.has("stories", "story_id", "title")
    rows = db.rows(f"""
        SELECT d.doc_id, d.title, coalesce(d.source, '?'), d.published_at, d.scraped_at,
               {'d.url' if has_url else 'NULL'}, {'s.title' if has_story else 'NULL'}
        FROM documents d {f'LEFT JOIN {db.rel("stories")} s ON s.story_id = d.story_id' if has_story else ''}
        ORDER BY d.published_at DESC NULLS LAST, d.scraped_at DESC NULLS LAST, d.doc_id LIMIT {N_DOCUMENTS}""")
    if not rows:
        return _section("documents", "Latest documents · أحدث المقالات", "<p class='empty'>no documents</p>")
    body = []
    for doc_id, title, source, pub, scraped, url, story in rows:
        text = esc(title) if title else f"<span class='dim'>(no title) {esc(doc_id)}</span>"
        if url and str(url).startswith(("http://", "https://")):
            text = f"<a href='{esc(url, quote=True)}' rel='noopener noreferrer'>{text}</a>"
        when = _fmt(pub) if pub is not None else f"<span class='dim'>{esc(_fmt(scraped))} (scraped)</span>"
        body.append(f"<tr><td class='d'>{when}</td>{_td(text, 't', auto=True)}"
                    f"<td dir='auto'><i class='sw' style='background:{colors.get(source, _OTHER)}'></i>"
                    f"{esc(source)}</td>" + (_td(esc(story or '—'), 'st', auto=True) if has_story else "") + "</tr>")
    head = ["published (UTC)", "title", "source"] + (["story"] if has_story else [])
    n, undated = db.one("SELECT count(*), count(*) FILTER (WHERE published_at IS NULL) FROM documents") or (0, 0)
    note = (f"The {len(rows)} latest of {_fmt(n)} documents by publication time"
            + (f" ({_fmt(undated)} have no publication date: they come last, by scrape time)" if undated else "")
            + ("; titles link to the article when the input gave its URL." if has_url else "."))
    return _section("documents", "Latest documents · أحدث المقالات", _table(head, body, cls="docs", rtl=True), note)


# ----------------------------------------------------------------------------- 7. quotes, rejects, boilerplate


def _quotes(db: _Db) -> str | None:
    if not db.has("quotes_by_speaker", "speaker", "quotes"):
        return None
    readable = db.has("quotes_by_speaker", "speaker_entity_id") and db.has("entity_catalog", "entity_id", "name")
    name = "coalesce(e.name, q.speaker)" if readable else "q.speaker"
    join = f"LEFT JOIN {db.rel('entity_catalog')} e ON e.entity_id = q.speaker_entity_id" if readable else ""
    linked = "bool_or(q.linked)" if db.has("quotes_by_speaker", "linked") else "true"
    rows = db.rows(f"""
        SELECT {name} AS who, {linked}, max(q.documents) AS docs, max(q.sources), sum(q.quotes) AS n,
               sum(q.direct), sum(q.reported), sum(q.according_to)
        FROM quotes_by_speaker q {join}
        GROUP BY 1 ORDER BY docs DESC, n DESC, 1 LIMIT {N_SPEAKERS}""")
    if not rows:
        return _section("quotes", "Who is quoted · من يُقتبس", "<p class='empty'>no quotes</p>")
    body = (f"<tr>{_td(esc(w), '' if ok else 'dim', auto=True)}"
            + "".join(f"<td class='n'>{_fmt(v)}</td>" for v in vals) + "</tr>" for w, ok, *vals in rows)
    note = (f"The {len(rows)} named speakers quoted in the most documents (generic sources such as «المصادر» "
            "left out); in grey: a speaker not linked to an entity (the phrase as written).")
    return _section("quotes", "Who is quoted · من يُقتبس", _table(
        ["speaker", "documents", "sources", "statements", "direct «»", "reported «قال إن»", "according to «وفقاً لـ»"],
        body, cls="compact", rtl=True, num=range(1, 7)), note)


def _rejects(db: _Db) -> str:
    rows = db.rows("""
        SELECT CASE WHEN reason LIKE 'schema %' THEN split_part(reason, ':', 1)
                    WHEN length(reason) > 80 THEN left(reason, 77) || '...' ELSE reason END AS reason,
               "table", count(*) AS n
        FROM rejects GROUP BY 1, 2 ORDER BY n DESC, 1""") if db.has("rejects") else []
    if not rows:
        return "<div><h3>Rejects by reason</h3><p class='empty'>no rejects: every input became valid rows</p></div>"
    return "<div><h3>Rejects by reason</h3>" + _table(
        ["reason", "table", "rows"],
        (f"<tr>{_td(esc(r), auto=True)}<td>{esc(t)}</td><td class='n'>{_fmt(n)}</td></tr>" for r, t, n in rows),
        num=[2]) + "</div>"


def _boilerplate(db: _Db) -> str:
    rows = db.rows("""
        SELECT category, count(*) AS lines, count(DISTINCT doc_id) AS documents
        FROM boilerplate WHERE removed GROUP BY category ORDER BY lines DESC, category""") \
        if db.has("boilerplate") else []
    if not rows:
        return "<div><h3>Boilerplate removed, by category</h3><p class='empty'>no boilerplate removed</p></div>"
    return "<div><h3>Boilerplate removed, by category</h3>" + _table(
        ["category", "lines", "documents"],
        (f"<tr><td>{esc(c)}</td><td class='n'>{_fmt(n)}</td><td class='n'>{_fmt(d)}</td></tr>" for c, n, d in rows),
        num=[1, 2]) + "</div>"


# ----------------------------------------------------------------------------- page

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Naskh Arabic','Noto Sans Arabic','DejaVu Sans',sans-serif;
margin:0;background:#f3f4f6;color:#1f2937;font-size:14px;line-height:1.45}
header{background:#1f2937;color:#fff;padding:14px 28px}
header h1{margin:0;font-size:21px} header p{margin:3px 0 0;color:#cbd5e1;font-size:12px}
nav{padding:6px 28px;background:#e5e7eb;font-size:13px} nav a{margin-right:14px;color:#1e3a8a;text-decoration:none}
main{padding:14px 28px;max-width:1280px;margin:auto}
.card{background:#fff;border-radius:8px;padding:12px 18px;margin-bottom:16px;box-shadow:0 1px 2px #0002}
h2{margin:0 0 4px;font-size:18px} h3{margin:0;font-size:15px}
.note{color:#6b7280;font-size:12px;margin:0 0 10px} .empty{color:#888;font-style:italic} .dim{color:#9ca3af}
.totals{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:10px}
.tot{background:#eef2ff;border-radius:6px;padding:6px 12px;min-width:86px;text-align:center}
.tot b{display:block;font-size:19px;color:#1e3a8a} .tot span{font-size:11px;color:#555}
.counts{flex-basis:100%;margin:0;font-size:13px;color:#4b5563} .counts b{color:#1f2937}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:18px}
.run{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:0 16px;font-size:12px;align-content:start}
.kv{display:flex;justify-content:space-between;border-bottom:1px dotted #ddd;padding:1px 0;gap:8px}
.kv span{color:#666} .kv b{font-weight:600;overflow-wrap:anywhere;text-align:end}
table.grid{border-collapse:collapse;width:100%;font-size:13px}
.grid th{background:#f9fafb;color:#4b5563;font-weight:600;text-align:start;padding:4px 6px;border-bottom:1px solid #d1d5db;font-size:12px}
.grid td{padding:3px 6px;border-bottom:1px solid #eef0f3;vertical-align:top}
.grid td.n{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap} .grid td.d{white-space:nowrap;color:#4b5563;direction:ltr;unicode-bidi:isolate}
.grid th.n{text-align:end}
i.sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-inline-end:5px;vertical-align:-1px}
.story{display:grid;grid-template-columns:minmax(0,1fr) 560px;gap:16px;border-top:1px solid #eef0f3;padding:8px 0}
.st{position:relative;padding-inline-start:30px}
.rk{position:absolute;inset-inline-start:0;top:0;width:22px;height:22px;border-radius:11px;background:#1e3a8a;color:#fff;
text-align:center;font-size:12px;line-height:22px}
.st h3{font-size:16px;margin-bottom:2px} .meta{font-size:12px;color:#4b5563;margin-bottom:3px}
[dir=rtl] .meta,[dir=rtl] .in{text-align:right}
.chips,.ents{display:flex;flex-wrap:wrap;gap:4px;margin-top:3px}
.chip{font-size:12px;background:#f3f4f6;border-radius:10px;padding:0 8px}
.chip i{display:inline-block;width:8px;height:8px;border-radius:4px;margin-inline-end:4px}
.ent{font-size:12px;border:1px solid;border-radius:3px;padding:0 5px;background:#fff}
svg{font-family:system-ui,'DejaVu Sans',sans-serif;direction:ltr;max-width:100%;height:auto}
.ax{stroke:#9ca3af;stroke-width:1} .tk{font-size:10px;fill:#6b7280}
.dgrid{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:12px}
.dispute{border:1px solid #e5e7eb;border-radius:6px;padding:8px 10px}
.dispute h3{font-size:16px} .in{font-size:12px;color:#4b5563}
.dot{fill:#e15759;fill-opacity:.75;stroke:#fff} .vl{font-size:11px;fill:#111;font-weight:600}
.dt td{font-size:12px}
.mapw{display:grid;grid-template-columns:auto minmax(0,1fr);gap:16px;align-items:start}
.sea{fill:#f5f8fb} .gr{stroke:#d6dee8;stroke-width:.7} .gr.eq{stroke:#b6c2d0} .gt{font-size:9px;fill:#94a3b8}
.frame{fill:none;stroke:#e15759;stroke-width:1.5;stroke-dasharray:4 3} .ov h3{font-size:12px;color:#4b5563}
.pl{fill:#59a14f;fill-opacity:.55;stroke:#2f6b2a;stroke-width:.8} .pn{font-size:12px;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}
.egrid{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:16px}
.ecol ol{list-style:none;margin:4px 0 0;padding:0}
.ecol li{display:grid;grid-template-columns:minmax(0,1fr) 60px 44px 34px;gap:6px;align-items:center;font-size:13px;padding:1px 0}
.ecol .nm{overflow:hidden;text-overflow:ellipsis;white-space:nowrap} .ecol .n{text-align:end;font-variant-numeric:tabular-nums}
.bar{background:#f3f4f6;height:9px;border-radius:2px} .bar i{display:block;height:9px;border-radius:2px}
.docs td.t{font-size:14px} .docs td.st{font-size:12px;color:#4b5563} a{color:#1d4ed8}
table.compact{width:auto;min-width:60%} .compact td,.compact th{padding-inline:10px}
.qa{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:18px}
footer{color:#6b7280;font-size:12px;padding:0 28px 24px;max-width:1280px;margin:auto}
@media (max-width:1100px){.story,.mapw,.cols,.qa{grid-template-columns:minmax(0,1fr)}.egrid{grid-template-columns:repeat(2,minmax(0,1fr))}}
"""


def build_report(db_path: Path, out_path: Path) -> Path:
    """Write the HTML report of the database at ``db_path`` to ``out_path`` (a file, or a
    folder that receives ``report.html``); returns the file written."""
    db_path = Path(db_path)
    out_path = Path(out_path)
    if out_path.is_dir() or out_path.suffix.lower() not in (".html", ".htm"):
        out_path = out_path / "report.html"
    con = open_bounded(db_path)
    try:
        db = _Db(con)
        colors = _source_colors(db) if db.has("documents") else {}
        header = _run_header(db, colors)
        sections: list[tuple[str, str, str | None]] = [
            ("stories", "Stories", _stories(db, colors)),
            ("disputes", "Disputed figures", _disputes(db)),
            ("places", "Places", _places(db)),
            ("entities", "Entities", _entities(db)),
            ("documents", "Latest documents", _documents(db, colors)),
            ("quotes", "Who is quoted", _quotes(db)),
            ("qa", "Rejects and boilerplate",
             _section("qa", "Rejects and boilerplate", f"<div class='qa'>{_rejects(db)}{_boilerplate(db)}</div>")),
        ]
    finally:
        con.close()
    shown = [(sid, name, body) for sid, name, body in sections if body is not None]
    skipped = [name for sid, name, body in sections if body is None]
    nav = "".join(f"<a href='#{sid}'>{esc(name)}</a>" for sid, name, _ in shown)
    skipped_html = (f"<p>Not in this database, so not shown: {esc(', '.join(skipped))} "
                    "(their views are missing).</p>" if skipped else "")
    made = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>akhbar report — {esc(db_path.parent.name)}</title><style>{_CSS}</style></head>
<body><header><h1>akhbar — تقرير الأخبار</h1>
<p>{esc(str(db_path))} · generated {made}</p></header><nav><a href='#run'>Run</a>{nav}</nav>
<main>{header}{''.join(body for _, _, body in shown)}</main>
<footer>{skipped_html}<p>Self-contained report: HTML and inline SVG, no scripts, nothing fetched. Times are UTC.
Query the data behind it with <code>akhbar sql --output {esc(str(db_path.parent))} "…"</code>.</p></footer>
</body></html>"""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out_path)
    return out_path


def _main(argv: Sequence[str] | None = None) -> int:  # pragma: no cover - convenience
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    db = Path(args[0])
    out = Path(args[1]) if len(args) > 1 else db.parent / "report.html"
    print(build_report(db, out))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_main())
