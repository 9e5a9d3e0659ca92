"""Stock documents: a header and numbered lines, posted to the ledger as one transaction.

A document (goods receipt, goods issue, transfer, stock count, adjustment) is what a clerk
enters on one screen. Posting it

1. checks every line before anything is written (errors name the line and the field),
2. takes the next consecutive number of its kind and posting year (``GR-2026-00001``),
3. posts each line through the ledger's own handlers, inside the same unit of work, with
   ``source_type`` = the document kind and ``source_ref`` = the number, so every ledger rule
   (negative stock, back-dating, valuation) applies unchanged,
4. stores the header and its lines.

Any refusal rolls the whole document back: nothing is posted half-way. Reversing a document
reverses every movement it posted (both legs of a transfer) in one transaction and marks it.

A refusal is raised as ``DocumentError``: it carries the line number, the field, a stable
``code`` and ``params`` so a screen can show a translated sentence next to the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from decimal import Decimal
from typing import NamedTuple

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.items import source_reversed
from domain.accounts.periods import ensure_open_at
from domain.catalog.model import Product
from domain.catalog.model import Warehouse
from domain.catalog.units import whole_quantity
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import AlreadyReversed
from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from domain.kernel.errors import InsufficientStock
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.numbers import fmt
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.purchasing.model import PurchaseOrder
from domain.purchasing.orders import change_received
from domain.sales.reversal import follow_reversal
from domain.stock import ledger
from domain.stock.documents_model import Document
from domain.stock.documents_model import DocumentKind
from domain.stock.documents_model import DocumentLine
from domain.stock.documents_model import number_for
from domain.stock.model import Movement


@dataclass(frozen=True)
class LineInput:
    """One line as entered: raw values, checked by ``post_document``.

    ``qty`` is the quantity (signed for adjustments); ``unit_cost`` is for receipts;
    ``counted`` is for counts (blank: the line changes nothing); ``reason`` is for adjustments.
    """

    sku: str
    qty: object = None
    unit_cost: object = None
    counted: object = None
    reason: str = ""


@dataclass(frozen=True)
class PostDocument:
    kind: str
    warehouse: str
    lines: tuple[LineInput, ...]
    to_warehouse: str = ""
    partner: str = ""
    reference: str = ""
    business_date: date | None = None
    note: str = ""


@dataclass(frozen=True)
class ReverseDocument:
    number: str
    note: str = ""


class DocumentError(DomainError):
    """A document refused: which line (None for the header), which field, and why.

    ``code`` is one of ``bad_input``, ``unknown_product``, ``unknown_warehouse``,
    ``unknown_partner``, ``same_warehouse``, ``insufficient_stock``, ``duplicate_line``,
    ``no_lines``, ``not_found``, ``already_reversed``, ``cannot_reverse`` or ``refused``;
    ``params`` hold the values a
    translated message needs; ``cause`` is the ledger's own error, if any.
    """

    def __init__(self, code: str, message: str, *, line: int | None = None, field: str = "",
                 params: dict[str, str] | None = None, cause: DomainError | None = None) -> None:
        where = f"line {line}: " if line is not None else ""
        super().__init__(where + message)
        self.code = code
        self.line = line
        self.field = field
        self.params = params or {}
        self.cause = cause


# What posting each kind of document needs of the acting user (domain.access.roles); reversing needs REVERSE.
NEEDS = {
    DocumentKind.RECEIPT: Permission.RECEIVE,
    DocumentKind.SHIPMENT: Permission.SHIP,
    DocumentKind.TRANSFER: Permission.TRANSFER,
    DocumentKind.COUNT: Permission.COUNT,
    DocumentKind.ADJUSTMENT: Permission.ADJUST,
}
# The kinds whose documents carry prices and an order (sales_lines): only domain.sales posts them (not in NEEDS).
SALES_KINDS = frozenset({DocumentKind.SALE, DocumentKind.CUSTOMER_RETURN})


@dataclass(frozen=True)
class _Line:
    line_no: int
    sku: str
    qty: Decimal | None
    unit_cost: Decimal | None
    counted: Decimal | None
    reason: str


def _bad(exc: BadInput, line: int | None) -> DocumentError:
    return DocumentError("bad_input", str(exc), line=line, field=exc.field,
                         params={"field": exc.field, "problem": exc.problem}, cause=exc)


def _check_line(kind: DocumentKind, line_no: int, raw: LineInput) -> _Line | None:
    """A checked line, or None for a count line left blank."""
    try:
        sku = v.code("SKU", raw.sku)
        qty = cost = counted = None
        reason = ""
        if kind == DocumentKind.COUNT:
            if raw.counted is None or (isinstance(raw.counted, str) and not raw.counted.strip()):
                return None
            counted = v.quantity("counted quantity", raw.counted, allow_zero=True)
        elif kind == DocumentKind.ADJUSTMENT:
            qty = v.quantity("quantity", raw.qty, positive=False)
            reason = v.text("reason", raw.reason)
        else:
            qty = v.quantity("quantity", raw.qty)
        if kind == DocumentKind.RECEIPT:
            cost = v.money("unit cost", raw.unit_cost)
        return _Line(line_no, sku, qty, cost, counted, reason)
    except BadInput as exc:
        raise _bad(exc, line_no) from exc


def _occurred_at(day: date | None, now: datetime) -> datetime:
    """Today (or no date) posts at the present moment; an earlier day at its last second, local time."""
    if day is not None and (not isinstance(day, date) or isinstance(day, datetime)):
        raise _bad(BadInput("date", f"{day!r} is not a date; use a date such as 2026-03-01",
                            code="not_a_date", values=(repr(day),)), None)
    if day is not None:
        try:
            v.day("date", day)
        except BadInput as exc:
            raise _bad(exc, None) from exc
    today = now.astimezone().date()
    if day is None or day == today:
        return now
    if day > today:
        raise _bad(BadInput("date", f"{day.isoformat()} is in the future; enter today or an earlier day",
                            code="day_in_future", values=(day.isoformat(),)), None)
    return datetime.combine(day, time(23, 59, 59)).astimezone(UTC)


def _warehouse(uow: UnitOfWork, code: str, field: str) -> Warehouse:
    try:
        return ledger.find_warehouse(uow, code, field)
    except BadInput as exc:
        raise _bad(exc, None) from exc
    except NotFound as exc:
        raise DocumentError("unknown_warehouse", str(exc), field=field, params={"code": code}, cause=exc) from exc


def _partner(uow: UnitOfWork, kind: DocumentKind, code: str) -> str:
    """The partner code: a supplier for receipts, a customer for shipments; optional."""
    try:
        code = v.text("partner", code, required=False, max_len=32)
    except BadInput as exc:
        raise _bad(exc, None) from exc
    if not code:
        return ""
    if kind == DocumentKind.RECEIPT and uow.suppliers.by_code(code) is None:
        raise DocumentError("unknown_partner", f"supplier {code!r}: no supplier has this code", field="supplier",
                            params={"code": code})
    if kind == DocumentKind.SHIPMENT and uow.customers.by_code(code) is None:
        raise DocumentError("unknown_partner", f"customer {code!r}: no customer has this code", field="customer",
                            params={"code": code})
    return code


def _product(uow: UnitOfWork, line: _Line) -> Product:
    try:
        return ledger.find_product(uow, line.sku)
    except NotFound as exc:
        raise DocumentError("unknown_product", f"SKU {line.sku!r}: no product has this SKU or barcode",
                            line=line.line_no, field="SKU", params={"code": line.sku}, cause=exc) from exc


def _refused(uow: UnitOfWork, exc: DomainError, line: _Line, product: Product, warehouse: Warehouse) -> DocumentError:
    """The ledger's refusal of one line, with what a translated message needs."""
    if isinstance(exc, BadInput):
        return _bad(exc, line.line_no)
    if isinstance(exc, InsufficientStock):
        on_hand = uow.balances.get(product.id, warehouse.id).position.on_hand
        asked = abs(line.qty) if line.qty is not None else Decimal(0)
        return DocumentError(
            "insufficient_stock", str(exc), line=line.line_no, field="quantity", cause=exc,
            params={"sku": product.sku, "name": product.name, "warehouse": warehouse.code,
                    "on_hand": fmt(on_hand), "asked": fmt(asked)},
        )
    return DocumentError("refused", str(exc), line=line.line_no, params={"message": str(exc)}, cause=exc)


