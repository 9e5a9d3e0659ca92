"""The longest text each field may hold: one definition, used by the use cases' checks, the
SQLite tables, the hub's tables (the same migrations) and the sync checks on both directions.

``tests/integration/sync/test_field_limits.py`` compares them, so a field cannot be longer in
one place than in another (a reference accepted on a desk and refused by the hub would block
every later push).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

SKU = 64
BARCODE = 64
NAME = 200  # product, warehouse, supplier, customer names
UNIT = 16
CATEGORY = 64
CODE = 32  # warehouse, supplier and customer codes, document numbers, partners
ADDRESS = 500
CONTACT = 200
REFERENCE = 64  # a movement's or document's reference (a delivery note, an order number)
NOTE = 500
USERNAME = 64
SUPPLIER_SKU = 64
REASON = 500
METHOD = 32  # a payment method's code (cash, bank, wechat, alipay, other, or one the office added)

# table.column → limit, for every field a clerk types that the sync carries
FIELDS: dict[str, int] = {
    "products.sku": SKU, "products.name": NAME, "products.unit": UNIT, "products.category": CATEGORY,
    "barcodes.barcode": BARCODE, "product_units.name": UNIT, "product_unit_barcodes.barcode": BARCODE,
    "warehouses.code": CODE, "warehouses.name": NAME, "warehouses.address": ADDRESS,
    "suppliers.code": CODE, "suppliers.name": NAME, "suppliers.contact": CONTACT, "suppliers.address": ADDRESS,
    "customers.code": CODE, "customers.name": NAME, "customers.contact": CONTACT,
    "supplier_terms.supplier_sku": SUPPLIER_SKU,
    "movements.source_ref": REFERENCE, "movements.note": NOTE, "movements.user": USERNAME,
    "unfilled_demand.source_ref": REFERENCE, "unfilled_demand.note": NOTE, "unfilled_demand.customer": CODE,
    "documents.number": CODE, "documents.partner": CODE, "documents.reference": REFERENCE, "documents.note": NOTE,
    "users.username": USERNAME,
    "purchase_orders.reason": REASON,
    # receivables and payables (docs/ACCOUNTS.md)
    "customer_profiles.payment_terms": REASON, "supplier_profiles.payment_terms": REASON,
    "account_items.number": CODE, "account_items.method": METHOD, "account_items.reference": REFERENCE,
    "account_items.note": NOTE, "account_items.user": USERNAME,
    "allocations.user": USERNAME,
    "payment_methods.code": METHOD, "payment_methods.name": NAME,
    "supplier_invoices.number": CODE, "supplier_invoices.note": NOTE, "supplier_invoices.user": USERNAME,
    "periods.closed_by": USERNAME,
    "period_events.user": USERNAME, "period_events.reason": REASON,
}

# Business dates: the day something happened (a movement, a document, a payment, an invoice received), from the
# Unix epoch, where the ledger's instants start, to a year after today. A desk's clock may run a little ahead of
# another's, so a date just after today is taken; a year on is a typing slip (2099 for 2029, 9999), which would sit
# at the end of every ledger, report and forecast. One rule for what a clerk types, what an import reads and what
# a sync takes from the hub (``persistence.sync.checks``).
FIRST_DAY = date(1970, 1, 1)  # and not before its midnight in UTC (the first hours of it east of Greenwich)
YEARS_AHEAD = 1
# An exchange rate's first day is a business date too: it only values receipts, whose dates lie in this window.
# Dates planned ahead (an order's requested or expected date, a due date) may lie further on:
# payment terms run to ten years. Past this they are slips too, and would not survive the conversions to local
# time and to the stored microseconds.
PLANNED_YEARS_AHEAD = 100


def last_day(today: date) -> date:
    """The last business date accepted when it is ``today``: the same day ``YEARS_AHEAD`` years on."""
    return _years_on(today, YEARS_AHEAD)


def last_planned_day(today: date) -> date:
    """The last date planned ahead accepted when it is ``today``: the same day ``PLANNED_YEARS_AHEAD`` years on."""
    return _years_on(today, PLANNED_YEARS_AHEAD)


def _years_on(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years, day=28)


# Numbers: what one typed quantity or unit cost may be, and what one balance may reach. Quantities are
# kept as integers of 1/10,000 and values of 1/10,000 in signed 64-bit columns (9.2 * 10**18): a
# balance below ON_HAND_MAX takes 10**17 of that, so even SQL sums over many balances stay exact.
QTY_MAX = Decimal(10) ** 12  # a typed quantity is below this
COST_MAX = Decimal(10) ** 10  # a typed unit cost or price is below this
ON_HAND_MAX = Decimal(10) ** 13  # a balance (on hand, on order, reserved) stays below this
VALUE_MAX = Decimal(10) ** 14  # a movement's value and a stock value stay below this
MONEY_MAX = Decimal(10) ** 12  # one open item's, allocation's or supplier invoice's amount is below this
