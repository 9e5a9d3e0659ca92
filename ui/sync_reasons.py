"""Why sync kept a record aside, in the reader's language: each code of ``persistence.sync.reasons``.

The checks keep a pulled record aside with a code and its values (``sync_quarantine.code``,
``params``); ``REASONS`` gives each code a template with ``%1``, ``%2``… marked for translation and
the names of the values that go in, in that order (as ``ui.refusals`` does for refusals). A test
keeps the codes of both lists equal. A row kept before codes existed (code '') is said in the
English it was stored with.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from ui.i18n import fill
from ui.models.movements import kind_text
from ui.refusals import Template
from ui.refusals import refusal_text
from ui.refusals import say
from ui.refusals import value_text

CONTEXT = "SyncReasons"


def _t(text: str, *params: str) -> Template:
    return Template(CONTEXT, text, params)


REASONS: dict[str, Template] = {
    "missing": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1 is missing"), "name"),
    "not_number": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not a number"), "name", "value"),
    "not_finite": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not a finite number"), "name", "value"),
    "too_large": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "%1: %2 is too large; at most %3 is accepted"), "name", "value", "limit"),
    "too_many_places": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "%1: %2 has more than %3 decimal places"), "name", "value", "places"),
    "not_instant": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not a point in time"), "name", "value"),
    "outside": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is outside %3..%4"), "name", "value", "first", "last"),
    "too_far_ahead": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "%1: %2 is more than a year after today on this computer; dates from %3 to %4 are accepted"),
        "name", "value", "first", "last"),
    "not_date": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not a date such as 2026-03-01"), "name", "value"),
    "not_bool": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not true or false"), "name", "value"),
    "not_whole": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not a whole number"), "name", "value"),
    "out_of_range": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is out of range"), "name", "value"),
    "not_text": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not text"), "name", "value"),
    "too_long": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "%1 is %2 characters long; at most %3 are accepted"), "name", "length", "limit"),
    "control_characters": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1 contains control characters"), "name"),
    "nul_character": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1 contains a NUL character"), "name"),
    "lone_surrogate": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1 contains half of a character (a lone UTF-16 "
                                                          "surrogate), which no text can hold"), "name"),
    "not_an_id": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not an id"), "name", "value"),
    "not_a_device_id": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not a device id"), "name", "value"),
    "row_not_object": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: the row is not an object"), "table"),
    "unknown_field": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: unknown field %2"), "table", "field"),
    "record_not_object": _t(QT_TRANSLATE_NOOP("SyncReasons", "the record is not an object")),
    "key_mismatch": _t(QT_TRANSLATE_NOOP("SyncReasons", "the record's key %1 is not the logged key"), "key"),
    "children_not_object": _t(QT_TRANSLATE_NOOP("SyncReasons", "_children is not an object")),
    "child_not_list": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1 is not a list"), "child"),
    "child_of_another": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: a row belongs to another record"), "child"),
    "child_twice": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 appears twice"), "child", "pk"),
    "malformed_record": _t(QT_TRANSLATE_NOOP("SyncReasons", "malformed record (%1)"), "error"),
    "malformed_row": _t(QT_TRANSLATE_NOOP("SyncReasons", "malformed row")),
    "key_not_text": _t(QT_TRANSLATE_NOOP("SyncReasons", "the key is not text")),
    "key_not_id": _t(QT_TRANSLATE_NOOP("SyncReasons", "the key %1 is not an id"), "key"),
    "key_not_of": _t(QT_TRANSLATE_NOOP("SyncReasons", "the key %1 is not a key of %2"), "key", "table"),
    "not_json": _t(QT_TRANSLATE_NOOP("SyncReasons", "the logged record is not valid JSON")),
    "record_empty": _t(QT_TRANSLATE_NOOP("SyncReasons", "the logged record is empty")),
    "unknown_table": _t(QT_TRANSLATE_NOOP("SyncReasons", "unknown table %1"), "table"),
    "field_rule": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1"), "text"),
    "not_positive": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 must be greater than 0"), "name", "value"),
    "not_above": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 must be greater than %3"), "name", "value", "low"),
    "negative": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 must be 0 or more"), "name", "value"),
    "not_one_of": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not one of %3"), "name", "value", "allowed"),
    "not_percent": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not a percent between 0 and 100"), "name", "value"),
    "not_between": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "%1: %2 is not between %3 and %4"), "name", "value", "low", "high"),
    "max_below_min": _t(QT_TRANSLATE_NOOP("SyncReasons", "max_level %1 is below min_level %2"), "high", "low"),
    "not_currency": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not a three-letter currency code"), "name", "value"),
    "own_substitute": _t(QT_TRANSLATE_NOOP("SyncReasons", "substitute_id: a product cannot be its own substitute")),
    "link_not_delivery": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "document_lines: line %1 of a %2 names a movement; only a receipt against a purchase order's "
                       "lines do"), "line", "kind"),
    "link_twice": _t(QT_TRANSLATE_NOOP("SyncReasons", "document_lines: movement %1 is named by two lines"),
                     "movement"),
    "line_exceeds_order": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "sales_order_lines: line %1 shipped %2 and cut %3 exceed the ordered %4"),
        "line", "shipped", "cut", "qty"),
    "money_too_large": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "%1: %2 is too large; an amount stays below %3"), "name", "value", "limit"),
    "not_month": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1: %2 is not a month such as 2026-11"), "name", "value"),
    "item_side": _t(QT_TRANSLATE_NOOP("SyncReasons", "kind: a %1 item belongs to %2, not %3"), "kind", "sides", "side"),
    "wrong_sign": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "amount: %1 has the wrong sign for a %2 item (%3 expected)"), "amount", "kind", "sign"),
    "zero_money": _t(QT_TRANSLATE_NOOP("SyncReasons", "amount: a %1 of 0"), "kind"),
    "item_fx_together": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "fx_currency, fx_amount and fx_rate go together; some are missing")),
    "item_fx_kind": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "fx_currency: a %1 item of %2 keeps no amount in a currency; only a supplier's payment, refund "
                       "or their reversal does"), "kind", "side"),
    "item_fx_sign": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "fx_amount: %1 is 0 or of another sign than the amount %2"), "fx_amount", "amount"),
    "due_before": _t(QT_TRANSLATE_NOOP("SyncReasons", "due_on: %1 is before the business date %2"), "due", "day"),
    "reversal_names": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "reverses_id: a reversal names the item it reverses, and only a reversal does")),
    "reverses_itself": _t(QT_TRANSLATE_NOOP("SyncReasons", "reverses_id: an item cannot reverse itself")),
    "year_and_seq": _t(QT_TRANSLATE_NOOP("SyncReasons", "year and seq go together")),
    "number_seq": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "number: %1 does not end in its seq %2 (RC-2026-00001 is seq 1)"), "number", "seq"),
    "year_outside": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "year: %1 is outside the years a business date may fall in"), "year"),
    "allocation_zero": _t(QT_TRANSLATE_NOOP("SyncReasons", "amount: an allocation of 0")),
    "allocation_negative": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "amount: %1 is negative but the allocation undoes nothing (undoes_id)"), "amount"),
    "undo_positive": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "amount: %1 undoes an allocation, so it is negative"), "amount"),
    "settles_itself": _t(QT_TRANSLATE_NOOP("SyncReasons", "credit_item_id: an item cannot settle itself")),
    "undoes_itself": _t(QT_TRANSLATE_NOOP("SyncReasons", "undoes_id: an allocation cannot undo itself")),
    "closed_without_time": _t(QT_TRANSLATE_NOOP("SyncReasons", "closed_at: a closed month says when it was closed")),
    "reopen_reason": _t(QT_TRANSLATE_NOOP("SyncReasons", "reason: a month is reopened only with a reason")),
    "qty_zero": _t(QT_TRANSLATE_NOOP("SyncReasons", "qty must not be 0")),
    "qty_wrong_sign": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "qty: %1 has the wrong sign for a movement of kind %2 (%3 expected)"), "qty", "movement",
        "sign"),
    "is_negative": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1 is negative"), "name"),
    "reversal_names_none": _t(QT_TRANSLATE_NOOP("SyncReasons", "a reversal names no movement it reverses")),
    "leg_no_transfer": _t(QT_TRANSLATE_NOOP("SyncReasons", "a transfer leg has no transfer id")),
    "qty_not_positive": _t(QT_TRANSLATE_NOOP("SyncReasons", "qty must be greater than 0")),
    "fx_together": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "fx_currency, fx_unit_price, fx_rate and unit_cost go together; some are missing")),
    "fx_rate": _t(QT_TRANSLATE_NOOP("SyncReasons", "fx_rate must be greater than 0")),
    "missing_reference": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "%1 refers to %2 %3 which is not here"), "column", "target", "value"),
    "fact_reference": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "%1 refers to a %2 %3 which is not here"), "column", "target", "value"),
    "sku_other_case": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "sku: %1 is the SKU %2 of another product here, in another case"), "sku", "other"),
    "sku_is_barcode": _t(QT_TRANSLATE_NOOP("SyncReasons", "sku: %1 is the barcode of another product here"), "sku"),
    "barcode_is_sku": _t(QT_TRANSLATE_NOOP("SyncReasons", "barcode: %1 is the SKU of another product here"), "barcode"),
    "still_referenced": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "deleted on the hub, but %1 here still refer to it"), "table"),
    "merged_missing": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "merged on the hub into %1 %2, which is not here: not renamed"), "table", "key"),
    "second_reversal": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "said on the hub to be a second reversal of movement %1, but it reverses %2"),
        "original", "reverses"),
    "held_reference": _t(QT_TRANSLATE_NOOP("SyncReasons", "%1 refers to %2 %3, which is held back"),
                         "column", "target", "value"),
    "currency_change_open": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "currency: supplier %1 changes from %2 to %3 on the hub, but here it has open purchase orders "
                       "(%4) or unsettled payables (%5) in %2; the change comes in once they are received, settled or "
                       "cancelled"), "supplier", "old", "new", "orders", "payables"),
    "price_waits_for_currency": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "a price of supplier %1 waits for the supplier's change of currency, which is kept aside "
                       "here"), "supplier"),
    "users_need_admin": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "user records go to the hub only with an admin's hub login (see sync hub-add-admin); this "
                       "desk's own login may not write them")),
    "reversed_other_partner": _t(QT_TRANSLATE_NOOP("SyncReasons", "reverses_id: the reversed item is another "
                                                                  "partner's")),
    "not_opposite": _t(QT_TRANSLATE_NOOP("SyncReasons", "amount: %1 is not the opposite of the reversed item's %2"),
                       "amount", "original"),
    "items_apart": _t(QT_TRANSLATE_NOOP("SyncReasons", "credit_item_id: the two items are not of one side and "
                                                       "partner")),
    "debit_not_owed": _t(QT_TRANSLATE_NOOP("SyncReasons", "debit_item_id: the item's amount %1 does not raise what "
                                                          "is owed"), "amount"),
    "credit_settles_nothing": _t(QT_TRANSLATE_NOOP("SyncReasons", "credit_item_id: the item's amount %1 does not "
                                                                  "settle anything"), "amount"),
    "undo_of_undo": _t(QT_TRANSLATE_NOOP("SyncReasons", "undoes_id: the undone allocation is an undo, or joins other "
                                                        "items")),
    "fact_deleted": _t(QT_TRANSLATE_NOOP("SyncReasons", "a %1 row is never deleted"), "table"),
    "fact_changed": _t(QT_TRANSLATE_NOOP("SyncReasons", "a %1 row is never changed, and the hub's differs from the "
                                                        "one here"), "table"),
    "user_no_users_yet": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "new user %1 (%2): this computer has no users yet and takes them from the hub only in its "
        "first sync with it; approve it here to let it in"), "username", "role"),
    "user_new": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "new user %1 (%2): an admin of this computer must approve it"), "username", "role"),
    "user_changed": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "user %1: a change of role, password, name or reactivation made elsewhere; an admin of this "
        "computer must approve it"), "username"),
    "user_merged": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "user %1 merged on the hub into user %2: an admin of this computer must approve it"),
        "username", "into"),
    "user_deleted": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "a user deleted on the hub; users are deactivated, never deleted")),
    "user_last_admin": _t(QT_TRANSLATE_NOOP(
        "SyncReasons", "user %1 is this computer's last active admin and keeps that role"), "username"),
}


# Each kind of record sync exchanges (a table of ``persistence.sync.records.SPECS``, a fact of ``local.IMMUTABLE``,
# or a child table a record carries), as a clerk names it: the Conflicts screen's list and the headings of what was
# kept aside say these, never the table's name. A test keeps every synced table here.
RECORD_KINDS = {
    "warehouses": QT_TRANSLATE_NOOP("SyncTables", "Warehouse"),
    "products": QT_TRANSLATE_NOOP("SyncTables", "Product"),
    "barcodes": QT_TRANSLATE_NOOP("SyncTables", "Barcode"),
    "product_units": QT_TRANSLATE_NOOP("SyncTables", "Packaging unit"),
    "product_unit_barcodes": QT_TRANSLATE_NOOP("SyncTables", "Packaging unit barcode"),
    "suppliers": QT_TRANSLATE_NOOP("SyncTables", "Supplier"),
    "customers": QT_TRANSLATE_NOOP("SyncTables", "Customer"),
    "users": QT_TRANSLATE_NOOP("SyncTables", "User"),
    "supplier_terms": QT_TRANSLATE_NOOP("SyncTables", "Supplier terms"),
    "exchange_rates": QT_TRANSLATE_NOOP("SyncTables", "Exchange rate"),
    "supplier_profiles": QT_TRANSLATE_NOOP("SyncTables", "Supplier profile"),
    "supplier_term_details": QT_TRANSLATE_NOOP("SyncTables", "Supplier terms"),
    "supplier_price_breaks": QT_TRANSLATE_NOOP("SyncTables", "Price break"),
    "preferred_suppliers": QT_TRANSLATE_NOOP("SyncTables", "Preferred supplier"),
    "product_planning": QT_TRANSLATE_NOOP("SyncTables", "Product planning"),
    "product_prices": QT_TRANSLATE_NOOP("SyncTables", "Product price"),
    "product_sales": QT_TRANSLATE_NOOP("SyncTables", "Product selling terms"),
    "product_substitutes": QT_TRANSLATE_NOOP("SyncTables", "Substitute product"),
    "customer_profiles": QT_TRANSLATE_NOOP("SyncTables", "Customer terms"),
    "customer_prices": QT_TRANSLATE_NOOP("SyncTables", "Customer price"),
    "sales_orders": QT_TRANSLATE_NOOP("SyncTables", "Sales order"),
    "sales_order_lines": QT_TRANSLATE_NOOP("SyncTables", "Sales order line"),
    "documents": QT_TRANSLATE_NOOP("SyncTables", "Document"),
    "document_lines": QT_TRANSLATE_NOOP("SyncTables", "Document line"),
    "sales_lines": QT_TRANSLATE_NOOP("SyncTables", "Sales line"),
    "purchase_orders": QT_TRANSLATE_NOOP("SyncTables", "Purchase order"),
    "purchase_order_lines": QT_TRANSLATE_NOOP("SyncTables", "Purchase order line"),
    "purchase_order_revisions": QT_TRANSLATE_NOOP("SyncTables", "Purchase order revision"),
    "payment_methods": QT_TRANSLATE_NOOP("SyncTables", "Payment method"),
    "supplier_invoices": QT_TRANSLATE_NOOP("SyncTables", "Supplier invoice"),
    "supplier_invoice_lines": QT_TRANSLATE_NOOP("SyncTables", "Supplier invoice line"),
    "account_items": QT_TRANSLATE_NOOP("SyncTables", "Receivable or payable item"),
    "allocations": QT_TRANSLATE_NOOP("SyncTables", "Allocation"),
    "periods": QT_TRANSLATE_NOOP("SyncTables", "Accounting month"),
    "period_events": QT_TRANSLATE_NOOP("SyncTables", "Month close or reopening"),
    "period_stock": QT_TRANSLATE_NOOP("SyncTables", "Month-end stock figure"),
    "period_balances": QT_TRANSLATE_NOOP("SyncTables", "Month-end balance"),
    "sync_conflicts": QT_TRANSLATE_NOOP("SyncTables", "Sync conflict"),
    "office_settings": QT_TRANSLATE_NOOP("SyncTables", "Company setting"),
    "movements": QT_TRANSLATE_NOOP("SyncTables", "Stock movement"),
    "unfilled_demand": QT_TRANSLATE_NOOP("SyncTables", "Unfilled demand"),
    # what this computer derives from them, named when a record deleted on the hub is still referred to here
    "balances": QT_TRANSLATE_NOOP("SyncTables", "Stock balance"),
    "account_open": QT_TRANSLATE_NOOP("SyncTables", "Open amount"),
    "forecast_cache": QT_TRANSLATE_NOOP("SyncTables", "Forecast"),
}


# Each field of a record sync exchanges (a column of a synced table), as a clerk names it, in English as in Chinese:
# the Conflicts screen's versions, a reason that names a field (``name``, ``column``, ``field``) and a conflict's rule
# that names the fields of a business key say these (the stored name only in the detail's tooltip); a test keeps every
# synced column here with its label.
FIELD_NAMES = {
    "action": QT_TRANSLATE_NOOP("SyncFields", "Action"),
    "active": QT_TRANSLATE_NOOP("SyncFields", "Active"),
    "address": QT_TRANSLATE_NOOP("SyncFields", "Address"),
    "allow_negative": QT_TRANSLATE_NOOP("SyncFields", "Allows negative stock"),
    "amount": QT_TRANSLATE_NOOP("SyncFields", "Amount"),
    "at": QT_TRANSLATE_NOOP("SyncFields", "When"),
    "balance": QT_TRANSLATE_NOOP("SyncFields", "Balance"),
    "barcode": QT_TRANSLATE_NOOP("SyncFields", "Barcode"),
    "business_date": QT_TRANSLATE_NOOP("SyncFields", "Business date"),
    "business_key": QT_TRANSLATE_NOOP("SyncFields", "Business key"),
    "cancelled": QT_TRANSLATE_NOOP("SyncFields", "Cancelled"),
    "category": QT_TRANSLATE_NOOP("SyncFields", "Category"),
    "closed": QT_TRANSLATE_NOOP("SyncFields", "Closed"),
    "closed_at": QT_TRANSLATE_NOOP("SyncFields", "Closed at"),
    "closed_by": QT_TRANSLATE_NOOP("SyncFields", "Closed by"),
    "code": QT_TRANSLATE_NOOP("SyncFields", "Code"),
    "confirmed_at": QT_TRANSLATE_NOOP("SyncFields", "Confirmed at"),
    "contact": QT_TRANSLATE_NOOP("SyncFields", "Contact"),
    "cost": QT_TRANSLATE_NOOP("SyncFields", "Cost"),
    "counted": QT_TRANSLATE_NOOP("SyncFields", "Counted"),
    "created_at": QT_TRANSLATE_NOOP("SyncFields", "Created"),
    "credit_item_id": QT_TRANSLATE_NOOP("SyncFields", "Credit item"),
    "credit_limit": QT_TRANSLATE_NOOP("SyncFields", "Credit limit"),
    "currency": QT_TRANSLATE_NOOP("SyncFields", "Currency"),
    "customer": QT_TRANSLATE_NOOP("SyncFields", "Customer"),
    "customer_id": QT_TRANSLATE_NOOP("SyncFields", "Customer"),
    "debit_item_id": QT_TRANSLATE_NOOP("SyncFields", "Debit item"),
    "description": QT_TRANSLATE_NOOP("SyncFields", "Description"),
    "detected_at": QT_TRANSLATE_NOOP("SyncFields", "Detected"),
    "device_id": QT_TRANSLATE_NOOP("SyncFields", "Device"),
    "discount": QT_TRANSLATE_NOOP("SyncFields", "Discount"),
    "display_name": QT_TRANSLATE_NOOP("SyncFields", "Display name"),
    "document_id": QT_TRANSLATE_NOOP("SyncFields", "Document"),
    "due_on": QT_TRANSLATE_NOOP("SyncFields", "Due date"),
    "email": QT_TRANSLATE_NOOP("SyncFields", "Email"),
    "expected": QT_TRANSLATE_NOOP("SyncFields", "Expected quantity"),
    "expected_on": QT_TRANSLATE_NOOP("SyncFields", "Expected date"),
    "fx_amount": QT_TRANSLATE_NOOP("SyncFields", "Amount in foreign currency"),
    "fx_currency": QT_TRANSLATE_NOOP("SyncFields", "Foreign currency"),
    "fx_rate": QT_TRANSLATE_NOOP("SyncFields", "Exchange rate"),
    "fx_unit_price": QT_TRANSLATE_NOOP("SyncFields", "Foreign unit price"),
    "id": QT_TRANSLATE_NOOP("SyncFields", "ID"),
    "invoice_id": QT_TRANSLATE_NOOP("SyncFields", "Invoice"),
    "invoice_item": QT_TRANSLATE_NOOP("SyncFields", "Invoice"),
    "issued_at": QT_TRANSLATE_NOOP("SyncFields", "Issued at"),
    "item": QT_TRANSLATE_NOOP("SyncFields", "Item allocated beyond its amount"),
    "item_name": QT_TRANSLATE_NOOP("SyncFields", "Item name"),
    "kept": QT_TRANSLATE_NOOP("SyncFields", "Kept version"),
    "kind": QT_TRANSLATE_NOOP("SyncFields", "Kind"),
    "lead_time_days": QT_TRANSLATE_NOOP("SyncFields", "Lead time (days)"),
    "level": QT_TRANSLATE_NOOP("SyncFields", "Price level"),
    "line_no": QT_TRANSLATE_NOOP("SyncFields", "Line"),
    "lost": QT_TRANSLATE_NOOP("SyncFields", "Losing version"),
    "lost_device": QT_TRANSLATE_NOOP("SyncFields", "Device of the losing version"),
    "margin": QT_TRANSLATE_NOOP("SyncFields", "Margin"),
    "max_level": QT_TRANSLATE_NOOP("SyncFields", "Max level"),
    "method": QT_TRANSLATE_NOOP("SyncFields", "Method"),
    "min_level": QT_TRANSLATE_NOOP("SyncFields", "Min level"),
    "min_qty": QT_TRANSLATE_NOOP("SyncFields", "Minimum quantity"),
    "month": QT_TRANSLATE_NOOP("SyncFields", "Month"),
    "moq": QT_TRANSLATE_NOOP("SyncFields", "Minimum order quantity"),
    "movement_id": QT_TRANSLATE_NOOP("SyncFields", "Stock movement"),
    "name": QT_TRANSLATE_NOOP("SyncFields", "Name"),
    "note": QT_TRANSLATE_NOOP("SyncFields", "Note"),
    "notes": QT_TRANSLATE_NOOP("SyncFields", "Notes"),
    "number": QT_TRANSLATE_NOOP("SyncFields", "Number"),
    "occurred_at": QT_TRANSLATE_NOOP("SyncFields", "Occurred at"),
    "order_line_id": QT_TRANSLATE_NOOP("SyncFields", "Order line"),
    "order_multiple": QT_TRANSLATE_NOOP("SyncFields", "Order multiple"),
    "origin_document_id": QT_TRANSLATE_NOOP("SyncFields", "Original document"),
    "origin_line_no": QT_TRANSLATE_NOOP("SyncFields", "Original line"),
    "override_user": QT_TRANSLATE_NOOP("SyncFields", "Authorised by"),
    "pack_size": QT_TRANSLATE_NOOP("SyncFields", "Pack size"),
    "partner": QT_TRANSLATE_NOOP("SyncFields", "Partner"),
    "partner_id": QT_TRANSLATE_NOOP("SyncFields", "Partner"),
    "password_hash": QT_TRANSLATE_NOOP("SyncFields", "Password"),
    "payment_basis": QT_TRANSLATE_NOOP("SyncFields", "Payment basis"),
    "payment_days": QT_TRANSLATE_NOOP("SyncFields", "Payment days"),
    "payment_terms": QT_TRANSLATE_NOOP("SyncFields", "Payment terms"),
    "per": QT_TRANSLATE_NOOP("SyncFields", "Base units per pack"),
    "phone": QT_TRANSLATE_NOOP("SyncFields", "Phone"),
    "po_id": QT_TRANSLATE_NOOP("SyncFields", "Purchase order"),
    "posted_at": QT_TRANSLATE_NOOP("SyncFields", "Posted at"),
    "price": QT_TRANSLATE_NOOP("SyncFields", "Price"),
    "price_level": QT_TRANSLATE_NOOP("SyncFields", "Price level"),
    "price_per": QT_TRANSLATE_NOOP("SyncFields", "Price per"),
    "price_source": QT_TRANSLATE_NOOP("SyncFields", "Price source"),
    "product_id": QT_TRANSLATE_NOOP("SyncFields", "Product"),
    "qty": QT_TRANSLATE_NOOP("SyncFields", "Quantity"),
    "rank": QT_TRANSLATE_NOOP("SyncFields", "Rank"),
    "rate": QT_TRANSLATE_NOOP("SyncFields", "Exchange rate"),
    "reason": QT_TRANSLATE_NOOP("SyncFields", "Reason"),
    "receipt_document_id": QT_TRANSLATE_NOOP("SyncFields", "Receipt"),
    "received": QT_TRANSLATE_NOOP("SyncFields", "Received"),
    "recorded_at": QT_TRANSLATE_NOOP("SyncFields", "Recorded at"),
    "reference": QT_TRANSLATE_NOOP("SyncFields", "Reference"),
    "requested_on": QT_TRANSLATE_NOOP("SyncFields", "Requested date"),
    "resolved_at": QT_TRANSLATE_NOOP("SyncFields", "Resolved at"),
    "resolved_by": QT_TRANSLATE_NOOP("SyncFields", "Resolved by"),
    "returned": QT_TRANSLATE_NOOP("SyncFields", "Returned"),
    "revenue": QT_TRANSLATE_NOOP("SyncFields", "Revenue"),
    "reversed": QT_TRANSLATE_NOOP("SyncFields", "Reversed"),
    "reversed_at": QT_TRANSLATE_NOOP("SyncFields", "Reversed at"),
    "reverses_id": QT_TRANSLATE_NOOP("SyncFields", "Reverses"),
    "review_days": QT_TRANSLATE_NOOP("SyncFields", "Review period (days)"),
    "revision": QT_TRANSLATE_NOOP("SyncFields", "Revision"),
    "role": QT_TRANSLATE_NOOP("SyncFields", "Role"),
    "row_id": QT_TRANSLATE_NOOP("SyncFields", "Record ID"),
    "rule": QT_TRANSLATE_NOOP("SyncFields", "Rule"),
    "rule_code": QT_TRANSLATE_NOOP("SyncFields", "Rule code"),
    "rule_params": QT_TRANSLATE_NOOP("SyncFields", "Rule details"),
    "seq": QT_TRANSLATE_NOOP("SyncFields", "Sequence"),
    "service_target": QT_TRANSLATE_NOOP("SyncFields", "Service target"),
    "shipped": QT_TRANSLATE_NOOP("SyncFields", "Shipped"),
    "side": QT_TRANSLATE_NOOP("SyncFields", "Side"),
    "sku": QT_TRANSLATE_NOOP("SyncFields", "SKU"),
    "snapshot": QT_TRANSLATE_NOOP("SyncFields", "Snapshot"),
    "so_id": QT_TRANSLATE_NOOP("SyncFields", "Sales order"),
    "source_id": QT_TRANSLATE_NOOP("SyncFields", "Source"),
    "source_ref": QT_TRANSLATE_NOOP("SyncFields", "Source reference"),
    "source_type": QT_TRANSLATE_NOOP("SyncFields", "Source type"),
    "state": QT_TRANSLATE_NOOP("SyncFields", "State"),
    "substitute_id": QT_TRANSLATE_NOOP("SyncFields", "Substitute"),
    "supplier_id": QT_TRANSLATE_NOOP("SyncFields", "Supplier"),
    "supplier_sku": QT_TRANSLATE_NOOP("SyncFields", "Supplier SKU"),
    "tax": QT_TRANSLATE_NOOP("SyncFields", "Tax"),
    "tax_rate": QT_TRANSLATE_NOOP("SyncFields", "Tax rate"),
    "tbl": QT_TRANSLATE_NOOP("SyncFields", "Record type"),
    "terms": QT_TRANSLATE_NOOP("SyncFields", "Terms"),
    "to_warehouse_id": QT_TRANSLATE_NOOP("SyncFields", "To warehouse"),
    "transfer_id": QT_TRANSLATE_NOOP("SyncFields", "Transfer"),
    "undoes_id": QT_TRANSLATE_NOOP("SyncFields", "Undoes"),
    "unit": QT_TRANSLATE_NOOP("SyncFields", "Unit"),
    "unit_cost": QT_TRANSLATE_NOOP("SyncFields", "Unit cost"),
    "unit_id": QT_TRANSLATE_NOOP("SyncFields", "Packaging unit"),
    "unit_price": QT_TRANSLATE_NOOP("SyncFields", "Unit price"),
    "user": QT_TRANSLATE_NOOP("SyncFields", "User"),
    "username": QT_TRANSLATE_NOOP("SyncFields", "User name"),
    "valid_from": QT_TRANSLATE_NOOP("SyncFields", "Valid from"),
    "value": QT_TRANSLATE_NOOP("SyncFields", "Value"),
    "version": QT_TRANSLATE_NOOP("SyncFields", "Version"),
    "warehouse_id": QT_TRANSLATE_NOOP("SyncFields", "Warehouse"),
    "whole_units": QT_TRANSLATE_NOOP("SyncFields", "Whole units"),
    "year": QT_TRANSLATE_NOOP("SyncFields", "Year"),
    # an office-wide setting (persistence.office): its key, and each key a reason names as the field
    "key": QT_TRANSLATE_NOOP("SyncFields", "Setting"),
    "company_name": QT_TRANSLATE_NOOP("SyncFields", "Company name"),
    "company_address": QT_TRANSLATE_NOOP("SyncFields", "Company address"),
    "po_tax_rate": QT_TRANSLATE_NOOP("SyncFields", "Purchase order tax rate"),
    "po_over_receipt_tolerance": QT_TRANSLATE_NOOP("SyncFields", "Over-receipt tolerance"),
    "planning_abc_basis": QT_TRANSLATE_NOOP("SyncFields", "ABC basis"),
    "planning_fill_rate": QT_TRANSLATE_NOOP("SyncFields", "Top up orders by supplier fill rate"),
    "planning_service_rule": QT_TRANSLATE_NOOP("SyncFields", "Service target rule"),
    "planning_service_overall": QT_TRANSLATE_NOOP("SyncFields", "Overall service target"),
    "planning_order_cost": QT_TRANSLATE_NOOP("SyncFields", "Order cost per purchase order line"),
    "planning_holding_rate": QT_TRANSLATE_NOOP("SyncFields", "Holding rate a year (share of unit cost)"),
    "dashboard.dead_days": QT_TRANSLATE_NOOP("SyncFields", "Dead stock days"),
    "dashboard.cover_target_days": QT_TRANSLATE_NOOP("SyncFields", "Cover target days"),
    "price_level_name_level3": QT_TRANSLATE_NOOP("SyncFields", "Name of price level 3"),
    "price_level_name_level4": QT_TRANSLATE_NOOP("SyncFields", "Name of price level 4"),
    "price_level_name_level5": QT_TRANSLATE_NOOP("SyncFields", "Name of price level 5"),
    "accounts.ageing_basis": QT_TRANSLATE_NOOP("SyncFields", "Ageing basis"),
    "accounts.ageing_bands": QT_TRANSLATE_NOOP("SyncFields", "Ageing bands"),
}


def table_text(table: str) -> str:
    """A synced table as the kind of record it holds, in the reader's language; a table not known (from a newer
    version) by its name."""
    caption = RECORD_KINDS.get(table)
    return QCoreApplication.translate("SyncTables", caption) if caption else table


def field_text(name: str) -> str:
    """A field (a synced table's column) as the reader names it; a name not known (a newer version's, or a forged
    one) as it is."""
    caption = FIELD_NAMES.get(name)
    return QCoreApplication.translate("SyncFields", caption) if caption else name


# The kinds of record a reason names in the singular (``fact_reference``: "refers to a product …"), by their tables.
_SINGULAR = {"product": "products", "warehouse": "warehouses", "movement": "movements", "customer": "customers",
             "supplier": "suppliers", "item": "account_items", "allocation": "allocations"}


def _kind_text(table: str) -> str:
    """A table a reason names, as the kind of record it holds (``outgoing:`` and ``alias:`` as kept aside; a kind
    named in the singular as its table)."""
    name = table.split(":", 1)[-1]
    return table_text(_SINGULAR.get(name, name))


# The values of a reason or rule that name a field, a table, or the fields of a business key (joined by '/'), said
# as the reader names them; the others go in as ``ui.refusals.value_text`` says them.
_NAMES = {
    "name": field_text, "column": field_text, "field": field_text,
    "table": _kind_text, "child": _kind_text, "target": _kind_text,
    "label": lambda label: "/".join(field_text(part) for part in label.split("/")),
    "movement": kind_text,
}


def _value(name: str, params: dict) -> str:
    if name in _NAMES:
        return _NAMES[name](str(params.get(name, "")))
    return value_text(name, params)


def reason_text(code: str, params: dict, english: str) -> str:
    """A kept-aside record's reason as the reader reads it: from its code, else the English it was kept with.

    The fields and tables it names are said as the reader names them (``FIELD_NAMES``, ``RECORD_KINDS``)."""
    template = REASONS.get(code or "")
    if template is None:
        return english
    if code == "field_rule":
        said = _field_problem(params or {})
        if said:
            return fill(QCoreApplication.translate("SyncReasons", "%1: %2"), _value("field", params or {}), said)
    return template.filled(params or {}, _value)


def _r(text: str, *params: str) -> Template:
    return Template("SyncRules", text, params)


# The rule that settled a sync conflict (``persistence.sync.rules``), for the Conflicts screen's Rule column and its
# detail; a test keeps the codes of both lists equal.
RULES: dict[str, Template] = {
    "fact_kept": _r(QT_TRANSLATE_NOOP("SyncRules", "a fact is never changed: the version first on the hub is kept")),
    "deletion_loses": _r(QT_TRANSLATE_NOOP("SyncRules", "deletion loses to an edit")),
    "higher_version": _r(QT_TRANSLATE_NOOP("SyncRules", "higher version wins")),
    "same_version": _r(QT_TRANSLATE_NOOP("SyncRules", "same version: first on hub wins")),
    "duplicate_merged": _r(QT_TRANSLATE_NOOP("SyncRules", "duplicate %1: merged into the record on the hub"),
                           "label"),
    "duplicate_dropped": _r(QT_TRANSLATE_NOOP("SyncRules", "duplicate %1: the record on the hub is kept"), "label"),
    "renumbered": _r(QT_TRANSLATE_NOOP("SyncRules", "number %1 taken: renumbered %2"), "number", "renumbered"),
    "barcode_taken": _r(QT_TRANSLATE_NOOP("SyncRules", "barcode %1 belongs to another product"), "barcode"),
    "second_reversal": _r(QT_TRANSLATE_NOOP(
        "SyncRules", "movement already reversed on another device: this reversal is undone and kept as an "
                     "adjustment; correct it if it was the same mistake")),
    "edited_during_sync": _r(QT_TRANSLATE_NOOP("SyncRules", "edited here during a sync: the hub's version is kept")),
    "over_allocated": _r(QT_TRANSLATE_NOOP(
        "SyncRules", "allocated beyond its amount on two desks offline: the later allocation is undone by %1; "
                     "allocate what is open again"), "take"),
    "invoice_bills_reversed": _r(QT_TRANSLATE_NOOP(
        "SyncRules", "invoice %1 of %2 bills receipt %3, reversed on another desk: the invoice stays owed and %4 "
                     "waits as its credit; reverse it or ask for a credit note"), "invoice", "supplier", "receipt",
        "take"),
    "paid_item_reversed": _r(QT_TRANSLATE_NOOP(
        "SyncRules", "%1 of %2 was reversed on another desk after %3 settled it here: %4 of %3 is %2's credit again; "
                     "allocate it to what is open, or refund it"), "document", "partner", "credit", "take"),
    "invoice_bills_reversed_receipt": _r(QT_TRANSLATE_NOOP(
        "SyncRules", "invoice %1 of %2 bills receipt %3, reversed on another desk: the invoice stays owed (or paid) "
                     "for goods no longer received; reverse it or ask for a credit note"), "invoice", "supplier",
        "receipt"),
    "in_closed_month": _r(QT_TRANSLATE_NOOP(
        "SyncRules", "dated %1 in the closed month %2: kept (it happened); the month's frozen figures leave it out: "
                     "reopen it if they must include it"), "day", "month"),
}


def rule_text(code: str, params: dict, english: str) -> str:
    """A conflict's rule as the reader reads it: from its code, else the English it was kept with (a conflict kept
    before codes, or a code of a newer version)."""
    template = RULES.get(code or "")
    if template is None:
        return english
    return template.filled(params or {}, _value)


def refusal_with_reason(exc: BaseException) -> str:
    """A refusal of the sync whose ``reason`` is why a record was kept aside (applying a losing version, approving
    a held-back user): the refusal in the reader's language with that reason said from its code too
    (``reason_code``, ``reason_values``); any other error as ``ui.refusals.refusal_text`` says it."""
    params = getattr(exc, "params", None)
    code = getattr(exc, "code", "")
    if isinstance(params, dict) and params.get("reason_code") and isinstance(code, str):
        values = params.get("reason_values")
        reason = reason_text(str(params["reason_code"]), values if isinstance(values, dict) else {},
                             str(params.get("reason", "")))
        text = say(code, {**params, "reason": reason})
        if text is not None:
            return text
    return refusal_text(exc)


def _field_problem(params: dict) -> str:
    """A domain field check's problem (``field_rule``: its code and values, ``domain.imports.problems``) in the
    reader's language, as the import report says it; '' when it has no code the window knows."""
    from domain.imports.problems import Said
    from ui.import_problems import TEMPLATES
    from ui.import_problems import said_text

    problem = str(params.get("problem") or "")
    if problem not in TEMPLATES or problem == "text":
        return ""
    try:
        values = json.loads(params.get("values") or "[]")
    except ValueError:
        return ""
    return said_text(Said(problem, tuple(str(v) for v in values))) if isinstance(values, list) else ""
