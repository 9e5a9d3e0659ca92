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

import functools
import json
import re
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
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
from domain.accounts.ageing import parse_bounds
from domain.accounts.periods import parse_month
from domain.imports.problems import Said
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.currencies import iso_currency
from domain.kernel.errors import BadInput
from domain.kernel.numbers import written_number
from domain.planning import service
from domain.planning.classification import BASES
from domain.planning.ordering import parse_holding_rate
from domain.planning.ordering import parse_order_cost
from domain.planning.service import parse_overall
from domain.planning.settings import parse_days
from domain.purchasing.model import PoState
from domain.purchasing.model import PricePer
from domain.sales.model import SoState
from domain.sales.prices import LEVELS
from domain.stock.documents import DocumentKind
from domain.stock.model import MovementKind
from persistence import office
from persistence import tables as t
from persistence.sync import records as r
from persistence.sync.reasons import Reason
from persistence.sync.reasons import reason
from persistence.types import Instant
from persistence.types import Scaled

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Half of a UTF-16 pair alone: JSON can say it ("\ud800"), no database can store it, nor can it be hashed as UTF-8
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Dates planned ahead (``limits.last_planned_day``); every other date and every instant is of something that happened,
# up to a year after this desk's today (``limits.last_day``), as a clerk may type it.
_PLANNED = frozenset({"due_on", "expected_on", "requested_on", "valid_from"})
# Columns that hold a global id (UUID text); other String(36) columns may be free text.
_ID_COLUMNS = {"id", "product_id", "warehouse_id", "to_warehouse_id", "supplier_id", "document_id", "po_id",
               "transfer_id", "reverses_id", "customer_id", "substitute_id", "so_id", "order_line_id",
               "origin_document_id", "partner_id", "source_id", "debit_item_id", "credit_item_id", "undoes_id",
               "invoice_id", "receipt_document_id", "movement_id", "unit_id"}
_OPTIONAL_IDS = {"device_id", "lost_device"}  # a UUID or empty
_INT_RANGE = {Integer: 2**31, BigInteger: 2**63}
_CODE_COLUMNS = {"products": ("sku",), "warehouses": ("code",), "suppliers": ("code",), "customers": ("code",),
                 "users": ("username",)}
# The free text of master records, checked as a clerk's typing of it is (``v.text``): no direction override, invisible
# or control character, and a line break only in a field typed in several lines (an address).
_FREE_TEXT = {"products": ("unit", "category"), "warehouses": ("address",), "suppliers": ("contact", "address"),
              "customers": ("contact",)}


def is_id(value) -> bool:
    """Whether ``value`` is a global id (UUID text), as every synced key and reference is."""
    return isinstance(value, str) and _UUID.match(value) is not None


class Refused(Exception):
    """A record the sync will not apply; ``str()`` names the field and what is wrong, ``reason`` is the
    same as data (``persistence.sync.reasons``)."""

    @property
    def reason(self) -> str:
        said = self.args[0] if self.args else ""
        return said if isinstance(said, Reason) else str(self)


def _last_day(name: str) -> date:
    """The last date ``name`` may hold today: a year after today, or for a date planned ahead a hundred."""
    today = clock.now().date()
    return limits.last_planned_day(today) if name in _PLANNED else limits.last_day(today)


def _instant_bounds() -> tuple[int, int]:
    """The first and last instant (microseconds since 1970 UTC) accepted: to the end of ``limits.last_day`` in UTC, as
    ``validate.moment`` takes it."""
    end = datetime.combine(limits.last_day(clock.now().date()) + timedelta(days=1), datetime.min.time(), UTC)
    return 0, (end - _EPOCH) // timedelta(microseconds=1) - 1


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _instant_refused(name: str, value: int) -> Reason:
    """Why the instant ``value``, outside ``_instant_bounds``, is refused: named by its day (UTC)."""
    try:
        shown = (_EPOCH + timedelta(microseconds=value)).date().isoformat()
    except OverflowError:
        shown = str(value)
    return _date_refused(name, shown, value > 0, limits.last_day(clock.now().date()))


def _date_refused(name: str, shown: str, ahead: bool, last: date) -> Reason:
    """The reason for a date or instant outside its window: ``too_far_ahead`` for a business date beyond a year
    after today, ``outside`` otherwise; each names the field, the date and the dates accepted."""
    code = "too_far_ahead" if ahead and name not in _PLANNED else "outside"
    return reason(code, name=name, value=shown, first=limits.FIRST_DAY.isoformat(), last=last.isoformat())


