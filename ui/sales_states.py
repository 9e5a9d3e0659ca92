"""A sales order's states as the window names them, for the sales screens and the command line's ``so`` tables.

Only Qt's core is imported, so ``so show`` and ``so list`` stay quick to start; the screens translate with the
window's translator (``ui.screens.sales.words.state_text``), the command line with ``ui.i18n.label_translator``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "SalesOrders"
STATES = {
    "draft": QT_TRANSLATE_NOOP("SalesOrders", "Draft"),
    "confirmed": QT_TRANSLATE_NOOP("SalesOrders", "Confirmed"),
    "partly_shipped": QT_TRANSLATE_NOOP("SalesOrders", "Partly shipped"),
    "shipped": QT_TRANSLATE_NOOP("SalesOrders", "Shipped"),
    "cancelled": QT_TRANSLATE_NOOP("SalesOrders", "Cancelled"),
}
OPEN = ("confirmed", "partly_shipped")


def state_name(state: str, translate=lambda text: text) -> str:
    """``state`` as the window names it, through ``translate`` (a text → text function); an unknown one as stored."""
    return translate(STATES[state]) if state in STATES else state
