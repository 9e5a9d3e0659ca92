"""Refusals in the reader's language: each code of ``domain.kernel.refusals`` from its translatable template here.

The domain raises a refusal with a code and its values (``DomainError.code``, ``.params``); ``REFUSALS`` gives
each code a template with ``%1``, ``%2``… marked for translation, and the names of the values that go in, in
that order. Nothing is read back out of the English sentence. A test keeps the codes of both lists equal, checks
that each English template says what the domain says, and that each has its Chinese.

Most templates are in the context ``Refusals``; a few keep the context of the screen that said them first
(``Access``, ``SignIn``, ``ProductEditor``, ``SettingsScreen``), so their translations stay where they were.
A value named with ``!r`` goes in quoted as the domain quotes it (``'SD-1'``); ``role``, ``needed``,
``permission`` and ``state`` go in as words of the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from ui import i18n
from ui.access import WHAT
from ui.access import role_title
from ui.i18n import fill
from ui.import_problems import problem_text

CONTEXT = "Refusals"


class Template(NamedTuple):
    context: str
    text: str  # the source text, as lupdate collects it
    params: tuple[str, ...]  # the names of the values for %1, %2…; "name!r" goes in quoted

    def filled(self, params: dict[str, object], value: Callable[[str, dict], str] | None = None) -> str:
        """The template in the reader's language with its values in place, each as ``value(name, params)`` says it
        (``value_text`` unless given: the sync's reasons and rules name fields and tables their own way)."""
        say_value = value or value_text
        return fill(QCoreApplication.translate(self.context, self.text),
                    *(say_value(name, params) for name in self.params))


def _r(text: str, *params: str) -> Template:
    return Template(CONTEXT, text, params)


PO_STATES = {
    "draft": QT_TRANSLATE_NOOP("Refusals", "draft"),
    "issued": QT_TRANSLATE_NOOP("Refusals", "issued"),
    "partly_received": QT_TRANSLATE_NOOP("Refusals", "partly_received"),
    "received": QT_TRANSLATE_NOOP("Refusals", "received"),
    "cancelled": QT_TRANSLATE_NOOP("Refusals", "cancelled"),
    "closed": QT_TRANSLATE_NOOP("Refusals", "closed"),
}
# A sales order's states beyond those words (domain.sales.model.SoState).
SO_STATES = {
    "confirmed": QT_TRANSLATE_NOOP("Refusals", "confirmed"),
    "partly_shipped": QT_TRANSLATE_NOOP("Refusals", "partly_shipped"),
    "shipped": QT_TRANSLATE_NOOP("Refusals", "shipped"),
}

# The fields a ledger look-up names (``domain.stock.ledger.find_product``, ``find_warehouse``).
FIELDS = {
    "SKU": QT_TRANSLATE_NOOP("Refusals", "SKU"),
    "warehouse": QT_TRANSLATE_NOOP("Refusals", "warehouse"),
    "from warehouse": QT_TRANSLATE_NOOP("Refusals", "from warehouse"),
    "to warehouse": QT_TRANSLATE_NOOP("Refusals", "to warehouse"),
}

REFUSALS: dict[str, Template] = {
    # -- catalog
    "duplicate_barcode": Template(
        "ProductEditor", QT_TRANSLATE_NOOP("ProductEditor", "barcode %1 is already used by product %2"),
        ("barcode", "sku")),
    "pack_barcode_taken": _r(QT_TRANSLATE_NOOP("Refusals", "barcode %1 is already used by product %2 (its unit %3)"),
                             "barcode!r", "sku", "unit"),
    "pack_unit_exists": _r(QT_TRANSLATE_NOOP(
        "Refusals", "product %1 already has a unit %2; remove it first or choose another name"), "sku", "name!r"),
    "pack_unit_unknown": _r(QT_TRANSLATE_NOOP("Refusals", "product %1 has no unit %2"), "sku", "name!r"),
    "sku_taken": _r(QT_TRANSLATE_NOOP("Refusals", "SKU %1 is already used by another product"), "sku!r"),
    "sku_taken_as": _r(QT_TRANSLATE_NOOP(
        "Refusals", "SKU %1 is already used by another product (as %2; SKUs are compared without regard to case)"),
        "sku!r", "taken!r"),
    "sku_is_a_barcode": _r(QT_TRANSLATE_NOOP(
        "Refusals", "SKU %1 is already the barcode of product %2; scanning it would find that product"),
        "sku!r", "product"),
    "unknown_sku": _r(QT_TRANSLATE_NOOP("Refusals", "SKU %1: no product has this SKU"), "sku!r"),
    "changed_since_opened": Template("ProductEditor", QT_TRANSLATE_NOOP(
        "ProductEditor", "Product %1 was changed by someone else since you opened it; close this window and open "
                         "the product again to see their change."), ("sku",)),
    "warehouse_taken": _r(QT_TRANSLATE_NOOP("Refusals", "warehouse code %1 is already used"), "code!r"),
    "supplier_taken": _r(QT_TRANSLATE_NOOP("Refusals", "supplier code %1 is already used"), "code!r"),
    "customer_taken": _r(QT_TRANSLATE_NOOP("Refusals", "customer code %1 is already used"), "code!r"),
    "unknown_supplier_code": _r(QT_TRANSLATE_NOOP("Refusals", "supplier code %1: no supplier has this code"),
                                "code!r"),
    "unknown_customer_code": _r(QT_TRANSLATE_NOOP("Refusals", "customer code %1: no customer has this code"),
                                "code!r"),
    "unknown_customer_walk_in": _r(QT_TRANSLATE_NOOP(
        "Refusals", "customer %1: no customer has this code; leave it empty for a walk-in"), "code!r"),
    # -- price levels
    "no_free_level": _r(QT_TRANSLATE_NOOP(
        "Refusals", "all %1 extra price levels are in use; retire one before adding another"), "most"),
    "level_not_in_use": _r(QT_TRANSLATE_NOOP("Refusals", "price level %1 is not in use; add a level instead"),
                           "level"),
    "level_built_in": _r(QT_TRANSLATE_NOOP(
        "Refusals", "retail and wholesale are built in: they cannot be renamed or retired (the extra levels can)")),
    "level_name_taken": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 is already the name of another price level; choose another name"), "name!r"),
    "level_in_use": _r(QT_TRANSLATE_NOOP(
        "Refusals", "price level %1 is in use: %2 product(s) have a list price at it and %3 customer(s) buy at it; "
                    "move them to another level first, then retire it"), "name!r", "prices", "customers"),
    # -- purchasing
    "unknown_po": _r(QT_TRANSLATE_NOOP("Refusals", "purchase order %1: no PO has this number or draft id"), "ref!r"),
    "sku_not_on_po": _r(QT_TRANSLATE_NOOP("Refusals", "SKU %1 is not on purchase order %2"), "sku!r", "po"),
    "po_line_exists": _r(QT_TRANSLATE_NOOP("Refusals", "%1 is already on line %2 of %3; change that line"),
                         "sku", "line", "po"),
    "below_received": _r(QT_TRANSLATE_NOOP("Refusals", "quantity: %1 has %2 received already; enter %2 or more"),
                         "sku", "received"),
    "line_received": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 on %2 has %3 received; it cannot be removed (lower its quantity to what was received "
                    "instead)"), "sku", "po", "received"),
    "last_line": _r(QT_TRANSLATE_NOOP("Refusals", "%1 is the last line of %2; cancel the PO instead"), "sku", "po"),
    "issue_not_draft": _r(QT_TRANSLATE_NOOP("Refusals", "purchase order %1 is %2; only a draft can be issued"),
                          "po", "state"),
    "issue_no_lines": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 has no lines; add at least one before issuing"), "po"),
    "no_rate_needed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 is in %2, the company currency; it needs no exchange rate"), "po", "currency"),
    "cancel_partly_received": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 is partly received; close it short instead of cancelling"), "po"),
    "po_not_editable": _r(QT_TRANSLATE_NOOP("Refusals", "purchase order %1 is %2; it can no longer be changed"),
                          "po", "state"),
    "receive_not_issued": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 is %2; cannot receive against it (issue it first)"), "po", "state"),
    "receive_not_open": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 is %2; cannot receive against it (nothing is expected any more)"),
        "po", "state"),
    "close_not_issued": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 is %2; cannot close it short (issue it first)"), "po", "state"),
    "close_not_open": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 is %2; cannot close it short (nothing is expected any more)"), "po", "state"),
    "over_receipt": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 on %2: %3 ordered, %4 received so far; receiving %5 more would exceed the over-receipt "
                    "tolerance of %6% (at most %7 more accepted)"),
        "sku", "po", "ordered", "received", "qty", "tolerance", "room"),
    "no_rate_dated": _r(QT_TRANSLATE_NOOP("Refusals", "date: %1 has no rate dated %2; see `stockroom rate list %1`"),
                        "currency", "day"),
    "no_exchange_rate": Template("Access", QT_TRANSLATE_NOOP(
        "Access", "There is no exchange rate for %1 on or before %2, so %3 cannot be valued in the company currency; "
        "nothing was received. Enter the rate in Settings › Exchange rates (or with: stockroom rate set %1 RATE "
        "--date %2), or enter a fixed rate on the purchase order (Purchasing › Fixed rate)."),
        ("currency", "day", "po")),
    "currency_change_needs_confirmation": Template("SettingsScreen", QT_TRANSLATE_NOOP(
        "SettingsScreen",
        "Change the company currency from %1 to %2?\n\nExchange rates are stated in the company currency: the "
        "%3 rate(s) kept say how many %1 one unit of a foreign currency is worth, and from now on they are read "
        "as %2. %4 purchase order(s) in a foreign currency are valued through them when received. Enter the "
        "rates again in %2 after the change."), ("old", "new", "rates", "foreign_pos")),
    "invoice_differs": _r(QT_TRANSLATE_NOOP(
        "Refusals", "invoice %1 differs from what was ordered and received: %2; it comes to %3 %6 with tax against "
                    "%4 expected (%5); nothing was posted: check it with the supplier, or post it accepting the "
                    "differences"), "number", "lines", "amount", "expected", "difference", "currency"),
    "supplier_currency_blocked": _r(QT_TRANSLATE_NOOP(
        "Refusals", "currency: supplier %1 cannot change from %2 to %3 while it has open purchase orders (%4) or "
                    "unsettled payables (%5) in %2; receive, close or cancel the orders and settle the payables "
                    "first"), "supplier", "old", "new", "orders", "payables"),
    "supplier_currency_needs_choice": _r(QT_TRANSLATE_NOOP(
        "Refusals", "prices: supplier %1 has %4 term price(s) in %2; changing its currency to %3 needs a choice: "
                    "convert them at a rate (1 %3 = rate %2) or keep the numbers; nothing was changed"),
        "supplier", "old", "new", "prices"),
    # -- sales: orders, shipments, returns
    "unknown_so": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1: no sales order has this number"),
        "ref!r"),
    "so_add_not_draft": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1 is %2; lines can be added to a draft only"),
        "so", "state"),
    "so_confirm_not_draft": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1 is %2; only a draft can be confirmed"),
        "so", "state"),
    "so_no_lines": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1 has no lines; add at least one before confirming"),
        "so"),
    "so_line_exists": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 is already on line %2 of %3"),
        "sku", "line", "so"),
    "sku_not_on_so": _r(QT_TRANSLATE_NOOP(
        "Refusals", "SKU %1 is not on sales order %2"),
        "sku!r", "so"),
    "so_short": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1 asks for more than is available: %2; confirm with override to promise it anyway"),
        "so", "detail"),
    "so_not_open": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1 is %2; it is not open (confirm it first; a shipped or cancelled order is closed)"),
        "so", "state"),
    "so_cancel_closed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1 is %2; it can no longer be cancelled"),
        "so", "state"),
    "credit_limit_exceeded": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1 would take customer %2 to %3, over its credit limit of %4 by %5 (balance %6, "
        "open orders %7, this order %8); a manager can confirm it with override"),
        "so", "customer", "exposure", "limit", "over", "balance", "open_orders", "this_order"),
    "credit_limit_needs_manager": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1 would take customer %2 to %3, over its credit limit of %4 by %5 (balance %6, "
        "open orders %7, this order %8); only a manager may confirm it past the limit"),
        "so", "customer", "exposure", "limit", "over", "balance", "open_orders", "this_order"),
    "sale_credit_limit_exceeded": _r(QT_TRANSLATE_NOOP(
        "Refusals", "a sale on account would take customer %1 to %2, over its credit limit of %3 by %4 (balance %5, "
        "open orders %6, this sale %7); a manager can post it with override, or it is paid at once"),
        "customer", "exposure", "limit", "over", "balance", "open_orders", "this_sale"),
    "sale_credit_limit_needs_manager": _r(QT_TRANSLATE_NOOP(
        "Refusals", "a sale on account would take customer %1 to %2, over its credit limit of %3 by %4 (balance %5, "
        "open orders %6, this sale %7); only a manager may post it past the limit, or it is paid at once"),
        "customer", "exposure", "limit", "over", "balance", "open_orders", "this_sale"),
    "credit_overdue_90": _r(QT_TRANSLATE_NOOP(
        "Refusals", "customer %1 has %2 more than 90 days overdue (the oldest due %3)"),
        "customer", "amount", "due"),
    "so_nothing_open": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 on %2 has nothing open"),
        "sku", "so"),
    "so_cut_over_open": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 on %2: %3 open; cannot cut %4"),
        "sku", "so", "open", "qty"),
    "so_ship_over_open": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 on %2: %3 open; shipping %4 would be more than was ordered"),
        "sku", "so", "open", "qty"),
    "so_ship_unavailable": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 on %2: %3 can leave %4 for this order now (on hand not reserved for other orders), %5 asked"),
        "sku", "so", "available", "warehouse", "qty"),
    "so_nothing_to_ship": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sales order %1: nothing can be shipped now; no stock is available for its open lines"),
        "so"),
    "no_sale_price": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1: no price is known for this customer; enter the price"),
        "sku"),
    "sale_short": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 (%2) in %3: %4 available (on hand less reserved), %5 asked; nothing was sold and the "
                    "%6 short was recorded as unfilled demand"),
        "sku", "name", "warehouse", "available", "asked", "short"),
    "unknown_sale": _r(QT_TRANSLATE_NOOP(
        "Refusals", "document %1: no sale has this number"),
        "number!r"),
    "unknown_return": _r(QT_TRANSLATE_NOOP(
        "Refusals", "document %1: no customer or supplier return has this number"),
        "number!r"),
    "not_a_sale": _r(QT_TRANSLATE_NOOP(
        "Refusals", "document %1 is a %2, not a sale; a customer return goes against a sale"),
        "number", "kind"),
    "sale_reversed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sale %1 has been reversed; nothing on it can be returned"),
        "number"),
    "sku_not_on_sale": _r(QT_TRANSLATE_NOOP(
        "Refusals", "SKU %1 is not on sale %2"),
        "sku!r", "number"),
    "return_over_shipped": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 on %2: %3 shipped, %4 returned already; at most %5 more can be returned"),
        "sku", "ref", "shipped", "returned", "room"),
    "sale_has_returns": _r(QT_TRANSLATE_NOOP(
        "Refusals", "sale %1 has goods returned against it; reverse those returns first"),
        "number"),
    "return_reversal_reserved": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 in %2: taking the returned goods out again would leave %3 on hand for %4 reserved for "
                    "confirmed orders"),
        "sku", "warehouse", "on_hand", "reserved"),
    # -- purchasing: returns to the supplier
    "unknown_receipt": _r(QT_TRANSLATE_NOOP(
        "Refusals", "receipt %1: no goods receipt has this number"),
        "number!r"),
    "receipt_reversed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "receipt %1 has been reversed; nothing it brought in can be returned against it"),
        "number"),
    "return_other_supplier": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 came from supplier %2, not %3; return it to %2"),
        "ref", "theirs", "supplier"),
    "return_other_warehouse": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 came into warehouse %2, not %3; return it from %2"),
        "ref", "theirs", "warehouse"),
    "sku_not_on_receipt": _r(QT_TRANSLATE_NOOP(
        "Refusals", "SKU %1 is not on receipt %2"),
        "sku!r", "receipt"),
    "return_over_receipt": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1: receipt %2 brought in %3 and %4 went back against it already; returning %5 is more than "
                    "the %6 left"),
        "sku", "receipt", "received", "returned", "qty", "room"),
    "return_po_nothing_received": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 is %2; nothing was received against it"),
        "po", "state"),
    "return_po_other_supplier": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 is another supplier's; return against it to its supplier"),
        "po"),
    "return_po_other_warehouse": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 was received into another warehouse than %2; return it from that warehouse"),
        "po", "warehouse"),
    "return_over_po": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 on %2: %3 received; returning %4 is more than that"),
        "sku", "po", "received", "qty"),
    # -- purchasing: reversing a delivery received against a PO
    "receipt_has_returns": _r(QT_TRANSLATE_NOOP(
        "Refusals", "receipt %1 has goods returned to the supplier against it; reverse those returns first"),
        "number"),
    "delivery_not_here": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the goods received on %1 are not all in this ledger yet; synchronise and try again"),
        "number"),
    "delivery_returned": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 on %2: %3 received, less than the %4 of %5; reverse the return to the supplier first"),
        "sku", "po", "received", "qty", "number"),
    "delivery_link_wrong": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 line %2 names movement %3, which is not that line's receipt against %4; it is left as it is"),
        "number", "line", "movement", "po"),
    # -- stock: the ledger
    "ledger_unknown_product": _r(QT_TRANSLATE_NOOP("Refusals", "%1 %2: no product has this SKU or barcode"),
                                 "field", "code!r"),
    "ledger_unknown_warehouse": _r(QT_TRANSLATE_NOOP("Refusals", "%1 %2: no warehouse has this code"),
                                   "field", "code!r"),
    "transfer_same_warehouse": _r(QT_TRANSLATE_NOOP(
        "Refusals", "to warehouse: %1 is also the from warehouse; choose another"), "code"),
    "unknown_movement": _r(QT_TRANSLATE_NOOP("Refusals", "movement id %1: no such movement"), "movement!r"),
    "reverse_reversal": _r(QT_TRANSLATE_NOOP(
        "Refusals", "movement %1 is itself a reversal; post a new movement instead"), "movement"),
    "movement_already_reversed": _r(QT_TRANSLATE_NOOP("Refusals", "movement %1 has already been reversed"),
                                    "movement"),
    "insufficient_stock": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 (%2) in %3: %4 on hand, %5 asked; the warehouse does not allow negative stock"),
        "sku", "name", "warehouse", "on_hand", "asked"),
    "reserved_stock": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 (%2) in %3: %4 on hand, %5 of it reserved for confirmed sales orders, %6 asked; ship it "
                    "against its order, or cut or cancel the order first"),
        "sku", "name", "warehouse", "on_hand", "reserved", "asked"),
    "insufficient_stock_back_dated": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 (%2) in %3: this back-dated posting would leave %4 on hand on %5; the warehouse does not "
                    "allow negative stock"), "sku", "name", "warehouse", "on_hand", "when"),
    "value_too_large": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 (%2) in %3: a value of %4 is too large; values up to 99,999,999,999,999.99 are kept"),
        "sku", "name", "warehouse", "value"),
    "on_hand_too_large": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 (%2) in %3: %4 on hand is too large; a warehouse keeps at most 9,999,999,999,999.9999 of a "
                    "product"), "sku", "name", "warehouse", "on_hand"),
    # -- accounts: the period close
    "period_closed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the date %1 is in %2, which is closed (every month up to %3 is closed); date it after %3, or ask "
                    "an admin to reopen %2"), "day", "month", "through"),
    # -- accounts: statements
    "unknown_partner": _r(QT_TRANSLATE_NOOP("Refusals", "partner code %1: no customer or supplier has this code"),
                          "code!r"),
    "unknown_partner_id": _r(QT_TRANSLATE_NOOP("Refusals", "partner id %1: no customer or supplier has this id"),
                             "id!r"),
    "partner_ambiguous": _r(QT_TRANSLATE_NOOP(
        "Refusals", "code %1 is both a customer's and a supplier's; say whose statement you want: the customer's "
                    "(--customer) or the supplier's (--supplier)"), "code!r"),
    "period_closed_reversal": _r(QT_TRANSLATE_NOOP(
        "Refusals", "movement %1 is dated %2, in %3, which is closed: it cannot be reversed; correct it with a new "
                    "posting dated after %4, or ask an admin to reopen %3"), "movement", "day", "month", "through"),
    "period_not_ended": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 has not ended yet; it can be closed from %2 on"), "month", "first"),
    "period_already_closed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 is already closed (every month up to %2 is closed)"), "month", "through"),
    "period_not_closed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 is not closed; there is nothing to reopen"), "month"),
    "period_not_latest": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 cannot be reopened while a later month is closed; reopen %2 first"), "month", "latest"),
    # -- accounts: receivables and payables
    "item_reversed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 has been reversed already (or is a reversal); nothing was changed"), "number"),
    "allocation_not_open": _r(QT_TRANSLATE_NOOP(
        "Refusals", "allocate to %1: %2 has nothing open under this number; name a document of %2 that is still "
                    "open"), "number", "partner"),
    "allocation_twice": _r(QT_TRANSLATE_NOOP(
        "Refusals", "allocate to %1: it is named twice; name each document once"), "number"),
    "allocation_over_open": _r(QT_TRANSLATE_NOOP(
        "Refusals", "allocate to %1: %2 is more than is open on it (%3); allocate at most %3"),
        "number", "amount", "open"),
    "allocation_over_amount": _r(QT_TRANSLATE_NOOP(
        "Refusals", "allocate to %1: %2 is more than is left to allocate (%3)"), "number", "amount", "left"),
    "refund_over_credit": _r(QT_TRANSLATE_NOOP(
        "Refusals", "refund of %1 to %2: more than its credit of %3; refund at most %3"),
        "amount", "partner", "credit"),
    "refund_over_advance_paid": _r(QT_TRANSLATE_NOOP(
        "Refusals", "refund of %1 from %2: more than was paid to it in advance (%3); take back at most %3"),
        "amount", "partner", "credit"),
    "unknown_payment_method": _r(QT_TRANSLATE_NOOP(
        "Refusals", "method %1: not a payment method; use one of %2, or add it with: payment-method add CODE NAME"),
        "method!r", "known"),
    "unknown_account_item": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1: no receipt, payment, refund or document of receivables or payables has this number"),
        "number"),
    "nothing_to_allocate": _r(QT_TRANSLATE_NOOP("Refusals", "%1 has nothing left to allocate"), "number"),
    "allocation_not_found": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 is not allocated to %2; there is nothing to undo"), "credit", "debit"),
    "unknown_money": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1: no receipt, payment, refund or write-off has this number"), "number"),
    "write_off_undo": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 is a write-off: its allocation is not undone on its own (it would stay as credit the partner "
                    "never paid); reverse the write-off instead"), "number"),
    "payment_method_built_in": _r(QT_TRANSLATE_NOOP(
        "Refusals", "method %1 is built in and cannot be changed; choose another code"), "method!r"),
    "exchange_difference_undo": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 booked the exchange difference %2 as it settled; its allocations are not undone on their own "
                    "(the difference would stay); reverse %1 instead"), "number", "difference"),
    "money_currency_not_partners": _r(QT_TRANSLATE_NOOP(
        "Refusals", "currency: %1 is paid in %2, not %3; enter the amount in %2 or in %4"),
        "partner", "theirs", "currency", "company"),
    "money_currency_places": _r(QT_TRANSLATE_NOOP(
        "Refusals", "amount %1 %2: %2 has %3 decimal place(s); enter at most %3"), "amount", "currency", "places"),
    "money_no_rate": _r(QT_TRANSLATE_NOOP(
        "Refusals", "rate: no exchange rate for %1 on or before %2; type the rate, or enter the day's with: rate set "
                    "%1 RATE --date %2"), "currency", "day"),
    "money_rate_without_currency": _r(QT_TRANSLATE_NOOP(
        "Refusals", "rate %1: the amount is in %2, which needs no rate; give the supplier's currency with the rate, "
                    "or leave the rate out"), "rate", "company"),
    # -- accounts: supplier invoices
    "supplier_invoice_exists": _r(QT_TRANSLATE_NOOP(
        "Refusals", "invoice %1 of %2 was entered before; a supplier's number is entered once (reverse that invoice "
                    "to enter it again under another number)"), "number!r", "supplier"),
    "unknown_supplier_invoice": _r(QT_TRANSLATE_NOOP(
        "Refusals", "invoice %1: %2 has no invoice with this number"), "number!r", "supplier"),
    "supplier_invoice_reversed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "invoice %1 of %2 has been reversed already; nothing was changed"), "number", "supplier"),
    "invoice_po_other_supplier": _r(QT_TRANSLATE_NOOP(
        "Refusals", "purchase order %1 is not %2's; name one of %2's orders"), "po", "supplier"),
    "invoice_receipt_other_supplier": _r(QT_TRANSLATE_NOOP(
        "Refusals", "receipt %1 came from %2, not from %3; name %3's receipts"), "receipt", "theirs", "supplier"),
    "invoice_receipt_reversed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "receipt %1 has been reversed; there is nothing on it to invoice"), "number"),
    "invoice_sku_not_covered": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 is on none of %2; invoice only what the order or the receipts hold"), "sku", "sources"),
    "invoice_tax_rates_differ": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the invoice's sources were taxed at different rates (%1); enter one invoice for each rate"),
        "sources"),
    "receipt_invoiced": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the receipt of %1 on %2 is billed by invoice %3 of %4; reverse the invoice first "
                    "(supplier-invoice reverse %4 %3), then the receipt"), "sku", "po", "invoice", "supplier"),
    "free_receipt_invoiced": _r(QT_TRANSLATE_NOOP(
        "Refusals", "receipt %1 is billed by invoice %2 of %3; reverse the invoice first (supplier-invoice reverse %3 "
                    "%2), then the receipt"), "number", "invoice", "supplier"),
    # -- accounts: statements
    # -- demo
    "demo_warehouse_exists": _r(QT_TRANSLATE_NOOP(
        "Refusals", "warehouse %1 already exists: the demo fills an empty database only"), "code"),
    "demo_product_exists": _r(QT_TRANSLATE_NOOP(
        "Refusals", "product %1 already exists: the demo fills an empty database only"), "sku"),
    # -- sync
    "hub_changed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "this computer syncs with another shared database (hub %1); %2 is hub %3. An admin can start "
                    "over with it: sync --hub URL --start-over"), "known", "url", "hub"),
    "hub_url_changed": _r(QT_TRANSLATE_NOOP(
        "Refusals", "this computer syncs with %1, not %2. An admin can start over with the new one: sync --hub URL "
                    "--start-over"), "remembered", "url"),
    "hub_login_not_a_desk": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the hub login %1 is not a desk of this hub; its owner adds one with: sync hub-add-desk NAME"),
        "login"),
    "hub_login_other_desk": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the hub login %1 is the desk %2's; this computer is %3. The hub's owner gives this desk a login "
                    "of its own: sync hub-add-desk NAME"), "login", "desk", "device"),
    # -- sync: reaching the hub
    "hub_unreachable": _r(QT_TRANSLATE_NOOP("Refusals", "cannot reach the hub: %1"), "reason"),
    "hub_tables_older": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the hub's tables are older than this version of Stockroom and this login may not change them; "
                    "the hub's owner brings them up to date with: sync hub-setup")),
    "hub_tables_not_prepared": _r(QT_TRANSLATE_NOOP("Refusals", "cannot prepare the hub's tables: %1"), "reason"),
    "hub_schema_newer": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the hub's schema %1 is newer than this version of Stockroom knows (%2); update Stockroom on this "
                    "computer"), "revision", "head"),
    "hub_lost_during_sync": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the connection to the hub was lost during the sync (%1); nothing is lost, sync again to finish"),
        "reason"),
    "hub_lost": _r(QT_TRANSLATE_NOOP("Refusals", "the connection to the hub was lost: %1"), "reason"),
    "hub_refused_during_sync": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the hub refused a step of the sync: %1; nothing is lost, sync again once that is put right"),
        "reason"),
    "sync_stopped_pushing": _r(QT_TRANSLATE_NOOP("Refusals", "sync stopped; what was pushed is kept")),
    "sync_defect": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the sync stopped on an unexpected error (a fault of Stockroom, not of your data); what it "
                    "finished is kept; sync again, and if the error comes back, report it with the words below")),
    "sync_stopped_pulling": _r(QT_TRANSLATE_NOOP("Refusals", "sync stopped; what was pulled is kept")),
    # -- sync: why the database driver failed, said as the reason of the sentences above (see ``_reason``)
    "hub_cause_unreachable": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the server does not answer at this address (check the host, the port, the network and that the "
                    "server runs)")),
    "hub_cause_timeout": _r(QT_TRANSLATE_NOOP("Refusals", "the server did not answer in time")),
    "hub_cause_wrong_password": _r(QT_TRANSLATE_NOOP("Refusals", "the hub refused this user name or password")),
    "hub_cause_password_missing": _r(QT_TRANSLATE_NOOP("Refusals", "the hub asks for a password and none was given")),
    "hub_cause_login_refused": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the hub's server does not let this login in from this computer (its pg_hba.conf)")),
    "hub_cause_database_missing": _r(QT_TRANSLATE_NOOP("Refusals", "the server has no database of this name")),
    "hub_cause_permission_denied": _r(QT_TRANSLATE_NOOP("Refusals", "this login may not do this on the hub")),
    "hub_cause_disk_full": _r(QT_TRANSLATE_NOOP("Refusals", "the hub's server has no disk space left")),
    "hub_cause_read_only": _r(QT_TRANSLATE_NOOP("Refusals", "the hub is read-only (a standby server, or set "
                                                            "read-only)")),
    "hub_cause_too_many_connections": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the hub has too many connections open; try again in a while")),
    "hub_cause_tls": _r(QT_TRANSLATE_NOOP(
        "Refusals", "the encrypted connection (TLS) could not be set up as the TLS mode asks")),
    "hub_cause_other": _r(QT_TRANSLATE_NOOP("Refusals", "the database server reported an error")),
    # -- sync: the hub's address
    "hub_url_unreadable": _r(QT_TRANSLATE_NOOP("Refusals", "hub URL: %1 is not a database URL; give one such as %2"),
                             "url", "example"),
    "hub_url_not_postgresql": _r(QT_TRANSLATE_NOOP(
        "Refusals", "hub URL: %1 is not PostgreSQL; give a URL such as %2"), "driver!r", "example"),
    "hub_url_two_ats": _r(QT_TRANSLATE_NOOP(
        "Refusals", "hub URL: it has more than one '@'; write an '@' in the user name or password as %1, or better "
                    "give the URL without a password, such as %2"), "escaped", "example"),
    "hub_url_sslpassword": _r(QT_TRANSLATE_NOOP(
        "Refusals", "hub URL: sslpassword (the passphrase of a TLS client key) is not kept in the hub URL; remove it "
                    "and use a client key without a passphrase")),
    "hub_url_two_passwords": _r(QT_TRANSLATE_NOOP(
        "Refusals", "hub URL: it gives two different passwords; give the URL without a password, such as %1, and the "
                    "password in PGPASSWORD or where the window asks for it"), "example"),
    "hub_url_not_pairs": _r(QT_TRANSLATE_NOOP(
        "Refusals", "hub URL: %1 is neither a URL nor key=value pairs; give one such as %2"), "url", "example"),
    "hub_url_quote_open": _r(QT_TRANSLATE_NOOP(
        "Refusals", "hub URL: the quoted value of %1 is not closed; end it with '"), "key"),
    # -- sync: reviewing a conflict
    "unknown_conflict": _r(QT_TRANSLATE_NOOP("Refusals", "conflict %1: no such conflict"), "conflict!r"),
    "conflict_reviewed": _r(QT_TRANSLATE_NOOP("Refusals", "conflict %1: already reviewed by %2"), "conflict", "user"),
    "conflict_loser_deleted": _r(QT_TRANSLATE_NOOP(
        "Refusals", "this conflict's losing version was a deletion; there are no values to apply")),
    "conflict_renumbered": _r(QT_TRANSLATE_NOOP(
        "Refusals", "a renumbered document keeps its new number; there are no values to apply")),
    "conflict_fact": _r(QT_TRANSLATE_NOOP(
        "Refusals", "an open item, an allocation or a period event is never changed; there are no values to apply "
                    "(correct it with a reversal)")),
    "conflict_loser_refused": _r(QT_TRANSLATE_NOOP("Refusals", "the losing version cannot be applied: %1"),
                                 "reason"),
    # -- sync: setting up a hub and its logins
    "hub_setup_refused": _r(QT_TRANSLATE_NOOP(
        "Refusals", "cannot set up the hub's roles with this login (use the hub owner's, who owns its tables and may "
                    "create roles): %1"), "reason"),
    "hub_login_not_made": _r(QT_TRANSLATE_NOOP(
        "Refusals", "cannot make the login %1 with this login (use the hub owner's, who may create roles): %2"),
        "name", "reason"),
    "hub_device_not_an_id": _r(QT_TRANSLATE_NOOP(
        "Refusals", "device: %1 is not a device id; give the device id 'sync status' shows on that desk, or run this "
                    "on the desk itself"), "device!r"),
    "hub_login_name": _r(QT_TRANSLATE_NOOP(
        "Refusals", "login name: %1 is not accepted; use lower-case letters, digits and _ (up to 63, not starting "
                    "with a digit), e.g. desk_front"), "name!r"),
    "hub_not_set_up": _r(QT_TRANSLATE_NOOP("Refusals", "the hub has no desk roles yet: its owner runs sync hub-setup "
                                                       "first")),
    "hub_login_not_ours": _r(QT_TRANSLATE_NOOP(
        "Refusals", "login name: %1 is a role of this server that is not a Stockroom login; choose another name"),
        "name"),
    "hub_device_taken": _r(QT_TRANSLATE_NOOP(
        "Refusals", "device %1 is the desk of login %2 already; give that login a new password with: sync "
                    "hub-add-desk %2"), "device", "owner"),
    # -- sync: approving a held-back user
    "approve_merge_waits": _r(QT_TRANSLATE_NOOP("Refusals", "%1 %2: the merge waits for user %3, which is not here"),
                              "table", "key", "merged"),
    "approve_last_admin": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 %2: this computer's last active admin is not merged into another user"), "table", "key"),
    "approve_nothing_held": _r(QT_TRANSLATE_NOOP("Refusals", "%1 %2: nothing is held for approval under this key"),
                               "table", "key"),
    "approve_not_a_user": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 %2: only a well-formed user record waits for an admin's approval; this one was refused "
                    "because %3"), "table", "key", "reason"),
    "approve_missing_reference": _r(QT_TRANSLATE_NOOP("Refusals", "%1 %2: %3"), "table", "key", "reason"),
    # -- access
    "not_signed_in": Template("Access", QT_TRANSLATE_NOOP(
        "Access", "Nobody is signed in. Sign in first; this needs the %1 role or higher."), ("needed",)),
    "inactive_user": Template("Access", QT_TRANSLATE_NOOP(
        "Access", "%1 is no longer an active user; ask an admin, then sign in again."), ("user",)),
    "forbidden": Template("Access", QT_TRANSLATE_NOOP(
        "Access", "%1 (%2) may not %3: that needs the %4 role or higher."), ("user", "role", "permission", "needed")),
    "sign_in_failed": Template("SignIn", QT_TRANSLATE_NOOP("SignIn", "The user name or the password is wrong."), ()),
    "sign_in_throttled": Template("SignIn", QT_TRANSLATE_NOOP(
        "SignIn", "Signing in as %1 is paused after failed attempts; try again in %2 seconds (at %3)."),
        ("username", "seconds", "at")),
    "unknown_user": _r(QT_TRANSLATE_NOOP("Refusals", "user name %1: no user has this name"), "username!r"),
    "first_user_admin": _r(QT_TRANSLATE_NOOP(
        "Refusals", "role: the first user turns sign-in on and must be an admin, so that someone can manage users; "
                    "add %1 as admin, or add an admin first"), "username"),
    "username_taken": _r(QT_TRANSLATE_NOOP(
        "Refusals", "user name %1 is already taken (perhaps by a deactivated user); choose another"), "username!r"),
    "no_password_to_change": _r(QT_TRANSLATE_NOOP(
        "Refusals", "nobody is signed in, so there is no password to change; sign in first")),
    "last_admin_role": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 is the last active admin and stays admin, so that someone can manage users; make another "
                    "user admin first"), "username"),
    "last_admin_deactivate": _r(QT_TRANSLATE_NOOP(
        "Refusals", "%1 is the last active admin and cannot be deactivated, so that someone can manage users; make "
                    "another user admin first"), "username"),
    "already_deactivated": _r(QT_TRANSLATE_NOOP("Refusals", "user %1 is already deactivated"), "username"),
    "already_active": _r(QT_TRANSLATE_NOOP("Refusals", "user %1 is active already"), "username"),
    # -- the storage itself (domain.kernel.errors.StorageProblem, from persistence.errors.explain): what to do
    "storage_locked": Template("Storage", QT_TRANSLATE_NOOP(
        "Storage", "The database is busy: another program or window (a long import, a sync or a backup) is writing "
                   "to it. Nothing was written; try again when it has finished."), ()),
    "storage_full": Template("Storage", QT_TRANSLATE_NOOP(
        "Storage", "The disk that holds the database is full. Nothing was written; free some space on it (or move "
                   "the database to a larger disk) and try again."), ()),
    "storage_io": Template("Storage", QT_TRANSLATE_NOOP(
        "Storage", "The disk could not be read or written (disk I/O error). Nothing was written; check the disk or "
                   "the network drive, then try again."), ()),
    "storage_read_only": Template("Storage", QT_TRANSLATE_NOOP(
        "Storage", "The database file cannot be written (it or its folder is read-only). Nothing was written; make "
                   "it writable or open a copy."), ()),
}


