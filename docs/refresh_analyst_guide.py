"""Re-run every query of docs/analyst-guide.md and paste its real output under it.

    .venv/bin/akhbar run --output /tmp/guide_out        # the seeds, as in the guide
    .venv/bin/python docs/refresh_analyst_guide.py --output /tmp/guide_out

Each ```sh block holding an ``akhbar sql`` command is run (with ``--output`` added) and
the ``` block after the following "Output:" line is replaced by what it printed, so
the guide never shows output the current code does not produce.  Commentary around
the blocks is not touched: read the diff.
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parent / "analyst-guide.md"
BLOCK = re.compile(r"```sh\n(?P<cmd>akhbar sql [^\n]*)\n```\n\nOutput:\n\n```\n(?P<out>.*?)```", re.S)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", required=True, help="output folder of an akhbar run on seeds/")
    args = parser.parse_args()
    akhbar = Path(sys.executable).parent / "akhbar"
    text = GUIDE.read_text(encoding="utf-8")

    def run(match: re.Match) -> str:
        argv = shlex.split(match.group("cmd"))
        res = subprocess.run([str(akhbar), *argv[1:2], "--output", args.output, *argv[2:]],
                             capture_output=True, text=True, timeout=120)
        if res.returncode != 0:
            raise SystemExit(f"query failed: {match.group('cmd')}\n{res.stderr}")
        return match.group(0).replace(match.group("out"), res.stdout if res.stdout.endswith("\n") else res.stdout + "\n")

    new, n = BLOCK.subn(run, text)
    GUIDE.write_text(new, encoding="utf-8")
    print(f"refreshed {n} outputs in {GUIDE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
