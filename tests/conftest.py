from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import akhbar.flows._env  # noqa: F401  (offline, quiet Prefect settings before prefect is imported)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def expected() -> dict:
    data = json.loads((FIXTURES / "seeds_expected.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (starting one takes seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seeds_output(tmp_path_factory, prefect_harness) -> Path:
    """The pipeline run once on seeds/, shared by the read-only end-to-end tests."""
    from akhbar.flows.akhbar_flow import akhbar_run

    out = tmp_path_factory.mktemp("seeds_out")
    akhbar_run(input_path=str(SEEDS), output_dir=str(out))
    return out


def run_cli(*args: str, timeout: float = 600, **kw) -> subprocess.CompletedProcess:
    """Run the installed ``akhbar`` command as a user would."""
    exe = shutil.which("akhbar", path=str(Path(sys.executable).parent)) or "akhbar"
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=timeout, env=env, **kw)
