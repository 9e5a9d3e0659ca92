"""The accounts area in the sync (docs/ACCOUNTS.md, "Sync"): what a pulled item or allocation must agree with here,
and the two conflicts only the accounts have.

* **Checks against this desk** (``reference_problem``): an item's partner is a customer (AR) or a supplier (AP)
  here; a reversal has the opposite amount of the item it reverses, on the same side and partner; an allocation
  joins a debit item (amount > 0) and a credit item (amount < 0) of one side and partner, and an undo names an
  allocation of the same two items. What fails is kept aside with its reason like any refused record.
* **A fact changed on the hub** (``changed_facts``): items, allocations and period events are never changed. A
  pulled version that differs from the one here is kept aside, unless the one here never reached the hub (then
  the hub's is the one every desk has: a number the hub gave, an undo another desk made first).
* **One payment allocated on two desks offline** (``settle_allocations``): when the allocations of an item add up
  to more than its amount, the latest ones (by created_at, then id) are undone just enough, by undo rows whose
  ids come from the allocation they undo (uuid5) and whose content comes only from the allocations: every desk
  that sees the same allocations writes the same rows, and the hub keeps one copy. Each is listed as a conflict,
  with an id and content every desk makes alike.
* **A fact dated in a month closed here** (``closed_month_conflicts``): kept (it happened) and listed as a
  conflict for a manager: the month's frozen figures do not include it.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection
from sqlalchemy import select

from domain.accounts.periods import month_of
from domain.kernel.numbers import fmt
from domain.kernel.numbers import fmt_price
from persistence import tables as t
from persistence.accounts import open as open_amounts
from persistence.accounts.numbers import number_of
from persistence.accounts.periods import PeriodRepository
from persistence.sync import reasons as why
from persistence.sync import records as r
from persistence.sync import rules
from persistence.types import from_micros

_NS = uuid.UUID("3b0d6c1e-8f47-4a2e-9c55-7e1a0b9d2f63")
SYNC_USER = "sync"  # the user of the undo rows the sync writes
PARTNERS = {"AR": "customers", "AP": "suppliers"}


def undo_id(allocation_id: str, earlier_undos: int = 0) -> str:
    """The id of the sync's undo of ``allocation_id`` (its ``earlier_undos``-th, counting from 0)."""
    name = allocation_id if earlier_undos == 0 else f"{allocation_id}|{earlier_undos}"
    return str(uuid.uuid5(_NS, name))


def conflict_id(kind: str, row_id: str) -> str:
    return str(uuid.uuid5(_NS, f"conflict|{kind}|{row_id}"))


# -- checks against what is here --------------------------------------------------------------------------------


class Known:
    """What a run of pulled accounts records names here, read in a few statements (not one per record)."""

    def __init__(self, conn: Connection, spec: r.Spec, records: list[dict]) -> None:
        self.partners: dict[str, set[str]] = {}
        for side, table_name in PARTNERS.items():
            wanted = {x["partner_id"] for x in records if x.get("side") == side and "partner_id" in x}
            table = t.metadata.tables[table_name]
            self.partners[side] = _present(conn, table.c.id, wanted)
        wanted = {x.get(c) for x in records for c in ("reverses_id", "debit_item_id", "credit_item_id")} - {None}
        it = t.account_items.c
        self.items = {row.id: {"side": row.side, "partner_id": row.partner_id, "amount": str(row.amount)}
                      for row in _rows(conn, select(it.id, it.side, it.partner_id, it.amount), it.id, wanted)}
        wanted = {x.get("undoes_id") for x in records} - {None}
        A = t.allocations.c
        self.allocations = {row.id: {"debit_item_id": row.debit_item_id, "credit_item_id": row.credit_item_id,
                                     "undoes_id": row.undoes_id}
                            for row in _rows(conn, select(A.id, A.debit_item_id, A.credit_item_id, A.undoes_id),
                                             A.id, wanted)}


def _rows(conn: Connection, query, column, wanted: set[str]) -> list:
    ids = sorted(wanted)
    return [row for i in range(0, len(ids), 500) for row in conn.execute(query.where(column.in_(ids[i:i + 500])))]


