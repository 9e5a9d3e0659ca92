"""Purchase orders: the list (state filter, search), an editor for drafts and revisions, and the PDF.

The screen is ``screen.PurchasingScreen``: the list, with the order editor (``editor.PoEditor``: the PO shown, its
lines, rate and preview, and what a PO reads as) and the action bar with its dialogs (``actions.PoActions``: new
draft, issue, revise, cancel, close short, receive) mixed in, so each is read on its own and the window and the
tests still find every widget and action on the one screen. The names the window, the other screens and the tests
import from ``ui.screens.purchasing`` are re-exported here; the modules import each other, never this package.
"""

from ui.screens.purchasing.editor import OPEN
from ui.screens.purchasing.editor import STATES
from ui.screens.purchasing.editor import draft_tag
from ui.screens.purchasing.editor import list_totals_text
from ui.screens.purchasing.editor import pack_text
from ui.screens.purchasing.editor import po_label
from ui.screens.purchasing.editor import price_str
from ui.screens.purchasing.editor import price_text
from ui.screens.purchasing.editor import rate_info_text
from ui.screens.purchasing.editor import state_text
from ui.screens.purchasing.screen import PoListModel
from ui.screens.purchasing.screen import PurchasingScreen

__all__ = [
    "OPEN",
    "STATES",
    "draft_tag",
    "PoListModel",
    "PurchasingScreen",
    "list_totals_text",
    "pack_text",
    "po_label",
    "price_str",
    "price_text",
    "rate_info_text",
    "state_text",
]
