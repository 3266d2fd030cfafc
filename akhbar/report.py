"""A self-contained HTML report of one output database (``DIR/report.html``).

``build_report(db_path, out_path)`` opens ``akhbar.duckdb`` read-only and writes one
HTML file with plotly charts (plotly.js is inlined once: the file opens offline):

* run header (latest row of ``runs``) and table counts;
* documents and sentences per source;
* boilerplate removed by category;
* top entities by type (PER / ORG / LOC / MISC);
* figures over time (publication date, else the figure's own date, else scrape/ingest
  date) and counts claimed, by unit (the ``claims`` view when it exists);
* quotes by speaker (when the ``quotes`` table exists; generic sources left out);
* rejects by reason.

Arabic labels are drawn by the browser (SVG text), so they are shaped and laid out
right-to-left correctly; data labels are never reshaped or reversed here.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

__all__ = ["build_report"]

_COLORS = {"PER": "#4C78A8", "ORG": "#F58518", "LOC": "#54A24B", "MISC": "#B279A2"}
_FONT = "Noto Naskh Arabic, Noto Sans Arabic, Amiri, Arial, sans-serif"


def _relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {r[0] for r in rows}


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    try:
        return con.execute(sql).fetchall()
    except duckdb.Error:
        return []


def _layout(fig: Any, title: str, height: int = 420) -> Any:
    fig.update_traces(cliponaxis=False, selector={"type": "bar"})  # value labels outside the bars stay visible
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        height=height,
        margin={"l": 60, "r": 30, "t": 60, "b": 60},
        font={"family": _FONT, "size": 13},
        plot_bgcolor="#fafafa",
        paper_bgcolor="white",
        legend={"orientation": "h", "y": -0.18},
    )
    return fig


def _empty_note(fig: Any, text: str) -> Any:
    fig.add_annotation(text=text, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"size": 16, "color": "#888"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


# ----------------------------------------------------------------------------- charts


def _chart_sources(con: duckdb.DuckDBPyConnection) -> Any:
    import plotly.graph_objects as go

    rows = _rows(con, """
        SELECT coalesce(d.source, '(unknown)') AS source, count(*) AS documents,
               coalesce(sum(d.n_sentences), 0) AS sentences
        FROM documents d GROUP BY 1 ORDER BY documents DESC, source LIMIT 30""")
    fig = go.Figure()
    if not rows:
        return _layout(_empty_note(fig, "no documents"), "Documents and sentences per source")
    src = [r[0] for r in rows]
    fig.add_bar(x=src, y=[r[1] for r in rows], name="documents", marker_color="#4C78A8",
                text=[r[1] for r in rows], textposition="outside")
    fig.add_bar(x=src, y=[r[2] for r in rows], name="sentences", marker_color="#9ECAE9",
                text=[r[2] for r in rows], textposition="outside")
    fig.update_layout(barmode="group", yaxis_title="count")
    return _layout(fig, "Documents and sentences per source")


def _chart_boilerplate(con: duckdb.DuckDBPyConnection) -> Any:
    import plotly.graph_objects as go

    rows = _rows(con, """
        SELECT category, count(*) AS lines, count(DISTINCT doc_id) AS documents, any_value(text) AS example
        FROM boilerplate WHERE removed GROUP BY category ORDER BY lines""")
    fig = go.Figure()
    if not rows:
        return _layout(_empty_note(fig, "no boilerplate removed"), "Boilerplate removed, by category")
    fig.add_bar(
        y=[r[0] for r in rows], x=[r[1] for r in rows], orientation="h", marker_color="#E45756",
        text=[r[1] for r in rows], textposition="outside",
        customdata=[[r[2], r[3][:80]] for r in rows],
        hovertemplate="%{y}: %{x} lines in %{customdata[0]} documents<br>e.g. %{customdata[1]}<extra></extra>",
    )
    fig.update_layout(xaxis_title="lines removed")
    return _layout(fig, "Boilerplate removed, by category", height=max(300, 60 + 32 * len(rows)))


def _chart_entities(con: duckdb.DuckDBPyConnection, per_label: int = 10) -> Any:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    rows = _rows(con, f"""
        SELECT label, name, mentions, documents FROM (
            SELECT mode(label) AS label, mode(name) AS name, count(*) AS mentions,
                   count(DISTINCT doc_id) AS documents,
                   row_number() OVER (PARTITION BY mode(label) ORDER BY count(*) DESC, mode(name)) AS rk
            FROM entities GROUP BY entity_id)
        WHERE rk <= {int(per_label)} ORDER BY label, mentions""")
    labels = ["PER", "ORG", "LOC", "MISC"]
    fig = make_subplots(rows=1, cols=4, subplot_titles=[f"{lb}" for lb in labels], horizontal_spacing=0.12)
    if not rows:
        return _layout(_empty_note(go.Figure(), "no entities"), "Top entities by type")
    for col, lb in enumerate(labels, start=1):
        sub = [r for r in rows if r[0] == lb]
        fig.add_bar(
            y=[r[1] for r in sub], x=[r[2] for r in sub], orientation="h", name=lb,
            marker_color=_COLORS[lb], text=[r[2] for r in sub], textposition="outside",
            customdata=[r[3] for r in sub],
            hovertemplate="%{y}: %{x} mentions in %{customdata} documents<extra></extra>",
            row=1, col=col,
        )
    fig.update_layout(showlegend=False)
    fig.update_yaxes(automargin=True, tickfont={"size": 13})
    return _layout(fig, "Top entities by type (mentions)", height=480)


def _chart_figures_time(con: duckdb.DuckDBPyConnection) -> Any:
    import plotly.graph_objects as go

    rows = _rows(con, """
        SELECT strftime(coalesce(CAST(d.published_at AS DATE), f.date_value, CAST(d.scraped_at AS DATE),
                                 CAST(d.ingested_at AS DATE)), '%Y-%m') AS month,
               f.kind, count(*) AS figures
        FROM figures f JOIN documents d USING (doc_id)
        GROUP BY 1, 2 ORDER BY 1, 2""")
    fig = go.Figure()
    if not rows:
        return _layout(_empty_note(fig, "no figures"), "Figures over time, by kind")
    kinds = sorted({r[1] for r in rows})
    for kind in kinds:
        sub = [r for r in rows if r[1] == kind]
        fig.add_bar(x=[r[0] for r in sub], y=[r[2] for r in sub], name=kind)
    fig.update_layout(barmode="stack", yaxis_title="figures",
                      xaxis_title="month (published, else the figure's own date, else scraped/ingested)")
    fig.update_xaxes(type="category", categoryorder="category ascending")
    return _layout(fig, "Figures over time (by month), by kind")


def _chart_claims(con: duckdb.DuckDBPyConnection, relations: set[str]) -> Any:
    import plotly.graph_objects as go

    if "claims" in relations:
        sql = """
            SELECT coalesce(unit, '(no unit)') AS unit, value, figure_text, coalesce(claimed_by, '?') AS who,
                   coalesce(source, '?') AS source, sentence
            FROM claims WHERE kind IN ('count', 'money', 'measure') AND value IS NOT NULL AND value > 0
            ORDER BY unit, value"""
    else:
        sql = """
            SELECT coalesce(f.unit, '(no unit)') AS unit, f.value, f.text, '?' AS who, coalesce(d.source, '?'), s.text
            FROM figures f JOIN documents d USING (doc_id)
            JOIN sentences s ON s.doc_id = f.doc_id AND s.sentence_idx = f.sentence_idx
            WHERE f.kind IN ('count', 'money', 'measure') AND f.value IS NOT NULL AND f.value > 0
            ORDER BY 1, 2"""
    rows = _rows(con, sql)
    fig = go.Figure()
    if not rows:
        return _layout(_empty_note(fig, "no counted figures"), "Counts claimed, by unit")
    units = sorted({r[0] for r in rows}, key=lambda u: -sum(1 for r in rows if r[0] == u))[:12]
    for unit in units:
        sub = [r for r in rows if r[0] == unit]
        fig.add_scatter(
            x=[r[1] for r in sub], y=[unit] * len(sub), mode="markers+text", name=unit,
            text=[f"{r[1]:,.0f}" for r in sub], textposition="top center",
            marker={"size": 13, "opacity": 0.75, "line": {"width": 1, "color": "white"}},
            customdata=[[r[2], r[3], r[4], (r[5] or "")[:120]] for r in sub],
            hovertemplate="%{customdata[0]} (%{x:,.0f})<br>claimed by: %{customdata[1]}<br>"
                          "source: %{customdata[2]}<br>%{customdata[3]}<extra></extra>",
        )
    fig.update_xaxes(type="log", title="value (log scale)")
    fig.update_layout(showlegend=False)
    return _layout(fig, "Counts claimed, by unit (hover: who claims it)", height=max(320, 120 + 60 * len(units)))


def _chart_quotes(con: duckdb.DuckDBPyConnection, relations: set[str]) -> Any | None:
    import plotly.graph_objects as go

    if "quotes" not in relations:
        return None
    rows = _rows(con, """
        SELECT coalesce(speaker_canonical, speaker) AS who,
               count(*) FILTER (WHERE kind = 'direct') AS direct,
               count(*) FILTER (WHERE kind = 'reported') AS reported,
               count(*) FILTER (WHERE kind = 'according_to') AS according_to,
               count(*) AS n
        FROM quotes WHERE speaker_kind IS DISTINCT FROM 'generic'
        GROUP BY 1 ORDER BY n DESC, who LIMIT 15""")
    fig = go.Figure()
    if not rows:
        return _layout(_empty_note(fig, "no quotes"), "Who is quoted")
    rows = list(reversed(rows))
    for i, (kind, color) in enumerate((("direct", "#4C78A8"), ("reported", "#72B7B2"), ("according_to", "#EECA3B")),
                                      start=1):
        fig.add_bar(y=[r[0] for r in rows], x=[r[i] for r in rows], orientation="h", name=kind, marker_color=color)
    fig.update_layout(barmode="stack", xaxis_title="statements")
    fig.update_yaxes(automargin=True)
    return _layout(fig, "Who is quoted (top 15 speakers)", height=max(320, 80 + 28 * len(rows)))


def _chart_rejects(con: duckdb.DuckDBPyConnection) -> Any:
    import plotly.graph_objects as go

    rows = _rows(con, """
        SELECT CASE WHEN reason LIKE 'schema %' THEN split_part(reason, ':', 1)
                    WHEN length(reason) > 60 THEN left(reason, 57) || '...' ELSE reason END AS reason,
               "table", count(*) AS n
        FROM rejects GROUP BY 1, 2 ORDER BY n""")
    fig = go.Figure()
    if not rows:
        return _layout(_empty_note(fig, "no rejects: every input became valid rows"), "Rejects by reason", height=260)
    fig.add_bar(y=[f"{r[0]} [{r[1]}]" for r in rows], x=[r[2] for r in rows], orientation="h",
                marker_color="#FF9DA6", text=[r[2] for r in rows], textposition="outside")
    fig.update_yaxes(automargin=True)
    return _layout(fig, "Rejects by reason [table]", height=max(260, 80 + 32 * len(rows)))


# ----------------------------------------------------------------------------- page


def _run_header(con: duckdb.DuckDBPyConnection, relations: set[str]) -> str:
    run = _rows(con, """
        SELECT run_id, status, started_at, finished_at, input_path, inputs_seen, documents_unchanged, documents,
               sentences, entities, figures, boilerplate, rejects, duplicates, seconds, version, schema_version
        FROM runs ORDER BY started_at DESC LIMIT 1""")
    cells: list[tuple[str, Any]] = []
    if run:
        names = ["run", "status", "started", "finished", "input", "inputs seen", "unchanged", "documents written",
                 "sentences", "entities", "figures", "boilerplate lines", "rejects", "near-duplicate paragraphs",
                 "seconds", "pipeline version", "schema"]
        cells = list(zip(names, run[0], strict=True))
    totals = []
    counts = {"boilerplate": "SELECT count(*) FILTER (WHERE removed) FROM boilerplate"}
    names = {"boilerplate": "boilerplate lines removed", "duplicates": "near-duplicate paragraphs"}
    for table in ("documents", "sentences", "entities", "figures", "quotes", "boilerplate", "rejects", "duplicates"):
        if table in relations:
            n = _rows(con, counts.get(table, f"SELECT count(*) FROM {table}"))
            totals.append((names.get(table, table), n[0][0] if n else "?"))

    def fmt(v: Any) -> str:
        if isinstance(v, dt.datetime):
            return v.strftime("%Y-%m-%d %H:%M:%S %Z")
        if isinstance(v, float):
            return f"{v:,.1f}"
        return "—" if v is None else str(v)

    run_html = "".join(f"<div class='kv'><span>{html.escape(k)}</span><b dir='auto'>{html.escape(fmt(v))}</b></div>"
                       for k, v in cells) or "<p>no run recorded</p>"
    tot_html = "".join(f"<div class='tot'><b>{html.escape(fmt(v))}</b><span>{html.escape(k)}</span></div>"
                       for k, v in totals)
    return f"<section class='head'><div class='totals'>{tot_html}</div><div class='run'>{run_html}</div></section>"


_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans Arabic',sans-serif;margin:0;background:#f3f4f6;color:#222}
header{background:#1f2937;color:white;padding:18px 28px}
header h1{margin:0;font-size:22px} header p{margin:4px 0 0;color:#cbd5e1;font-size:13px}
main{padding:18px 28px;max-width:1240px;margin:auto}
.head{background:white;border-radius:8px;padding:14px 18px;margin-bottom:16px;box-shadow:0 1px 2px #0001}
.totals{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:12px}
.tot{background:#eef2ff;border-radius:6px;padding:8px 14px;min-width:90px;text-align:center}
.tot b{display:block;font-size:22px;color:#1e3a8a} .tot span{font-size:12px;color:#555}
.run{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:4px 18px;font-size:13px}
.kv{display:flex;justify-content:space-between;border-bottom:1px dotted #ddd;padding:2px 0;gap:8px}
.kv span{color:#666} .kv b{font-weight:600;overflow-wrap:anywhere;text-align:end}
.card{background:white;border-radius:8px;padding:6px;margin-bottom:16px;box-shadow:0 1px 2px #0001}
footer{color:#777;font-size:12px;padding:0 28px 24px}
"""


