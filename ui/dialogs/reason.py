"""Ask for a reason (cancelling or closing a purchase order short)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QVBoxLayout

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class ReasonDialog(QDialog):
    """``required``: OK stays disabled until a reason is typed."""

    def __init__(self, title: str, prompt: str, required: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = required
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(translate("ReasonDialog", "Reason (the supplier may see it)")
                                     if required else translate("ReasonDialog", "Reason (optional)"))
        self.text.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        parent=self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(420, 200)
        self._changed()

    def _changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.required or bool(self.reason()))

    def reason(self) -> str:
        return self.text.toPlainText().strip()
