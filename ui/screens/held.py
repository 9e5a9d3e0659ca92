"""Held documents on the entry screens (挂单): the form is kept as the clerk types, parked and resumed.

``HeldKeeper`` belongs to one document-entry screen. Every change of the form (a scan, an edit, a header
field) starts a short timer; when it fires, the form is written to ``domain.stock.held`` on the task runner, so
a quit or a crash loses at most the last quarter second of typing and the GUI thread never waits for the
database. Saves carry a sequence number: a slow earlier save never overwrites a newer one.

* Opening the screen brings back the document that was in the form (``active``) and says so.
* Hold (F8) parks the form and starts an empty one; Held… (F7) lists the parked documents of this kind
  and resumes one (the form in use is parked first, so nothing is ever dropped).
* Posting removes the held copy in the same background job as the posting itself.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog

from domain.kernel import clock
from domain.kernel.ids import new_id
from domain.kernel.numbers import fmt
from domain.stock.held import HeldDocument
from ui.i18n import fill

SAVE_DELAY_MS = 250


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def held_label(doc: HeldDocument) -> str:
    """One held document in a list: when, where, who for, how many lines."""
    when = doc.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if doc.saved_at else ""
    parts = [when, doc.warehouse]
    if doc.po_number:
        parts.append(doc.po_number)
    if doc.partner:
        parts.append(doc.partner)
    if doc.reference:
        parts.append(doc.reference)
    count = len(doc.lines)  # lupdate records a plural only when its count is a plain name
    parts.append(translate("HeldDocuments", "%n line(s)", None, count) + " · "
                 + fill(translate("HeldDocuments", "qty %1"), fmt(doc.total_qty)))
    return " · ".join(p for p in parts if p)


class HeldKeeper(QObject):
    def __init__(self, screen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.held_id = new_id()
        self.saved = False  # a row of held_id exists (or is on its way)
        self.paused = False  # while the form is being filled from a held document
        self.seq = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save)

    @property
    def store(self):
        return self.screen.services.database.held_documents()

    def changed(self, *_) -> None:
        if not self.paused:
            self.timer.start()

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def save(self) -> None:
        """Write the form as it is now (in the background); an empty form removes the held copy."""
        self.timer.stop()
        doc = self.screen.held_snapshot(self.held_id)
        store, seq, held_id = self.store, self._next(), self.held_id
        if doc is None:
            if not self.saved:
                return
            self.saved = False
            job = (lambda: store.remove(held_id, seq))
        else:
            self.saved = True
            doc = replace(doc, saved_at=clock.now())
            job = (lambda: store.save(doc, seq))
        self.screen.services.tasks.submit(job, on_done=lambda _: self.screen.own_write_done(),
                                          on_error=self.screen.show_error)

    def flush(self) -> None:
        """Save now, on this thread (the window is closing: no background job would finish)."""
        if not self.timer.isActive():
            return
        self.timer.stop()
        doc = self.screen.held_snapshot(self.held_id)
        if doc is not None:
            self.store.save(replace(doc, saved_at=clock.now()), self._next())
            self.saved = True
        elif self.saved:
            self.store.remove(self.held_id, self._next())
            self.saved = False

    def removal(self):
        """For the posting job: a callable that removes the held copy once the document is posted."""
        self.timer.stop()
        store, held_id, seq = self.store, self.held_id, self._next()
        return lambda: store.remove(held_id, seq)

    def posted(self) -> None:
        """The document was posted (and its held copy removed): the form starts a new held document."""
        self.timer.stop()
        self.held_id, self.saved = new_id(), False

    def discard(self) -> None:
        """Forget the held copy of the form (the clerk chose to throw the document away)."""
        self.timer.stop()
        if self.saved:
            self.store.remove(self.held_id, self._next())
        self.held_id, self.saved = new_id(), False

    # -- parking and resuming -------------------------------------------------------------------
    def hold(self) -> bool:
        """Park the form (F8) and start an empty one; False when there is nothing to park."""
        doc = self.screen.held_snapshot(self.held_id)
        if doc is None:
            return False
        self.timer.stop()
        store, seq = self.store, self._next()
        parked = replace(doc, active=False, saved_at=clock.now())
        self.screen.services.tasks.submit(lambda: store.save(parked, seq),
                                          on_done=lambda _: self.screen.own_write_done(),
                                          on_error=self.screen.show_error)
        self.held_id, self.saved = new_id(), False
        self.paused = True
        try:
            self.screen.clear_form()
        finally:
            self.paused = False
        return True

    def restore_active(self) -> None:
        """When the screen opens: bring back the document that was in the form (quit or crash)."""
        store, kind = self.store, self.screen.kind.value

        def find():
            return next((d for d in store.list(kind) if d.active), None)

        self.screen.services.tasks.submit(find, on_done=self._restore_found, on_error=self.screen.show_error)

    def _restore_found(self, doc: HeldDocument | None) -> None:
        if doc is None or self.screen.model.rowCount() or self.saved:
            return  # nothing held, or the clerk already started a document: the held one waits in the list
        self._fill(doc)
        self.screen.say_restored(doc)

    def choose(self) -> None:
        """Held… (F7): pick a parked document of this kind and resume it."""
        store, kind = self.store, self.screen.kind.value
        self.screen.services.tasks.submit(lambda: [d for d in store.list(kind) if d.id != self.held_id],
                                          on_done=self._offer, on_error=self.screen.show_error)

    def _offer(self, docs: list[HeldDocument]) -> None:
        if not docs:
            self.screen.say_no_held()
            return
        labels = [held_label(d) for d in docs]
        chosen = self.screen.pick_held(labels)
        if chosen is None:
            return
        self.resume(docs[labels.index(chosen)])

    def resume(self, doc: HeldDocument) -> None:
        if self.screen.model.rowCount():
            self.hold()  # the form in use waits in the list: nothing is dropped
        self._fill(doc)
        store, seq = self.store, self._next()
        active = replace(doc, active=True)
        self.screen.services.tasks.submit(lambda: store.save(active, seq),
                                          on_done=lambda _: self.screen.own_write_done(),
                                          on_error=self.screen.show_error)
        self.screen.say_restored(doc)

    def _fill(self, doc: HeldDocument) -> None:
        self.timer.stop()
        self.held_id, self.saved = doc.id, True
        self.paused = True
        try:
            self.screen.fill_from_held(doc)
        finally:
            self.paused = False


def pick(parent, title: str, label: str, items: list[str]) -> str | None:
    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok else None