def _present(conn: Connection, column, wanted: set[str]) -> set[str]:
    return {row[0] for row in _rows(conn, select(column), column, wanted)}


def reference_problem(spec: r.Spec, record: dict, run: dict[str, dict], known: Known) -> str:
    """Why a pulled accounts record cannot sit beside what is here; ''. ``run``: the records of its table
    admitted before it in the same run (not written yet); ``known``: what the run names here."""
    if spec.name in ("account_items", "period_balances"):
        if record["partner_id"] not in known.partners[record["side"]]:
            what = "customer" if record["side"] == "AR" else "supplier"
            return why.reason("fact_reference", column="partner_id", target=what, value=record["partner_id"])
    if spec.name == "account_items" and record.get("reverses_id"):
        original = run.get(record["reverses_id"]) or known.items.get(record["reverses_id"])
        if original is None:
            return why.reason("fact_reference", column="reverses_id", target="item", value=record["reverses_id"])
        if (original["side"], original["partner_id"]) != (record["side"], record["partner_id"]):
            return why.reason("reversed_other_partner")
        if Decimal(original["amount"]) != -Decimal(record["amount"]):
            return why.reason("not_opposite", amount=record["amount"], original=original["amount"])
    if spec.name == "allocations":
        items = {}
        for column in ("debit_item_id", "credit_item_id"):
            items[column] = known.items.get(record[column])
            if items[column] is None:
                return why.reason("fact_reference", column=column, target="item", value=record[column])
        debit, credit = items["debit_item_id"], items["credit_item_id"]
        if (debit["side"], debit["partner_id"]) != (credit["side"], credit["partner_id"]):
            return why.reason("items_apart")
        if Decimal(debit["amount"]) <= 0:
            return why.reason("debit_not_owed", amount=debit["amount"])
        if Decimal(credit["amount"]) >= 0:
            return why.reason("credit_settles_nothing", amount=credit["amount"])
        if record.get("undoes_id"):
            undone = run.get(record["undoes_id"]) or known.allocations.get(record["undoes_id"])
            if undone is None:
                return why.reason("fact_reference", column="undoes_id", target="allocation", value=record["undoes_id"])
            if undone.get("undoes_id") or (undone["debit_item_id"], undone["credit_item_id"]) != (
                    record["debit_item_id"], record["credit_item_id"]):
                return why.reason("undo_of_undo")
    return ""


def changed_facts(conn: Connection, spec: r.Spec, pulled: list[tuple[str, dict | None]]) -> dict[str, str]:
    """{key: reason} for pulled versions of facts (``spec.immutable``) that would change or delete one here."""
    refused = {key: why.reason("fact_deleted", table=spec.name) for key, record in pulled if record is None}
    keys = [key for key, record in pulled if record is not None]
    if not keys:
        return refused
    here = r.read_records(conn, spec, keys)
    if not here:
        return refused
    exchanged = set()
    for i in range(0, len(keys), 500):
        exchanged.update(conn.execute(select(t.sync_rows.c.row_id).where(
            t.sync_rows.c.tbl == spec.name, t.sync_rows.c.row_id.in_(keys[i:i + 500]))).scalars())
    for key, record in pulled:
        local = here.get(key)
        if record is None or local is None or key not in exchanged:
            continue
        if r.content_hash(spec, local) != r.content_hash(spec, record):
            refused[key] = why.reason("fact_changed", table=spec.name)
    return refused


# -- the same payment allocated twice offline -------------------------------------------------------------------


def _over_allocated(conn: Connection, items: set[str]) -> list[str]:
    """Those of ``items`` whose allocations (net of undos) add up to more than the item's amount, in id order (an
    item is only ever on one side of its allocations, so both sums together are its own)."""
    ids = sorted(i for i in items if i)
    found = []
    for i in range(0, len(ids), 500):
        marks = ", ".join("?" for _ in ids[i:i + 500])
        found += conn.exec_driver_sql(
            f"SELECT i.id FROM account_items i WHERE i.id IN ({marks}) AND abs(i.amount) < "
            "(SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.debit_item_id = i.id) + "
            "(SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.credit_item_id = i.id)",
            tuple(ids[i:i + 500])).scalars().all()
    return sorted(found)