def _permission(value: object) -> str:
    what = WHAT.get(value)
    return QCoreApplication.translate("Permissions", what) if what else str(value)


def _state(value: object) -> str:
    word = PO_STATES.get(str(value)) or SO_STATES.get(str(value))
    return QCoreApplication.translate(CONTEXT, word) if word else str(value)


def _field(value: object) -> str:
    word = FIELDS.get(str(value))
    return QCoreApplication.translate(CONTEXT, word) if word else str(value)


# The tables a sync refusal names (an approval's: users), said as a word of the reader's language.
TABLES = {
    "users": QT_TRANSLATE_NOOP("Refusals", "users"),
}


def _table(value: object) -> str:
    word = TABLES.get(str(value))
    return QCoreApplication.translate(CONTEXT, word) if word else str(value)


def _reason(value: object) -> str:
    """A reason that is the cause of a database driver's error (a ``hub_cause_*`` code) as its sentence; any other
    reason (a rule's English, a driver's words kept before causes had codes) as it is."""
    code = str(value)
    if code.startswith("hub_cause_") and code in REFUSALS:
        return say(code, {}) or code
    return code


# Values that are words rather than names or numbers, said in the reader's language.
WORDS: dict[str, Callable[[object], str]] = {
    "role": role_title, "needed": role_title, "permission": _permission, "state": _state, "field": _field,
    "table": _table, "reason": _reason,
}


