"""Roles on screen: role names in the reader's language, and buttons a role may not use kept disabled.

The domain refuses a forbidden use case whatever the window does (``domain.access.roles``); this only
spares the user a refusal: the main window hands each new screen to ``guard_screen``, which
disables the buttons of use cases the signed-in role lacks and says in their tooltip which role
is needed. A screen enables and disables its buttons as rows are selected; the guard re-disables
a guarded button whenever the screen enables it again.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from domain.access.roles import Permission
from domain.access.roles import allows
from domain.access.roles import least_role
from ui.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

ROLE_TITLES = {
    "clerk": QT_TRANSLATE_NOOP("Roles", "Clerk"),
    "purchaser": QT_TRANSLATE_NOOP("Roles", "Purchaser"),
    "accountant": QT_TRANSLATE_NOOP("Roles", "Accountant"),
    "manager": QT_TRANSLATE_NOOP("Roles", "Manager"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Admin"),
}

_DOCUMENT_REVERSE = ("reverse_button", Permission.REVERSE)

# Screen key → (button attribute, permission its use case needs). Buttons not listed need nothing
# beyond what the screen itself shows (reading) or are checked by the domain alone.
GUARDS: dict[str, tuple[tuple[str, Permission], ...]] = {
    "receive": (("post_button", Permission.RECEIVE), _DOCUMENT_REVERSE),
    "ship": (("post_button", Permission.SHIP), _DOCUMENT_REVERSE),
    "transfer": (("post_button", Permission.TRANSFER), _DOCUMENT_REVERSE),
    "count": (("post_button", Permission.COUNT), _DOCUMENT_REVERSE),
    "adjust": (("post_button", Permission.ADJUST), _DOCUMENT_REVERSE),
    "purchasing": tuple((name, Permission.PURCHASE) for name in (
        "new_button", "issue_button", "revise_button", "cancel_button", "close_button", "add_button",
        "remove_button", "rate_button")) + (("receive_button", Permission.RECEIVE),),
    "sales": tuple((name, Permission.SALES_ORDERS) for name in (
        "new_button", "save_button", "confirm_button", "cancel_button", "cut_button", "add_button")) + (
        ("ship_button", Permission.SELL),),
    "replenishment": (("create_button", Permission.PURCHASE), ("target_button", Permission.PURCHASE)),
    "suppliers": (("new_button", Permission.MASTER_DATA), ("save_button", Permission.MASTER_DATA),
                  ("add_terms_button", Permission.SUPPLIER_TERMS), ("edit_terms_button", Permission.SUPPLIER_TERMS)),
    "products": (("add_button", Permission.MASTER_DATA), ("edit_button", Permission.MASTER_DATA),
                 ("active_button", Permission.MASTER_DATA)),
    "settings": (("save", Permission.SETTINGS),),
    "conflicts": (("approve_button", Permission.USERS),),  # letting in a user sync held back: sync approve
    "receivables": (("receipt_button", Permission.MONEY),),
    "payables": (("receipt_button", Permission.MONEY),),
    # Settings pages, guarded when their tab is first shown (ui.screens.settings).
    "settings.backups": (("restore_button", Permission.RESTORE), ("restore_file_button", Permission.RESTORE),
                         ("save_keep_button", Permission.SETTINGS), ("repair_button", Permission.SETTINGS)),
    "settings.warehouses": (("add_button", Permission.MASTER_DATA),),
    "partners": (("add_customer_button", Permission.MASTER_DATA),),
    "settings.rates": (("save_button", Permission.PURCHASE), ("remove_button", Permission.PURCHASE)),
    "settings.periods": (("close_button", Permission.PERIOD_CLOSE), ("reopen_button", Permission.PERIOD_REOPEN)),
    "settings.planning": (("save_button", Permission.PURCHASE),),
    "settings.levels": (("add_button", Permission.PRICES), ("rename_button", Permission.PRICES),
                        ("retire_button", Permission.PRICES)),
}


# What each permission lets a user do, as the refusal says it ("... may not <what>"; ui.refusals).
WHAT = {
    Permission.RECEIVE: QT_TRANSLATE_NOOP("Permissions", "receive stock"),
    Permission.SHIP: QT_TRANSLATE_NOOP("Permissions", "ship stock"),
    Permission.TRANSFER: QT_TRANSLATE_NOOP("Permissions", "transfer stock"),
    Permission.COUNT: QT_TRANSLATE_NOOP("Permissions", "post stock counts"),
    Permission.PURCHASE: QT_TRANSLATE_NOOP("Permissions", "work on purchase orders"),
    Permission.SUPPLIER_TERMS: QT_TRANSLATE_NOOP("Permissions", "change supplier terms"),
    Permission.ADJUST: QT_TRANSLATE_NOOP("Permissions", "adjust stock"),
    Permission.REVERSE: QT_TRANSLATE_NOOP("Permissions", "reverse movements or documents"),
    Permission.MASTER_DATA: QT_TRANSLATE_NOOP("Permissions", "change products, warehouses, suppliers or customers"),
    Permission.SETTINGS: QT_TRANSLATE_NOOP("Permissions", "change settings"),
    Permission.SYNC_CONFLICTS: QT_TRANSLATE_NOOP("Permissions", "resolve sync conflicts"),
    Permission.USERS: QT_TRANSLATE_NOOP("Permissions", "manage users"),
    Permission.RESTORE: QT_TRANSLATE_NOOP("Permissions", "restore the database from a backup"),
    Permission.SYNC: QT_TRANSLATE_NOOP("Permissions", "sync with the shared database"),
    Permission.SYNC_HUB: QT_TRANSLATE_NOOP("Permissions", "change the shared database this computer syncs with"),
    Permission.SALES_ORDERS: QT_TRANSLATE_NOOP("Permissions", "work on sales orders"),
    Permission.SELL: QT_TRANSLATE_NOOP("Permissions", "sell or ship against sales orders"),
    Permission.RETURNS: QT_TRANSLATE_NOOP("Permissions", "post customer or supplier returns"),
    Permission.PRICES: QT_TRANSLATE_NOOP("Permissions", "change prices or customer terms"),
    Permission.PERIOD_CLOSE: QT_TRANSLATE_NOOP("Permissions", "close a month"),
    Permission.PERIOD_REOPEN: QT_TRANSLATE_NOOP("Permissions", "reopen a closed month"),
    Permission.ACCOUNTS: QT_TRANSLATE_NOOP("Permissions", "see what customers and suppliers owe or are owed"),
    Permission.MONEY: QT_TRANSLATE_NOOP("Permissions", "record receipts, payments or supplier invoices"),
}


def role_title(role: str | None) -> str:
    """The role's name in the current language ("" for none)."""
    title = ROLE_TITLES.get(str(role or ""))
    return translate("Roles", title) if title else ""


