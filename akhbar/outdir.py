"""The output folder belongs to akhbar: a marker file says so, and nothing else is touched.

A run writes only into a folder that is empty (hidden files aside), that carries the
marker, or that an older akhbar wrote (``parquet/runs/`` and ``akhbar.duckdb``, adopted
by writing the marker).  Any other non-empty folder is refused: akhbar would otherwise
replace or remove files it did not write.
"""

from __future__ import annotations

import os
from pathlib import Path

from akhbar.errors import InputMissing, NoInputs, OutputUnusable

MARKER = ".akhbar-output"
_MARKER_TEXT = (
    "This folder is an akhbar output folder: akhbar runs write, replace and remove the files\n"
    "they made here (parquet/, akhbar.duckdb, report.html, quarantine/). Do not keep other files in it.\n"
)


def _is_legacy_output(root: Path) -> bool:
    """Written by an akhbar release older than the marker."""
    return (root / "parquet" / "runs").is_dir() and (root / "akhbar.duckdb").is_file()


def claim_output(root: Path) -> Path:
    """Make ``root`` akhbar's output folder, or raise :class:`OutputUnusable` (one line)."""
    root = Path(root)
    if "?" in str(root.resolve()):  # DuckDB 1.5 cuts a database path at "?" and cannot commit to it
        raise OutputUnusable(f"output path {root} contains '?', which DuckDB cannot write its database under: "
                             "choose another name")
    for ch in "[]":  # delta-rs cannot open a table under a path with square brackets
        if ch in str(root.resolve()):
            raise OutputUnusable(f"output path {root} contains '{ch}', under which the Delta Lake tables "
                                 "cannot be written: choose another name")
    if root.exists() and not root.is_dir():
        raise OutputUnusable(f"output {root} is a file, not a folder")
    if root.is_dir() and not (root / MARKER).is_file():
        try:
            foreign = sorted(e.name for e in root.iterdir() if not e.name.startswith("."))
        except OSError as exc:
            raise OutputUnusable(f"cannot read output folder {root}: {exc.strerror or exc}") from exc
        if foreign and not _is_legacy_output(root):
            shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
            raise OutputUnusable(f"output folder {root} is not empty and was not made by akhbar ({shown}): "
                                 "choose an empty or new folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
        if not (root / MARKER).is_file():
            (root / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        if not os.access(root, os.W_OK | os.X_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as exc:
        raise OutputUnusable(f"cannot write to output folder {root}: {exc.strerror or exc}") from exc
    return root


def check_input(path: Path) -> None:
    """Raise :class:`InputMissing` or :class:`NoInputs` when there is nothing to read."""
    from akhbar.ingest import scan

    path = Path(path)
    if not path.exists():
        raise InputMissing(f"input path does not exist: {path}")
    files, problems = scan(path)
    if not files and not problems:
        from akhbar.config import INPUT_SUFFIXES

        raise NoInputs(f"no supported input files under {path} (looked for {', '.join(INPUT_SUFFIXES)})")
