"""A message label of a fixed number of lines (``ClampedLabel``): it never changes its height, so the widgets below it
stay where they are, and a text too long for it ends in "…" with the whole of it in the tooltip.

The scan field's message sits beside the field; a plain word-wrapped label grew by a line when a long message wrapped
and moved the lines grid down under the clerk's eyes, and back up at the next scan.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtCore import QPointF
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtGui import QTextLayout
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QSizePolicy


class ClampedLabel(QLabel):
    """Word-wrapped text in at most ``lines`` lines, the label always that tall."""

    def __init__(self, lines: int = 2, parent=None) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self._lines + margins.top() + margins.bottom() + 2)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)  # the whole message, however it is cut

    def clear(self) -> None:
        self.setText("")

    def _wrapped(self, width: int) -> list[tuple[int, int]]:
        """(start, length) of each line the text wraps into at ``width``."""
        layout = QTextLayout(self.text(), self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long scanned code breaks too
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append((line.textStart(), line.textLength()))
        layout.endLayout()
        return lines

    def shown_lines(self, width: int | None = None) -> list[str]:
        """The text as it is shown at ``width`` (the label's own by default): its wrapped lines, the last ending in
        "…" when more did not fit."""
        width = self.contentsRect().width() if width is None else width
        text = self.text()
        if not text or width <= 0:
            return []
        wrapped = self._wrapped(width)
        shown = [text[start:start + length].rstrip() for start, length in wrapped[:self._lines]]
        if len(wrapped) > self._lines:
            rest = " ".join(text[wrapped[self._lines - 1][0]:].split())
            shown[-1] = self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight, width)
        return shown

    def paintEvent(self, event) -> None:
        area = self.contentsRect()
        if not self.text() or area.width() <= 0 or len(self._wrapped(area.width())) <= self._lines:
            super().paintEvent(event)  # it fits: QLabel draws it (and lets the text be selected)
            return
        shown = self.shown_lines()
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        metrics = self.fontMetrics()
        top = area.top() + (area.height() - metrics.lineSpacing() * len(shown)) / 2
        for n, text in enumerate(shown):
            painter.drawText(QPointF(area.left(), top + n * metrics.lineSpacing() + metrics.ascent()), text)