# The fields a field check (``domain.kernel.validate``) names, as the reader names them: a ``BadInput`` is said as
# its field and its problem (``ui.import_problems``) in the reader's language; a field not here keeps its English.
INPUT_FIELDS = {
    "ABC basis": QT_TRANSLATE_NOOP("RefusalFields", "ABC basis"),
    "ageing basis": QT_TRANSLATE_NOOP("RefusalFields", "ageing basis"),
    "bands": QT_TRANSLATE_NOOP("RefusalFields", "bands"),
    "--bands": QT_TRANSLATE_NOOP("RefusalFields", "--bands"),  # the stock ageing's; the Reports screen's Bands (days)
    "expected": QT_TRANSLATE_NOOP("RefusalFields", "expected"),
    "SKU": QT_TRANSLATE_NOOP("RefusalFields", "SKU"),
    "address": QT_TRANSLATE_NOOP("RefusalFields", "address"),
    "allocate": QT_TRANSLATE_NOOP("RefusalFields", "allocate"),
    "amount": QT_TRANSLATE_NOOP("RefusalFields", "amount"),
    "backup file": QT_TRANSLATE_NOOP("RefusalFields", "backup file"),
    "backups to keep": QT_TRANSLATE_NOOP("RefusalFields", "backups to keep"),
    "barcode": QT_TRANSLATE_NOOP("RefusalFields", "barcode"),
    "unit name": QT_TRANSLATE_NOOP("RefusalFields", "unit name"),
    "unit barcode": QT_TRANSLATE_NOOP("RefusalFields", "unit barcode"),
    "units per pack": QT_TRANSLATE_NOOP("RefusalFields", "units per pack"),
    "break price": QT_TRANSLATE_NOOP("RefusalFields", "break price"),
    "break quantity": QT_TRANSLATE_NOOP("RefusalFields", "break quantity"),
    "category": QT_TRANSLATE_NOOP("RefusalFields", "category"),
    "code": QT_TRANSLATE_NOOP("RefusalFields", "code"),
    "company address": QT_TRANSLATE_NOOP("RefusalFields", "company address"),
    "company logo": QT_TRANSLATE_NOOP("RefusalFields", "company logo"),
    "company name": QT_TRANSLATE_NOOP("RefusalFields", "company name"),
    "contact": QT_TRANSLATE_NOOP("RefusalFields", "contact"),
    "counted quantity": QT_TRANSLATE_NOOP("RefusalFields", "counted quantity"),
    "cover target": QT_TRANSLATE_NOOP("RefusalFields", "cover target"),
    "credit limit": QT_TRANSLATE_NOOP("RefusalFields", "credit limit"),
    "currency": QT_TRANSLATE_NOOP("RefusalFields", "currency"),
    "current password": QT_TRANSLATE_NOOP("RefusalFields", "current password"),
    "customer": QT_TRANSLATE_NOOP("RefusalFields", "customer"),
    "customer code": QT_TRANSLATE_NOOP("RefusalFields", "customer code"),
    "database": QT_TRANSLATE_NOOP("RefusalFields", "database"),
    "date": QT_TRANSLATE_NOOP("RefusalFields", "date"),
    "dead-stock days": QT_TRANSLATE_NOOP("RefusalFields", "dead-stock days"),
    "discount": QT_TRANSLATE_NOOP("RefusalFields", "discount"),
    "display name": QT_TRANSLATE_NOOP("RefusalFields", "display name"),
    "due": QT_TRANSLATE_NOOP("RefusalFields", "due"),
    "email": QT_TRANSLATE_NOOP("RefusalFields", "email"),
    "excess cover target": QT_TRANSLATE_NOOP("RefusalFields", "excess cover target"),
    "from": QT_TRANSLATE_NOOP("RefusalFields", "from"),
    "kind": QT_TRANSLATE_NOOP("RefusalFields", "kind"),
    "lead time": QT_TRANSLATE_NOOP("RefusalFields", "lead time"),
    "level": QT_TRANSLATE_NOOP("RefusalFields", "level"),
    "lines": QT_TRANSLATE_NOOP("RefusalFields", "lines"),
    "max level": QT_TRANSLATE_NOOP("RefusalFields", "max level"),
    "min level": QT_TRANSLATE_NOOP("RefusalFields", "min level"),
    "minimum order quantity": QT_TRANSLATE_NOOP("RefusalFields", "minimum order quantity"),
    "month": QT_TRANSLATE_NOOP("RefusalFields", "month"),
    "name": QT_TRANSLATE_NOOP("RefusalFields", "name"),
    "note": QT_TRANSLATE_NOOP("RefusalFields", "note"),
    "notes": QT_TRANSLATE_NOOP("RefusalFields", "notes"),
    "order multiple": QT_TRANSLATE_NOOP("RefusalFields", "order multiple"),
    "over-receipt tolerance": QT_TRANSLATE_NOOP("RefusalFields", "over-receipt tolerance"),
    "overall service target": QT_TRANSLATE_NOOP("RefusalFields", "overall service target"),
    "order cost per purchase-order line": QT_TRANSLATE_NOOP("RefusalFields", "order cost per purchase-order line"),
    "holding rate a year": QT_TRANSLATE_NOOP("RefusalFields", "holding rate a year"),
    "pack size": QT_TRANSLATE_NOOP("RefusalFields", "pack size"),
    "partner": QT_TRANSLATE_NOOP("RefusalFields", "partner"),
    "password": QT_TRANSLATE_NOOP("RefusalFields", "password"),
    "payment basis": QT_TRANSLATE_NOOP("RefusalFields", "payment basis"),
    "payment method": QT_TRANSLATE_NOOP("RefusalFields", "payment method"),
    "payment days": QT_TRANSLATE_NOOP("RefusalFields", "payment days"),
    "payment terms": QT_TRANSLATE_NOOP("RefusalFields", "payment terms"),
    "phone": QT_TRANSLATE_NOOP("RefusalFields", "phone"),
    "price": QT_TRANSLATE_NOOP("RefusalFields", "price"),
    "price per": QT_TRANSLATE_NOOP("RefusalFields", "price per"),
    "prices": QT_TRANSLATE_NOOP("RefusalFields", "prices"),
    "purchase order": QT_TRANSLATE_NOOP("RefusalFields", "purchase order"),
    "quantity": QT_TRANSLATE_NOOP("RefusalFields", "quantity"),
    "rate": QT_TRANSLATE_NOOP("RefusalFields", "rate"),
    "reason": QT_TRANSLATE_NOOP("RefusalFields", "reason"),
    "receipt": QT_TRANSLATE_NOOP("RefusalFields", "receipt"),
    "reference": QT_TRANSLATE_NOOP("RefusalFields", "reference"),
    "return": QT_TRANSLATE_NOOP("RefusalFields", "return"),
    "review days": QT_TRANSLATE_NOOP("RefusalFields", "review days"),
    "role": QT_TRANSLATE_NOOP("RefusalFields", "role"),
    "service target": QT_TRANSLATE_NOOP("RefusalFields", "service target"),
    "service target rule": QT_TRANSLATE_NOOP("RefusalFields", "service target rule"),
    "side": QT_TRANSLATE_NOOP("RefusalFields", "side"),
    "substitute": QT_TRANSLATE_NOOP("RefusalFields", "substitute"),
    "supplier": QT_TRANSLATE_NOOP("RefusalFields", "supplier"),
    "supplier SKU": QT_TRANSLATE_NOOP("RefusalFields", "supplier SKU"),
    "supplier code": QT_TRANSLATE_NOOP("RefusalFields", "supplier code"),
    "supplier item name": QT_TRANSLATE_NOOP("RefusalFields", "supplier item name"),
    "tax rate": QT_TRANSLATE_NOOP("RefusalFields", "tax rate"),
    "to": QT_TRANSLATE_NOOP("RefusalFields", "to"),
    "unit": QT_TRANSLATE_NOOP("RefusalFields", "unit"),
    "unit cost": QT_TRANSLATE_NOOP("RefusalFields", "unit cost"),
    "unit price": QT_TRANSLATE_NOOP("RefusalFields", "unit price"),
    "user name": QT_TRANSLATE_NOOP("RefusalFields", "user name"),
    "warehouse": QT_TRANSLATE_NOOP("RefusalFields", "warehouse"),
    "warehouse code": QT_TRANSLATE_NOOP("RefusalFields", "warehouse code"),
    "whole units": QT_TRANSLATE_NOOP("RefusalFields", "whole units"),
}


