"""Every record and movement that crosses the hub is checked as if a clerk had typed it.

The hub is shared: any program with its password can write anything into it. So a pulled
record is never trusted: its JSON form is checked column by column against the table it
goes into (type, length, range, required, the format of ids and dates) and then against the
domain's own rules (a SKU without spaces, a pack size above 0, a movement kind that exists, a
role that exists). A record that fails is quarantined with the reason (``sync_quarantine``),
never applied; the sync goes on with the rest. The same checks run on push, so nothing a
device sends can be refused by the hub later.

Each function returns the reason a record is refused, or '' when it is acceptable. Lengths
come from the tables (``persistence.tables``), which take them from ``domain.kernel.limits``: one
definition per field.
"""

from __future__ import annotations

import json
import re
from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal
from decimal import InvalidOperation

from sqlalchemy import BigInteger
from sqlalchemy import Boolean
from sqlalchemy import Date
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import Text

from domain.access.roles import ROLES
from domain.accounts.periods import parse_month
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.purchasing.model import PoState
from domain.purchasing.model import PricePer
from domain.sales.model import SoState
from domain.sales.prices import LEVELS
from domain.stock.documents import DocumentKind
from domain.stock.model import MovementKind
from persistence import tables as t
from persistence.sync import records as r
from persistence.types import Instant
from persistence.types import Scaled

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FIRST_YEAR = 1970
_YEARS_AHEAD = 100
# Columns that hold a global id (UUID text); other String(36) columns may be free text.
_ID_COLUMNS = {"id", "product_id", "warehouse_id", "to_warehouse_id", "supplier_id", "document_id", "po_id",
               "transfer_id", "reverses_id", "customer_id", "substitute_id", "so_id", "order_line_id",
               "origin_document_id", "partner_id", "source_id", "debit_item_id", "credit_item_id", "undoes_id",
               "invoice_id", "receipt_document_id"}
_OPTIONAL_IDS = {"device_id", "lost_device"}  # a UUID or empty
_INT_RANGE = {Integer: 2**31, BigInteger: 2**63}
_CODE_COLUMNS = {"products": ("sku",), "warehouses": ("code",), "suppliers": ("code",), "customers": ("code",),
                 "users": ("username",)}


def is_id(value) -> bool:
    """Whether ``value`` is a global id (UUID text), as every synced key and reference is."""
    return isinstance(value, str) and _UUID.match(value) is not None


class Refused(Exception):
    """A record the sync will not apply; ``str()`` names the field and what is wrong."""


def _last_year() -> int:
    return datetime.now(UTC).year + _YEARS_AHEAD


def _instant_bounds() -> tuple[int, int]:
    low = 0
    high = int(datetime(_last_year(), 12, 31, 23, 59, 59, tzinfo=UTC).timestamp() * 1_000_000)
    return low, high


def _scaled_limit(places: int) -> Decimal:
    # quantities (4 places) below 10**12, costs (8 places) below 10**10: as a clerk may enter them, and so
    # any sum of a product's movements stays far inside the 64-bit integer they are kept in
    return Decimal(10) ** (12 if places <= 4 else 10)


