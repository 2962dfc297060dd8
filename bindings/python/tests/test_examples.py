"""examples/screen_partners.py on the demo lists (and the UN list when present)."""
import os
import pathlib
import subprocess
import sys

from conftest import shared_path

TOP = pathlib.Path(__file__).resolve().parents[3]
EXAMPLE = TOP / "examples" / "screen_partners.py"
DEMO = TOP / "data" / "demo" / "lists"


def _run(*args):
    return subprocess.run([sys.executable, str(EXAMPLE), *map(str, args)], env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)


def test_screen_partners_demo(tmp_path):
    partners = tmp_path / "partners.csv"
    partners.write_text("name,type,country\nLefevre Hydraulique SARL,organization,FR\n"
                        "ARTAVIL,vessel,\nNordlicht Trading LLC,organization,DE\n",
                        encoding="utf-8")
    r = _run(DEMO / "demo_sanctions.csv", DEMO / "inhouse_denylist.tsv", "--", partners)
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "clear  Lefevre Hydraulique SARL"
    assert lines[1].startswith("ALERT  ARTAVIL ") and ' 15036 "ARTAVIL" (score ' in lines[1]
    assert lines[2].startswith("ALERT  Nordlicht Trading LLC ") and \
        ' IH-001 "Nordlicht Handels GmbH"' in lines[2]
    r = _run(DEMO / "demo_sanctions.csv", "--", tmp_path / "missing.csv")
    assert r.returncode != 0 and "missing.csv" in r.stderr


def test_screen_partners_un():
    un = shared_path("un/2026-02/UN_consolidated.xml")
    r = _run(un, "--", TOP / "examples" / "partners.csv")
    assert r.returncode == 1, r.stderr
    assert 'ALERT  The Houthis' in r.stdout and 'un_sc YEe.001 "THE HOUTHIS"' in r.stdout
    assert "clear  Lefevre Hydraulique SARL" in r.stdout
