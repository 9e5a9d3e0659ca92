"""Office-wide settings: the ones every desk of an office shares (``office_settings``), synced like other records.

The key/value ``settings`` table stays this desk's own: its device id, its hub and sync positions, its backups, the
sign-in failures counted here, caches of what it worked out. What the office decided once for everyone lives here
instead, one row per key with the version and device of its last edit, so sync takes the last edit and keeps a
concurrent one in the conflicts list like any record (``persistence.sync.records``), and a pulled value is checked
like typed input (``persistence.sync.checks``):

- the company block printed on documents (name, address) and the company currency amounts are stated in;
- the PO tax rate and the over-receipt tolerance purchasing applies;
- the ABC basis, the fill-rate switch and the service-target rule (by ABC class or by unit cost, and the overall
  target of the latter) planning uses, the dashboard's dead-stock and cover-target days;
- the names the office gave the extra price levels;
- how receivables and payables are aged: by the due date or the document's date, and the bands' ends.

The company logo is not among them: it is the path of an image on this desk's disk, meaningless on another.
"""

from __future__ import annotations

from decimal import Decimal
from decimal import InvalidOperation

from sqlalchemy import Connection
from sqlalchemy import select

from domain.planning import ordering
from domain.planning import service
from domain.planning.classification import DEFAULT_BASIS
from domain.purchasing.model import PurchasingPolicy
from domain.reports.dashboard import COVER_TARGET_DAYS
from domain.reports.dashboard import DEAD_DAYS as DEAD_DAYS_DEFAULT
from persistence import tables as t

# The keys (the same strings as the constants of the modules that use them; a test keeps them equal).
COMPANY_NAME = "company_name"
COMPANY_ADDRESS = "company_address"
CURRENCY = "currency"
TAX_RATE = "po_tax_rate"
TOLERANCE = "po_over_receipt_tolerance"
ABC_BASIS = "planning_abc_basis"
FILL_RATE = "planning_fill_rate"
SERVICE_RULE = "planning_service_rule"
SERVICE_OVERALL = "planning_service_overall"
ORDER_COST = "planning_order_cost"
HOLDING_RATE = "planning_holding_rate"
DEAD_DAYS = "dashboard.dead_days"
COVER_TARGET = "dashboard.cover_target_days"
LEVEL_NAME = "price_level_name_"  # + level3..level5
LEVEL_NAMES = tuple(LEVEL_NAME + level for level in ("level3", "level4", "level5"))
AGEING_BASIS = "accounts.ageing_basis"
AGEING_BANDS = "accounts.ageing_bands"

KEYS = (COMPANY_NAME, COMPANY_ADDRESS, CURRENCY, TAX_RATE, TOLERANCE, ABC_BASIS, FILL_RATE, DEAD_DAYS,
        COVER_TARGET, *LEVEL_NAMES, AGEING_BASIS, AGEING_BANDS, SERVICE_RULE, SERVICE_OVERALL, ORDER_COST,
        HOLDING_RATE)

_POLICY = PurchasingPolicy()
# What a desk reads while a key is not stored. Writing its default where nothing is stored is no edit (a form saved
# as it was shown): it is not kept, so it never becomes a version 1 that would race another desk's real edit.
DEFAULTS = {COMPANY_NAME: _POLICY.company_name, COMPANY_ADDRESS: "", CURRENCY: _POLICY.currency,
            TAX_RATE: str(_POLICY.tax_rate), TOLERANCE: str(_POLICY.over_receipt_tolerance), ABC_BASIS: DEFAULT_BASIS,
            FILL_RATE: "on", DEAD_DAYS: str(DEAD_DAYS_DEFAULT), COVER_TARGET: str(COVER_TARGET_DAYS),
            AGEING_BASIS: "due", AGEING_BANDS: "30/60/90", SERVICE_RULE: service.DEFAULT_RULE,
            SERVICE_OVERALL: str(service.DEFAULT_OVERALL), ORDER_COST: f"{ordering.DEFAULT_ORDER_COST:g}",
            HOLDING_RATE: f"{ordering.DEFAULT_HOLDING_RATE:g}"}
_NUMBERS = frozenset({TAX_RATE, TOLERANCE, DEAD_DAYS, COVER_TARGET, SERVICE_OVERALL, ORDER_COST, HOLDING_RATE})


def is_default(key: str, value: str) -> bool:
    """Whether ``value`` is what ``key`` reads as when it is not stored (13 and 13.00 alike)."""
    default = DEFAULTS.get(key)
    if default is None:
        return False
    if key in _NUMBERS:
        try:
            return Decimal(value) == Decimal(default)
        except InvalidOperation:
            return False
    return value == default


def read(conn: Connection, keys) -> dict[str, str]:
    """key → value of the ``keys`` that are set."""
    s = t.office_settings.c
    return dict(conn.execute(select(s.key, s.value).where(s.key.in_(list(keys)))).all())


def get(conn: Connection, key: str) -> str | None:
    return read(conn, (key,)).get(key)


def write(conn: Connection, values: dict[str, str | None]) -> None:
    """Set each key to its value (None or '' removes it). A value that changes is a new version of its row, made by
    this desk; one that stays as it is is left alone, and so is a default where nothing is stored (saving a form
    unchanged is not an edit to sync)."""
    unknown = set(values) - set(KEYS)
    if unknown:
        raise ValueError(f"not office-wide settings: {sorted(unknown)}")
    s = t.office_settings
    held = {row.key: row for row in conn.execute(select(s).where(s.c.key.in_(list(values))))}
    device = conn.execute(select(t.settings.c.value).where(t.settings.c.key == "device_id")).scalar() or ""
    for key, value in values.items():
        row = held.get(key)
        if not value:
            if row is not None:
                conn.execute(s.delete().where(s.c.key == key))
        elif row is None:
            if not is_default(key, value):
                conn.execute(s.insert().values(key=key, value=value, device_id=device, version=1))
        elif row.value != value:
            conn.execute(s.update().where(s.c.key == key)
                         .values(value=value, device_id=device, version=row.version + 1))
