"""Draw the tenth blind figures/quotes sample from SaudiNewsNet (deterministic, seed 10101; the
sampler: benchmarks/gold/figq_tools.py).

    python3 sample.py [--data /work/shared/data/saudinewsnet] [--seed 10101] [--n 40]
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from figq_tools import sample  # noqa: E402

if __name__ == '__main__':
    sample(HERE, 10101, sys.argv[1:])
