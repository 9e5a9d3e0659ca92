"""A yes/no question whose text is a long rich-text table (the drafts Replenishment is about to make): a message box
wraps such a table into a narrow column taller than the screen; this dialog gives it the width it needs, up to most
of the screen, and scrolls what does not fit in its height."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QVBoxLayout

WIDEST = 900  # pixels of text at most, however wide the screen


class RichQuestion(QDialog):
    def __init__(self, title: str, html: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QTextBrowser(self)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setOpenLinks(False)
        self.text.viewport().setAutoFillBackground(False)
        self.text.setHtml(html)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Yes).setDefault(True)  # as a message box's question
        body = QHBoxLayout()
        body.addWidget(icon)
        body.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self._fit()

    def _fit(self) -> None:
        """As wide as the table wants (within the screen), as tall as it is up to three quarters of the screen."""
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()  # the parent window's
        document = QTextDocument()  # laid out on its own: the browser's own follows the widget's width
        document.setDefaultFont(self.text.font())
        document.setHtml(self.text.toHtml())
        document.setTextWidth(-1)
        width = min(int(document.idealWidth()) + 24, WIDEST, screen.width() - 160)
        document.setTextWidth(width)
        height = min(int(document.size().height()) + 12, screen.height() * 3 // 4 - 80)
        self.text.setMinimumSize(width, max(height, 60))

    @staticmethod
    def ask(parent, title: str, html: str) -> bool:
        return RichQuestion(title, html, parent).exec() == QDialog.DialogCode.Accepted