def check_value(column, value) -> None:
    """Raise Refused when ``value`` (the canonical JSON form) cannot go into ``column``."""
    name = column.name
    if value is None:
        if not column.nullable:
            raise Refused(f"{name} is missing")
        return
    kind = column.type
    if isinstance(kind, Scaled):
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise Refused(f"{name}: {value!r} is not a number")
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise Refused(f"{name}: {str(value)[:40]!r} is not a number") from None
        if not number.is_finite():
            raise Refused(f"{name}: {value!r} is not a finite number")
        limit = _scaled_limit(kind.scale)
        if abs(number) >= limit:
            raise Refused(f"{name}: {str(value)[:40]} is too large; at most {limit - 1:,} is accepted")
        if number.normalize().as_tuple().exponent < -kind.scale:
            raise Refused(f"{name}: {str(value)[:40]} has more than {kind.scale} decimal places")
        return
    if isinstance(kind, Instant):
        if not isinstance(value, int) or isinstance(value, bool):
            raise Refused(f"{name}: {value!r} is not a point in time")
        low, high = _instant_bounds()
        if not low <= value <= high:
            raise Refused(f"{name}: {value} is outside {_FIRST_YEAR}..{_last_year()}")
        return
    if isinstance(kind, Date):
        try:
            day = date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        if day is None:
            raise Refused(f"{name}: {str(value)[:40]!r} is not a date such as 2026-03-01")
        if not _FIRST_YEAR <= day.year <= _last_year():
            raise Refused(f"{name}: {value} is outside {_FIRST_YEAR}..{_last_year()}")
        return
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise Refused(f"{name}: {value!r} is not true or false")
        return
    if isinstance(kind, Integer):  # BigInteger is an Integer too
        if not isinstance(value, int) or isinstance(value, bool):
            raise Refused(f"{name}: {str(value)[:40]!r} is not a whole number")
        bound = _INT_RANGE[BigInteger if isinstance(kind, BigInteger) else Integer]
        if not -bound <= value < bound:
            raise Refused(f"{name}: {value} is out of range")
        return
    if isinstance(kind, String | Text):
        if not isinstance(value, str):
            raise Refused(f"{name}: {str(value)[:40]!r} is not text")
        if kind.length is not None and len(value) > kind.length:
            raise Refused(f"{name} is {len(value)} characters long; at most {kind.length} are accepted")
        if _CONTROL.search(value) and not isinstance(kind, Text):
            raise Refused(f"{name} contains control characters")
        if "\x00" in value:
            raise Refused(f"{name} contains a NUL character")
        if name in _ID_COLUMNS and not _UUID.match(value):
            raise Refused(f"{name}: {value[:40]!r} is not an id")
        if name in _OPTIONAL_IDS and value and not _UUID.match(value):
            raise Refused(f"{name}: {value[:40]!r} is not a device id")
        return


def check_row(table: Table, data: dict) -> None:
    """Check every column of one row (canonical JSON form) and refuse unknown columns."""
    if not isinstance(data, dict):
        raise Refused(f"{table.name}: the row is not an object")
    unknown = [k for k in data if k not in table.c and not k.startswith("_")]
    if unknown:
        raise Refused(f"{table.name}: unknown field {unknown[0][:40]!r}")
    for column in table.columns:
        check_value(column, data.get(column.name))


def _domain(field: str, check) -> None:
    try:
        check()
    except BadInput as exc:
        raise Refused(str(exc)) from None


def _normal(field: str, value) -> None:
    """A code as a clerk would have had it stored: accepted by ``v.code`` and already in its normal form
    (a full-width or zero-width variant of a SKU would be a second product that looks the same)."""
    if v.code(field, value) != value:
        raise BadInput(field, f"{value!r} is not in its normal form {v.code(field, value)!r} (full-width "
                              f"letters, a Unicode dash or an invisible character)")


def _positive(data: dict, *names: str, zero: bool = False) -> None:
    for name in names:
        value = data.get(name)
        if value is not None and (Decimal(value) < 0 or (not zero and Decimal(value) == 0)):
            raise Refused(f"{name}: {value} must be {'0 or more' if zero else 'greater than 0'}")


def _one_of(data: dict, name: str, allowed) -> None:
    if data.get(name) not in {str(a) for a in allowed}:
        raise Refused(f"{name}: {str(data.get(name))[:40]!r} is not one of {', '.join(str(a) for a in allowed)}")


def _percent(data: dict, name: str) -> None:
    value = data.get(name)
    if value is not None and not Decimal(0) <= Decimal(value) <= Decimal(100):
        raise Refused(f"{name}: {value} is not a percent between 0 and 100")