def _scaled_limit(places: int) -> Decimal:
    # quantities (4 places) below 10**12, costs (8 places) below 10**10: as a clerk may enter them, and so
    # any sum of a product's movements stays far inside the 64-bit integer they are kept in
    return Decimal(10) ** (12 if places <= 4 else 10)


_NOT_FINITE = frozenset({"nan", "snan", "inf", "infinity"})


def check_value(column, value) -> None:
    """Raise Refused when ``value`` (the canonical JSON form) cannot go into ``column``."""
    name = column.name
    if value is None:
        if not column.nullable:
            raise Refused(reason("missing", name=name))
        return
    kind = column.type
    if isinstance(kind, Scaled):
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise Refused(reason("not_number", name=name, value=repr(value)))
        try:
            number = written_number(value)  # as this desk writes it: never 1_0, " 1", １２, NaN or Infinity
        except ValueError:
            said = "not_finite" if str(value).strip().lstrip("+-").lower() in _NOT_FINITE else "not_number"
            raise Refused(reason(said, name=name, value=repr(str(value)[:40]))) from None
        limit = _scaled_limit(kind.scale)
        if abs(number) >= limit:
            raise Refused(reason("too_large", name=name, value=str(value)[:40], limit=f"{limit - 1:,}"))
        if number.normalize().as_tuple().exponent < -kind.scale:
            raise Refused(reason("too_many_places", name=name, value=str(value)[:40], places=kind.scale))
        return
    if isinstance(kind, Instant):
        if not isinstance(value, int) or isinstance(value, bool):
            raise Refused(reason("not_instant", name=name, value=repr(value)))
        low, high = _instant_bounds()
        if not low <= value <= high:
            raise Refused(_instant_refused(name, value))
        return
    if isinstance(kind, Date):
        try:
            day = date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        if day is None or day.isoformat() != value:  # as a desk writes it: never 20260301 nor the week date 2026-W09-7
            raise Refused(reason("not_date", name=name, value=repr(str(value)[:40])))
        last = _last_day(name)
        if not limits.FIRST_DAY <= day <= last:
            raise Refused(_date_refused(name, day.isoformat(), day > last, last))
        return
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise Refused(reason("not_bool", name=name, value=repr(value)))
        return
    if isinstance(kind, Integer):  # BigInteger is an Integer too
        if not isinstance(value, int) or isinstance(value, bool):
            raise Refused(reason("not_whole", name=name, value=repr(str(value)[:40])))
        bound = _INT_RANGE[BigInteger if isinstance(kind, BigInteger) else Integer]
        if not -bound <= value < bound:
            raise Refused(reason("out_of_range", name=name, value=value))
        return
    if isinstance(kind, String | Text):
        if not isinstance(value, str):
            raise Refused(reason("not_text", name=name, value=repr(str(value)[:40])))
        if kind.length is not None and len(value) > kind.length:
            raise Refused(reason("too_long", name=name, length=len(value), limit=kind.length))
        if _CONTROL.search(value) and not isinstance(kind, Text):
            raise Refused(reason("control_characters", name=name))
        if "\x00" in value:
            raise Refused(reason("nul_character", name=name))
        if _SURROGATE.search(value):
            raise Refused(reason("lone_surrogate", name=name))
        if name in _ID_COLUMNS and not _UUID.match(value):
            raise Refused(reason("not_an_id", name=name, value=repr(value[:40])))
        if name in _OPTIONAL_IDS and value and not _UUID.match(value):
            raise Refused(reason("not_a_device_id", name=name, value=repr(value[:40])))
        return


def check_row(table: Table, data: dict) -> None:
    """Check every column of one row (canonical JSON form) and refuse unknown columns."""
    if not isinstance(data, dict):
        raise Refused(reason("row_not_object", table=table.name))
    names, plan = _row_plan(table)
    unknown = [k for k in data if k not in names and not k.startswith("_")]
    if unknown:
        raise Refused(reason("unknown_field", table=table.name, field=repr(unknown[0][:40])))
    for name, column, passes in plan:
        value = data.get(name)
        if value is None:
            if column.nullable or (name not in data and (table.name, name) in r.LATER_DEFAULTS):
                continue  # (left out by a desk that does not know the column yet: it takes its default)
        elif passes is not None and passes(value):
            continue
        check_value(column, value)


