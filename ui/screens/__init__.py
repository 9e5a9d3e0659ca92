"""The screens of the main window, in navigation order.

Each entry is (key, title, shortcut, "module:ClassName", permission): a screen with a permission is listed only
for a role that holds it (sign-in off: for everyone). A screen class is a QWidget taking
``(services, parent=None)``; it may implement ``refresh()`` (reload in the background) and
``retranslate()`` (called on ``QEvent.LanguageChange``). The main window imports a class only
when its screen is first shown. Document screens are listed only when their module exists.
"""

from __future__ import annotations

import importlib.util
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP


class ScreenEntry(NamedTuple):
    key: str
    title: str  # translate("Screens", title) when shown
    shortcut: str
    target: str  # "module:ClassName"
    permission: str | None = None  # domain.access.roles.Permission needed to see the screen, if any


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


_DOCUMENTS = "ui.screens.documents"

_ALL = [
    # first: the screen a role that sees money starts on; clerks (no accounts right) start on Stock
    ScreenEntry("dashboard", QT_TRANSLATE_NOOP("Screens", "Dashboard"), "Ctrl+Shift+D",
                "ui.screens.dashboard:DashboardScreen", "accounts"),
    ScreenEntry("stock", QT_TRANSLATE_NOOP("Screens", "Stock"), "Ctrl+1", "ui.screens.stock:StockScreen"),
    ScreenEntry("receive", QT_TRANSLATE_NOOP("Screens", "Receive"), "Ctrl+2", f"{_DOCUMENTS}:ReceiveScreen"),
    ScreenEntry("ship", QT_TRANSLATE_NOOP("Screens", "Ship"), "Ctrl+3", f"{_DOCUMENTS}:ShipScreen"),
    ScreenEntry("transfer", QT_TRANSLATE_NOOP("Screens", "Transfer"), "Ctrl+4", f"{_DOCUMENTS}:TransferScreen"),
    ScreenEntry("count", QT_TRANSLATE_NOOP("Screens", "Count"), "Ctrl+5", f"{_DOCUMENTS}:CountScreen"),
    ScreenEntry("adjust", QT_TRANSLATE_NOOP("Screens", "Adjust"), "Ctrl+6", f"{_DOCUMENTS}:AdjustScreen"),
    ScreenEntry("sales", QT_TRANSLATE_NOOP("Screens", "Sales orders"), "Ctrl+Shift+O",
                "ui.screens.sales:SalesOrdersScreen"),
    ScreenEntry("receivables", QT_TRANSLATE_NOOP("Screens", "Receivables"), "Ctrl+Shift+A",
                "ui.screens.accounts:ReceivablesScreen", "accounts"),
    ScreenEntry("payables", QT_TRANSLATE_NOOP("Screens", "Payables"), "Ctrl+Shift+Y",
                "ui.screens.accounts:PayablesScreen", "accounts"),
    ScreenEntry("reports", QT_TRANSLATE_NOOP("Screens", "Reports"), "Ctrl+Shift+T",
                "ui.screens.reports:ReportsScreen", "accounts"),
    ScreenEntry("purchasing", QT_TRANSLATE_NOOP("Screens", "Purchase orders"), "Ctrl+Shift+P",
                "ui.screens.purchasing:PurchasingScreen"),
    ScreenEntry("replenishment", QT_TRANSLATE_NOOP("Screens", "Replenishment"), "Ctrl+Shift+R",
                "ui.screens.replenishment:ReplenishmentScreen"),
    ScreenEntry("suppliers", QT_TRANSLATE_NOOP("Screens", "Suppliers"), "Ctrl+Shift+U",
                "ui.screens.suppliers:SuppliersScreen"),
    ScreenEntry("movements", QT_TRANSLATE_NOOP("Screens", "Movements"), "Ctrl+7",
                "ui.screens.movements:MovementsScreen"),
    ScreenEntry("products", QT_TRANSLATE_NOOP("Screens", "Products"), "Ctrl+8", "ui.screens.products:ProductsScreen"),
    ScreenEntry("partners", QT_TRANSLATE_NOOP("Screens", "Partners"), "Ctrl+9", "ui.screens.partners:PartnersScreen"),
    ScreenEntry("conflicts", QT_TRANSLATE_NOOP("Screens", "Conflicts"), "Ctrl+Shift+K",
                "ui.screens.conflicts:ConflictsScreen"),
    ScreenEntry("settings", QT_TRANSLATE_NOOP("Screens", "Settings"), "Ctrl+0", "ui.screens.settings:SettingsScreen"),
]


def available(entries: list[ScreenEntry] = _ALL) -> list[ScreenEntry]:
    """The entries whose module can be imported (checked without importing it)."""
    return [e for e in entries if _module_exists(e.target.split(":")[0])]


SCREENS: list[ScreenEntry] = available()


def may_see(entry: ScreenEntry, role: str | None) -> bool:
    """Whether ``role`` sees the screen (no role: sign-in is off, every screen is shown)."""
    if entry.permission is None or role is None:
        return True
    from domain.access.roles import Permission
    from domain.access.roles import allows

    return allows(role, Permission(entry.permission))


def load_class(entry: ScreenEntry) -> type:
    module_name, class_name = entry.target.split(":")
    module = importlib.import_module(module_name)
    return getattr(module, class_name)