def _rules(spec_name: str, data: dict) -> None:
    """The domain's own rules for a record, beyond its columns' types."""
    for name in _CODE_COLUMNS.get(spec_name, ()):
        _domain(name, lambda name=name: _normal(name, data[name]))
    if spec_name in ("products", "warehouses", "suppliers", "customers"):
        _domain("name", lambda: v.text("name", data["name"]))
    if spec_name == "products":
        _positive(data, "pack_size")
        _positive(data, "min_level", "max_level", zero=True)
        low, high = data.get("min_level"), data.get("max_level")
        if low is not None and high is not None and Decimal(high) < Decimal(low):
            raise Refused(f"max_level {high} is below min_level {low}")
        for row in data.get("_children", {}).get("barcodes", []):
            _domain("barcode", lambda row=row: _normal("barcode", row.get("barcode")))
    elif spec_name == "suppliers":
        if not re.fullmatch(r"[A-Z]{3}", data["currency"]):
            raise Refused(f"currency: {data['currency'][:10]!r} is not a three-letter currency code")
        _positive(data, "lead_time_days", zero=True)
    elif spec_name == "users":
        _one_of(data, "role", ROLES)
    elif spec_name == "supplier_terms":
        _positive(data, "moq", "order_multiple", zero=True)
    elif spec_name == "exchange_rates":
        if not re.fullmatch(r"[A-Z]{3}", data["currency"]):
            raise Refused(f"currency: {data['currency'][:10]!r} is not a three-letter currency code")
        _positive(data, "rate")
    elif spec_name == "supplier_term_details":
        _positive(data, "pack_size")
        _one_of(data, "price_per", PricePer)
    elif spec_name == "product_planning":
        target = data.get("service_target")
        if target is not None and not Decimal(0) < Decimal(target) < Decimal(1):
            raise Refused(f"service_target: {target} is not between 0 and 1")
        _positive(data, "review_days")
    elif spec_name == "documents":
        _one_of(data, "kind", DocumentKind)
        _positive(data, "seq")
        for row in data.get("_children", {}).get("sales_lines", []):
            _positive(row, "unit_price", "tax_rate", zero=True)
            _percent(row, "discount")
    elif spec_name == "product_prices":
        _one_of(data, "level", LEVELS)
        _positive(data, "price", zero=True)
    elif spec_name == "product_sales":
        _percent(data, "tax_rate")
    elif spec_name == "product_substitutes":
        if data["substitute_id"] == data["product_id"]:
            raise Refused("substitute_id: a product cannot be its own substitute")
        _positive(data, "rank")
    elif spec_name == "customer_profiles":
        _one_of(data, "price_level", LEVELS)
        _percent(data, "discount")
        _positive(data, "credit_limit", zero=True)
        _money(data, "credit_limit")
        _terms(data)
    elif spec_name == "supplier_profiles":
        _terms(data)
    elif spec_name == "customer_prices":
        _positive(data, "price", zero=True)
    elif spec_name == "sales_orders":
        _one_of(data, "state", SoState)
        _positive(data, "seq")
        for row in data.get("_children", {}).get("sales_order_lines", []):
            _positive(row, "qty")
            _positive(row, "shipped", "cancelled", "returned", "unit_price", "tax_rate", zero=True)
            _percent(row, "discount")
            if Decimal(row["shipped"]) + Decimal(row["cancelled"]) > Decimal(row["qty"]):
                raise Refused(f"sales_order_lines: line {row['line_no']} shipped {row['shipped']} and cut "
                              f"{row['cancelled']} exceed the ordered {row['qty']}")
    elif spec_name == "purchase_orders":
        _one_of(data, "state", PoState)
        _positive(data, "tax_rate", zero=True)
        _positive(data, "fx_rate")
        for row in data.get("_children", {}).get("purchase_order_lines", []):
            _positive(row, "qty", "pack_size")
            _positive(row, "received", "price", zero=True)
            _one_of(row, "price_per", PricePer)
    else:
        _account_rules(spec_name, data)