@functools.cache
def _row_plan(table: Table) -> tuple[frozenset[str], tuple]:
    """A table's column names, and (name, column, ``_passes(column)``) of each column, made once per table."""
    return frozenset(table.c.keys()), tuple((c.name, c, _passes(c)) for c in table.columns)


def _passes(column):
    """A quick test that a (non-None) value certainly passes ``check_value(column, value)``, or None when there
    is none: anything the test does not accept goes through ``check_value``, which gives the reason. Only the
    common plain cases (text, whole numbers, flags) have one; amounts, instants, dates and ids always go the
    long way."""
    kind, name = column.type, column.name
    if isinstance(kind, Scaled | Instant | Date) or name in _ID_COLUMNS or name in _OPTIONAL_IDS:
        return None
    if isinstance(kind, Boolean):
        return lambda value: type(value) is bool
    if isinstance(kind, Integer):
        bound = _INT_RANGE[BigInteger if isinstance(kind, BigInteger) else Integer]
        return lambda value: type(value) is int and -bound <= value < bound
    if isinstance(kind, Text):
        limit = kind.length
        return lambda value: (type(value) is str and (limit is None or len(value) <= limit)
                              and "\x00" not in value and _SURROGATE.search(value) is None)
    if isinstance(kind, String):
        limit = kind.length
        # printable text has no control character (nor NUL); text that is not (a tab, a line break) is looked at
        return lambda value: (type(value) is str and (limit is None or len(value) <= limit) and value.isprintable())
    return None


def _domain(field: str, check) -> None:
    try:
        check()
    except BadInput as exc:
        # the field check's own problem code and values (domain.imports.problems) go along, for a screen to say
        raise Refused(reason("field_rule", field=field, text=str(exc), problem=exc.code,
                             values=json.dumps([str(v) for v in exc.values], ensure_ascii=False))) from None


def _normal(field: str, value) -> None:
    """A code as a clerk would have had it stored: accepted by ``v.code`` and already in its normal form
    (a full-width or zero-width variant of a SKU would be a second product that looks the same)."""
    normal = v.code(field, value)
    if normal != value:
        said = Said("not_normal_form", (repr(value), repr(normal)))
        raise BadInput(field, said.english(), code=said.code, values=said.values)


def _positive(data: dict, *names: str, zero: bool = False) -> None:
    for name in names:
        value = data.get(name)
        if value is not None and (Decimal(value) < 0 or (not zero and Decimal(value) == 0)):
            raise Refused(reason("negative" if zero else "not_positive", name=name, value=value))


def _one_of(data: dict, name: str, allowed) -> None:
    if data.get(name) not in {str(a) for a in allowed}:
        raise Refused(reason("not_one_of", name=name, value=repr(str(data.get(name))[:40]),
                              allowed=", ".join(str(a) for a in allowed)))


def _percent(data: dict, name: str) -> None:
    value = data.get(name)
    if value is not None and not Decimal(0) <= Decimal(value) <= Decimal(100):
        raise Refused(reason("not_percent", name=name, value=value))


