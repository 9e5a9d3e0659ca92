"""The package import graph keeps its rules (scripts/imports.py): no cycle, no private name across modules,
the domain free of Qt, SQLAlchemy and psycopg and of the outer layers."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "imports.py"


def _checker():
    spec = importlib.util.spec_from_file_location("import_graph_checker", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_repository_keeps_the_import_rules():
    result = subprocess.run([sys.executable, str(SCRIPT)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_cycle_through_a_late_import_is_found(tmp_path):
    checker = _checker()
    _tree(tmp_path, {
        "domain/__init__.py": "",
        "domain/a.py": "from domain import b\n",
        "domain/b.py": "def f():\n    from domain.c import g\n",
        "domain/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from domain.a import x\n",
        "domain/d.py": "import domain.a\n",
    })
    found, edges = checker.violations(checker.discover(tmp_path))
    assert list(found) == ["cycle domain.a domain.b domain.c"]
    assert edges["domain.d"] == {"domain.a"}


def test_private_names_taken_from_another_module_are_found(tmp_path):
    checker = _checker()
    _tree(tmp_path, {
        "ui/__init__.py": "",
        "ui/a.py": "def _helper():\n    pass\n\n\ndef public():\n    _helper()\n",
        "ui/b.py": "from ui.a import _helper\n",
        "ui/c.py": "from ui import a\n\na._helper()\na.__name__\n",
    })
    found, _ = checker.violations(checker.discover(tmp_path))
    assert sorted(found) == ["private ui.b ui.a._helper", "private ui.c ui.a._helper"]


def test_each_layer_imports_only_what_it_may(tmp_path):
    checker = _checker()
    _tree(tmp_path, {
        "domain/__init__.py": "",
        "domain/a.py": "import sqlalchemy\nfrom PySide6.QtCore import QObject\nimport psycopg\nimport decimal\n",
        "domain/b.py": "def f():\n    from persistence.db import open_database\n",
        "persistence/__init__.py": "",
        "persistence/db.py": "from ui import shell\nimport sqlalchemy\n",
        "ui/__init__.py": "",
        "ui/shell.py": "from persistence import db\nimport main\nimport bootstrap\n",
        "main.py": "from ui import shell\n",
        "bootstrap.py": "def f():\n    from ui.shell import x\n",
        "ui/cli/__init__.py": "",
        "ui/cli/users.py": "from ui.cli import common\n",
        "ui/cli/common.py": "",
        "ui/dialog.py": "from ui.cli.users import os_user\n",
    })
    found, _ = checker.violations(checker.discover(tmp_path))
    assert sorted(found) == [
        "cycle bootstrap main persistence.db ui.shell",
        "layer bootstrap ui.shell",
        "layer domain.a PySide6",
        "layer domain.a psycopg",
        "layer domain.a sqlalchemy",
        "layer domain.b persistence.db",
        "layer persistence.db ui.shell",
        "layer ui.dialog ui.cli.users",
        "layer ui.shell main",
    ]


def test_only_planning_and_the_demo_use_the_numeric_stack(tmp_path):
    checker = _checker()
    _tree(tmp_path, {
        "domain/__init__.py": "",
        "domain/planning/__init__.py": "",
        "domain/planning/run.py": "import numpy as np\nimport pandas as pd\n",
        "domain/demo/__init__.py": "",
        "domain/demo/history.py": "import numpy as np\n",
        "domain/stock/__init__.py": "",
        "domain/stock/ledger.py": "import pandas as pd\n",
        "domain/kernel/__init__.py": "",
        "domain/kernel/numbers.py": "def f():\n    from statsmodels.tsa import holtwinters\n",
    })
    found, _ = checker.violations(checker.discover(tmp_path))
    assert sorted(found) == ["layer domain.kernel.numbers statsmodels", "layer domain.stock.ledger pandas"]