# Receivables and payables (docs/ACCOUNTS.md): each kind of open item, the side it belongs to and the sign of its
# amount (+ raises what is owed, - settles it, 0 either: an opening balance or a reversal takes the sign it needs).
ITEM_KINDS: dict[str, tuple[frozenset[str], int]] = {
    "sale": (frozenset({"AR"}), 1), "customer_return": (frozenset({"AR"}), -1),
    "goods_receipt": (frozenset({"AP"}), 1), "supplier_return": (frozenset({"AP"}), -1),
    "supplier_invoice": (frozenset({"AP"}), 1), "invoice_match": (frozenset({"AP"}), -1),
    "opening": (frozenset({"AR", "AP"}), 0), "receipt": (frozenset({"AR"}), -1),
    "payment": (frozenset({"AP"}), -1), "refund": (frozenset({"AR", "AP"}), 1),
    "reversal": (frozenset({"AR", "AP"}), 0),
}
MONEY_KINDS = frozenset({"receipt", "payment", "refund"})  # money that moved: never an amount of 0
SIDES = ("AR", "AP")
PAYMENT_BASES = ("net", "month_end", "cod")
PAYMENT_DAYS_MAX = 3650
PERIOD_ACTIONS = ("close", "reopen")


def _terms(data: dict) -> None:
    """A partner's payment terms (domain/accounts/terms.py): a basis it knows and 0 to 3650 days."""
    _one_of(data, "payment_basis", PAYMENT_BASES)
    days = data.get("payment_days")
    if not 0 <= days <= PAYMENT_DAYS_MAX:
        raise Refused(f"payment_days: {days} is not between 0 and {PAYMENT_DAYS_MAX}")


def _money(data: dict, *names: str) -> None:
    for name in names:
        value = data.get(name)
        if value is not None and abs(Decimal(value)) >= limits.MONEY_MAX:
            raise Refused(f"{name}: {value} is too large; an amount stays below {limits.MONEY_MAX:,}")


def _business_day(data: dict, *names: str) -> None:
    """A business date as a clerk may type it: from limits.FIRST_DAY to limits.last_day(today)."""
    last = limits.last_day(datetime.now(UTC).date())
    for name in names:
        value = data.get(name)
        if value is not None and not limits.FIRST_DAY.isoformat() <= value <= last.isoformat():
            raise Refused(f"{name}: {value} is outside {limits.FIRST_DAY.isoformat()}..{last.isoformat()}")


def _month(data: dict, name: str = "month") -> None:
    if parse_month(data.get(name)) != data.get(name):
        raise Refused(f"{name}: {str(data.get(name))[:20]!r} is not a month such as 2026-11")