def _rules(spec_name: str, data: dict) -> None:
    """The domain's own rules for a record, beyond its columns' types."""
    for name in _CODE_COLUMNS.get(spec_name, ()):
        _domain(name, lambda name=name: _normal(name, data[name]))
    if spec_name in ("products", "warehouses", "suppliers", "customers"):
        _domain("name", lambda: v.text("name", data["name"]))
    for name in _FREE_TEXT.get(spec_name, ()):
        value = data.get(name)
        if isinstance(value, str) and value:  # (its length is its column's check)
            _domain(name, lambda name=name, value=value: v.text(name, value, required=False, max_len=len(value)))
    if spec_name == "products":
        _positive(data, "pack_size")
        _positive(data, "min_level", "max_level", zero=True)
        low, high = data.get("min_level"), data.get("max_level")
        if low is not None and high is not None and Decimal(high) < Decimal(low):
            raise Refused(reason("max_below_min", high=high, low=low))
        for row in data.get("_children", {}).get("barcodes", []):
            _domain("barcode", lambda row=row: _normal("barcode", row.get("barcode")))
    elif spec_name == "product_units":
        _pack_unit(data)
    elif spec_name == "suppliers":
        if not re.fullmatch(r"[A-Z]{3}", data["currency"]):
            raise Refused(reason("not_currency", name="currency", value=repr(data["currency"][:10])))
        _positive(data, "lead_time_days", zero=True)
    elif spec_name == "users":
        _one_of(data, "role", ROLES)
    elif spec_name == "supplier_terms":
        _positive(data, "moq", "order_multiple", "unit_price", zero=True)  # a price of -1 was applied and ordered at
    elif spec_name == "supplier_price_breaks":
        _positive(data, "min_qty")  # as ``domain.purchasing.terms.set_price_breaks`` takes them
        _positive(data, "price", zero=True)
    elif spec_name == "exchange_rates":
        if not re.fullmatch(r"[A-Z]{3}", data["currency"]):
            raise Refused(reason("not_currency", name="currency", value=repr(data["currency"][:10])))
        _positive(data, "rate")
    elif spec_name == "supplier_term_details":
        _positive(data, "pack_size")
        _one_of(data, "price_per", PricePer)
    elif spec_name == "product_planning":
        target = data.get("service_target")
        if target is not None and not Decimal(0) < Decimal(target) < Decimal(1):
            raise Refused(reason("not_between", name="service_target", value=target, low=0, high=1))
        _positive(data, "review_days")
    elif spec_name == "documents":
        _one_of(data, "kind", DocumentKind)
        _positive(data, "seq")
        _delivery_links(data)
        _percent(data, "tax_rate")
        _document_lines(data)
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
            raise Refused(reason("own_substitute"))
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
                raise Refused(reason("line_exceeds_order", line=row["line_no"], shipped=row["shipped"],
                                     cut=row["cancelled"], qty=row["qty"]))
    elif spec_name == "purchase_orders":
        _one_of(data, "state", PoState)
        _positive(data, "tax_rate", zero=True)
        _positive(data, "fx_rate")
        for row in data.get("_children", {}).get("purchase_order_lines", []):
            _positive(row, "qty", "pack_size")
            _positive(row, "received", "price", zero=True)
            _one_of(row, "price_per", PricePer)
    elif spec_name == "office_settings":
        _office_rules(data["key"], data["value"])
    else:
        _account_rules(spec_name, data)


def _document_lines(data: dict) -> None:
    """A posted document's lines as ``domain.stock.documents`` checks them: a quantity above 0 (an adjustment's signed,
    never 0; a count's the signed difference it posted), a unit cost and a counted quantity of 0 or more; the expected
    quantity of a count is what the ledger held, of either sign."""
    for row in data.get("_children", {}).get("document_lines", []):
        if data["kind"] == DocumentKind.ADJUSTMENT.value:
            if row.get("qty") is not None and written_number(row["qty"]) == 0:
                raise Refused(reason("not_positive", name="qty", value=row["qty"]))
        elif data["kind"] != DocumentKind.COUNT.value:
            _positive(row, "qty")
        _positive(row, "unit_cost", "counted", zero=True)
def _pack_unit(data: dict) -> None:
    """A packaging unit (``domain.catalog.packaging``): a name as a clerk types one, more than one base unit to the
    pack, each barcode a code in its normal form. (Whether the product takes a fraction, and whether a barcode is
    another's, the hub and the desk decide against what they hold: ``hub._free_unit_barcodes``, ``gate``.)"""
    _domain("unit name", lambda: v.text("unit name", data["name"], max_len=len(data["name"]) or 1))
    if written_number(data["per"]) <= 1:
        raise Refused(reason("not_above", name="per", value=data["per"], low=1))
    for row in data.get("_children", {}).get("product_unit_barcodes", []):
        _domain("barcode", lambda row=row: _normal("barcode", row.get("barcode")))


def _delivery_links(data: dict) -> None:
    """A document's lines name movements only on a receipt of a delivery against a PO, each a quantity received
    and each movement once (``persistence.stock.documents``; whether the movement is that line's receipt is checked
    where the link is used, the movement perhaps not pulled yet)."""
    seen = set()
    for row in data.get("_children", {}).get("document_lines", []):
        movement = row.get("movement_id")
        if movement is None:
            continue
        if data["kind"] != DocumentKind.RECEIPT.value or not data.get("reference"):
            raise Refused(reason("link_not_delivery", kind=data["kind"], line=row["line_no"]))
        if row.get("qty") is None:
            raise Refused(reason("missing", name="qty"))
        _positive(row, "qty")
        if movement in seen:
            raise Refused(reason("link_twice", movement=movement))
        seen.add(movement)


