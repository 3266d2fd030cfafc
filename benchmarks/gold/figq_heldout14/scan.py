"""Completeness aid: list digits, number words, weekdays, months, feminine dual-like words (-تين, -تان, -تي) and speech verbs in each article's
content that no figure span / statement cue of figq_heldout14.jsonl covers (benchmarks/gold/figq_tools.py). Every hit is decided by hand.
    python3 scan.py"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from figq_tools import scan  # noqa: E402

if __name__ == '__main__':
    scan(HERE)