def _account_rules(spec_name: str, data: dict) -> None:
    """The accounts area's rules for one record, beyond its columns (what needs no other record here)."""
    if spec_name == "account_items":
        _one_of(data, "side", SIDES)
        _one_of(data, "kind", ITEM_KINDS)
        sides, sign = ITEM_KINDS[data["kind"]]
        if data["side"] not in sides:
            raise Refused(f"kind: a {data['kind']} item belongs to {'/'.join(sorted(sides))}, not {data['side']}")
        amount = Decimal(data["amount"])
        if amount * sign < 0:
            raise Refused(f"amount: {data['amount']} has the wrong sign for a {data['kind']} item "
                          f"({'+' if sign > 0 else '-'} expected)")
        if amount == 0 and data["kind"] in MONEY_KINDS:
            raise Refused(f"amount: a {data['kind']} of 0")
        _money(data, "amount")
        _business_day(data, "business_date", "due_on")
        if data.get("due_on") is not None and data["due_on"] < data["business_date"]:
            raise Refused(f"due_on: {data['due_on']} is before the business date {data['business_date']}")
        if (data["kind"] == "reversal") != (data.get("reverses_id") is not None):
            raise Refused("reverses_id: a reversal names the item it reverses, and only a reversal does")
        if data.get("reverses_id") == data["id"]:
            raise Refused("reverses_id: an item cannot reverse itself")
        if (data.get("year") is None) != (data.get("seq") is None):
            raise Refused("year and seq go together")
        if data.get("seq") is not None:
            _positive(data, "seq")
            last = data["number"].rsplit("-", 1)[-1]
            if "-" not in data["number"] or not last.isdigit() or int(last) != data["seq"]:
                raise Refused(f"number: {data['number'][:40]!r} does not end in its seq {data['seq']} "
                              f"(RC-2026-00001 is seq 1)")
            if not limits.FIRST_DAY.year <= data["year"] <= limits.last_day(datetime.now(UTC).date()).year:
                raise Refused(f"year: {data['year']} is outside the years a business date may fall in")
        _domain("method", lambda: v.check_characters("method", data["method"]))
        _domain("reference", lambda: v.check_characters("reference", data["reference"]))
        _domain("note", lambda: v.check_characters("note", data["note"], multiline=True))
    elif spec_name == "allocations":
        amount = Decimal(data["amount"])
        if amount == 0:
            raise Refused("amount: an allocation of 0")
        if data.get("undoes_id") is None and amount < 0:
            raise Refused(f"amount: {data['amount']} is negative but the allocation undoes nothing (undoes_id)")
        if data.get("undoes_id") is not None and amount > 0:
            raise Refused(f"amount: {data['amount']} undoes an allocation, so it is negative")
        if data["debit_item_id"] == data["credit_item_id"]:
            raise Refused("credit_item_id: an item cannot settle itself")
        if data.get("undoes_id") == data["id"]:
            raise Refused("undoes_id: an allocation cannot undo itself")
        _money(data, "amount")
        _business_day(data, "business_date")
    elif spec_name == "payment_methods":
        _domain("code", lambda: v.text("code", data["code"], max_len=limits.METHOD))
        _domain("name", lambda: v.text("name", data["name"], max_len=limits.NAME))
    elif spec_name == "supplier_invoices":
        _domain("number", lambda: v.text("number", data["number"], max_len=limits.CODE))
        _positive(data, "amount", "tax", zero=True)
        _money(data, "amount", "tax")
        _business_day(data, "business_date", "due_on")
        if data.get("due_on") is not None and data["due_on"] < data["business_date"]:
            raise Refused(f"due_on: {data['due_on']} is before the business date {data['business_date']}")
        for row in data.get("_children", {}).get("supplier_invoice_lines", []):
            _positive(row, "qty")
            _positive(row, "unit_price", zero=True)
            _positive(row, "line_no")
    elif spec_name == "periods":
        _month(data)
        if data["closed"] and data.get("closed_at") is None:
            raise Refused("closed_at: a closed month says when it was closed")
    elif spec_name == "period_events":
        _month(data)
        _one_of(data, "action", PERIOD_ACTIONS)
        if data["action"] == "reopen" and not data["reason"].strip():
            raise Refused("reason: a month is reopened only with a reason")
    elif spec_name == "period_stock":
        _month(data)
    elif spec_name == "period_balances":
        _month(data)
        _one_of(data, "side", SIDES)
        _money(data, "balance")


def check_key(spec: r.Spec, key) -> str:
    """Why a logged key cannot name a record of ``spec`` (an id, or the JSON list of a composite key); ''."""
    if not isinstance(key, str):
        return "the key is not text"
    if spec.key == ("id",):
        return "" if is_id(key) else f"the key {key[:40]!r} is not an id"
    try:
        values = json.loads(key)
    except (ValueError, RecursionError):
        return f"the key {key[:40]!r} is not a key of {spec.name}"
    if not isinstance(values, list) or len(values) != len(spec.key):
        return f"the key {key[:40]!r} is not a key of {spec.name}"
    for name, value in zip(spec.key, values, strict=True):
        reason = check_or_reason(spec.table.c[name], value)
        if reason or value is None:
            return reason or f"{name} is missing"
    return ""


