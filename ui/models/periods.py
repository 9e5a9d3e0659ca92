"""The months of the period close (``domain.accounts.closing.MonthState``) and the closes and reopens of one."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ui.models.table import Column
from ui.models.table import RowTableModel
from ui.models.table import when_text

QT_TRANSLATE_NOOP("PeriodTableModel", "closed")
QT_TRANSLATE_NOOP("PeriodTableModel", "open")
QT_TRANSLATE_NOOP("PeriodTableModel", "close")
QT_TRANSLATE_NOOP("PeriodTableModel", "reopen")


def _state(closed: bool) -> str:
    return QCoreApplication.translate("PeriodTableModel", "closed" if closed else "open")


def action_text(action: str) -> str:
    """A close or a reopen, in the reader's language."""
    return QCoreApplication.translate("PeriodTableModel", action) if action in ("close", "reopen") else action


def _last(month) -> str:
    if not month.events:
        return ""
    e = month.events[-1]
    return f"{action_text(e.action)} · {e.user} · {when_text(e.at)}"


class PeriodTableModel(RowTableModel):
    CONTEXT = "PeriodTableModel"
    MONTH, STATE, CLOSED_BY, CLOSED_AT, LAST = range(5)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("PeriodTableModel", "Month"), lambda r: r.month),
        Column(QT_TRANSLATE_NOOP("PeriodTableModel", "State"), lambda r: r.closed, _state),
        Column(QT_TRANSLATE_NOOP("PeriodTableModel", "Closed by"), lambda r: r.closed_by),
        Column(QT_TRANSLATE_NOOP("PeriodTableModel", "Closed at"), lambda r: r.closed_at, when_text),
        Column(QT_TRANSLATE_NOOP("PeriodTableModel", "Last event"), lambda r: r, _last),
    )

    def background(self, row):
        return QColor("#eef2f7") if row.closed else None


class PeriodEventTableModel(RowTableModel):
    CONTEXT = "PeriodTableModel"
    AT, ACTION, USER, REASON = range(4)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("PeriodTableModel", "When"), lambda r: r.at, when_text),
        Column(QT_TRANSLATE_NOOP("PeriodTableModel", "What"), lambda r: r.action, action_text),
        Column(QT_TRANSLATE_NOOP("PeriodTableModel", "Who"), lambda r: r.user),
        Column(QT_TRANSLATE_NOOP("PeriodTableModel", "Why"), lambda r: r.reason),
    )
