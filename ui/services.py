"""What the composition root hands to every screen: use cases, queries and the task runner.

Screens never import ``persistence``; they call ``services.uow()`` with domain use cases and
the read functions on ``services.queries`` (bound to the open database), always through
``services.tasks`` when the work touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from ui.tasks import TaskRunner


@dataclass
class Services:
    database: Any  # persistence.db.Database; typed loosely so ui/ does not import persistence
    queries: SimpleNamespace  # read functions with the engine already bound
    tasks: TaskRunner
    user: str = ""  # the signed-in user or, while sign-in is off, the OS user
    role: str | None = None  # the signed-in user's role; None while sign-in is off (domain.access)
    watcher: Any = None  # ui.watch.DataWatcher of the open database, set by the main window

    def data_generation(self) -> int:
        """How many database changes the window has seen, asked afresh (``ui.watch``); 0 without a watcher."""
        if self.watcher is None:
            return 0
        self.watcher.check()
        return self.watcher.generation

    def uow(self):
        return self.database.uow(self.user, self.role)

    @property
    def db_path(self) -> str:
        return str(self.database.path or "")