def _post_line(uow: UnitOfWork, kind: DocumentKind, line: _Line, product: Product, source: Warehouse,
               target: Warehouse | None, at: datetime, number: str, note: str) -> DocumentLine:
    """Post one checked line through the ledger's core (its values are not checked again there)."""
    if kind == DocumentKind.COUNT:
        whole_quantity("counted quantity", product, line.counted)
    else:
        whole_quantity("quantity", product, line.qty)
    if kind == DocumentKind.RECEIPT:
        assert line.qty is not None and line.unit_cost is not None
        ledger.post_receipt(uow, product, source, line.qty, line.unit_cost, at, number, note, kind.value)
    elif kind == DocumentKind.SHIPMENT:
        assert line.qty is not None
        ledger.post_shipment(uow, product, source, line.qty, at, number, note, kind.value)
        ledger.refuse_reserved(uow, product, source, line.qty)
    elif kind == DocumentKind.TRANSFER:
        assert target is not None and line.qty is not None
        ledger.post_transfer(uow, product, source, target, line.qty, at, number, note)
        ledger.refuse_reserved(uow, product, source, line.qty)
    elif kind == DocumentKind.ADJUSTMENT:
        assert line.qty is not None
        ledger.post_adjustment(uow, product, source, line.qty, line.reason, at, number)
    else:
        assert line.counted is not None
        plan = ledger.plan_count(uow, product, source, at)
        moved: Movement | None = ledger.post_count(uow, product, source, line.counted, plan, number)
        diff = moved.qty if moved is not None else Decimal(0)
        return DocumentLine(line.line_no, product.id, diff, counted=line.counted, expected=line.counted - diff)
    return DocumentLine(line.line_no, product.id, line.qty, unit_cost=line.unit_cost, reason=line.reason)


