"""Print articles for reading: python3 show.py N [M ...] (1-based positions in articles.jsonl)."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from figq_tools import show  # noqa: E402

if __name__ == '__main__':
    show(HERE, sys.argv[1:])