def check_record(spec: r.Spec, key: str, data) -> str:
    """Why a pulled or pushed record (or '' for a deletion's None) cannot be applied; '' when it can."""
    if data is None:
        return ""
    try:
        if not isinstance(data, dict):
            raise Refused("the record is not an object")
        check_row(spec.table, data)
        if r.row_key(spec, data) != key:
            raise Refused(f"the record's key {r.row_key(spec, data)[:80]!r} is not the logged key")
        children = data.get("_children", {})
        if not isinstance(children, dict):
            raise Refused("_children is not an object")
        for child, fk in spec.children:
            rows = children.get(child.name, [])
            if not isinstance(rows, list):
                raise Refused(f"{child.name} is not a list")
            pks = set()
            for row in rows:
                check_row(child, row)
                if row[fk[0]] != key:
                    raise Refused(f"{child.name}: a row belongs to another record")
                pk = tuple(row[c.name] for c in child.primary_key.columns)
                if pk in pks:
                    raise Refused(f"{child.name}: {pk!r} appears twice")
                pks.add(pk)
        _rules(spec.name, data)
    except Refused as exc:
        return str(exc)
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:  # a shape no check above foresaw
        return f"malformed record ({type(exc).__name__}: {str(exc)[:80]})"
    return ""


def _raw_column(column):
    """A check of one raw value (scaled integer, microseconds, text) of ``column``: value → reason or ''."""
    name, nullable, kind = column.name, column.nullable, column.type

    def missing() -> str:
        return "" if nullable else f"{name} is missing"

    if isinstance(kind, Scaled):
        limit = int(_scaled_limit(kind.scale)) * 10**kind.scale

        def scaled(v) -> str:
            if v is None:
                return missing()
            if type(v) is not int:
                return f"{name}: {str(v)[:40]!r} is not a number"
            if -limit < v < limit:
                return ""
            return f"{name}: {Decimal(v).scaleb(-kind.scale)} is too large; at most {limit // 10**kind.scale - 1:,}"
        return scaled
    if isinstance(kind, Instant):
        low, high = _instant_bounds()

        def instant(v) -> str:
            if v is None:
                return missing()
            if type(v) is not int:
                return f"{name}: {str(v)[:40]!r} is not a point in time"
            return "" if low <= v <= high else f"{name}: {v} is outside {_FIRST_YEAR}..{_last_year()}"
        return instant
    if isinstance(kind, String | Text):
        length, ids, optional = kind.length, name in _ID_COLUMNS, name in _OPTIONAL_IDS
        control = None if isinstance(kind, Text) else _CONTROL

        def string(v) -> str:
            if v is None:
                return missing()
            if type(v) is not str:
                return f"{name}: {str(v)[:40]!r} is not text"
            if length is not None and len(v) > length:
                return f"{name} is {len(v)} characters long; at most {length} are accepted"
            if control is not None and control.search(v) or "\x00" in v:
                return f"{name} contains control characters"
            if (ids or (optional and v)) and not _UUID.match(v):
                return f"{name}: {v[:40]!r} is not an id"
            return ""
        return string
    return lambda v: check_or_reason(column, v)


def check_or_reason(column, value) -> str:
    try:
        check_value(column, value)
    except Refused as exc:
        return str(exc)
    return ""