# A document keeps a note of up to 500 characters, and a receipt, shipment or transfer hands it on to each of
# its movements, whose note has always been checked with the ledger's own limit of 200: a longer note on those
# documents is refused at the first line, as it always was (``_movement_note``, checked once per document).
_NOTE_ON_MOVEMENTS = frozenset({DocumentKind.RECEIPT, DocumentKind.SHIPMENT, DocumentKind.TRANSFER})


def _movement_note(kind: DocumentKind, note: str) -> BadInput | None:
    """Why the movements of a ``kind`` document cannot carry ``note`` (already checked as the document's), if so."""
    if kind not in _NOTE_ON_MOVEMENTS:
        return None
    try:
        v.text("note", note, required=False)
    except BadInput as exc:
        return exc
    return None


def post_document(uow: UnitOfWork, c: PostDocument) -> Document:
    """Check and post a whole document in one transaction.

    Args:
        uow: the unit of work; opened and committed here.
        c: the document as entered.

    Returns:
        The stored document, with its number and lines.

    Raises:
        DocumentError: a line or header field is refused; nothing has been written.
    """
    try:
        kind = DocumentKind(c.kind)
    except ValueError:
        kind = None
    if kind not in NEEDS:  # a return (domain.purchasing.returns) has a use case of its own
        raise _bad(BadInput("kind", f"{c.kind!r} is not one of {', '.join(k.value for k in NEEDS)}"),
                   None) from None
    checked = [_check_line(kind, n, raw) for n, raw in enumerate(c.lines, 1)]
    lines = [line for line in checked if line is not None]
    if not lines:
        what = "enter at least one counted quantity" if kind == DocumentKind.COUNT else "add at least one line"
        raise DocumentError("no_lines", f"the document has no lines; {what}", field="lines")
    try:
        reference = v.text("reference", c.reference, required=False, max_len=limits.REFERENCE)
        note = v.text("note", c.note, required=False, max_len=500)
    except BadInput as exc:
        raise _bad(exc, None) from exc
    posted_at = clock.now()
    at = _occurred_at(c.business_date, posted_at)
    with uow:
        require(uow, NEEDS[kind])
        source = _warehouse(uow, c.warehouse, "warehouse")
        target = None
        if kind == DocumentKind.TRANSFER:
            target = _warehouse(uow, c.to_warehouse, "to warehouse")
            if target.id == source.id:
                raise DocumentError("same_warehouse", f"to warehouse: {target.code} is also the from warehouse; "
                                    "choose another", field="to warehouse", params={"code": target.code})
        partner = _partner(uow, kind, c.partner)
        try:  # the period close: also a count that posts no movement is dated (the ledger checks each movement)
            ensure_open_at(uow, at)
        except RuleViolation as exc:
            raise DocumentError("refused", str(exc), field="date", params={"message": str(exc)}, cause=exc) from exc
        year = posted_at.astimezone().year
        seq = uow.documents.last_seq(kind.value, year) + 1
        number = number_for(kind, year, seq)
        stored: list[DocumentLine] = []
        counted_on: dict[str, int] = {}
        note_refused = _movement_note(kind, note)
        for line in lines:
            product = _product(uow, line)
            if kind == DocumentKind.COUNT:
                if product.id in counted_on:
                    raise DocumentError(
                        "duplicate_line", f"SKU {product.sku} is already counted on line {counted_on[product.id]}; "
                        "enter one counted quantity per product", line=line.line_no, field="SKU",
                        params={"sku": product.sku, "other": str(counted_on[product.id])})
                counted_on[product.id] = line.line_no
            if note_refused is not None:
                raise _bad(note_refused, line.line_no) from note_refused
            try:
                stored.append(_post_line(uow, kind, line, product, source, target, at, number, note))
            except DomainError as exc:
                raise _refused(uow, exc, line, product, source) from exc
        document = Document(
            id=new_id(), kind=kind, number=number, year=year, seq=seq, warehouse_id=source.id,
            business_date=at.astimezone().date(), occurred_at=at, posted_at=posted_at,
            to_warehouse_id=target.id if target else None, partner=partner, reference=reference, note=note,
            user=uow.user, device_id=uow.device_id, lines=tuple(stored),
            # a free receipt keeps the rate in force, so its note and its invoice's match never follow a later change
            tax_rate=uow.purchasing.policy().tax_rate if kind == DocumentKind.RECEIPT else None,
        )
        uow.documents.add(document)
        uow.commit()
    return document


