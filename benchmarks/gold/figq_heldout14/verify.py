"""Independent check of figq_heldout14.jsonl against articles.jsonl (does not use build.py or spec/;
the checks: benchmarks/gold/figq_tools.py).

    python3 verify.py [--no-corpus]
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from figq_tools import verify  # noqa: E402

if __name__ == '__main__':
    sys.exit(verify(HERE, sys.argv[1:]))