_BASES = tuple(BASES)


def _office_rules(key: str, value: str) -> None:
    """An office-wide setting (``persistence.office``) as the screen that sets it would have accepted it. A refusal
    names the setting by its key, which the window says in its reader's language (``ui.sync_reasons.FIELD_NAMES``);
    the English says the field as the screen does."""
    _one_of({"key": key}, "key", office.KEYS)
    if key == office.CURRENCY:
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise Refused(reason("not_currency", name="currency", value=repr(value[:10])))
        _domain(key, lambda: iso_currency(value))
    elif key in (office.TAX_RATE, office.TOLERANCE):
        field, most = ("tax rate", 100) if key == office.TAX_RATE else ("over-receipt tolerance", 1000)
        _domain(key, lambda: v.number(field, value, max_places=4))
        if not Decimal(0) <= Decimal(value) <= most:
            if most == 100:
                raise Refused(reason("not_percent", name=key, value=value))
            raise Refused(reason("not_between", name=key, value=value, low=0, high=most))
    elif key == office.COMPANY_NAME:
        _domain(key, lambda: v.text("company name", value))
    elif key == office.COMPANY_ADDRESS:
        _domain(key, lambda: v.text("company address", value, required=False, max_len=500))
    elif key == office.ABC_BASIS:
        _one_of({key: value}, key, _BASES)
    elif key == office.FILL_RATE:
        _one_of({key: value}, key, ("on", "off"))
    elif key == office.SERVICE_RULE:
        _one_of({key: value}, key, service.RULES)
    elif key == office.SERVICE_OVERALL:  # kept as a share, such as 0.99 (domain.planning.settings)
        _domain(key, lambda: v.number("overall service target", value, max_places=4))
        _domain(key, lambda: parse_overall(str(Decimal(value) * 100)))
    elif key == office.ORDER_COST:  # as Settings › Planning keeps it: an amount such as 20 (0: off)
        _domain(key, lambda: v.number("order cost per purchase-order line", value, max_places=2))
        _domain(key, lambda: parse_order_cost(value))
    elif key == office.HOLDING_RATE:  # kept as a share, such as 0.25 (domain.planning.settings)
        _domain(key, lambda: v.number("holding rate a year", value, max_places=4))
        _domain(key, lambda: parse_holding_rate(str(Decimal(value) * 100)))
    elif key in (office.DEAD_DAYS, office.COVER_TARGET):
        field = "dead-stock days" if key == office.DEAD_DAYS else "cover target days"
        _domain(key, lambda: parse_days(field, value, 90))
        if str(int(value)) != value:  # as the dashboard's settings store it: digits only
            raise Refused(reason("not_whole", name=key, value=repr(value[:20])))
    elif key == office.AGEING_BASIS:
        _one_of({key: value}, key, ("due", "date"))
    elif key == office.AGEING_BANDS:
        _domain(key, lambda: parse_bounds(value))
    else:  # a price level's name
        field = key.removeprefix(office.LEVEL_NAME) + " name"
        _domain(key, lambda: v.text(field, value, max_len=64))


# Receivables and payables (docs/ACCOUNTS.md): each kind of open item, the side it belongs to and the sign of its
# amount (+ raises what is owed, - settles it, 0 either: an opening balance or a reversal takes the sign it needs).
ITEM_KINDS: dict[str, tuple[frozenset[str], int]] = {
    "sale": (frozenset({"AR"}), 1), "customer_return": (frozenset({"AR"}), -1),
    "goods_receipt": (frozenset({"AP"}), 1), "supplier_return": (frozenset({"AP"}), -1),
    "supplier_invoice": (frozenset({"AP"}), 1), "invoice_match": (frozenset({"AP"}), -1),
    "opening": (frozenset({"AR", "AP"}), 0), "receipt": (frozenset({"AR"}), -1),
    "payment": (frozenset({"AP"}), -1), "refund": (frozenset({"AR", "AP"}), 1),
    "reversal": (frozenset({"AR", "AP"}), 0), "write_off": (frozenset({"AR", "AP"}), -1),
    "exchange_difference": (frozenset({"AP"}), 0),  # a gain (-) or a loss (+) of a foreign supplier's
}
# The kinds that may keep an amount typed in the supplier's currency (fx_currency, fx_amount, fx_rate).
IN_CURRENCY_KINDS = frozenset({"payment", "refund", "reversal"})
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
        raise Refused(reason("not_between", name="payment_days", value=days, low=0, high=PAYMENT_DAYS_MAX))


