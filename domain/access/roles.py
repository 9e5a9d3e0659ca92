"""Who may do what: roles, permissions and the check every use case makes first.

Sign-in is optional. A database without an active user is a single-user office: sign-in is
off and every use case is allowed. Creating the first user (an admin) turns sign-in on; from
then on a unit of work must name its acting user (``uow.user``, ``uow.role``) and the use
case asks ``require(uow, permission)`` before it touches anything.

The role a unit of work claims is not trusted on its own: ``require`` reads the user's
stored record in the same transaction, so a user deactivated or demoted by an admin loses
the right at once, even in a window that signed in earlier.

Roles are cumulative: clerk < purchaser < accountant < manager < admin. The accountant records money (receipts
and payments) and sees what partners owe; clerks see no money.
"""

from __future__ import annotations

import enum
from typing import Any

from domain.kernel.errors import Forbidden


class Role(enum.StrEnum):
    CLERK = "clerk"
    PURCHASER = "purchaser"
    ACCOUNTANT = "accountant"
    MANAGER = "manager"
    ADMIN = "admin"


class Permission(enum.StrEnum):
    RECEIVE = "receive"
    SHIP = "ship"
    TRANSFER = "transfer"
    COUNT = "count"
    PURCHASE = "purchase"
    SUPPLIER_TERMS = "supplier_terms"
    ADJUST = "adjust"
    REVERSE = "reverse"
    MASTER_DATA = "master_data"
    SETTINGS = "settings"
    SYNC_CONFLICTS = "sync_conflicts"
    USERS = "users"
    RESTORE = "restore"
    SYNC = "sync"
    SYNC_HUB = "sync_hub"
    SALES_ORDERS = "sales_orders"
    SELL = "sell"
    RETURNS = "returns"
    PRICES = "prices"
    ACCOUNTS = "accounts"
    MONEY = "money"
    CREDIT_OVERRIDE = "credit_override"
    PERIOD_CLOSE = "period_close"
    PERIOD_REOPEN = "period_reopen"


ROLES = (Role.CLERK, Role.PURCHASER, Role.ACCOUNTANT, Role.MANAGER, Role.ADMIN)  # least to most

# The least role that holds each permission; every higher role holds it too.
LEAST_ROLE: dict[Permission, Role] = {
    Permission.RECEIVE: Role.CLERK,
    Permission.SHIP: Role.CLERK,
    Permission.TRANSFER: Role.CLERK,
    Permission.COUNT: Role.CLERK,
    Permission.PURCHASE: Role.PURCHASER,
    Permission.SUPPLIER_TERMS: Role.PURCHASER,
    Permission.ADJUST: Role.MANAGER,
    Permission.REVERSE: Role.MANAGER,
    Permission.MASTER_DATA: Role.MANAGER,
    Permission.SETTINGS: Role.MANAGER,
    Permission.SYNC_CONFLICTS: Role.MANAGER,
    Permission.USERS: Role.ADMIN,
    Permission.RESTORE: Role.ADMIN,  # replaces everyone's work with an older copy
    Permission.SYNC: Role.CLERK,  # a clerk's receipts must reach the office
    Permission.SYNC_HUB: Role.ADMIN,  # another hub, or starting over: what every desk sees changes
    Permission.SALES_ORDERS: Role.CLERK,
    Permission.SELL: Role.CLERK,
    Permission.RETURNS: Role.CLERK,
    Permission.PRICES: Role.MANAGER,
    Permission.ACCOUNTS: Role.PURCHASER,  # balances, ageing, statements: purchasers see whom we owe
    Permission.MONEY: Role.ACCOUNTANT,  # receipts, payments, allocations, supplier invoices, opening balances
    Permission.CREDIT_OVERRIDE: Role.MANAGER,  # confirm a sales order past the customer's credit limit
    Permission.PERIOD_CLOSE: Role.MANAGER,
    Permission.PERIOD_REOPEN: Role.ADMIN,
}

# What a permission lets a user do, for the refusal message ("... may not <what>").
WHAT = {
    Permission.RECEIVE: "receive stock",
    Permission.SHIP: "ship stock",
    Permission.TRANSFER: "transfer stock",
    Permission.COUNT: "post stock counts",
    Permission.PURCHASE: "work on purchase orders",
    Permission.SUPPLIER_TERMS: "change supplier terms",
    Permission.ADJUST: "adjust stock",
    Permission.REVERSE: "reverse movements or documents",
    Permission.MASTER_DATA: "change products, warehouses, suppliers or customers",
    Permission.SETTINGS: "change settings",
    Permission.SYNC_CONFLICTS: "resolve sync conflicts",
    Permission.USERS: "manage users",
    Permission.RESTORE: "restore the database from a backup",
    Permission.SYNC: "sync with the shared database",
    Permission.SYNC_HUB: "change the shared database this computer syncs with",
    Permission.SALES_ORDERS: "work on sales orders",
    Permission.SELL: "sell or ship against sales orders",
    Permission.RETURNS: "post customer or supplier returns",
    Permission.PRICES: "change prices or customer terms",
    Permission.ACCOUNTS: "see what customers and suppliers owe or are owed",
    Permission.MONEY: "record receipts, payments or supplier invoices",
    Permission.CREDIT_OVERRIDE: "confirm a sales order past the customer's credit limit",
    Permission.PERIOD_CLOSE: "close a month",
    Permission.PERIOD_REOPEN: "reopen a closed month",
}


def role_of(value: object) -> Role | None:
    """The role named by ``value`` (a Role or its name), or None if it names none."""
    try:
        return Role(str(value).strip().lower())
    except ValueError:
        return None


def allows(role: Role | str | None, permission: Permission) -> bool:
    """Whether ``role`` holds ``permission`` (no role holds nothing)."""
    r = role_of(role) if role is not None else None
    return r is not None and ROLES.index(r) >= ROLES.index(LEAST_ROLE[permission])


def least_role(permission: Permission) -> Role:
    return LEAST_ROLE[permission]


def require(uow: Any, permission: Permission) -> None:
    """Refuse, with ``Forbidden``, a use case the acting user may not run; call it inside ``with uow``.

    Args:
        uow: an entered unit of work; its ``user`` and ``role`` say who acts (``role`` None: nobody
            signed in) and its ``users`` repository holds the stored users.
        permission: what the use case needs.

    Raises:
        Forbidden: sign-in is on and nobody is signed in, the acting user is not an active user,
            or the user's stored role does not hold ``permission``.
    """
    needed = LEAST_ROLE[permission]
    what = WHAT[permission]
    facts = {"needed": needed.value, "permission": permission.value}
    if getattr(uow, "role", None) is None:
        if uow.users.any_active():
            raise Forbidden(f"nobody is signed in, and sign-in is on for this database: sign in to {what} "
                            f"(that needs the {needed} role or higher)", **facts)
        return
    name = uow.user
    user = uow.users.by_username(name)
    if user is None or not user.active:
        raise Forbidden(f"user {name!r} is not an active user of this database; ask an admin, then sign in again "
                        f"to {what}", user=name, **facts)
    if not allows(user.role, permission):
        raise Forbidden(f"user {name!r} ({user.role}) may not {what}: that needs the {needed} role or higher",
                        user=name, role=user.role, **facts)


def authorize(uow: Any, permission: Permission) -> None:
    """``require`` in a unit of work of its own, for work done outside the ledger's transactions
    (restoring a backup, changing how many backups are kept)."""
    with uow:
        require(uow, permission)