def _conflict(conn: Connection, cid: str, tbl: str, row_id: str, business_key: str, rule: str, kept: dict | None,
              lost: dict | None, lost_device: str, at) -> bool:
    """A conflict every desk that finds the same thing records alike (id and content from what it is about)."""
    if conn.execute(select(t.sync_conflicts.c.id).where(t.sync_conflicts.c.id == cid)).first() is not None:
        return False
    conn.execute(t.sync_conflicts.insert().values(
        id=cid, tbl=tbl, row_id=row_id, business_key=business_key[:200], rule=rule[:200], **rules.columns(rule),
        kept=json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else "",
        lost=json.dumps(lost, ensure_ascii=False, sort_keys=True) if lost else "", lost_device=lost_device,
        detected_at=at, resolved_at=None, resolved_by="", note="", device_id="", version=1))
    return True


def settle_allocations(conn: Connection, items: set[str]) -> int:
    """Undo, just enough, the latest allocations of each of ``items`` allocated beyond its amount (see the module);
    return how many undo rows were written. Idempotent: a second run finds nothing over-allocated.

    ``items``: the items of the allocations that just came in (only a pulled allocation can take an item beyond
    its amount: this desk's own are checked against what it holds when they are made)."""
    written = 0
    touched: set[str] = set()  # both items of every undo row: their derived open amounts are recomputed
    spec = r.BY_NAME["allocations"]
    for item_id in _over_allocated(conn, items):
        item = conn.execute(select(t.account_items).where(t.account_items.c.id == item_id)).one()
        A = t.allocations.c
        column = A.debit_item_id if item.amount > 0 else A.credit_item_id
        rows = conn.execute(select(t.allocations).where(column == item_id)).all()
        undone: dict[str, list] = {}
        for row in rows:
            if row.undoes_id is not None:
                undone.setdefault(row.undoes_id, []).append(row.amount)
        excess = sum(row.amount for row in rows) - abs(item.amount)
        others = _items(conn, {row.credit_item_id if item.amount > 0 else row.debit_item_id for row in rows})
        # the item's own reversal keeps its allocation (a reversal settles its original, nothing else): the others
        # are undone first, the latest first
        applies = sorted((row for row in rows if row.undoes_id is None), key=lambda a: (
            _other(a, item, others).reverses_id != item_id, a.created_at, a.id), reverse=True)
        for a in applies:
            if excess <= 0:
                break
            left = a.amount + sum(undone.get(a.id, []))
            take = min(left, excess)
            if take <= 0:
                continue
            new_id = undo_id(a.id, len(undone.get(a.id, [])))
            lost = r.read_records(conn, spec, [a.id])[a.id]
            conn.execute(t.allocations.insert().values(
                id=new_id, debit_item_id=a.debit_item_id, credit_item_id=a.credit_item_id, amount=-take,
                business_date=a.business_date, undoes_id=a.id, user=SYNC_USER, created_at=a.created_at,
                device_id=a.device_id))
            touched |= {a.debit_item_id, a.credit_item_id}
            undone.setdefault(a.id, []).append(-take)
            excess -= take
            written += 1
            kept = {"item": item_id, "number": item.number, "amount": fmt(item.amount)}
            _conflict(conn, conflict_id("allocation", new_id), "allocations", a.id, item.number or item_id,
                      _undo_rule(conn, item, _other(a, item, others), take), kept, lost, a.device_id, a.created_at)
    open_amounts.refresh(conn, touched)
    return written


def _items(conn: Connection, ids: set[str]):
    it = t.account_items.c
    return {row.id: row for row in _rows(conn, select(it.id, it.kind, it.number, it.reverses_id), it.id, ids)}


def _other(allocation, item, items: dict):
    """The item ``allocation`` joins ``item`` to."""
    return items[allocation.credit_item_id if allocation.debit_item_id == item.id else allocation.debit_item_id]


