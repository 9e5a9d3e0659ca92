"""``python main.py --smoke``: the check that packaging/build.sh also runs on the built bundle."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_smoke_run_opens_every_screen_posts_a_receipt_prints_a_po_and_touches_nothing_of_the_user(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8"}
    env.pop("DISPLAY", None)  # the smoke must draw offscreen by itself, with no screen to fall back on
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--smoke"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=1800, encoding="utf-8")  # a hang guard only
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "window shown" in out and "offscreen platform" in out
    assert "every screen opened: dashboard, stock," in out and "settings" in out
    assert "daily backup made: smoke-" in out
    assert "receipt posted: 250 SCREW into MAIN" in out
    assert "purchase order rendered: PO-" in out and "(zh_CN)" in out and "(en_US)" in out
    assert "forecast fitted with statsmodels: ETS" in out and "Spring Festival" in out
    assert "Chinese translation loaded" in out and "ledger check ok" in out
    assert out.rstrip().endswith("smoke: ok")
    for folder in ("config", "data"):  # no settings, no database in the user's folders
        assert not (home / folder).exists() or not any((home / folder).rglob("*")), folder
    assert not list(tmp_path.rglob("*.sqlite3"))  # the temporary database went with its folder


def test_a_failing_step_makes_the_smoke_run_exit_1_saying_what_failed(qapp, monkeypatch, capsys):
    from ui import smoke
    from ui.pdf import purchase_order

    monkeypatch.setattr(purchase_order, "render_purchase_order", lambda snapshot, locale_name=None: b"<html>")
    assert smoke.run_smoke() == 1
    out, err = capsys.readouterr()
    assert "receipt posted" not in out
    assert "purchase order is not a PDF" in err and "smoke: FAILED" in err