def _money(data: dict, *names: str) -> None:
    for name in names:
        value = data.get(name)
        if value is not None and abs(Decimal(value)) >= limits.MONEY_MAX:
            raise Refused(reason("money_too_large", name=name, value=value, limit=f"{limits.MONEY_MAX:,}"))


def _month(data: dict, name: str = "month") -> None:
    if parse_month(data.get(name)) != data.get(name):
        raise Refused(reason("not_month", name=name, value=repr(str(data.get(name))[:20])))


def _item_in_currency(data: dict, amount: Decimal) -> None:
    """Money typed in a supplier's currency (migration 0020): its currency, amount in it and rate go together, on AP
    money only (or its reversal), the amount of the item's sign and not 0, the rate above 0, the currency a code in
    use; an exchange difference has none and is never 0."""
    given = [data.get(n) is not None for n in ("fx_currency", "fx_amount", "fx_rate")]
    if data["kind"] == "exchange_difference" and amount == 0:
        raise Refused(reason("zero_money", kind=data["kind"]))
    if not any(given):
        return
    if not all(given):
        raise Refused(reason("item_fx_together"))
    if data["kind"] not in IN_CURRENCY_KINDS or data["side"] != "AP":
        raise Refused(reason("item_fx_kind", kind=data["kind"], side=data["side"]))
    if not re.fullmatch(r"[A-Z]{3}", data["fx_currency"]):
        raise Refused(reason("not_currency", name="fx_currency", value=repr(data["fx_currency"][:10])))
    _domain("fx_currency", lambda: iso_currency(data["fx_currency"], "fx_currency"))
    if Decimal(data["fx_rate"]) <= 0:
        raise Refused(reason("fx_rate"))
    fx_amount = Decimal(data["fx_amount"])
    if fx_amount == 0 or (fx_amount > 0) != (amount > 0):
        raise Refused(reason("item_fx_sign", fx_amount=data["fx_amount"], amount=data["amount"]))


def _account_rules(spec_name: str, data: dict) -> None:
    """The accounts area's rules for one record, beyond its columns (what needs no other record here). Its dates are
    checked with its columns (``check_value``): a business date to a year after today, a due date further on."""
    if spec_name == "account_items":
        _one_of(data, "side", SIDES)
        _one_of(data, "kind", ITEM_KINDS)
        sides, sign = ITEM_KINDS[data["kind"]]
        if data["side"] not in sides:
            raise Refused(reason("item_side", kind=data["kind"], sides="/".join(sorted(sides)), side=data["side"]))
        amount = Decimal(data["amount"])
        if amount * sign < 0:
            raise Refused(reason("wrong_sign", amount=data["amount"], kind=data["kind"], sign="+" if sign > 0 else "-"))
        if amount == 0 and data["kind"] in MONEY_KINDS:
            raise Refused(reason("zero_money", kind=data["kind"]))
        _money(data, "amount", "fx_amount")
        _item_in_currency(data, amount)
        if data.get("due_on") is not None and data["due_on"] < data["business_date"]:
            raise Refused(reason("due_before", due=data["due_on"], day=data["business_date"]))
        if (data["kind"] == "reversal") != (data.get("reverses_id") is not None):
            raise Refused(reason("reversal_names"))
        if data.get("reverses_id") == data["id"]:
            raise Refused(reason("reverses_itself"))
        if (data.get("year") is None) != (data.get("seq") is None):
            raise Refused(reason("year_and_seq"))
        if data.get("seq") is not None:
            _positive(data, "seq")
            last = data["number"].rsplit("-", 1)[-1]
            if "-" not in data["number"] or not last.isdigit() or int(last) != data["seq"]:
                raise Refused(reason("number_seq", number=repr(data["number"][:40]), seq=data["seq"]))
            if not limits.FIRST_DAY.year <= data["year"] <= limits.last_day(clock.now().date()).year:
                raise Refused(reason("year_outside", year=data["year"]))
        _domain("method", lambda: v.check_characters("method", data["method"]))
        _domain("reference", lambda: v.check_characters("reference", data["reference"]))
        _domain("note", lambda: v.check_characters("note", data["note"], multiline=True))
    elif spec_name == "allocations":
        amount = Decimal(data["amount"])
        if amount == 0:
            raise Refused(reason("allocation_zero"))
        if data.get("undoes_id") is None and amount < 0:
            raise Refused(reason("allocation_negative", amount=data["amount"]))
        if data.get("undoes_id") is not None and amount > 0:
            raise Refused(reason("undo_positive", amount=data["amount"]))
        if data["debit_item_id"] == data["credit_item_id"]:
            raise Refused(reason("settles_itself"))
        if data.get("undoes_id") == data["id"]:
            raise Refused(reason("undoes_itself"))
        _money(data, "amount")
    elif spec_name == "payment_methods":
        _domain("code", lambda: v.text("code", data["code"], max_len=limits.METHOD))
        _domain("name", lambda: v.text("name", data["name"], max_len=limits.NAME))
    elif spec_name == "supplier_invoices":
        _domain("number", lambda: v.text("number", data["number"], max_len=limits.CODE))
        _positive(data, "amount", "tax", zero=True)
        _money(data, "amount", "tax")
        if data.get("due_on") is not None and data["due_on"] < data["business_date"]:
            raise Refused(reason("due_before", due=data["due_on"], day=data["business_date"]))
        for row in data.get("_children", {}).get("supplier_invoice_lines", []):
            _positive(row, "qty")
            _positive(row, "unit_price", zero=True)
            _positive(row, "line_no")
    elif spec_name == "periods":
        _month(data)
        if data["closed"] and data.get("closed_at") is None:
            raise Refused(reason("closed_without_time"))
    elif spec_name == "period_events":
        _month(data)
        _one_of(data, "action", PERIOD_ACTIONS)
        if data["action"] == "reopen" and not data["reason"].strip():
            raise Refused(reason("reopen_reason"))
    elif spec_name == "period_stock":
        _month(data)
    elif spec_name == "period_balances":
        _month(data)
        _one_of(data, "side", SIDES)
        _money(data, "balance")


