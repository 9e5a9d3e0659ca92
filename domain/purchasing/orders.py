"""Purchase-order use cases: draft, lines, issue, revise, receive, cancel, close short.

Each function takes a command and a unit of work and runs in one transaction. The balance
table's ``on_order`` per product × warehouse is the open (issued, not yet received) quantity
of every PO; it changes in the same transaction as the PO: up on issue and on revisions that
add quantity, down on receipts, cancellation, closing short and revisions that remove some.

Receipts go through the ledger's own posting (``ledger.post_receipt``) with the PO number as the
source reference and the PO's unit cost per stock unit (pack price ÷ pack size), so a PO
receipt is valued exactly like any other receipt. A PO in a foreign currency is converted
first: unit price × the PO's fixed rate if one is entered on it, else × the rate of the
receipt's date; with neither the receipt is refused (``domain.purchasing.exchange`` states the rule).

Each delivery received against a PO is also a goods-receipt document of its own (采购入库单), numbered with the
other receipts (``GR-2026-00001``), its partner the supplier and its reference the PO number, so a clerk finds it
among the posted receipts, prints it and reverses it there (``domain.stock.documents.reverse_document``). Its
movements keep source type ``po`` and the PO number as their reference, as every PO receipt always had: lead times,
the scorecard and the payables read them so. Each line of the document names the movement it posted
(``DocumentLine.movement_id``; ``DocumentRepository.delivery_movement_ids`` reads and checks the links).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from typing import NamedTuple

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.exchange_difference import after_debit
from domain.accounts.items import goods_received
from domain.catalog.model import Supplier
from domain.catalog.packs import price_for
from domain.catalog.packs import round_order_qty
from domain.catalog.units import whole_quantity
from domain.kernel import clock
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.purchasing import commands as pc
from domain.purchasing.exchange import AppliedRate
from domain.purchasing.exchange import NoExchangeRate
from domain.purchasing.exchange import needs_rate
from domain.purchasing.exchange import rate_for_po
from domain.purchasing.exchange import rate_value
from domain.purchasing.lead_time import LeadTime
from domain.purchasing.lead_time import supplier_lead_time
from domain.purchasing.model import OPEN_STATES
from domain.purchasing.model import PoLine
from domain.purchasing.model import PoState
from domain.purchasing.model import PricePer
from domain.purchasing.model import PurchaseOrder
from domain.purchasing.model import check_receipt
from domain.purchasing.snapshot import Party
from domain.purchasing.snapshot import PoSnapshot
from domain.purchasing.snapshot import freeze
from domain.stock import ledger
from domain.stock.documents_model import Document
from domain.stock.documents_model import DocumentKind
from domain.stock.documents_model import DocumentLine
from domain.stock.documents_model import number_for
from domain.stock.model import Movement

HUNDRED = Decimal(100)

NUMBER_PREFIX = "PO"


def find_po(uow: UnitOfWork, ref: str) -> PurchaseOrder:
    """The PO whose issued number or draft id is ``ref``."""
    ref = v.code("purchase order", ref)
    po = uow.purchasing.by_number(ref.upper()) or uow.purchasing.get(ref)
    if po is None:
        raise refusal(NotFound, "unknown_po", ref=ref)
    return po


def create_draft(uow: UnitOfWork, c: pc.CreatePurchaseOrder) -> PurchaseOrder:
    terms = v.text("terms", c.terms, required=False, max_len=4000)
    notes = v.text("notes", c.notes, required=False, max_len=4000)
    if c.expected_on is not None:
        v.planned_day("expected", c.expected_on)
    with uow:
        require(uow, Permission.PURCHASE)
        supplier = _supplier(uow, c.supplier)
        warehouse = ledger.find_warehouse(uow, c.warehouse)
        po = PurchaseOrder(
            id=new_id(), supplier_id=supplier.id, warehouse_id=warehouse.id, created_at=v.moment("date", None),
            currency=supplier.currency, expected_on=c.expected_on, tax_rate=uow.purchasing.policy().tax_rate,
            terms=terms, notes=notes, device_id=uow.device_id,
        )
        uow.purchasing.add(po)
        uow.commit()
    return po


def add_line(uow: UnitOfWork, c: pc.AddPurchaseOrderLine) -> tuple[PoLine, str]:
    """Add a product; the quantity is rounded up to the supplier's MOQ, multiple and pack.

    Returns:
        The new line and, when the quantity was rounded, a sentence saying so.
    """
    return add_lines(uow, c.po, [c], reason=c.reason)[0]


def add_lines(
    uow: UnitOfWork, po_ref: str, lines: list[pc.AddPurchaseOrderLine], reason: str = ""
) -> list[tuple[PoLine, str]]:
    """Add many products to one PO in one transaction (all or none); an issued PO gets one revision.

    Each command's ``po`` field is ignored in favour of ``po_ref``.
    """
    inputs = [(c, v.quantity(f"quantity of {c.sku}", c.qty),
               None if c.price in (None, "") else v.money(f"price of {c.sku}", c.price)) for c in lines]
    with uow:
        require(uow, Permission.PURCHASE)
        po = find_po(uow, po_ref)
        po.require_editable()
        added = [_new_line(uow, po, c.sku, qty, price) for c, qty, price in inputs]
        if po.state in OPEN_STATES and added:
            for line, _ in added:
                _on_order(uow, po, line.product_id, line.qty)
            _revise(uow, po, reason or "added " + ", ".join(line.sku for line, _ in added))
        uow.purchasing.save(po)
        uow.commit()
    return added


def _new_line(uow: UnitOfWork, po: PurchaseOrder, sku: str, requested: Decimal,
              price: Decimal | None) -> tuple[PoLine, str]:
    product = ledger.find_product(uow, sku)
    whole_quantity(f"quantity of {sku}", product, requested)
    existing = po.line_for(product.sku)
    if existing is not None:
        raise refusal(Duplicate, "po_line_exists", sku=product.sku, line=existing.line_no, po=po.label)
    terms = uow.suppliers.terms_for(po.supplier_id, product.id)
    details = uow.purchasing.term_details(po.supplier_id, product.id)
    pack = details.pack_size if details else Decimal(1)
    rounded = round_order_qty(requested, moq=terms.moq if terms else ZERO,
                              multiple=terms.order_multiple if terms else _any_multiple(requested), pack_size=pack)
    if price is None:
        if terms is None:
            raise BadInput("price", f"{product.sku} has no terms with this supplier; enter the price",
                           code="no_terms_enter_price", values=(product.sku,))
        price = price_for(rounded.qty, terms.unit_price, uow.purchasing.price_breaks(po.supplier_id, product.id))
    description = product.name
    if details and details.item_name and details.item_name != product.name:
        description = f"{product.name} / {details.item_name}"
    line = PoLine(
        id=new_id(), line_no=max((x.line_no for x in po.lines), default=0) + 1, product_id=product.id,
        sku=product.sku, description=description, unit=product.unit, qty=rounded.qty, price=price,
        price_per=details.price_per if details else PricePer.UNIT, pack_size=pack,
        supplier_sku=terms.supplier_sku if terms else "",
    )
    po.lines.append(line)
    return line, rounded.reason


def change_line(uow: UnitOfWork, c: pc.ChangePurchaseOrderLine) -> PoLine:
    """Change quantity and/or price of a line; on an issued PO this is a new revision."""
    return change_line_saying(uow, c)[0]


def change_line_saying(uow: UnitOfWork, c: pc.ChangePurchaseOrderLine) -> tuple[PoLine, str]:
    """``change_line``, and why the quantity is not the one asked for (a ``RoundingReason``: raised to the
    supplier's minimum, order multiple or whole packs; "" when it is the one asked for).

    A new quantity takes the supplier's price break for it when the line's price is the break price of its old
    quantity (it followed the supplier's terms); a price typed on the line, or given with the quantity, is kept.
    """
    qty = None if c.qty in (None, "") else v.quantity("quantity", c.qty)
    price = None if c.price in (None, "") else v.money("price", c.price)
    if qty is None and price is None:
        raise BadInput("quantity", "give a new quantity, a new price or both", code="quantity_or_price")
    with uow:
        require(uow, Permission.PURCHASE)
        po = find_po(uow, c.po)
        po.require_editable()
        line = _line(po, c.sku)
        before = line.open_qty
        why = ""
        if qty is not None:
            whole_quantity("quantity", uow.products.get(line.product_id), qty)
            terms = uow.suppliers.terms_for(po.supplier_id, line.product_id)
            rounded = round_order_qty(qty, moq=terms.moq if terms else ZERO,
                                      multiple=terms.order_multiple if terms else _any_multiple(qty),
                                      pack_size=line.pack_size)
            qty, why = rounded.qty, rounded.reason
            if qty < line.received:
                raise refusal(RuleViolation, "below_received", sku=line.sku, received=fmt(line.received))
            if price is None and terms is not None:
                breaks = uow.purchasing.price_breaks(po.supplier_id, line.product_id)
                if breaks and line.price == price_for(line.qty, terms.unit_price, breaks):
                    price = price_for(qty, terms.unit_price, breaks)
            line.qty = qty
        if price is not None:
            line.price = price
        if po.state in OPEN_STATES:
            _on_order(uow, po, line.product_id, line.open_qty - before)
            po.settle_state()
            _revise(uow, po, c.reason or f"changed {line.sku}")
        uow.purchasing.save(po)
        uow.commit()
    return line, why


def remove_line(uow: UnitOfWork, c: pc.RemovePurchaseOrderLine) -> None:
    with uow:
        require(uow, Permission.PURCHASE)
        po = find_po(uow, c.po)
        po.require_editable()
        line = _line(po, c.sku)
        if line.received > 0:
            raise refusal(RuleViolation, "line_received", sku=line.sku, po=po.label, received=fmt(line.received))
        po.lines.remove(line)
        if po.state in OPEN_STATES:
            if not po.lines:
                raise refusal(RuleViolation, "last_line", sku=line.sku, po=po.label)
            _on_order(uow, po, line.product_id, -line.open_qty)
            po.settle_state()
            _revise(uow, po, c.reason or f"removed {line.sku}")
        uow.purchasing.save(po)
        uow.commit()


def issue(uow: UnitOfWork, c: pc.IssuePurchaseOrder) -> PurchaseOrder:
    """Number the draft consecutively (PO-YYYY-NNNNN), put its lines on order, freeze its snapshot."""
    at = v.moment("date", c.issued_at)
    with uow:
        require(uow, Permission.PURCHASE)
        po = find_po(uow, c.po)
        if po.state != PoState.DRAFT:
            raise refusal(RuleViolation, "issue_not_draft", po=po.label, state=po.state.value)
        if not po.lines:
            raise refusal(RuleViolation, "issue_no_lines", po=po.label)
        supplier = uow.suppliers.get(po.supplier_id)
        assert supplier is not None
        po.number = f"{NUMBER_PREFIX}-{at.year}-{uow.purchasing.next_number(at.year):05d}"
        po.state = PoState.ISSUED
        po.issued_at = at
        po.tax_rate = uow.purchasing.policy().tax_rate
        if po.expected_on is None:
            basis = lead_time_of(uow, po, at)
            po.expected_on = at.date() + timedelta(days=basis.days if basis else supplier.lead_time_days)
        for line in po.lines:
            _on_order(uow, po, line.product_id, line.qty)
        po.snapshot = _fresh_snapshot(uow, po, at).to_json()
        uow.purchasing.save(po)
        uow.purchasing.add_revision(po, at, "issued")
        uow.commit()
    return po


class Delivery(NamedTuple):
    """What receiving against a PO posted: the receipt document (``GR-…``) and its movements."""

    document: Document
    movements: list[Movement]


def receive(uow: UnitOfWork, c: pc.ReceivePurchaseOrder) -> list[Movement]:
    """Receive some or all open lines (``receive_delivery``); the movements it posted."""
    return receive_delivery(uow, c).movements


def receive_delivery(uow: UnitOfWork, c: pc.ReceivePurchaseOrder) -> Delivery:
    """Receive some or all open lines as one receipt document; what is missing stays open (a backorder).

    A PO in a foreign currency is valued at its unit price × the PO's fixed rate, or × the rate
    of the receipt's date (``domain.purchasing.exchange``); each movement keeps the foreign unit price, the
    currency and the rate.

    Raises:
        RuleViolation: the PO is not open, a SKU is not on it, or a quantity would take a line
            beyond the over-receipt tolerance (``PurchasingPolicy.over_receipt_tolerance``).
        NoExchangeRate: a foreign-currency PO without a fixed rate, and no rate of its currency
            dated on or before the receipt's date.
    """
    wanted: dict[str, Decimal] = {}
    single: set[str] = set()  # the SKUs named once, whose quantity is the one checked here
    for sku, qty in c.lines:
        key = v.code("SKU", sku)
        typed = v.quantity(f"quantity of {key}", qty)
        if key in wanted:
            wanted[key] += typed
            single.discard(key)
        else:
            wanted[key] = typed
            single.add(key)
    note = v.text("note", c.note, required=False)
    at = v.moment("date", c.occurred_at)
    posted_at = clock.now()
    with uow:
        require(uow, Permission.RECEIVE)
        po = find_po(uow, c.po)
        po.require_open("receive against it")
        applied = _rate_of(uow, po, at)
        if applied is None and needs_rate(po.currency, uow.purchasing.policy().currency):
            raise NoExchangeRate(po.currency, at.astimezone().date(), po.label)
        warehouse = uow.warehouses.get(po.warehouse_id)
        assert warehouse is not None
        if not wanted:
            wanted = {line.sku: line.open_qty for line in po.lines if line.open_qty > 0}
        tolerance = uow.purchasing.policy().over_receipt_tolerance
        movements, lines = [], []
        for sku, qty in wanted.items():
            line = _line(po, sku)
            check_receipt(po, line, qty, tolerance)
            cost, fx = line.unit_cost, None
            if applied is not None:
                cost, fx = applied.convert(line.unit_cost), (po.currency, line.unit_cost, applied.rate)
            # The values this use case makes, checked once as a receipt's are: a quantity that is not the one typed
            # (the sum of a SKU named twice, or the PO's open quantity) and the unit cost (the PO's, converted at
            # the rate for a foreign currency).
            if sku not in single:
                qty = v.quantity("quantity", qty)
            cost = v.money("unit cost", cost)
            product = ledger.find_product(uow, line.sku)
            whole_quantity(f"quantity of {sku}", product, qty)
            movement = ledger.post_receipt(uow, product, warehouse, qty, cost, at, po.number or po.id, note, "po", fx)
            movements.append(movement)
            lines.append(DocumentLine(len(lines) + 1, product.id, qty, unit_cost=cost, movement_id=movement.id))
            # the payable of the line: at the PO's price with its tax, in the company currency at the rate used
            payable = goods_received(uow, po.supplier_id, po.number or po.id, movement.id,
                                     qty * cost * (HUNDRED + po.tax_rate) / HUNDRED, at.astimezone().date(),
                                     product.sku)
            after_debit(uow, payable, at.astimezone().date())  # a prepayment in the currency it took: 汇兑损益
            _on_order(uow, po, line.product_id, -min(qty, line.open_qty))
            line.received += qty
        po.settle_state()
        uow.purchasing.save(po)
        document = _receipt_document(uow, po, warehouse.id, at, posted_at, note, tuple(lines))
        uow.documents.add(document)
        uow.commit()
    return Delivery(document, movements)


def _receipt_document(uow: UnitOfWork, po: PurchaseOrder, warehouse_id: str, at: datetime, posted_at: datetime,
                      note: str, lines: tuple[DocumentLine, ...]) -> Document:
    """The goods receipt of one delivery against ``po``, numbered with the other receipts of its posting year."""
    kind = DocumentKind.RECEIPT
    year = posted_at.astimezone().year
    seq = uow.documents.last_seq(kind.value, year) + 1
    supplier = uow.suppliers.get(po.supplier_id)
    return Document(
        id=new_id(), kind=kind, number=number_for(kind, year, seq), year=year, seq=seq, warehouse_id=warehouse_id,
        business_date=at.astimezone().date(), occurred_at=at, posted_at=posted_at,
        partner=supplier.code if supplier is not None else "", reference=po.number or po.id, note=note,
        user=uow.user, device_id=uow.device_id, lines=lines)


def set_fixed_rate(uow: UnitOfWork, c: pc.SetPurchaseOrderRate) -> PurchaseOrder:
    """Fix the exchange rate on a foreign-currency PO, or clear it (blank) to use each receipt date's rate.

    On an issued PO this is a revision (its snapshot, and so its PDF, shows the new rate);
    receipts already posted keep the rate they were valued at.

    Raises:
        BadInput: the rate is not a number above 0 with at most 8 decimals.
        RuleViolation: the PO is in the company currency, or it can no longer be changed.
    """
    rate = None if c.rate is None or (isinstance(c.rate, str) and not c.rate.strip()) else rate_value(c.rate)
    with uow:
        require(uow, Permission.PURCHASE)
        po = find_po(uow, c.po)
        po.require_editable()
        company = uow.purchasing.policy().currency
        if not needs_rate(po.currency, company):
            raise refusal(RuleViolation, "no_rate_needed", po=po.label, currency=po.currency)
        if rate == po.fixed_rate:
            return po
        po.fixed_rate = rate
        if po.state in OPEN_STATES:
            _revise(uow, po, c.reason or (f"exchange rate fixed at {fmt(rate)}" if rate is not None
                                          else "exchange rate of each receipt's date"))
        uow.purchasing.save(po)
        uow.commit()
    return po


def applied_rate(uow: UnitOfWork, po: PurchaseOrder, at: datetime) -> AppliedRate | None:
    """The rate that values ``po`` at ``at`` (None: the PO is in the company currency, or no rate is known)."""
    return _rate_of(uow, po, at)


def _rate_of(uow: UnitOfWork, po: PurchaseOrder, at: datetime) -> AppliedRate | None:
    """The rate that values ``po`` at ``at``: fixed on the PO, else the rate of ``at``'s local date."""
    company = uow.purchasing.policy().currency
    if not needs_rate(po.currency, company):
        return None
    found = None if po.fixed_rate is not None else uow.rates.on(po.currency, at.astimezone().date())
    return rate_for_po(po.currency, company, po.fixed_rate, found)


def set_expected(uow: UnitOfWork, c: pc.SetPurchaseOrderExpected) -> PurchaseOrder:
    """Move the day a PO's goods are expected (the supplier confirmed another day, or it will be late).

    On an issued PO it is a new revision, so that the order printed again says the new day, and what reads the
    expected day (available to promise, the backorders' dates, the overdue orders) follows it. A draft may go back
    to no day: it gets one on issue, from the lead time.
    """
    if c.expected_on is not None:
        v.planned_day("expected", c.expected_on)
    with uow:
        require(uow, Permission.PURCHASE)
        po = find_po(uow, c.po)
        po.require_editable()
        if c.expected_on is None and po.state != PoState.DRAFT:
            raise BadInput("expected", f"{po.label} is issued; give the day its goods are expected (now "
                                       f"{po.expected_on}), such as 2027-01-15", code="expected_day_needed",
                           values=(po.label, str(po.expected_on)))
        if po.expected_on != c.expected_on:
            before, po.expected_on = po.expected_on, c.expected_on
            if po.state in OPEN_STATES:
                _revise(uow, po, c.reason or f"expected {c.expected_on} instead of {before}")
            uow.purchasing.save(po)
            uow.commit()
    return po


def cancel(uow: UnitOfWork, c: pc.CancelPurchaseOrder) -> PurchaseOrder:
    reason = v.text("reason", c.reason, max_len=500)
    with uow:
        require(uow, Permission.PURCHASE)
        po = find_po(uow, c.po)
        if po.state == PoState.PARTLY_RECEIVED:
            raise refusal(RuleViolation, "cancel_partly_received", po=po.label)
        po.require_editable()
        _release(uow, po)
        po.state, po.reason = PoState.CANCELLED, reason
        uow.purchasing.save(po)
        uow.commit()
    return po


def close_short(uow: UnitOfWork, c: pc.ClosePurchaseOrderShort) -> PurchaseOrder:
    """Stop expecting what is still open; what was received stays received."""
    reason = v.text("reason", c.reason, required=False, max_len=500)
    with uow:
        require(uow, Permission.PURCHASE)
        po = find_po(uow, c.po)
        po.require_open("close it short")
        _release(uow, po)
        po.state, po.reason = PoState.CLOSED, reason
        uow.purchasing.save(po)
        uow.commit()
    return po


def snapshot_of(uow: UnitOfWork, po: PurchaseOrder) -> PoSnapshot:
    """The frozen snapshot of an issued PO, or a fresh one (numbered DRAFT) for a draft."""
    if po.snapshot and po.state != PoState.DRAFT:
        return PoSnapshot.from_json(po.snapshot)
    return _fresh_snapshot(uow, po)


def _fresh_snapshot(uow: UnitOfWork, po: PurchaseOrder, at: datetime | None = None) -> PoSnapshot:
    """What the supplier sees now, with the exchange rate in force at ``at`` (default: now)."""
    supplier = uow.suppliers.get(po.supplier_id)
    warehouse = uow.warehouses.get(po.warehouse_id)
    assert supplier is not None and warehouse is not None
    policy = uow.purchasing.policy()
    profile = uow.purchasing.profile(supplier.id)
    return freeze(po, supplier, warehouse, company=Party(policy.company_name, policy.company_address),
                  payment_terms=profile.payment_terms if profile else "", places=uow.money_places,
                  company_currency=policy.currency, rate=_rate_of(uow, po, at or v.moment("date", None)),
                  pack_units={pid: uow.pack_units.of_product(pid) for pid in {x.product_id for x in po.lines}})


def load_snapshot(uow: UnitOfWork, ref: str) -> PoSnapshot:
    """Read-only: the snapshot to print for a PO number or draft id."""
    with uow:
        return snapshot_of(uow, find_po(uow, ref))


def _supplier(uow: UnitOfWork, code: str) -> Supplier:
    code = v.code("supplier code", code)
    supplier = uow.suppliers.by_code(code)
    if supplier is None:
        raise refusal(NotFound, "unknown_supplier_code", code=code)
    return supplier


def _line(po: PurchaseOrder, sku: str) -> PoLine:
    line = po.line_for(v.code("SKU", sku))
    if line is None:
        raise refusal(NotFound, "sku_not_on_po", sku=sku, po=po.label)
    return line


@dataclass(frozen=True)
class PoLeadTime:
    """Why a PO is expected when it is: its slowest line's lead time (``domain.purchasing.lead_time``).

    ``days`` are whole days from the issue; ``sku`` is the line that takes them and ``lead`` says where they come
    from (this supplier's receipts of that product, its receipts of all products, or the terms)."""

    days: int
    sku: str
    lead: LeadTime


def lead_time_of(uow: UnitOfWork, po: PurchaseOrder, at: datetime) -> PoLeadTime | None:
    """The lead time ``po`` is expected in when issued at ``at``: the longest of its lines', each the one planning
    counts with for this supplier and product (learned from receipts before ``at`` once there are enough, else the
    terms'). None for a PO without lines."""
    supplier = uow.suppliers.get(po.supplier_id)
    assert supplier is not None
    observed = uow.purchasing.lead_times(po.supplier_id, at)
    slowest = None
    for line in po.lines:
        terms = uow.suppliers.terms_for(po.supplier_id, line.product_id)
        days = terms.lead_time_days if terms is not None and terms.lead_time_days is not None \
            else supplier.lead_time_days
        lead = supplier_lead_time(days, po.supplier_id, line.product_id, observed)
        if slowest is None or lead.whole_days > slowest.days:
            slowest = PoLeadTime(lead.whole_days, line.sku, lead)
    return slowest


def expected_basis(uow: UnitOfWork, ref: str, now: datetime) -> PoLeadTime | None:
    """Where the expected date of PO ``ref`` comes from: for a draft, the lead time it would be issued with ``now``;
    for an issued PO, the one it was issued with, if its date is that (None too when the date was entered)."""
    with uow:
        po = find_po(uow, ref)
        at = po.issued_at or now
        basis = lead_time_of(uow, po, at)
        if basis is None or po.issued_at is None:
            return basis if po.expected_on is None else None
        return basis if po.expected_on == po.issued_at.date() + timedelta(days=basis.days) else None


def _any_multiple(qty: Decimal) -> Decimal:
    """Without supplier terms any quantity goes: its own last decimal place is the step."""
    return Decimal(1).scaleb(qty.normalize().as_tuple().exponent) if qty != qty.to_integral_value() else Decimal(1)


def _on_order(uow: UnitOfWork, po: PurchaseOrder, product_id: str, delta: Decimal) -> None:
    if delta == 0:
        return
    balance = uow.balances.get(product_id, po.warehouse_id)
    uow.balances.put(replace(balance, on_order=balance.on_order + delta))


def change_received(uow: UnitOfWork, po: PurchaseOrder, product_id: str, delta: Decimal) -> None:
    """Move the received quantity of the PO's line for ``product_id`` by ``delta``; the caller saves the PO.

    Down for goods returned to the supplier against the PO (``domain.purchasing.returns``), up again when that
    return is reversed. An issued, partly received or received PO settles its state again (a received PO whose
    goods went back is partly received: the rest is expected again), and ``on_order`` follows the open quantities
    as every use case here keeps it; a cancelled or closed PO keeps its state and expects nothing.
    """
    line = next(x for x in po.lines if x.product_id == product_id)
    before = _open_on_order(po)
    line.received += delta
    if po.state in (*OPEN_STATES, PoState.RECEIVED):
        po.settle_state()
    after = _open_on_order(po)
    for pid in sorted(set(before) | set(after)):
        _on_order(uow, po, pid, after.get(pid, ZERO) - before.get(pid, ZERO))


def _open_on_order(po: PurchaseOrder) -> dict[str, Decimal]:
    """What the PO puts on order now, by product id (nothing unless it is open)."""
    if po.state not in OPEN_STATES:
        return {}
    return {line.product_id: line.open_qty for line in po.lines}


def _release(uow: UnitOfWork, po: PurchaseOrder) -> None:
    if po.state in OPEN_STATES:
        for line in po.lines:
            _on_order(uow, po, line.product_id, -line.open_qty)


def _revise(uow: UnitOfWork, po: PurchaseOrder, reason: str) -> None:
    """A change to an issued PO: next revision, snapshot frozen again and kept."""
    at = v.moment("date", None)
    po.revision += 1
    po.snapshot = _fresh_snapshot(uow, po, at).to_json()
    uow.purchasing.add_revision(po, at, v.text("reason", reason, max_len=500))