# A field the domain names after one line or one product of a document ("quantity of line 3", "price of SD-1"):
# the field's own name in the reader's language, then the line's number or the SKU as it is.
_OF_LINE = re.compile(r"^(?P<field>.+) of line (?P<line>\d+)$")
_OF_ITEM = re.compile(r"^(?P<field>.+) of (?P<item>\S+)$")


def input_field_text(field: str) -> str:
    """``field`` as the reader names it; one of a line's or a product's fields keeps its number or SKU."""
    word = INPUT_FIELDS.get(field)
    if word:
        return QCoreApplication.translate("RefusalFields", word)
    if (match := _OF_LINE.match(field)) and match["field"] in INPUT_FIELDS:
        return fill(QCoreApplication.translate("RefusalFields", "%1 of line %2"),
                    input_field_text(match["field"]), match["line"])
    if (match := _OF_ITEM.match(field)) and match["field"] in INPUT_FIELDS:
        return fill(QCoreApplication.translate("RefusalFields", "%1 of %2"), input_field_text(match["field"]),
                    match["item"])
    return field


def field_problem_text(exc: BadInput) -> str:
    """A field check's problem without its field, in the reader's language: the domain's English sentence in English
    (it also says what would be accepted), else its code's template (``ui.import_problems``), or the English problem
    when it has no code."""
    if i18n.current_language() == i18n.ENGLISH:
        return exc.problem
    return problem_text(exc) or exc.problem


