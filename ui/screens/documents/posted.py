"""The second tab of a document screen: the posted documents of its kind (``PostedDocuments``, mixed into
``DocumentEntry``). Open one to see its lines; reverse it, after a confirmation, with a reversing document.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMessageBox

from domain.stock.documents import ReverseDocument
from domain.stock.documents import reverse_document
from ui.i18n import fill
from ui.models.table import RowRole
from ui.screens.documents.messages import GREEN
from ui.screens.documents.messages import RED
from ui.screens.documents.messages import describe

# lupdate reads translate("Context", "text"); it would read self.tr here as this class's context, not DocumentEntry's
translate = QCoreApplication.translate


class PostedDocuments:
    """The posted documents of the screen's kind: the list, the opened document's lines, reversing one."""

    # --- posted documents -------------------------------------------------------------------------
    def refresh_posted(self) -> None:
        documents, kind = self.services.documents, self.kind.value
        self._loaded_generation = self.services.data_generation()
        self._submit(lambda: documents.document_list(kind=kind), self._posted_loaded)

    def _posted_loaded(self, rows) -> None:
        selected = self._selected_doc.id if self._selected_doc is not None else None
        self.posted_model.set_rows(rows)
        for row, doc in enumerate(rows):
            if doc.id == selected:
                self.posted.selectRow(row)
                self._selected_doc = doc
                break

    def _posted_row_changed(self, current, _previous) -> None:
        self._selected_doc = current.data(RowRole) if current.isValid() else None

    def selected_document(self):
        index = self.posted.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def open_selected(self) -> None:
        doc = self.selected_document()
        if doc is None:
            self.posted_message.setStyleSheet(RED)  # a printed note's path may have left it green
            self.posted_message.setText(translate("DocumentEntry", "Select a document first."))
            return
        self.posted_message.clear()
        self._opened = doc.number
        self._show_opened()
        documents = self.services.documents
        self._submit(lambda: documents.document_lines(doc.id), self.posted_lines_model.set_rows)

    def _show_opened(self) -> None:
        if self._opened:
            self.opened_label.setText(fill(translate("DocumentEntry", "Lines of %1"), self._opened))
        else:
            self.opened_label.setText(translate("DocumentEntry", "Open a document to see its lines."))

    def reverse_selected(self) -> None:
        doc = self.selected_document()
        if doc is None:
            self.posted_message.setStyleSheet(RED)  # a printed note's path may have left it green
            self.posted_message.setText(translate("DocumentEntry", "Select a document first."))
            return
        if doc.reversed:
            self.posted_message.setText(fill(translate("DocumentEntry", "Document %1 has already been reversed."),
                                             doc.number))
            return
        if getattr(doc, "po", ""):  # a delivery against a purchase order
            question = fill(translate("DocumentEntry", "Reverse %1? Every movement it posted is undone by a reversing "
                                      "movement, and what it received comes off %2, which expects it again."),
                            doc.number, doc.po)
        else:
            question = fill(translate("DocumentEntry", "Reverse %1? Every movement it posted is undone by a "
                                      "reversing movement."), doc.number)
        answer = QMessageBox.question(
            self, translate("DocumentEntry", "Reverse document"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.posted_message.clear()
        self.reverse_button.setEnabled(False)
        services, number, against_po = self.services, doc.number, bool(getattr(doc, "po", ""))

        def done(result) -> None:
            self.reverse_button.setEnabled(True)
            self._last_reversed = result.number
            self.posted_message.setStyleSheet(GREEN)
            self.posted_message.setText(fill(translate("DocumentEntry", "Reversed %1"), result.number))
            self.refresh_posted()
            if against_po:  # the PO expects the goods again: it is among the open ones to receive against
                self.reload_choices()

        def failed(exc) -> None:
            self.reverse_button.setEnabled(True)
            self.posted_message.setStyleSheet(RED)
            self.posted_message.setText(describe(exc))
            QApplication.beep()

        self._submit(lambda: reverse_document(services.uow(), ReverseDocument(number)), done, failed)