def build_report(db_path: Path, out_path: Path) -> Path:
    """Write the HTML report of the database at ``db_path`` to ``out_path`` (a file, or a
    folder that receives ``report.html``); returns the file written."""
    import plotly.io as pio

    db_path = Path(db_path)
    out_path = Path(out_path)
    if out_path.is_dir() or out_path.suffix.lower() not in (".html", ".htm"):
        out_path = out_path / "report.html"
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        relations = _relations(con)
        header = _run_header(con, relations)
        figures = [
            _chart_sources(con),
            _chart_boilerplate(con),
            _chart_entities(con),
            _chart_quotes(con, relations),
            _chart_figures_time(con),
            _chart_claims(con, relations),
            _chart_rejects(con),
        ]
    finally:
        con.close()
    parts: list[str] = []
    first = True
    for fig in figures:
        if fig is None:
            continue
        parts.append("<div class='card'>" + pio.to_html(
            fig, full_html=False, include_plotlyjs=first,  # plotly.js inlined once: works offline
            config={"displaylogo": False, "responsive": True},
        ) + "</div>")
        first = False
    made = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>akhbar report — {html.escape(db_path.parent.name)}</title><style>{_CSS}</style></head>
<body><header><h1>akhbar — تقرير الأخبار</h1>
<p>{html.escape(str(db_path))} · generated {made}</p></header>
<main>{header}{''.join(parts)}</main>
<footer>Offline, self-contained report (plotly.js inlined). Query the data behind it with
<code>akhbar sql --output {html.escape(str(db_path.parent))} "…"</code>.</footer>
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