def check_key(spec: r.Spec, key) -> str:
    """Why a logged key cannot name a record of ``spec`` (an id, or the JSON list of a composite key); ''."""
    if not isinstance(key, str):
        return reason("key_not_text")
    if spec.key == ("id",):
        return "" if is_id(key) else reason("key_not_id", key=repr(key[:40]))
    try:
        values = json.loads(key)
    except (ValueError, RecursionError):
        return reason("key_not_of", key=repr(key[:40]), table=spec.name)
    if not isinstance(values, list) or len(values) != len(spec.key):
        return reason("key_not_of", key=repr(key[:40]), table=spec.name)
    for name, value in zip(spec.key, values, strict=True):
        why = check_or_reason(spec.table.c[name], value)
        if why or value is None:
            return why or reason("missing", name=name)
    return ""


def check_record(spec: r.Spec, key: str, data) -> str:
    """Why a pulled or pushed record (or '' for a deletion's None) cannot be applied; '' when it can."""
    if data is None:
        return ""
    try:
        if not isinstance(data, dict):
            raise Refused(reason("record_not_object"))
        check_row(spec.table, data)
        if r.row_key(spec, data) != key:
            raise Refused(reason("key_mismatch", key=repr(r.row_key(spec, data)[:80])))
        children = data.get("_children", {})
        if not isinstance(children, dict):
            raise Refused(reason("children_not_object"))
        for child, fk in spec.children:
            rows = children.get(child.name, [])
            if not isinstance(rows, list):
                raise Refused(reason("child_not_list", child=child.name))
            pks = set()
            for row in rows:
                check_row(child, row)
                if row[fk[0]] != key:
                    raise Refused(reason("child_of_another", child=child.name))
                pk = tuple(row[c.name] for c in child.primary_key.columns)
                if pk in pks:
                    raise Refused(reason("child_twice", child=child.name, pk=repr(pk)))
                pks.add(pk)
        _rules(spec.name, data)
    except Refused as exc:
        return exc.reason
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:  # a shape no check above foresaw
        return reason("malformed_record", error=f"{type(exc).__name__}: {str(exc)[:80]}")
    return ""


