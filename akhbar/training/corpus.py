"""SaudiNewsNet as the training and build scripts read it: the records of every
``*.zip`` under a folder (one JSON list per zip), zips in sorted (date) order."""

from __future__ import annotations

import glob
import json
import os
import zipfile
from collections.abc import Iterator
from typing import Any


def iter_records(data_dir: str) -> Iterator[dict[str, Any]]:
    for path in sorted(glob.glob(os.path.join(data_dir, "*.zip"))):
        with zipfile.ZipFile(path) as zf:
            for name in sorted(zf.namelist()):
                yield from json.loads(zf.read(name))
