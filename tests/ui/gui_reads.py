"""Which code of the window takes a database connection on the GUI thread (test-only instrumentation).

Every read or write of the database, whether through ``Services.uow()``/``reader()``, an area's queries
(``services.stock``, …) or ``Database`` itself, takes a connection from its engine's pool. ``GuiReads`` listens to
every pool's ``checkout`` (SQLAlchemy's class-level event, so the engines made before it started count too) and,
when the thread taking the connection is the GUI thread, records the window's code that asked: the innermost frame
under ``ui/`` that is not the way in itself (``ui/services.py``). A connection taken by the test itself (its
fixtures, its assertions) has no such frame and is left out, and so is the command line's (``ui/cli/``).

No timing is involved: a connection is taken on the GUI thread or it is not.
"""

from __future__ import annotations

import threading
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.pool import Pool

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
WAY_IN = {UI / "services.py"}  # the door, not the caller: the frame outside it is the one named


@dataclass(frozen=True)
class Read:
    """One connection taken on the GUI thread: the asking function (``ui/…py:function``) and the screen code that led
    to it (the outermost window frame, the user's action)."""

    where: str
    via: str

    def __str__(self) -> str:
        return self.where if self.via == self.where else f"{self.where} (from {self.via})"


def _window_frames(stack: traceback.StackSummary) -> list[str]:
    frames = []
    for frame in stack:
        path = Path(frame.filename).resolve()
        if not path.is_relative_to(UI) or path in WAY_IN:
            continue
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("ui/cli/"):
            return []  # the command line's own work, on its own (main) thread
        frames.append(f"{relative}:{frame.name}")
    return frames


class GuiReads:
    """A context manager recording ``reads``: every connection the GUI thread takes for the window's code."""

    def __init__(self) -> None:
        self.reads: list[Read] = []
        self._gui = threading.main_thread()  # pytest-qt's QApplication lives on the main thread

    def __enter__(self) -> GuiReads:
        event.listen(Pool, "checkout", self._checkout)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(Pool, "checkout", self._checkout)

    def _checkout(self, _dbapi_conn, _record, _proxy) -> None:
        if threading.current_thread() is not self._gui:
            return
        frames = _window_frames(traceback.extract_stack())
        if frames:
            self.reads.append(Read(frames[-1], frames[0]))

    def places(self) -> Counter[str]:
        """How many connections each asking function took."""
        return Counter(read.where for read in self.reads)

    def clear(self) -> None:
        self.reads.clear()