def reverse_document(uow: UnitOfWork, c: ReverseDocument) -> Document:
    """Reverse every movement a posted document made, in one transaction, and mark it reversed.

    A sale or a customer return also takes its effect off its sales order (``domain.sales.reversal``: the shipped
    or returned quantities, and the reservation of an order still open); its sales lines stay and count as zero.
    A receipt of a delivery against a purchase order takes what it received back off the PO's lines (the PO
    expects it again) and reverses the payable of each line with its movement.

    Raises:
        DocumentError: no such document, already reversed, or the ledger refuses a reversal
            (e.g. received goods have since been shipped); nothing has been written.
    """
    number = v.text("number", c.number, max_len=32)
    with uow:
        require(uow, Permission.REVERSE)
        doc = uow.documents.by_number(number)
        if doc is None:
            raise DocumentError("not_found", f"document {number}: no posted document has this number",
                                field="number", params={"number": number})
        if doc.reversed:
            raise DocumentError("already_reversed", f"document {number} has already been reversed",
                                params={"number": number}, cause=AlreadyReversed(number))
        note = v.text("note", c.note, required=False) or f"reverses {number}"
        if doc.kind == DocumentKind.RECEIPT and uow.documents.quantities_referencing(
                DocumentKind.SUPPLIER_RETURN.value, doc.number):  # as a sale with returns against it
            raise _cannot_reverse(doc, refusal(RuleViolation, "receipt_has_returns", number=doc.number))
        if doc.kind == DocumentKind.RECEIPT:
            _refuse_invoiced(uow, doc)
        movement_ids = uow.documents.movement_ids(doc.kind.value, doc.number)
        po = None
        if doc.kind == DocumentKind.RECEIPT and not movement_ids:  # a delivery against a PO
            po = _delivery_po(uow, doc)
            movement_ids = _delivery_movements(uow, doc)
        for movement_id in reversed(movement_ids):
            try:
                ledger.reverse_movement(uow, movement_id, note)
            except RuleViolation as exc:
                raise DocumentError("cannot_reverse", f"document {number} cannot be reversed: {exc}",
                                    params={"number": number, "message": str(exc)}, cause=exc) from exc
        if doc.kind in SALES_KINDS:
            try:
                follow_reversal(uow, doc)
            except RuleViolation as exc:
                raise DocumentError("cannot_reverse", f"document {number} cannot be reversed: {exc}",
                                    params={"number": number, "message": str(exc)}, cause=exc) from exc
        if doc.kind == DocumentKind.SUPPLIER_RETURN:
            _undo_return_on_po(uow, doc)
        if po is not None:
            _undo_delivery_on_po(uow, doc, po)
        # the receivable or payable the document made (a sale, a return) is reversed with it
        source_reversed(uow, doc.id, note=note)
        done = replace(doc, reversed=True, reversed_at=clock.now(), version=doc.version + 1)
        uow.documents.mark_reversed(done)
        uow.commit()
    return done


def _refuse_invoiced(uow: UnitOfWork, doc: Document) -> None:
    """Refuse to reverse a receipt without a PO that a supplier invoice bills: the invoice (its payable, paid or not)
    would bill goods no longer received, as for a receipt of a PO (``ledger.plan_reversal``, ``receipt_invoiced``).
    The sync lists the same thing as a conflict when two desks did it offline (``persistence.sync.accounts``)."""
    for number, supplier_id in uow.supplier_invoices.billing(doc.id):
        supplier = uow.suppliers.get(supplier_id)
        raise _cannot_reverse(doc, refusal(RuleViolation, "free_receipt_invoiced", number=doc.number, invoice=number,
                                           supplier=supplier.code if supplier is not None else supplier_id))