def _raw_column(column):
    """A check of one raw value (scaled integer, microseconds, text) of ``column``: value → reason or ''."""
    name, nullable, kind = column.name, column.nullable, column.type

    def missing() -> str:
        return "" if nullable else reason("missing", name=name)

    if isinstance(kind, Scaled):
        limit = int(_scaled_limit(kind.scale)) * 10**kind.scale

        def scaled(v) -> str:
            if v is None:
                return missing()
            if type(v) is not int:
                return reason("not_number", name=name, value=repr(str(v)[:40]))
            if -limit < v < limit:
                return ""
            return reason("too_large", name=name, value=Decimal(v).scaleb(-kind.scale),
                          limit=f"{limit // 10**kind.scale - 1:,}")
        return scaled
    if isinstance(kind, Instant):
        low, high = _instant_bounds()

        def instant(v) -> str:
            if v is None:
                return missing()
            if type(v) is not int:
                return reason("not_instant", name=name, value=repr(str(v)[:40]))
            return "" if low <= v <= high else _instant_refused(name, v)
        return instant
    if isinstance(kind, String | Text):
        length, ids, optional = kind.length, name in _ID_COLUMNS, name in _OPTIONAL_IDS
        control = None if isinstance(kind, Text) else _CONTROL

        def string(v) -> str:
            if v is None:
                return missing()
            if type(v) is not str:
                return reason("not_text", name=name, value=repr(str(v)[:40]))
            if length is not None and len(v) > length:
                return reason("too_long", name=name, length=len(v), limit=length)
            if control is not None and control.search(v) or "\x00" in v:
                return reason("control_characters", name=name)
            if _SURROGATE.search(v):
                return reason("lone_surrogate", name=name)
            if (ids or (optional and v)) and not _UUID.match(v):
                return reason("not_an_id", name=name, value=repr(v[:40]))
            return ""
        return string
    return lambda v: check_or_reason(column, v)


def check_or_reason(column, value) -> str:
    try:
        check_value(column, value)
    except Refused as exc:
        return exc.reason
    return ""


# The kinds whose quantity has one sign whoever posts them: what comes in (+) and what goes out (-). An adjustment,
# a count and a reversal take the sign they need.
_INWARD = frozenset({MovementKind.RECEIPT.value, MovementKind.TRANSFER_IN.value})
_OUTWARD = frozenset({MovementKind.SHIPMENT.value, MovementKind.TRANSFER_OUT.value})


def fact_checker(table: Table):
    """A fast check of raw movement (or unfilled demand) rows, as read from SQLite or the hub: row → reason or ''.

    The same rules as a clerk's posting: every column's type, length and range, a movement kind that
    exists, no zero quantity (but a count), a receipt or transfer's incoming leg above 0 and a shipment or outgoing leg
    below 0, no negative cost, a reversal names what it reverses, a
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
        scale = columns[qty].type.scale

        def rules(row) -> str:
            k = row[kind]
            if k not in kinds:
                return reason("not_one_of", name="kind", value=repr(str(k)[:40]), allowed=", ".join(sorted(kinds)))
            if row[qty] == 0 and k != MovementKind.COUNT:
                return reason("qty_zero")
            if (row[qty] < 0 and k in _INWARD) or (row[qty] > 0 and k in _OUTWARD):
                return reason("qty_wrong_sign", qty=Decimal(row[qty]).scaleb(-scale).normalize(), movement=k,
                              sign="+" if k in _INWARD else "-")
            if row[cost] is not None and row[cost] < 0:
                return reason("is_negative", name="unit_cost")
            if k == MovementKind.REVERSAL and not row[reverses]:
                return reason("reversal_names_none")
            if k in legs and not row[transfer]:
                return reason("leg_no_transfer")
            return _fx_rules(row[fx[0]], row[fx[1]], row[fx[2]], row[cost])
    else:
        def rules(row) -> str:
            return "" if row[qty] > 0 else reason("qty_not_positive")

    def check(row) -> str:
        if len(row) != width:
            return reason("malformed_row")
        for i, column_check in per_column:
            why = column_check(row[i])
            if why:
                return why
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
    return {i: why for i, row in enumerate(rows) if (why := check(row))}


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
        if _SURROGATE.search(joined):
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
    if any((q < 0) if k in _INWARD else (q > 0 and k in _OUTWARD) for q, k in zip(qty, kinds, strict=True)):
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
        return reason("fx_together")
    if not re.fullmatch(r"[A-Z]{3}", currency):
        return reason("not_currency", name="fx_currency", value=repr(currency[:10]))
    if price < 0:
        return reason("is_negative", name="fx_unit_price")
    if rate <= 0:
        return reason("fx_rate")
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
        raise Refused(reason("not_json")) from None