def needs_text(permission: Permission) -> str:
    return fill(translate("Access", "Needs the %1 role or higher."), role_title(least_role(permission)))


class RoleGuard(QObject):
    """Keeps one button disabled with a tooltip naming the role it needs."""

    def __init__(self, button: QWidget, permission: Permission) -> None:
        super().__init__(button)
        self.button = button
        self.permission = permission
        self._busy = False
        self._apply()
        button.installEventFilter(self)

    def _apply(self) -> None:
        self._busy = True
        try:
            self.button.setEnabled(False)
            self.button.setToolTip(needs_text(self.permission))
        finally:
            self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self._busy and kind in (QEvent.Type.EnabledChange, QEvent.Type.ToolTipChange,
                                       QEvent.Type.LanguageChange):
            if self.button.isEnabled() or self.button.toolTip() != needs_text(self.permission):
                self._apply()
        return False


def guard_screen(key: str, screen: QWidget, role: str | None) -> list[RoleGuard]:
    """Disable the buttons of ``screen`` whose use case ``role`` may not run (none while sign-in is off)."""
    if role is None:
        return []
    guards = []
    for name, permission in GUARDS.get(key, ()):
        button = getattr(screen, name, None)
        if isinstance(button, QWidget) and not allows(role, permission):
            guards.append(RoleGuard(button, permission))
    return guards
