"""Resident memory of one process from /proc/PID/smaps_rollup (Linux), for the memory
benchmarks (memory_breakdown.py, end_memory.py, stories_memory.py)."""

from __future__ import annotations


def smaps_rollup(pid: int) -> dict[str, int] | None:
    """{'rss', 'pss', 'uss'} in bytes, None when the process is gone or the file unreadable.
    PSS divides each shared page among the processes that map it; USS is the private pages."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            text = fh.read().decode()
    except OSError:
        return None
    vals: dict[str, int] = {}
    for line in text.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 2 and parts[0].endswith(":"):
            vals[parts[0][:-1]] = int(parts[1]) * 1024
    return {"rss": vals.get("Rss", 0), "pss": vals.get("Pss", 0),
            "uss": vals.get("Private_Clean", 0) + vals.get("Private_Dirty", 0)}
