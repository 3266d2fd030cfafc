"""A plain `pip install .` works: the wheel carries the SQL views, installs nothing but the
``akhbar`` package, and its defaults are relative to the working directory, not to where
the package was installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_installs_and_a_run_creates_every_view(tmp_path: Path):
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = wheels.glob("akhbar-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert top == {"akhbar"}, f"the wheel installs top-level packages other than akhbar: {sorted(top)}"
    assert not [n for n in names if "/training/artefacts/" in n], "training-only artefacts do not ship in the wheel"
    # a fresh venv without akhbar; its dependencies come from ours (on sys.path after its own packages)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    vpy = venv / "bin" / "python"
    site = subprocess.run([str(vpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "deps_from_test_venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    inst = subprocess.run([sys.executable, "-m", "pip", "--python", str(vpy), "install", "--no-deps", "-q", str(wheel)],
                          capture_output=True, text=True, timeout=600)
    assert inst.returncode == 0, inst.stderr[-3000:]
    work = tmp_path / "work"
    (work / "seeds").mkdir(parents=True)
    for f in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(f, work / "seeds" / f.name)
    where = subprocess.run([str(vpy), "-c", "import akhbar, akhbar.flows.cli; print(akhbar.__file__)"], cwd=work,
                           capture_output=True, text=True, timeout=120)
    assert where.stdout.strip().startswith(site), "akhbar is imported from the wheel, not from the repository"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PYTHONPATH"] = ""
    run = subprocess.run([str(venv / "bin" / "akhbar"), "run", "--quiet"], cwd=work, env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    db = work / "output" / "akhbar.duckdb"  # the default output: under the working directory
    con = duckdb.connect(str(db), read_only=True)
    views = {name for (name,) in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
    sql_views = {p.stem for p in (ROOT / "akhbar" / "sql").glob("*.sql")}
    assert sql_views and sql_views <= views, sql_views - views
    assert con.execute("select count(*) from documents").fetchall() == [(2,)]
