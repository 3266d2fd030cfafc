"""Draw the twelfth blind figures/quotes sample from SaudiNewsNet (deterministic, seed 12121; the
sampler: benchmarks/gold/figq_tools.py).

    python3 sample.py [--data /work/shared/data/saudinewsnet] [--seed 12121] [--n 40]
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from figq_tools import sample  # noqa: E402

if __name__ == '__main__':
    sample(HERE, 12121, sys.argv[1:])
