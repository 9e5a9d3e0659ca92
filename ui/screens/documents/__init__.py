"""The document-entry screens: Receive, Ship, Transfer, Count and Adjust.

Each is an ``entry.DocumentEntry`` (the header, the scan field, the lines grid, posting and the refusals shown
next to their line) with the posted-documents tab (``posted.PostedDocuments``) and the held form
(``held_form.HeldForm``) mixed in, and one small subclass per kind in its own module: ``receive`` (with the
purchase-order mode, ``receive.PurchaseOrderMode``), ``ship``, ``transfer``, ``count`` (loading the expected
quantities) and ``adjust``. ``messages`` holds what the screens say (``say``, ``describe``: a refusal as a
translated sentence); ``delegates`` the grid's cell editors. The names the window and the tests import from
``ui.screens.documents`` are re-exported here; the modules import each other, never this package.
"""

from ui.screens.documents.adjust import AdjustScreen
from ui.screens.documents.count import CountScreen
from ui.screens.documents.delegates import NumberDelegate
from ui.screens.documents.delegates import TextDelegate
from ui.screens.documents.entry import CODES_MAX_AGE
from ui.screens.documents.entry import OPEN_PO_STATES
from ui.screens.documents.entry import TITLES
from ui.screens.documents.entry import DocumentEntry
from ui.screens.documents.messages import FIELDS
from ui.screens.documents.messages import MESSAGES
from ui.screens.documents.messages import describe
from ui.screens.documents.messages import say
from ui.screens.documents.receive import PO_NUMBER
from ui.screens.documents.receive import PurchaseOrderMode
from ui.screens.documents.receive import ReceiveScreen
from ui.screens.documents.ship import ShipScreen
from ui.screens.documents.transfer import TransferScreen

__all__ = [
    "CODES_MAX_AGE",
    "FIELDS",
    "MESSAGES",
    "OPEN_PO_STATES",
    "PO_NUMBER",
    "TITLES",
    "AdjustScreen",
    "CountScreen",
    "DocumentEntry",
    "NumberDelegate",
    "PurchaseOrderMode",
    "ReceiveScreen",
    "ShipScreen",
    "TextDelegate",
    "TransferScreen",
    "describe",
    "say",
]
