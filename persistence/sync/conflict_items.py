"""The items an allocation conflict names, as a person knows them: the item's kind, its number as it reads now
(``persistence.accounts.numbers``), its customer or supplier and the products its document, goods receipt or supplier
invoice moved or billed, instead of the ids the allocation holds (the Conflicts screen's detail). A receipt without
a purchase order (``GR-``, which has no item of its own) that an invoice conflict names is told the same way, as a
goods receipt of its supplier."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy import select

from persistence import tables as t
from persistence.accounts.numbers import number_of
from persistence.reads import chunks

# the fields of an accounts conflict that hold an item id (or a receipt document's: a receipt without a PO)
ITEM_FIELDS = ("item", "debit_item_id", "credit_item_id", "invoice_item", "receipt_document_id")


@dataclass(frozen=True)
class ItemName:
    kind: str  # the item's kind as stored (sale, goods_receipt, receipt…): a screen says it in its reader's words
    number: str
    partner: str  # the customer's or supplier's code and name
    products: tuple[str, ...] = ()  # "SKU name" of each product its document or goods receipt moved, in SKU order


def item_ids(records: Iterable[dict]) -> set[str]:
    """The item ids the fields ``ITEM_FIELDS`` of ``records`` (a conflict's versions) hold."""
    return {record[f] for record in records if isinstance(record, dict)
            for f in ITEM_FIELDS if isinstance(record.get(f), str)}


def item_names(conn: Connection, ids: Iterable[str]) -> dict[str, ItemName]:
    """How a person knows each of the items ``ids`` that is here (an id not here is left out)."""
    It, C, S = t.account_items, t.customers, t.suppliers
    found = []
    for part in chunks(sorted(set(ids))):
        found += conn.execute(select(It.c.id, It.c.kind, It.c.side, It.c.partner_id, It.c.source_id,
                                     number_of(It).label("number")).where(It.c.id.in_(part))).all()
    partners: dict[str, str] = {}
    for table, side in ((C, "AR"), (S, "AP")):
        wanted = {row.partner_id for row in found if row.side == side}
        for part in chunks(wanted):
            partners.update({pid: f"{code} {name}".strip() for pid, code, name in conn.execute(
                select(table.c.id, table.c.code, table.c.name).where(table.c.id.in_(part)))})
    products = _products(conn, {row.source_id for row in found if row.source_id} | set(ids))
    named = {row.id: ItemName(row.kind, row.number or "", partners.get(row.partner_id, row.partner_id),
                              tuple(sorted(products.get(row.source_id, ())))) for row in found}
    D = t.documents
    for part in chunks(sorted(set(ids) - set(named))):  # receipts without a PO, by their supplier's code
        for doc_id, number, code, name in conn.execute(
                select(D.c.id, D.c.number, D.c.partner, S.c.name).outerjoin(S, S.c.code == D.c.partner)
                .where(D.c.id.in_(part), D.c.kind == "receipt")):
            named[doc_id] = ItemName("goods_receipt", number, f"{code} {name or ''}".strip(),
                                     tuple(sorted(products.get(doc_id, ()))))
    return named


def _products(conn: Connection, sources: set[str]) -> dict[str, set[str]]:
    """The products each source (a document, a goods receipt's movement, a supplier invoice) moved or billed, as
    "SKU name"."""
    L, M, P, V = t.document_lines, t.movements, t.products, t.supplier_invoice_lines
    result: dict[str, set[str]] = {}
    for part in chunks(sources):
        for source, sku, name in conn.execute(
                select(L.c.document_id, P.c.sku, P.c.name).join(P, P.c.id == L.c.product_id)
                .where(L.c.document_id.in_(part))).all() + conn.execute(
                select(M.c.id, P.c.sku, P.c.name).join(P, P.c.id == M.c.product_id).where(M.c.id.in_(part))).all() \
                + conn.execute(select(V.c.invoice_id, P.c.sku, P.c.name).join(P, P.c.id == V.c.product_id)
                               .where(V.c.invoice_id.in_(part))).all():
            result.setdefault(source, set()).add(f"{sku} {name}".strip())
    return result