def value_text(name: str, params: dict[str, object]) -> str:
    """One value for a template's place: ``name`` (``name!r`` quoted as the domain quotes it)."""
    key, quoted = (name[:-2], True) if name.endswith("!r") else (name, False)
    value = params.get(key, "")
    if quoted:
        return repr(value)
    if key in WORDS:
        return WORDS[key](value)
    return str(value)


# A supplier's currency change refused (``domain.catalog.supplier_currency``) for open orders only or for unsettled
# payables only: the domain's English says the other list is "none", which read as (none) inside a Chinese sentence; the
# window names only what is open.
NONE = "none"  # the domain's word for an empty list (``supplier_currency._some``)
CURRENCY_BLOCKED_BY = {
    "orders": _r(QT_TRANSLATE_NOOP(
        "Refusals", "currency: supplier %1 cannot change from %2 to %3 while it has open purchase orders (%4) in %2; "
                    "receive, close or cancel the orders first"), "supplier", "old", "new", "orders"),
    "payables": _r(QT_TRANSLATE_NOOP(
        "Refusals", "currency: supplier %1 cannot change from %2 to %3 while it has unsettled payables (%4) in %2; "
                    "settle the payables first"), "supplier", "old", "new", "payables"),
}


def _template(code: str, params: dict[str, object]) -> Template | None:
    """The template for ``code``; for a currency change blocked by one kind of document only, the sentence that
    names that kind alone."""
    if code == "supplier_currency_blocked":
        orders, payables = params.get("orders") != NONE, params.get("payables") != NONE
        if orders != payables:
            return CURRENCY_BLOCKED_BY["orders" if orders else "payables"]
    return REFUSALS.get(code)


