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


# Each field of a record sync exchanges (a column of a synced table), as a clerk names it: a reason that names a
# field (``name``, ``column``, ``field``) and a conflict's rule that names the fields of a business key say these. The
# source text is the column's name, which the English window shows as it is; a test keeps every synced column here
# with its Chinese.
FIELD_NAMES = {
    "action": QT_TRANSLATE_NOOP("SyncFields", "action"),
    "active": QT_TRANSLATE_NOOP("SyncFields", "active"),
    "address": QT_TRANSLATE_NOOP("SyncFields", "address"),
    "allow_negative": QT_TRANSLATE_NOOP("SyncFields", "allow_negative"),
    "amount": QT_TRANSLATE_NOOP("SyncFields", "amount"),
    "at": QT_TRANSLATE_NOOP("SyncFields", "at"),
    "balance": QT_TRANSLATE_NOOP("SyncFields", "balance"),
    "barcode": QT_TRANSLATE_NOOP("SyncFields", "barcode"),
    "business_date": QT_TRANSLATE_NOOP("SyncFields", "business_date"),
    "business_key": QT_TRANSLATE_NOOP("SyncFields", "business_key"),
    "cancelled": QT_TRANSLATE_NOOP("SyncFields", "cancelled"),
    "category": QT_TRANSLATE_NOOP("SyncFields", "category"),
    "closed": QT_TRANSLATE_NOOP("SyncFields", "closed"),
    "closed_at": QT_TRANSLATE_NOOP("SyncFields", "closed_at"),
    "closed_by": QT_TRANSLATE_NOOP("SyncFields", "closed_by"),
    "code": QT_TRANSLATE_NOOP("SyncFields", "code"),
    "confirmed_at": QT_TRANSLATE_NOOP("SyncFields", "confirmed_at"),
    "contact": QT_TRANSLATE_NOOP("SyncFields", "contact"),
    "cost": QT_TRANSLATE_NOOP("SyncFields", "cost"),
    "counted": QT_TRANSLATE_NOOP("SyncFields", "counted"),
    "created_at": QT_TRANSLATE_NOOP("SyncFields", "created_at"),
    "credit_item_id": QT_TRANSLATE_NOOP("SyncFields", "credit_item_id"),
    "credit_limit": QT_TRANSLATE_NOOP("SyncFields", "credit_limit"),
    "currency": QT_TRANSLATE_NOOP("SyncFields", "currency"),
    "customer": QT_TRANSLATE_NOOP("SyncFields", "customer"),
    "customer_id": QT_TRANSLATE_NOOP("SyncFields", "customer_id"),
    "debit_item_id": QT_TRANSLATE_NOOP("SyncFields", "debit_item_id"),
    "description": QT_TRANSLATE_NOOP("SyncFields", "description"),
    "detected_at": QT_TRANSLATE_NOOP("SyncFields", "detected_at"),
    "device_id": QT_TRANSLATE_NOOP("SyncFields", "device_id"),
    "discount": QT_TRANSLATE_NOOP("SyncFields", "discount"),
    "display_name": QT_TRANSLATE_NOOP("SyncFields", "display_name"),
    "document_id": QT_TRANSLATE_NOOP("SyncFields", "document_id"),
    "due_on": QT_TRANSLATE_NOOP("SyncFields", "due_on"),
    "email": QT_TRANSLATE_NOOP("SyncFields", "email"),
    "expected": QT_TRANSLATE_NOOP("SyncFields", "expected"),
    "expected_on": QT_TRANSLATE_NOOP("SyncFields", "expected_on"),
    "fx_currency": QT_TRANSLATE_NOOP("SyncFields", "fx_currency"),
    "fx_rate": QT_TRANSLATE_NOOP("SyncFields", "fx_rate"),
    "fx_unit_price": QT_TRANSLATE_NOOP("SyncFields", "fx_unit_price"),
    "id": QT_TRANSLATE_NOOP("SyncFields", "id"),
    "invoice_id": QT_TRANSLATE_NOOP("SyncFields", "invoice_id"),
    "issued_at": QT_TRANSLATE_NOOP("SyncFields", "issued_at"),
    "item_name": QT_TRANSLATE_NOOP("SyncFields", "item_name"),
    "kept": QT_TRANSLATE_NOOP("SyncFields", "kept"),
    "kind": QT_TRANSLATE_NOOP("SyncFields", "kind"),
    "lead_time_days": QT_TRANSLATE_NOOP("SyncFields", "lead_time_days"),
    "level": QT_TRANSLATE_NOOP("SyncFields", "level"),
    "line_no": QT_TRANSLATE_NOOP("SyncFields", "line_no"),
    "lost": QT_TRANSLATE_NOOP("SyncFields", "lost"),
    "lost_device": QT_TRANSLATE_NOOP("SyncFields", "lost_device"),
    "margin": QT_TRANSLATE_NOOP("SyncFields", "margin"),
    "max_level": QT_TRANSLATE_NOOP("SyncFields", "max_level"),
    "method": QT_TRANSLATE_NOOP("SyncFields", "method"),
    "min_level": QT_TRANSLATE_NOOP("SyncFields", "min_level"),
    "min_qty": QT_TRANSLATE_NOOP("SyncFields", "min_qty"),
    "month": QT_TRANSLATE_NOOP("SyncFields", "month"),
    "moq": QT_TRANSLATE_NOOP("SyncFields", "moq"),
    "movement_id": QT_TRANSLATE_NOOP("SyncFields", "movement_id"),
    "name": QT_TRANSLATE_NOOP("SyncFields", "name"),
    "note": QT_TRANSLATE_NOOP("SyncFields", "note"),
    "notes": QT_TRANSLATE_NOOP("SyncFields", "notes"),
    "number": QT_TRANSLATE_NOOP("SyncFields", "number"),
    "occurred_at": QT_TRANSLATE_NOOP("SyncFields", "occurred_at"),
    "order_line_id": QT_TRANSLATE_NOOP("SyncFields", "order_line_id"),
    "order_multiple": QT_TRANSLATE_NOOP("SyncFields", "order_multiple"),
    "origin_document_id": QT_TRANSLATE_NOOP("SyncFields", "origin_document_id"),
    "origin_line_no": QT_TRANSLATE_NOOP("SyncFields", "origin_line_no"),
    "override_user": QT_TRANSLATE_NOOP("SyncFields", "override_user"),
    "pack_size": QT_TRANSLATE_NOOP("SyncFields", "pack_size"),
    "partner": QT_TRANSLATE_NOOP("SyncFields", "partner"),
    "partner_id": QT_TRANSLATE_NOOP("SyncFields", "partner_id"),
    "password_hash": QT_TRANSLATE_NOOP("SyncFields", "password_hash"),
    "payment_basis": QT_TRANSLATE_NOOP("SyncFields", "payment_basis"),
    "payment_days": QT_TRANSLATE_NOOP("SyncFields", "payment_days"),
    "payment_terms": QT_TRANSLATE_NOOP("SyncFields", "payment_terms"),
    "phone": QT_TRANSLATE_NOOP("SyncFields", "phone"),
    "po_id": QT_TRANSLATE_NOOP("SyncFields", "po_id"),
    "posted_at": QT_TRANSLATE_NOOP("SyncFields", "posted_at"),
    "price": QT_TRANSLATE_NOOP("SyncFields", "price"),
    "price_level": QT_TRANSLATE_NOOP("SyncFields", "price_level"),
    "price_per": QT_TRANSLATE_NOOP("SyncFields", "price_per"),
    "price_source": QT_TRANSLATE_NOOP("SyncFields", "price_source"),
    "product_id": QT_TRANSLATE_NOOP("SyncFields", "product_id"),
    "qty": QT_TRANSLATE_NOOP("SyncFields", "qty"),
    "rank": QT_TRANSLATE_NOOP("SyncFields", "rank"),
    "rate": QT_TRANSLATE_NOOP("SyncFields", "rate"),
    "reason": QT_TRANSLATE_NOOP("SyncFields", "reason"),
    "receipt_document_id": QT_TRANSLATE_NOOP("SyncFields", "receipt_document_id"),
    "received": QT_TRANSLATE_NOOP("SyncFields", "received"),
    "recorded_at": QT_TRANSLATE_NOOP("SyncFields", "recorded_at"),
    "reference": QT_TRANSLATE_NOOP("SyncFields", "reference"),
    "requested_on": QT_TRANSLATE_NOOP("SyncFields", "requested_on"),
    "resolved_at": QT_TRANSLATE_NOOP("SyncFields", "resolved_at"),
    "resolved_by": QT_TRANSLATE_NOOP("SyncFields", "resolved_by"),
    "returned": QT_TRANSLATE_NOOP("SyncFields", "returned"),
    "revenue": QT_TRANSLATE_NOOP("SyncFields", "revenue"),
    "reversed": QT_TRANSLATE_NOOP("SyncFields", "reversed"),
    "reversed_at": QT_TRANSLATE_NOOP("SyncFields", "reversed_at"),
    "reverses_id": QT_TRANSLATE_NOOP("SyncFields", "reverses_id"),
    "review_days": QT_TRANSLATE_NOOP("SyncFields", "review_days"),
    "revision": QT_TRANSLATE_NOOP("SyncFields", "revision"),
    "role": QT_TRANSLATE_NOOP("SyncFields", "role"),
    "row_id": QT_TRANSLATE_NOOP("SyncFields", "row_id"),
    "rule": QT_TRANSLATE_NOOP("SyncFields", "rule"),
    "rule_code": QT_TRANSLATE_NOOP("SyncFields", "rule_code"),
    "rule_params": QT_TRANSLATE_NOOP("SyncFields", "rule_params"),
    "seq": QT_TRANSLATE_NOOP("SyncFields", "seq"),
    "service_target": QT_TRANSLATE_NOOP("SyncFields", "service_target"),
    "shipped": QT_TRANSLATE_NOOP("SyncFields", "shipped"),
    "side": QT_TRANSLATE_NOOP("SyncFields", "side"),
    "sku": QT_TRANSLATE_NOOP("SyncFields", "sku"),
    "snapshot": QT_TRANSLATE_NOOP("SyncFields", "snapshot"),
    "so_id": QT_TRANSLATE_NOOP("SyncFields", "so_id"),
    "source_id": QT_TRANSLATE_NOOP("SyncFields", "source_id"),
    "source_ref": QT_TRANSLATE_NOOP("SyncFields", "source_ref"),
    "source_type": QT_TRANSLATE_NOOP("SyncFields", "source_type"),
    "state": QT_TRANSLATE_NOOP("SyncFields", "state"),
    "substitute_id": QT_TRANSLATE_NOOP("SyncFields", "substitute_id"),
    "supplier_id": QT_TRANSLATE_NOOP("SyncFields", "supplier_id"),
    "supplier_sku": QT_TRANSLATE_NOOP("SyncFields", "supplier_sku"),
    "tax": QT_TRANSLATE_NOOP("SyncFields", "tax"),
    "tax_rate": QT_TRANSLATE_NOOP("SyncFields", "tax_rate"),
    "tbl": QT_TRANSLATE_NOOP("SyncFields", "tbl"),
    "terms": QT_TRANSLATE_NOOP("SyncFields", "terms"),
    "to_warehouse_id": QT_TRANSLATE_NOOP("SyncFields", "to_warehouse_id"),
    "transfer_id": QT_TRANSLATE_NOOP("SyncFields", "transfer_id"),
    "undoes_id": QT_TRANSLATE_NOOP("SyncFields", "undoes_id"),
    "unit": QT_TRANSLATE_NOOP("SyncFields", "unit"),
    "unit_cost": QT_TRANSLATE_NOOP("SyncFields", "unit_cost"),
    "unit_price": QT_TRANSLATE_NOOP("SyncFields", "unit_price"),
    "user": QT_TRANSLATE_NOOP("SyncFields", "user"),
    "username": QT_TRANSLATE_NOOP("SyncFields", "username"),
    "valid_from": QT_TRANSLATE_NOOP("SyncFields", "valid_from"),
    "value": QT_TRANSLATE_NOOP("SyncFields", "value"),
    "version": QT_TRANSLATE_NOOP("SyncFields", "version"),
    "warehouse_id": QT_TRANSLATE_NOOP("SyncFields", "warehouse_id"),
    "whole_units": QT_TRANSLATE_NOOP("SyncFields", "whole_units"),
    "year": QT_TRANSLATE_NOOP("SyncFields", "year"),
    # an office-wide setting (persistence.office): its key, and each key a reason names as the field
    "key": QT_TRANSLATE_NOOP("SyncFields", "key"),
    "company_name": QT_TRANSLATE_NOOP("SyncFields", "company_name"),
    "company_address": QT_TRANSLATE_NOOP("SyncFields", "company_address"),
    "po_tax_rate": QT_TRANSLATE_NOOP("SyncFields", "po_tax_rate"),
    "po_over_receipt_tolerance": QT_TRANSLATE_NOOP("SyncFields", "po_over_receipt_tolerance"),
    "planning_abc_basis": QT_TRANSLATE_NOOP("SyncFields", "planning_abc_basis"),
    "planning_fill_rate": QT_TRANSLATE_NOOP("SyncFields", "planning_fill_rate"),
    "planning_service_rule": QT_TRANSLATE_NOOP("SyncFields", "planning_service_rule"),
    "planning_service_overall": QT_TRANSLATE_NOOP("SyncFields", "planning_service_overall"),
    "dashboard.dead_days": QT_TRANSLATE_NOOP("SyncFields", "dashboard.dead_days"),
    "dashboard.cover_target_days": QT_TRANSLATE_NOOP("SyncFields", "dashboard.cover_target_days"),
    "price_level_name_level3": QT_TRANSLATE_NOOP("SyncFields", "price_level_name_level3"),
    "price_level_name_level4": QT_TRANSLATE_NOOP("SyncFields", "price_level_name_level4"),
    "price_level_name_level5": QT_TRANSLATE_NOOP("SyncFields", "price_level_name_level5"),
    "accounts.ageing_basis": QT_TRANSLATE_NOOP("SyncFields", "accounts.ageing_basis"),
    "accounts.ageing_bands": QT_TRANSLATE_NOOP("SyncFields", "accounts.ageing_bands"),
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