def _delivery_po(uow: UnitOfWork, doc: Document) -> PurchaseOrder | None:
    """The purchase order a receipt with no movements of its own received a delivery against
    (``domain.purchasing.orders.receive_delivery``): a free receipt's movements carry its own number, a delivery's
    the PO's."""
    return uow.purchasing.by_number(doc.reference) if doc.reference else None


def delivery_po(uow: UnitOfWork, doc: Document) -> PurchaseOrder | None:
    """The purchase order ``doc`` received a delivery against, if it is such a receipt; else None."""
    if doc.kind != DocumentKind.RECEIPT or uow.documents.movement_ids(doc.kind.value, doc.number):
        return None
    return _delivery_po(uow, doc)


def _cannot_reverse(doc: Document, exc: RuleViolation) -> DocumentError:
    return DocumentError("cannot_reverse", f"document {doc.number} cannot be reversed: {exc}",
                         params={"number": doc.number, "message": str(exc)}, cause=exc)


def _delivery_movements(uow: UnitOfWork, doc: Document) -> list[str]:
    """The movements of a delivery against a PO, one per line; refused when a line's is not here, or when a line
    names a movement that is not its receipt (a link that came through the hub is checked like typed input)."""
    try:
        found = uow.documents.delivery_movement_ids(doc) if doc.reference else []
    except RuleViolation as exc:
        raise _cannot_reverse(doc, exc) from exc
    if not found or len(found) != len(uow.documents.line_quantities(doc.id)):
        raise _cannot_reverse(doc, refusal(RuleViolation, "delivery_not_here", number=doc.number))
    return found


def _undo_delivery_on_po(uow: UnitOfWork, doc: Document, po: PurchaseOrder) -> None:
    """A reversed delivery takes what it received back off the PO's lines: the PO expects it again (a received PO
    reopens as partly received or issued; a closed or cancelled one stays so), ``on_order`` following."""
    for product_id, qty in uow.documents.line_quantities(doc.id).items():
        line = next((x for x in po.lines if x.product_id == product_id), None)
        if line is None:
            continue
        if qty > line.received:  # returns to the supplier against the PO took some of it back already
            raise _cannot_reverse(doc, refusal(RuleViolation, "delivery_returned", sku=line.sku, po=po.label,
                                               received=fmt(line.received), qty=fmt(qty), number=doc.number))
        change_received(uow, po, product_id, -qty)
    uow.purchasing.save(po)


def _undo_return_on_po(uow: UnitOfWork, doc: Document) -> None:
    """A return to the supplier against a purchase order (or a delivery received against one) gave back what it
    took off the PO's received quantities."""
    po = uow.purchasing.by_number(doc.reference) if doc.reference else None
    if po is None and doc.reference:  # against a receipt: a delivery's goes back on its PO too
        receipt = uow.documents.by_number(doc.reference)
        po = delivery_po(uow, receipt) if receipt is not None else None
    if po is None:  # a return against a free receipt, or against nothing
        return
    for product_id, qty in uow.documents.line_quantities(doc.id).items():
        change_received(uow, po, product_id, qty)
    uow.purchasing.save(po)


@dataclass(frozen=True)
class DocumentRow:
    """One posted document in a list."""

    id: str
    number: str
    kind: str
    business_date: date
    posted_at: datetime
    warehouse: str
    to_warehouse: str
    partner: str
    reference: str
    line_count: int
    total_qty: Decimal
    total_value: Decimal
    reversed: bool
    user: str
    po: str = ""  # a receipt of a delivery against a purchase order: the PO's number (its reference)


@dataclass(frozen=True)
class DocumentLineRow:
    """One line of a posted document, for display."""

    line_no: int
    sku: str
    name: str
    unit: str
    qty: Decimal | None
    unit_cost: Decimal | None
    counted: Decimal | None
    expected: Decimal | None
    reason: str


class ScanTarget(NamedTuple):
    """The product a scanned code (SKU or barcode) names: what a scan adds to a line."""

    product_id: str
    sku: str
    name: str
    unit: str
    whole: bool = False  # counted in whole units (domain.catalog.units): the entry grid refuses a fraction of it
    per: Decimal = Decimal(1)  # base units one scan counts: a packaging unit's barcode counts its pack
    pack: str = ""  # the packaging unit's name (箱) when the code is one of its barcodes (domain.catalog.packaging)