def say(code: str, params: dict[str, object]) -> str | None:
    """The refusal ``code`` with its ``params`` in the current language; None for a code without a template.

    A ``driver_detail`` among the values (a database driver's own words, in whatever language the server speaks) goes on
    a line of its own under the sentence, as the English (``str()``) has it.
    """
    template = _template(code, params)
    if template is None:
        return None
    text = template.filled(params)
    detail = str(params.get("driver_detail") or "")
    return f"{text}\n{detail}" if detail else text


def refusal_text(exc: BaseException) -> str:
    """A refusal as the reader reads it: from its code when it has one, else the domain's English as it is.

    The sync's own errors (the hub out of reach, a sync stopped) carry a code of the same list and are said alike.
    """
    if isinstance(exc, BadInput):  # a BadInput's code is its field problem
        if i18n.current_language() == i18n.ENGLISH:
            return str(exc)  # the domain's sentence also says what would be accepted
        return fill(QCoreApplication.translate("Refusals", "%1: %2"), input_field_text(exc.field),
                    field_problem_text(exc))
    code, params = getattr(exc, "code", ""), getattr(exc, "params", None)
    if isinstance(exc, DomainError) or (isinstance(code, str) and isinstance(params, dict)):
        text = say(code, params or {})
        if text is not None:
            return text
    return str(exc)
