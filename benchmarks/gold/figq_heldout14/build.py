"""Turn the hand annotation (spec/<id>.txt) into figq_heldout14.jsonl, with checks (the spec format and
the tool: benchmarks/gold/figq_tools.py, shared by the blind sets).

    python3 build.py            # build, report problems
    python3 build.py show ID    # also print the article with figures [..] and statements marked
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from figq_tools import build  # noqa: E402

if __name__ == '__main__':
    build(HERE, sys.argv[1:])
