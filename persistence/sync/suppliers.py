"""A supplier's currency pulled from the hub follows the rule a desk follows (``domain.catalog.supplier_currency``):
it changes only while the supplier has nothing open here, no open purchase order (draft, issued, partly received)
and no unsettled payable, all priced or owed in the old currency. Another desk saw nothing open when it changed it;
this desk may have made an order offline meanwhile. So a pulled supplier whose currency differs from the one here
while something of it is open here is kept aside with its reason (the hub is hostile input), and so are the term
prices pulled for it (a price converted into the new currency would be read in the old one). Both come in at the
first sync after nothing of the supplier is open here (``gate.retry_from_hub``)."""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy import select

from domain.catalog.supplier_currency import some_names
from persistence import tables as t
from persistence.sync import reasons as why

OPEN_STATES = ("draft", "issued", "partly_received")
PRICES = frozenset({"supplier_terms", "supplier_price_breaks"})  # numbers in the supplier's currency
CODE = "currency_change_open"


def currency_change_blocked(conn: Connection, key: str, record: dict) -> str:
    """Why the pulled supplier ``record`` cannot come in: it changes the currency of a supplier with something open
    here; ''."""
    S = t.suppliers.c
    here = conn.execute(select(S.code, S.currency).where(S.id == key)).first()
    if here is None or record.get("currency") in (None, here.currency):
        return ""
    P = t.purchase_orders.c
    orders = [number or id_ for id_, number in conn.execute(select(P.id, P.number).where(
        P.supplier_id == key, P.state.in_(OPEN_STATES)).order_by(P.created_at))]
    opened, items = t.account_open.c, t.account_items.c
    payables = list(conn.execute(select(items.number).select_from(t.account_open.join(
        t.account_items, items.id == opened.item_id)).where(opened.side == "AP", opened.partner_id == key)
        .order_by(opened.business_date, items.number)).scalars())
    if not orders and not payables:
        return ""
    return why.reason(CODE, supplier=here.code, old=here.currency, new=record["currency"], orders=some_names(orders),
                      payables=some_names(payables))


def waits_for_currency(conn: Connection, record: dict) -> str:
    """Why a pulled term price cannot come in: its supplier's pulled currency change is kept aside here; ''."""
    Q, S = t.sync_quarantine.c, t.suppliers.c
    held = conn.execute(select(S.code).select_from(t.sync_quarantine.join(t.suppliers, S.id == Q.row_id)).where(
        Q.tbl == "suppliers", Q.row_id == record.get("supplier_id"), Q.code == CODE)).first()
    return "" if held is None else why.reason("price_waits_for_currency", supplier=held.code)