def _undo_rule(conn: Connection, item, other, take: Decimal) -> rules.Rule:
    """Why an allocation of ``item`` to ``other`` was undone: in general it was allocated beyond its amount; when
    ``item`` is a receipt reversed on one desk and ``other`` the match of an invoice entered for it on another, the
    invoice bills a reversed receipt (one desk refuses that: ``domain.stock.ledger``), said in those words: the
    invoice, the receipt and the supplier; the credit the match holds waits for the invoice
    (``domain.accounts.items.held_for_invoice``)."""
    it = t.account_items.c
    reversed_ = conn.execute(select(it.id).where(it.reverses_id == item.id)).first() is not None
    if item.kind == "goods_receipt" and other.kind == "invoice_match" and reversed_:
        supplier = _partner_code(conn, "AP", item.partner_id)
        return rules.rule("invoice_bills_reversed", invoice=other.number, supplier=supplier,
                          receipt=f"{item.number} {item.reference}".strip(), take=fmt_price(take))
    if reversed_ and item.amount > 0 and other.kind != "reversal":
        # money (or a return, a write-off) that settled a sale or a receipt another desk reversed meanwhile: the
        # reversal keeps its allocation, and what the money paid is the partner's credit again
        numbers = dict(conn.execute(select(it.id, number_of(t.account_items))
                                    .where(it.id.in_([item.id, other.id]))).all())
        document = numbers.get(item.id) or item.number
        if item.kind == "goods_receipt":
            document = f"{document} {item.reference}".strip()  # the PO's number and the SKU: one line received
        return rules.rule("paid_item_reversed", document=document, credit=numbers.get(other.id) or other.number,
                          partner=_partner_code(conn, item.side, item.partner_id), take=fmt_price(take))
    return rules.rule("over_allocated", take=fmt_price(take))  # 1,272.38, as money is shown


def _partner_code(conn: Connection, side: str, partner_id: str) -> str:
    table = t.metadata.tables[PARTNERS[side]]
    return conn.execute(select(table.c.code).where(table.c.id == partner_id)).scalar() or partner_id


# -- an invoice that bills a receipt without a PO another desk reversed -------------------------------------------


def billed_reversed_receipts(conn: Connection, documents: set[str], invoices: set[str]) -> int:
    """List each supplier invoice (not reversed) that bills a receipt without a purchase order (``GR-``) that is
    reversed, among the pairs the pulled ``documents`` (reversed here by this batch) and ``invoices`` name: the
    receipt was reversed on one desk while the invoice was entered (and maybe paid) on another. One desk refuses
    both (``invoice_receipt_reversed``, ``receipt_invoiced_free``). Such a receipt has no payable of its own: the
    invoice's item is the payable, for goods that are no longer received. Nothing is changed (the invoice and its
    items are facts); the conflict names the invoice, the receipt and the supplier, and every desk that finds the
    same pair records it alike (its id and content come from the pair), so it is listed once. How many listed."""
    V, L, D, S = t.supplier_invoices, t.supplier_invoice_lines, t.documents, t.suppliers
    query = (select(V.c.id, V.c.number, V.c.created_at, V.c.device_id, S.c.code.label("supplier"),
                    D.c.id.label("receipt_id"), D.c.number.label("receipt"), D.c.reversed_at).distinct()
             .join(L, L.c.invoice_id == V.c.id).join(D, D.c.id == L.c.receipt_document_id)
             .join(S, S.c.id == V.c.supplier_id)
             .where(V.c.reversed.is_not(True), D.c.reversed.is_(True)))
    pairs = {}
    for column, wanted in ((D.c.id, documents), (V.c.id, invoices)):
        for row in _rows(conn, query, column, wanted):
            pairs[(row.id, row.receipt_id)] = row
    listed = 0
    it = t.account_items.c
    for (invoice_id, receipt_id), row in sorted(pairs.items()):
        item = conn.execute(select(it.id).where(it.source_id == invoice_id, it.kind == "supplier_invoice")
                            .order_by(it.id)).scalar()
        kept = {"number": row.number, "invoice_item": item, "receipt_document_id": receipt_id}
        at = max(row.created_at, row.reversed_at or row.created_at)
        listed += int(_conflict(conn, conflict_id("billed_reversed", f"{invoice_id}|{receipt_id}"),
                                "supplier_invoices", invoice_id, row.number,
                                rules.rule("invoice_bills_reversed_receipt", invoice=row.number,
                                           supplier=row.supplier, receipt=row.receipt),
                                {k: v for k, v in kept.items() if v}, None, row.device_id, at))
    return listed


