"""Draw the fourteenth blind figures/quotes sample from SaudiNewsNet (deterministic, seed 14141; the
sampler: benchmarks/gold/figq_tools.py).

    python3 sample.py [--data /work/shared/data/saudinewsnet] [--seed 14141] [--n 40]
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from figq_tools import sample  # noqa: E402

if __name__ == '__main__':
    sample(HERE, 14141, sys.argv[1:])
