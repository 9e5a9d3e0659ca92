"""An in-window PDF preview (QtPdf) with Print and Save as PDF.

The PDF arrives as bytes (rendered on the task runner); ``QPdfDocument`` reads them from a
``QBuffer`` that lives as long as the document. Printing draws each page, rendered by
``QPdfDocument.render`` at the printer's resolution, onto the printer's painter, so the paper
copy is the same document the supplier gets as a file. Saving writes the bytes on the task
runner too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer
from PySide6.QtCore import QByteArray
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QIODevice
from PySide6.QtCore import QRect
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from ui.i18n import fill
from ui.widgets.busy import BusyBar
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def print_pdf(document: QPdfDocument, printer) -> int:
    """Draw every page of ``document`` onto ``printer``, scaled to the printable area; returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        dpi = printer.resolution()
        area = printer.pageLayout().paintRectPixels(dpi)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            size = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, size)
            painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
            printed += 1
    finally:
        painter.end()
    return printed


class PdfPreview(QWidget):
    """Shows PDF bytes; ``Print…`` and ``Save as PDF…`` act on what is shown."""

    saved = Signal(str)

    def __init__(self, tasks=None, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.data = b""
        self.suggested_name = "document.pdf"
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.busy_bar = BusyBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_as)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.view, 1)
        self._message = ""
        self.retranslate()
        self._enable()

    # -- content -------------------------------------------------------------------------
    def busy(self, on: bool) -> None:
        """Show the busy bar while a new PDF is being rendered elsewhere."""
        self.busy_bar.busy(on)
        if on:
            self._message = "rendering"
            self.retranslate()

    def set_pdf(self, data: bytes, suggested_name: str = "document.pdf") -> bool:
        """Show ``data``; returns whether QtPdf could read it."""
        self.busy_bar.busy(False)
        self.document.close()
        self.data = bytes(data)
        self.suggested_name = suggested_name
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        ok = self.document.status() == QPdfDocument.Status.Ready
        self._message = "ready" if ok else "unreadable"
        self.retranslate()
        self._enable()
        return ok

    def clear(self) -> None:
        self.busy_bar.busy(False)
        self.document.close()
        self.data = b""
        self._message = ""
        self.retranslate()
        self._enable()

    def show_failure(self, text: str) -> None:
        self.busy_bar.busy(False)
        self._message = ""
        self.status.setText(text)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def _enable(self) -> None:
        has = bool(self.data) and self.document.pageCount() > 0
        self.print_button.setEnabled(has)
        self.save_button.setEnabled(has)

    # -- actions -------------------------------------------------------------------------
    def print_document(self) -> int:
        from PySide6.QtPrintSupport import QPrintDialog
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("PdfPreview", "Print purchase order"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        return print_pdf(self.document, printer)

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("PdfPreview", "Save as PDF"), str(Path.home() / self.suggested_name),
            translate("PdfPreview", "PDF files (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        data = self.data

        def write() -> str:
            Path(path).write_bytes(data)
            return path

        if self.tasks is None:
            self._saved(write())
        else:
            self.tasks.submit(write, on_done=self._saved, on_error=self._save_failed)

    def _saved(self, path: str) -> None:
        if alive(self):
            self.status.setText(fill(translate("PdfPreview", "Saved %1"), path))
            self.saved.emit(path)

    def _save_failed(self, exc: BaseException) -> None:
        if alive(self):
            self.status.setText(fill(translate("PdfPreview", "Could not save the PDF: %1"), str(exc)))

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.print_button.setText(translate("PdfPreview", "&Print…"))
        self.save_button.setText(translate("PdfPreview", "Save as P&DF…"))
        if self._message == "rendering":
            self.status.setText(translate("PdfPreview", "Rendering the PDF…"))
        elif self._message == "ready":
            pages = self.document.pageCount()
            self.status.setText(translate("PdfPreview", "%n page(s)", None, pages))
        elif self._message == "unreadable":
            self.status.setText(translate("PdfPreview", "The PDF could not be read."))
        else:
            self.status.setText(translate("PdfPreview", "Select a purchase order to preview it."))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
