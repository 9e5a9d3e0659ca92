"""The form as a held document (``HeldForm``, mixed into ``DocumentEntry``): what ``ui.screens.held.HeldKeeper``
asks of a screen to keep the document being typed, park it (F8) and resume it (F7).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from domain.stock.documents import DocumentKind
from domain.stock.held import HeldDocument
from ui.i18n import fill
from ui.screens.documents.messages import say
from ui.screens.held import pick

# lupdate reads translate("Context", "text"); it would read self.tr here as this class's context, not DocumentEntry's
translate = QCoreApplication.translate


class HeldForm:
    """The document being typed as a ``HeldDocument``, and back."""

    # --- held documents (ui.screens.held) ---------------------------------------------------------
    @property
    def unposted_lines(self) -> int:
        return self.model.rowCount()

    def held_snapshot(self, held_id: str) -> HeldDocument | None:
        """The form as a held document, or None when it has no lines (nothing to keep)."""
        if not self.model.rowCount():
            return None
        day = self.date.date().toPython()
        return HeldDocument(
            id=held_id, kind=self.kind.value, warehouse=self.warehouse.currentData() or "",
            to_warehouse=(self.to_warehouse.currentData() or "") if self.kind == DocumentKind.TRANSFER else "",
            partner=self.partner.currentText().split(" — ")[0].strip(), reference=self.reference.text(),
            business_date=day if isinstance(day, date) else None, po_number=self.po.number if self.po else "",
            lines=self.model.held_lines(), user=self.services.user)

    def fill_from_held(self, doc: HeldDocument) -> None:
        """Put a held document into the form (replacing what is there)."""
        self.clear_form()
        for combo, code in ((self.warehouse, doc.warehouse), (self.to_warehouse, doc.to_warehouse)):
            if code and combo.findData(code) >= 0:
                combo.setCurrentIndex(combo.findData(code))
        match = next((i for i in range(self.partner.count()) if self.partner.itemData(i) == doc.partner), -1)
        self.partner.setEditText(self.partner.itemText(match) if doc.partner and match >= 0 else doc.partner)
        self.reference.setText(doc.reference)
        if doc.business_date is not None:
            self.date.setDate(QDate(doc.business_date))
        if doc.po_number:
            self._resume_po_lines = doc.lines
            self.load_po(doc.po_number)
        else:
            self.model.restore(doc.lines)
            self.mark_fractions()

    def hold(self) -> None:
        """F8: park this document in the held list and start a new one."""
        if self._posting or self._po_loading:
            return
        self._commit_open_editor()
        if self.mark_fractions():  # a fraction of a whole-unit product is said now, not first when it is posted
            say(self.result_label, "")
            say(self.line_error, fill(translate("DocumentEntry", "Not held: %1"), self.line_error.text()))
            QApplication.beep()
            return
        if self.held.hold():
            say(self.result_label, translate("DocumentEntry", "Held: resume it with Held… (F7)."))
        else:
            say(self.result_label, translate("DocumentEntry", "Nothing to hold: the document has no lines."))

    def pick_held(self, labels: list[str]) -> str | None:
        """Asks which held document to resume; tests replace it."""
        return pick(self, translate("DocumentEntry", "Held documents"), translate("DocumentEntry", "Resume:"),
                    labels)

    def say_no_held(self) -> None:
        say(self.result_label, translate("DocumentEntry", "No held documents."))

    def own_write_done(self) -> None:
        """A held copy was written: that change is this screen's own, not news for its posted list."""
        self._loaded_generation = self.services.data_generation()