# -- a fact dated in a month this desk has closed ---------------------------------------------------------------


class Closings:
    """Which months were closed here at each point of a pulled batch: a fact logged before a close that comes in the
    same batch was not late for it; one logged after it was."""

    def __init__(self, conn: Connection) -> None:
        self.start = PeriodRepository(conn).closed_through()
        self.after: list[tuple[int, date | None]] = []  # (log sequence of a run of periods, closed through after it)

    def changed(self, conn: Connection, seq: int) -> None:
        self.after.append((seq, PeriodRepository(conn).closed_through()))

    def at(self, seq: int) -> date | None:
        through = self.start
        for after, value in self.after:
            if after < seq:
                through = value
        return through


def refresh_open(conn: Connection, items: list[tuple[int, dict]], allocations: list[tuple[int, dict]]) -> None:
    """Recompute the derived open amounts (``account_open``) of the items a pulled batch wrote and of both items of
    each allocation it wrote (``settle_allocations`` refreshes the items of the undo rows it adds itself)."""
    ids = {record["id"] for _, record in items}
    ids |= {record[c] for _, record in allocations for c in ("debit_item_id", "credit_item_id")}
    open_amounts.refresh(conn, ids)


def refresh_pushed(conn: Connection, keys: dict[str, set[str]]) -> None:
    """``refresh_open`` after a push's answers were applied: ``keys`` the ids of the items and allocations whose
    hub version was written here (the allocations' items read back from the table)."""
    ids = set(keys.get("account_items", ()))
    wanted = sorted(keys.get("allocations", ()))
    A = t.allocations.c
    for i in range(0, len(wanted), 500):
        for row in conn.execute(select(A.debit_item_id, A.credit_item_id).where(A.id.in_(wanted[i:i + 500]))):
            ids |= {row.debit_item_id, row.credit_item_id}
    open_amounts.refresh(conn, ids)


def closed_month_conflicts(conn: Connection, closings: Closings, items: list[tuple[int, dict]],
                           allocations: list[tuple[int, dict]], movements: list[tuple],
                           movement_seqs: dict[str, int]) -> int:
    """List the pulled items, allocations and movements dated in a month closed here when they came; how many."""
    if closings.start is None and all(value is None for _, value in closings.after):
        return 0
    listed = 0
    for tbl, records in (("account_items", items), ("allocations", allocations)):
        for seq, record in records:
            day = date.fromisoformat(record["business_date"])
            through = closings.at(seq)
            if through is not None and day <= through:
                listed += _closed(conn, tbl, record["id"], record.get("number") or record["id"], day, record,
                                  record.get("device_id", ""), from_micros(record["created_at"]))
    if movements:
        names = [c.name for c in t.movements.columns]
        ii, ai, ri, di = (names.index(n) for n in ("id", "occurred_at", "recorded_at", "device_id"))
        si = names.index("source_ref")
        for row in movements:
            day = from_micros(row[ai]).astimezone().date()
            through = closings.at(movement_seqs.get(row[ii], 0))
            if through is not None and day <= through:
                lost = {"id": row[ii], "occurred_at": row[ai], "source_ref": row[si]}
                listed += _closed(conn, "movements", row[ii], row[si] or row[ii], day, lost, row[di],
                                  from_micros(row[ri]))
    return listed


def _closed(conn: Connection, tbl: str, row_id: str, label: str, day: date, lost: dict, device: str, at) -> int:
    month = month_of(day)
    return int(_conflict(conn, conflict_id("closed", f"{tbl}|{row_id}"), tbl, row_id, label,
                         rules.rule("in_closed_month", day=day.isoformat(), month=month),
                         {"month": month}, lost, device, at))
