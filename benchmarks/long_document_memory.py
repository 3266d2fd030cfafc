"""Peak memory of the entity stage on one long document of short lines.

    python benchmarks/long_document_memory.py [--lines 83000]

A document of ``--lines`` one-line sentences («خبر 1.», «خبر 2.», … : under the
1,000,000-character limit at 83,000 lines) goes through clean → split → figures →
entities, each mode in a fresh process, and the peak resident memory (ru_maxrss) of
that process is printed:

- ``one batch``: the BiLSTM tags every sentence of the document in one packed batch
  (as before the slicing; TAG_SLICE_TOKENS set beyond the document's size), the baseline;
- ``sliced``: the shipped TAG_SLICE_TOKENS (20,000 tokens per batch).

The ratio baseline / sliced is printed last.  Measured 2026-12-05 on the shared 16-core
machine: one batch 2,812 MB, sliced 578 MB (4.9 x less); tags are the same
(tests/test_robustness.py checks slicing changes no tag).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

CHILD = r"""
import json, resource, sys
from akhbar import pipeline
from akhbar.entities import model
from akhbar.ingest import RawInput, ingest_inputs
lines, slice_tokens = int(sys.argv[1]), int(sys.argv[2])
model.TAG_SLICE_TOKENS = slice_tokens
text = "\n".join(f"خبر {i}." for i in range(lines))
docs, rejects = ingest_inputs([RawInput("/bench/long.txt", "txt", text.encode(), "bench")])
assert docs and not rejects, rejects
batch = pipeline.extract_figures_batch(pipeline.split_batch(pipeline.clean_batch(docs, None)))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
pipeline.extract_entities_batch(batch)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"chars": len(text), "sentences": len(batch[0].sentences), "before_entities_mb": before,
                  "peak_mb": peak}))
"""


def measure(lines: int, slice_tokens: int) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": os.path.join(HERE, "..")}
    out = subprocess.run([sys.executable, "-c", CHILD, str(lines), str(slice_tokens)], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=83_000)
    args = parser.parse_args()
    from akhbar.entities.model import TAG_SLICE_TOKENS

    base = measure(args.lines, 10**12)
    print(f"document: {base['chars']:,} characters, {base['sentences']:,} sentences")
    print(f"one batch (baseline): peak {base['peak_mb']:,.0f} MB (before the entity stage {base['before_entities_mb']:,.0f} MB)")
    sliced = measure(args.lines, TAG_SLICE_TOKENS)
    print(f"sliced ({TAG_SLICE_TOKENS:,} tokens): peak {sliced['peak_mb']:,.0f} MB "
          f"(before the entity stage {sliced['before_entities_mb']:,.0f} MB)")
    print(f"ratio baseline / sliced: {base['peak_mb'] / sliced['peak_mb']:.2f}")


if __name__ == "__main__":
    main()