def fact_checker(table: Table):
    """A fast check of raw movement (or unfilled demand) rows, as read from SQLite or the hub: row → reason or ''.

    The same rules as a clerk's posting: every column's type, length and range, a movement kind that
    exists, no zero quantity (but a count), no negative cost, a reversal names what it reverses, a
    transfer leg its transfer.
    """
    columns = list(table.columns)
    per_column = [(i, _raw_column(c)) for i, c in enumerate(columns)]
    names = [c.name for c in columns]
    width = len(columns)
    qty = names.index("qty")
    if table is t.movements:
        kind, cost, reverses, transfer = (names.index(n) for n in ("kind", "unit_cost", "reverses_id", "transfer_id"))
        fx = [names.index(n) for n in ("fx_currency", "fx_unit_price", "fx_rate")]
        kinds = {str(k) for k in MovementKind}
        legs = {MovementKind.TRANSFER_IN.value, MovementKind.TRANSFER_OUT.value}

        def rules(row) -> str:
            k = row[kind]
            if k not in kinds:
                return f"kind: {str(k)[:40]!r} is not one of {', '.join(sorted(kinds))}"
            if row[qty] == 0 and k != MovementKind.COUNT:
                return "qty must not be 0"
            if row[cost] is not None and row[cost] < 0:
                return "unit_cost is negative"
            if k == MovementKind.REVERSAL and not row[reverses]:
                return "a reversal names no movement it reverses"
            if k in legs and not row[transfer]:
                return "a transfer leg has no transfer id"
            return _fx_rules(row[fx[0]], row[fx[1]], row[fx[2]], row[cost])
    else:
        def rules(row) -> str:
            return "" if row[qty] > 0 else "qty must be greater than 0"

    def check(row) -> str:
        if len(row) != width:
            return "malformed row"
        for i, column_check in per_column:
            reason = column_check(row[i])
            if reason:
                return reason
        return rules(row)
    return check


def fact_refusals(table: Table, rows: list[tuple]) -> dict[int, str]:
    """``fact_checker(table)`` over a batch: {index of a refused row: its reason}, {} when all pass.

    A first pass looks at whole columns at once (types, bounds, lengths and formats over the joined
    text of a column, which runs in C). It is at least as strict as the row check: when anything in
    the batch looks unusual to it, every row goes through ``fact_checker`` and the reasons are its own.
    """
    if not rows:
        return {}
    if _all_pass(table, rows):
        return {}
    check = fact_checker(table)
    return {i: reason for i, row in enumerate(rows) if (reason := check(row))}


_HEX = str.maketrans("", "", "0123456789abcdef")
_NO_CONTROL = str.maketrans("", "", "".join(chr(c) for c in range(128) if _CONTROL.match(chr(c))))
_CURRENCIES = re.compile(r"(?:[A-Z]{3}\n)*[A-Z]{3}")
_NONE = type(None)


def _column_passes(column, values) -> bool:
    """Whether every value of ``values`` certainly passes ``_raw_column(column)`` (False: look row by row)."""
    kind = column.type
    types = set(map(type, values))
    if _NONE in types:
        if not column.nullable:
            return False
        types.discard(_NONE)
        values = [v for v in values if v is not None]
    if not values:
        return True
    if isinstance(kind, Scaled | Instant):
        if types != {int}:
            return False
        if isinstance(kind, Scaled):
            limit = int(_scaled_limit(kind.scale)) * 10**kind.scale
            return -limit < min(values) and max(values) < limit
        low, high = _instant_bounds()
        return low <= min(values) and max(values) <= high
    if isinstance(kind, String | Text):
        if types != {str}:
            return False
        values = list(set(values))  # references and codes repeat: each distinct value is looked at once
        if kind.length is not None and max(map(len, values)) > kind.length:
            return False
        if column.name in _OPTIONAL_IDS:
            values = [v for v in values if v]
            if not values:
                return True
        joined = "".join(values)
        if "\x00" in joined or (not isinstance(kind, Text) and len(joined.translate(_NO_CONTROL)) != len(joined)):
            return False
        return column.name not in _ID_COLUMNS | _OPTIONAL_IDS or _all_ids(values)
    return False


def _all_ids(values) -> bool:
    """Whether every value matches ``_UUID``: 36 characters, dashes at 8, 13, 18 and 23, lowercase hex elsewhere
    (checked over the values joined end to end, a few milliseconds for a batch)."""
    n = len(values)
    if min(map(len, values)) != 36:
        return False
    joined = "".join(values)
    return all(joined[i::36] == "-" * n for i in (8, 13, 18, 23)) and joined.translate(_HEX) == "-" * (4 * n)


def _all_pass(table: Table, rows: list[tuple]) -> bool:
    """The column-wise first pass of ``fact_refusals``: True only when every row passes ``fact_checker``."""
    columns = list(table.columns)
    width = len(columns)
    if set(map(len, rows)) != {width}:
        return False
    values = list(zip(*rows, strict=True))
    if not all(_column_passes(column, col) for column, col in zip(columns, values, strict=True)):
        return False
    by_name = dict(zip((c.name for c in columns), values, strict=True))
    qty = by_name["qty"]
    if table is not t.movements:
        return min(qty) > 0
    kinds = by_name["kind"]
    present = set(kinds)
    if not present <= {str(k) for k in MovementKind}:
        return False
    count = MovementKind.COUNT.value
    if 0 in qty and any(q == 0 and k != count for q, k in zip(qty, kinds, strict=True)):
        return False
    costs = [c for c in by_name["unit_cost"] if c is not None]
    if costs and min(costs) < 0:
        return False
    legs = {MovementKind.TRANSFER_IN.value, MovementKind.TRANSFER_OUT.value}
    reversal = MovementKind.REVERSAL.value
    if (reversal in present or present & legs) and any(
            (k == reversal and not reverses) or (k in legs and not transfer)
            for k, reverses, transfer in zip(kinds, by_name["reverses_id"], by_name["transfer_id"], strict=True)):
        return False
    if all(set(by_name[n]) == {None} for n in ("fx_currency", "fx_unit_price", "fx_rate")):
        return True
    fx = [(c, p, r, cost) for c, p, r, cost in zip(by_name["fx_currency"], by_name["fx_unit_price"],
                                                    by_name["fx_rate"], by_name["unit_cost"], strict=True)
          if c is not None or p is not None or r is not None]
    if not fx:
        return True
    if any(c is None or p is None or r is None or cost is None for c, p, r, cost in fx):
        return False
    return (_CURRENCIES.fullmatch("\n".join(c for c, _, _, _ in fx)) is not None
            and min(p for _, p, _, _ in fx) >= 0 and min(r for _, _, r, _ in fx) > 0)


def _fx_rules(currency, price, rate, cost) -> str:
    """A converted receipt keeps currency, foreign unit price and rate together (or none of them)."""
    given = [x is not None for x in (currency, price, rate)]
    if not any(given):
        return ""
    if not all(given) or cost is None:
        return "fx_currency, fx_unit_price, fx_rate and unit_cost go together; some are missing"
    if not re.fullmatch(r"[A-Z]{3}", currency):
        return f"fx_currency: {currency[:10]!r} is not a three-letter currency code"
    if price < 0:
        return "fx_unit_price is negative"
    if rate <= 0:
        return "fx_rate must be greater than 0"
    return ""


def encode_raw(table: Table, row: tuple) -> dict:
    """A raw row (scaled integers, microseconds) as the canonical JSON form the checks read.

    A value of the wrong type (text in a number column, as a hostile writer could store on the
    hub if the column allowed it) is kept as it is, for the checks to name.
    """
    result = {}
    for column, value in zip(table.columns, row, strict=True):
        if value is not None and isinstance(column.type, Scaled):
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(Decimal(value).scaleb(-column.type.scale).normalize())
            elif isinstance(value, Decimal):
                value = str(value.scaleb(-column.type.scale).normalize())
        result[column.name] = value
    return result


def reason_json(text_: str) -> dict | None:
    """Parse a logged record's JSON; None with the reason raised as Refused when it is not JSON."""
    try:
        return json.loads(text_) if text_ else None
    except (ValueError, RecursionError):
        raise Refused("the logged record is not valid JSON") from None
