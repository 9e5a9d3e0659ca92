"""Supplier invoices (采购发票) matched to what was ordered and received: the use cases (docs/ACCOUNTS.md).

A supplier invoice is entered for a purchase order and/or goods receipts without one (``GR-…``), under the
supplier's own number (unique per supplier), either as one amount with tax or as lines (SKU, quantity, unit price
without tax; the amount then has the PO's tax rate added). Entering it

1. matches it (``domain.accounts.matching``): per product ordered, received, billed before, billed now, the order's
   price against the invoice's, and the differences; ``preview_invoice`` shows this before anything is written;
2. writes the invoice and its lines (an invoice entered as one amount keeps, per product, what it covered at the
   order's prices, so a later invoice bills only what is still outstanding);
3. opens a ``supplier_invoice`` + item for its amount, due by the supplier's terms unless a due date is given, and an
   ``invoice_match`` - item for the accrual still standing on the ``goods_receipt`` items it covers, allocated to
   them: the invoice replaces the receipts' accruals, so the payable follows the invoice. An invoice by lines
   covers the receipts of the products it lists; one by amount covers all the order's receipts. The accrual
   standing on a receipt item is its amount less what returns and earlier invoices took of it; what money already
   paid of it stays paid: the match item's part that finds nothing open is credit, which the invoice takes first.

A receipt without a purchase order opened no payable; its invoice makes the payable. Reversing an invoice (reason
required) reverses both items, so the receipts' accruals are open again, and marks it reversed. Every step needs
``Permission.MONEY`` and a date in an open period.

An invoice for a foreign-currency order is typed in the order's currency; its payable is converted at the order's
fixed rate or the rate of the invoice's date, as receipts are.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace
from datetime import date
from datetime import datetime
from datetime import time
from decimal import Decimal
from typing import Protocol

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.allocation import Pick
from domain.accounts.exchange_difference import after_debit
from domain.accounts.items import add_item
from domain.accounts.items import reverse_item
from domain.accounts.items import settle
from domain.accounts.items import today
from domain.accounts.items import write_picks
from domain.accounts.matching import Match
from domain.accounts.matching import MatchRow
from domain.accounts.matching import MatchSource
from domain.accounts.matching import match
from domain.accounts.model import AccountItem
from domain.accounts.model import ItemKind
from domain.accounts.model import OpenItem
from domain.accounts.model import Side
from domain.accounts.periods import ensure_open
from domain.accounts.terms import due_date
from domain.catalog.units import whole_quantity
from domain.kernel import clock
from domain.kernel import limits
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.kernel.ids import new_id
from domain.kernel.numbers import ZERO
from domain.kernel.numbers import fmt
from domain.kernel.numbers import round_money
from domain.kernel.refusals import ENGLISH
from domain.kernel.refusals import refusal
from domain.purchasing.exchange import NoExchangeRate
from domain.purchasing.exchange import needs_rate
from domain.purchasing.note_tax import receipt_tax_rate
from domain.purchasing.orders import applied_rate
from domain.purchasing.orders import find_po
from domain.stock import ledger
from domain.stock.documents_model import DocumentKind

# What takes a receipt's accrual: a return of its goods, an earlier invoice's match, its own reversal (money does not)
TAKES_ACCRUAL = frozenset({ItemKind.SUPPLIER_RETURN, ItemKind.INVOICE_MATCH, ItemKind.REVERSAL})


@dataclass(frozen=True)
class InvoiceLine:
    line_no: int
    product_id: str
    qty: Decimal
    unit_price: Decimal  # per stock unit, without tax, in the invoice's currency
    receipt_document_id: str | None = None  # the receipt without a PO it bills; None: the invoice's PO


@dataclass(frozen=True)
class SupplierInvoice:
    """A row of ``supplier_invoices`` with its lines: ``amount`` with tax, ``tax`` in it, in the PO's currency."""

    id: str
    supplier_id: str
    number: str
    business_date: date
    due_on: date | None
    po_id: str | None
    amount: Decimal
    tax: Decimal
    note: str = ""
    user: str = ""
    created_at: datetime | None = None
    reversed: bool = False
    device_id: str = ""
    version: int = 1
    lines: tuple[InvoiceLine, ...] = ()


class SupplierInvoiceRepository(Protocol):
    """``uow.supplier_invoices`` (``persistence.accounts.invoices``)."""

    def add(self, invoice: SupplierInvoice) -> None: ...
    def by_number(self, supplier_id: str, number: str) -> SupplierInvoice | None: ...
    def mark_reversed(self, invoice: SupplierInvoice) -> None:
        """Set ``reversed`` and the next version."""
        ...
    def invoiced(self, *, po_id: str | None = None, receipt_id: str | None = None,
                 before: datetime | None = None, exclude: str | None = None) -> dict[str, Decimal]:
        """Per product, the quantity billed by the invoices (not reversed) of a PO's lines (``po_id``) or of a
        receipt's (``receipt_id``), only those created before ``before`` and other than ``exclude`` if given."""
        ...
    def billing(self, receipt_id: str) -> list[tuple[str, str]]:
        """The invoices (not reversed) that bill the receipt without a PO ``receipt_id``: (number, supplier id)."""
        ...
    def receipt_lines(self, document_id: str) -> dict[str, tuple[Decimal, Decimal]]:
        """A receipt document's lines: product id → (quantity, unit cost)."""
        ...
    def document_numbers(self, ids: list[str]) -> dict[str, str]:
        """Document id → number."""
        ...


@dataclass(frozen=True)
class LineInput:
    sku: str
    qty: object
    unit_price: object


@dataclass(frozen=True)
class EnterSupplierInvoice:
    """A supplier invoice as entered: raw values. ``amount`` (with tax) or ``lines``, not both."""

    supplier: str
    number: str
    po: str = ""
    receipts: tuple[str, ...] = ()
    amount: object = None
    lines: tuple[LineInput, ...] = ()
    day: date | None = None  # None: today
    due_on: date | None = None  # None: by the supplier's payment terms
    note: str = ""
    accept_differences: bool = False  # the clerk saw the differences from the order and receipts and posts anyway


class InvoiceDiffers(RuleViolation):
    """The invoice bills other quantities or prices than were ordered and received, and nobody accepted that.

    Attributes:
        view: the invoice as it would be entered, with its match (the rows that differ: ``differs``).
    """

    def __init__(self, view: InvoiceView) -> None:
        self.view = view
        m = view.match
        lines = "; ".join(
            f"{r.sku}: billed {fmt(r.invoiced)} × {fmt(r.invoice_price)}, received {fmt(r.received)} × {fmt(r.price)}, "
            f"difference {_signed(r.difference)}" for r in differing(m))
        params = {"number": view.number, "lines": lines or "-", "amount": fmt(m.amount), "expected": fmt(m.expected),
                  "difference": _signed(m.difference), "currency": view.currency}
        super().__init__(ENGLISH["invoice_differs"].format(**params), code="invoice_differs", params=params)


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + fmt(value)


@dataclass(frozen=True)
class ReverseSupplierInvoice:
    supplier: str
    number: str
    reason: str
    day: date | None = None


@dataclass(frozen=True)
class InvoiceView:
    """An invoice (to be entered, or entered) with its match and what it does to the payable.

    ``payable``: its + item (in the company currency); ``settles``: the receipts' accrual its match item replaces;
    their difference is what the payable moves by.
    """

    supplier: str
    supplier_name: str
    number: str
    business_date: date
    due_on: date
    po: str
    receipts: tuple[str, ...]
    currency: str
    company_currency: str
    match: Match
    payable: Decimal
    settles: Decimal
    note: str = ""
    id: str | None = None
    reversed: bool = False
    reason: str = ""
    user: str = ""
    places: int = 2  # the company currency's money places

    @property
    def payable_change(self) -> Decimal:
        return self.payable - self.settles


@dataclass
class _Plan:
    view: InvoiceView
    supplier_id: str
    po_id: str | None
    lines: list[InvoiceLine]
    accruals: list[tuple[AccountItem, OpenItem | None, Decimal]]


def _checked(c: EnterSupplierInvoice, places: int):
    number = v.code("number", c.number, max_len=limits.CODE)
    po_ref = v.code("purchase order", c.po, max_len=limits.CODE) if str(c.po or "").strip() else ""
    receipts = []
    for ref in c.receipts:
        no = v.code("receipt", ref, max_len=limits.CODE).upper()
        if no in receipts:
            raise BadInput("receipt", f"{no} is named twice; name each receipt once", code="listed_twice",
                           values=(no,))
        receipts.append(no)
    if not po_ref and not receipts:
        raise BadInput("purchase order", "name the purchase order or the receipts the invoice is for",
                       code="required")
    has_amount = c.amount is not None and str(c.amount).strip() != ""
    if has_amount and c.lines:
        raise BadInput("amount", "give the invoice's amount or its lines, not both", code="amount_and_lines")
    if not has_amount and not c.lines:
        raise BadInput("amount", "give the invoice's amount (with tax) or its lines (SKU, quantity, unit price)",
                       code="required")
    amount = None
    if has_amount:
        amount = v.money("amount", c.amount, max_places=places)
        if amount <= 0:
            raise BadInput("amount", f"{c.amount} is not above 0; enter an amount greater than 0", code="zero")
    lines = []
    for n, line in enumerate(c.lines, 1):
        sku = v.code("SKU", line.sku)
        lines.append((sku, v.quantity(f"quantity of line {n}", line.qty),
                      v.money(f"unit price of line {n}", line.unit_price)))
    day = v.day("date", c.day if c.day is not None else today())
    due = v.planned_day("due", c.due_on) if c.due_on is not None else None
    if due is not None and due < day:
        raise BadInput("due", f"{due.isoformat()} is before the invoice's date {day.isoformat()}; enter a due date "
                              f"on or after it",
                       code="due_before_invoice_date", values=(due.isoformat(), day.isoformat()))
    note = v.text("note", c.note, required=False, max_len=limits.NOTE)
    return number, po_ref, receipts, amount, lines, day, due, note


def _supplier(uow, code: str):
    code = v.code("supplier", code, max_len=limits.CODE)
    found = uow.suppliers.by_code(code)
    if found is None:
        raise refusal(NotFound, "unknown_supplier_code", code=code)
    return found


def _receipt(uow, number: str, supplier):
    doc = uow.documents.by_number(number)
    if doc is None or doc.kind != DocumentKind.RECEIPT:
        raise refusal(NotFound, "unknown_receipt", number=number)
    if doc.reversed:
        raise refusal(RuleViolation, "invoice_receipt_reversed", number=doc.number)
    if doc.partner and v.code_key(doc.partner) != v.code_key(supplier.code):
        raise refusal(RuleViolation, "invoice_receipt_other_supplier", receipt=doc.number, theirs=doc.partner,
                      supplier=supplier.code)
    return doc


def _tax_rate(uow, po, receipts, *, agree: bool = True) -> Decimal:
    """The tax rate in percent an invoice is matched at: its order's, else the one its free receipts were posted at
    (each keeps the company's rate of that day; a delivery's receipt has its order's); the company's now when it
    names neither.

    Raises:
        RuleViolation ``invoice_tax_rates_differ`` (``agree``): the order and the receipts, or the receipts, were
            taxed at different rates; an invoice bills at one.
    """
    rates = ([po.tax_rate] if po is not None else []) + [receipt_tax_rate(uow, d) for d in receipts]
    if not rates:
        return uow.purchasing.policy().tax_rate
    if agree and len(set(rates)) > 1:
        names = ([po.label] if po is not None else []) + [d.number for d in receipts]
        raise refusal(RuleViolation, "invoice_tax_rates_differ", sources=", ".join(
            f"{name} {fmt(rate)}%" for name, rate in zip(names, rates, strict=True)))
    return rates[0]


def _name(uow, product_id: str) -> tuple[str, str]:
    p = uow.products.get(product_id)
    return (p.sku, p.name) if p is not None else (product_id, "")


def _sources(uow, po, receipts, *, before=None, exclude=None) -> list[MatchSource]:
    repo = uow.supplier_invoices
    out = []
    if po is not None:
        billed = repo.invoiced(po_id=po.id, before=before, exclude=exclude)
        for line in po.lines:
            sku, name = _name(uow, line.product_id)
            out.append(MatchSource(po.label, line.product_id, sku, name, line.qty, line.received,
                                   billed.get(line.product_id, ZERO), line.unit_cost))
    for doc in receipts:
        billed = repo.invoiced(receipt_id=doc.id, before=before, exclude=exclude)
        returned = uow.documents.quantities_referencing(DocumentKind.SUPPLIER_RETURN.value, doc.number)
        for product_id, (qty, cost) in repo.receipt_lines(doc.id).items():
            sku, name = _name(uow, product_id)
            out.append(MatchSource(doc.number, product_id, sku, name, None, qty - returned.get(product_id, ZERO),
                                   billed.get(product_id, ZERO), cost or ZERO))
    return out


def _accruals(uow, supplier_id: str, po, products: set[str] | None):
    """The PO's receipt items (not reversed) with an accrual still standing: (item, its open item, standing)."""
    if po is None or not po.number:
        return []
    opened = {x.item.id: x for x in uow.accounts.open_items(Side.AP, supplier_id)}
    out = []
    for item in uow.accounts.by_number(po.number, Side.AP):
        if item.kind != ItemKind.GOODS_RECEIPT or item.partner_id != supplier_id:
            continue
        if uow.accounts.reversal_of(item.id) is not None:
            continue
        if products is not None:
            movement = uow.movements.get(item.source_id) if item.source_id else None
            if movement is None or movement.product_id not in products:
                continue
        taken = ZERO
        for a in uow.accounts.live_allocations(item.id):
            credit = uow.accounts.get(a.credit_item_id) if a.debit_item_id == item.id else None
            if credit is not None and credit.kind in TAKES_ACCRUAL:
                taken += a.amount
        standing = abs(item.amount) - taken
        if standing > 0:
            out.append((item, opened.get(item.id), standing))
    return out


def _plan(uow, c: EnterSupplierInvoice) -> _Plan:
    places = uow.money_places
    number, po_ref, receipt_nos, amount, typed, day, due, note = _checked(c, places)
    supplier = _supplier(uow, c.supplier)
    if uow.supplier_invoices.by_number(supplier.id, number) is not None:
        raise refusal(Duplicate, "supplier_invoice_exists", number=number, supplier=supplier.code)
    po = find_po(uow, po_ref) if po_ref else None
    if po is not None and po.supplier_id != supplier.id:
        raise refusal(RuleViolation, "invoice_po_other_supplier", po=po.label, supplier=supplier.code)
    receipts = [_receipt(uow, no, supplier) for no in receipt_nos]
    policy = uow.purchasing.policy()
    currency = po.currency if po is not None else policy.currency
    foreign = needs_rate(currency, policy.currency)
    if foreign and receipts:
        raise BadInput("receipt", f"purchase order {po.label} is in {currency} and receipts are valued in "
                                  f"{policy.currency}; enter one invoice for the order and another for the receipts",
                       code="foreign_po_and_receipts", values=(po.label, currency, policy.currency))
    sources = _sources(uow, po, receipts)
    billed: dict[tuple[str, str], tuple[Decimal, Decimal]] = {}
    seen: set[str] = set()
    lines = []
    for n, (sku, qty, price) in enumerate(typed, 1):
        product = ledger.find_product(uow, sku)
        whole_quantity(f"quantity of line {n}", product, qty)
        if product.id in seen:
            raise BadInput("SKU", f"{product.sku} is listed twice; list each product once", code="listed_twice",
                           values=(product.sku,))
        seen.add(product.id)
        source = next((s for s in sources if s.product_id == product.id), None)
        if source is None:
            names = ", ".join(([po.label] if po is not None else []) + [d.number for d in receipts])
            raise refusal(RuleViolation, "invoice_sku_not_covered", sku=product.sku, sources=names)
        billed[(source.source, product.id)] = (qty, price)
        receipt_id = next((d.id for d in receipts if d.number == source.source), None)
        lines.append(InvoiceLine(n, product.id, qty, price, receipt_id))
    rate = _tax_rate(uow, po, receipts)
    found = match(sources, billed, rate, places, amount)
    if amount is not None:  # what it covers at the order's prices: a later invoice bills only what is left
        lines = [InvoiceLine(n, s.product_id, s.outstanding, s.price,
                             next((d.id for d in receipts if d.number == s.source), None))
                 for n, s in enumerate((s for s in sources if s.outstanding > 0), 1)]
    accruals = _accruals(uow, supplier.id, po, None if amount is not None else {x.product_id for x in lines
                                                                                 if x.receipt_document_id is None})
    payable = found.amount
    if foreign:
        at = datetime.combine(day, time(12)).astimezone()
        fx = applied_rate(uow, po, at)
        if fx is None:
            raise NoExchangeRate(currency, day, po.label)
        payable = round_money(found.amount * fx.rate, places)
    due = due or due_date(uow.accounts.terms(Side.AP, supplier.id), day)
    view = InvoiceView(
        supplier=supplier.code, supplier_name=supplier.name, number=number, business_date=day, due_on=due,
        po=po.label if po is not None else "", receipts=tuple(d.number for d in receipts), currency=currency,
        company_currency=policy.currency, match=found, payable=payable,
        settles=sum((x[2] for x in accruals), ZERO), note=note, user=uow.user, places=places)
    return _Plan(view, supplier.id, po.id if po is not None else None, lines, accruals)


def preview_invoice(uow, c: EnterSupplierInvoice) -> InvoiceView:
    """The match and the payable of an invoice as it would be entered; nothing is written.

    Raises:
        The refusals of ``enter_supplier_invoice``.
    """
    with uow:
        require(uow, Permission.MONEY)
        plan = _plan(uow, c)
        ensure_open(uow, plan.view.business_date, what=plan.view.number)
    return plan.view


def enter_supplier_invoice(uow, c: EnterSupplierInvoice) -> InvoiceView:
    """Enter a supplier invoice: its row and lines, its + item and the match item replacing the receipts' accruals.

    Returns:
        The invoice with its match (``id`` set).

    Raises:
        BadInput: a field (the number, an amount and lines both or neither, no PO nor receipt, a quantity or price,
            a SKU twice, a due date before the date).
        NotFound: the supplier, the PO, a receipt, a product.
        Duplicate ``supplier_invoice_exists``: the supplier's number was entered before.
        RuleViolation: the PO or a receipt is another supplier's (``invoice_*_other_supplier``), a receipt reversed,
            a SKU on neither the PO nor a receipt (``invoice_sku_not_covered``), the date in a closed month.
        NoExchangeRate: a foreign-currency PO without a fixed rate or a rate of the invoice's date.
    """
    with uow:
        require(uow, Permission.MONEY)
        plan = _plan(uow, c)
        view, day, number = plan.view, plan.view.business_date, plan.view.number
        ensure_open(uow, day, what=number)
        if not c.accept_differences and differs(view.match):
            raise InvoiceDiffers(view)
        invoice = SupplierInvoice(
            id=new_id(), supplier_id=plan.supplier_id, number=number, business_date=day, due_on=view.due_on,
            po_id=plan.po_id, amount=view.match.amount, tax=view.match.tax, note=view.note, user=uow.user,
            created_at=clock.now(), device_id=uow.device_id, lines=tuple(plan.lines))
        uow.supplier_invoices.add(invoice)
        matched = add_item(uow, Side.AP, plan.supplier_id, ItemKind.INVOICE_MATCH, -view.settles, day, number=number,
                           source_id=invoice.id, reference=view.po, note=view.note)
        if matched is not None:
            picks = [Pick(o, min(standing, o.open)) for _, o, standing in plan.accruals if o is not None]
            write_picks(uow, matched, [p for p in picks if p.amount > 0], day)
        item = _open_invoice_item(uow, plan, invoice)
        if item is not None:
            settle(uow, item, day, prefer=[matched.id] if matched is not None else [])
            after_debit(uow, item, day)  # a prepayment in the supplier's currency it took: 汇兑损益
        uow.commit()
    return replace(view, id=invoice.id)


def differing(m: Match) -> list[MatchRow]:
    """The lines billed at another price than the order's, or for more than was received and not yet billed (billing
    less is a part invoice: the rest comes later)."""
    return [r for r in m.rows if r.price_difference != 0 or r.qty_difference > 0]


def differs(m: Match) -> bool:
    """Some line differs (``differing``), or an invoice entered as one amount comes to another total."""
    return bool(differing(m)) or (m.by_amount and m.difference != 0)


def _open_invoice_item(uow, plan: _Plan, invoice: SupplierInvoice) -> AccountItem | None:
    """The invoice's + item, due on the invoice's due date (add_item would take the terms' one)."""
    amount = round_money(plan.view.payable, uow.money_places)
    if amount == 0:
        return None
    item = AccountItem(
        id=new_id(), side=Side.AP, partner_id=plan.supplier_id, kind=ItemKind.SUPPLIER_INVOICE, number=invoice.number,
        business_date=invoice.business_date, amount=amount, due_on=invoice.due_on, source_id=invoice.id,
        reference=plan.view.po, note=invoice.note, user=uow.user, created_at=clock.now(),
        device_id=uow.device_id)
    uow.accounts.add_item(item)
    return item


def _stored(uow, supplier_code: str, number: str):
    supplier = _supplier(uow, supplier_code)
    number = v.code("number", number, max_len=limits.CODE)
    invoice = uow.supplier_invoices.by_number(supplier.id, number)
    if invoice is None:
        raise refusal(NotFound, "unknown_supplier_invoice", number=number, supplier=supplier.code)
    return supplier, invoice


def _view(uow, supplier, invoice: SupplierInvoice) -> InvoiceView:
    po = uow.purchasing.get(invoice.po_id) if invoice.po_id else None
    receipt_ids = list(dict.fromkeys(x.receipt_document_id for x in invoice.lines if x.receipt_document_id))
    numbers = uow.supplier_invoices.document_numbers(receipt_ids)
    receipts = [uow.documents.by_number(numbers[i]) for i in receipt_ids if i in numbers]
    receipts = [d for d in receipts if d is not None]
    sources = _sources(uow, po, receipts, before=invoice.created_at, exclude=invoice.id)
    by_id = {d.id: d.number for d in receipts}
    billed = {(by_id.get(x.receipt_document_id, "") if x.receipt_document_id else (po.label if po else ""),
               x.product_id): (x.qty, x.unit_price) for x in invoice.lines}
    policy = uow.purchasing.policy()
    rate = _tax_rate(uow, po, receipts, agree=False)
    found = replace(match(sources, billed, rate, uow.money_places), amount=invoice.amount, tax=invoice.tax)
    items = uow.accounts.by_source(invoice.id)
    payable = sum((x.amount for x in items if x.kind == ItemKind.SUPPLIER_INVOICE), ZERO)
    settles = -sum((x.amount for x in items if x.kind == ItemKind.INVOICE_MATCH), ZERO)
    reason = next((x.note for x in items if x.kind == ItemKind.REVERSAL), "")
    return InvoiceView(
        supplier=supplier.code, supplier_name=supplier.name, number=invoice.number,
        business_date=invoice.business_date, due_on=invoice.due_on or invoice.business_date,
        po=po.label if po is not None else "", receipts=tuple(d.number for d in receipts),
        currency=po.currency if po is not None else policy.currency, company_currency=policy.currency, match=found,
        payable=payable, settles=settles, note=invoice.note, id=invoice.id, reversed=invoice.reversed,
        reason=reason, user=invoice.user, places=uow.money_places)


def show_invoice(uow, supplier: str, number: str) -> InvoiceView:
    """One entered invoice with its match (billed before: by the supplier's invoices entered before it).

    Raises:
        NotFound: the supplier, or ``unknown_supplier_invoice``.
    """
    with uow:
        require(uow, Permission.ACCOUNTS)
        found, invoice = _stored(uow, supplier, number)
        return _view(uow, found, invoice)


def reverse_invoice(uow, c: ReverseSupplierInvoice) -> InvoiceView:
    """Reverse an invoice: its match item (the receipts' accruals are open again) and its + item, then mark it.

    Raises:
        BadInput: no reason. NotFound: the supplier or the invoice.
        RuleViolation ``supplier_invoice_reversed``: reversed already; ``period_closed``.
    """
    reason = v.text("reason", c.reason, max_len=limits.NOTE)
    day = v.day("date", c.day if c.day is not None else today())
    with uow:
        require(uow, Permission.MONEY)
        supplier, invoice = _stored(uow, c.supplier, c.number)
        if invoice.reversed:
            raise refusal(RuleViolation, "supplier_invoice_reversed", number=invoice.number, supplier=supplier.code)
        ensure_open(uow, max(day, invoice.business_date), what=invoice.number)
        items = [x for x in uow.accounts.by_source(invoice.id)
                 if x.kind in (ItemKind.INVOICE_MATCH, ItemKind.SUPPLIER_INVOICE)]
        for item in sorted(items, key=lambda x: x.kind != ItemKind.INVOICE_MATCH):
            if uow.accounts.reversal_of(item.id) is None:
                reverse_item(uow, item, day, reason)
        uow.supplier_invoices.mark_reversed(invoice)
        view = _view(uow, supplier, replace(invoice, reversed=True))
        uow.commit()
    return view


@dataclass(frozen=True)
class InvoiceRow:
    """A supplier invoice in a list (``persistence.accounts.invoices.invoice_list``)."""

    id: str
    supplier: str
    supplier_name: str
    number: str
    business_date: date
    due_on: date | None
    po: str
    amount: Decimal
    tax: Decimal
    reversed: bool
    user: str
    created_at: datetime | None


@dataclass(frozen=True)
class InvoiceDraft:
    """What an invoice for a PO and/or receipts starts from: each product's figures before the invoice's own (a
    window prefills the lines with what is outstanding at the order's prices and matches as they are typed)."""

    supplier: str
    supplier_name: str
    po: str
    receipts: tuple[str, ...]
    currency: str
    tax_rate: Decimal
    sources: tuple[MatchSource, ...]
    places: int


def invoice_draft(uow, supplier: str, po: str = "", receipts: tuple[str, ...] = ()) -> InvoiceDraft:
    """The sources of an invoice to be entered (the same checks as ``enter_supplier_invoice``'s; nothing written).
    With a PO, ``supplier`` may be blank: the order's.

    Raises:
        BadInput: no PO nor receipt. NotFound: the supplier, the PO, a receipt. RuleViolation: another supplier's.
    """
    po_ref = v.code("purchase order", po, max_len=limits.CODE) if str(po or "").strip() else ""
    numbers = tuple(dict.fromkeys(v.code("receipt", x, max_len=limits.CODE).upper() for x in receipts))
    if not po_ref and not numbers:
        raise BadInput("purchase order", "name the purchase order or the receipts the invoice is for",
                       code="required")
    with uow:
        require(uow, Permission.MONEY)
        order = find_po(uow, po_ref) if po_ref else None
        if order is not None and not str(supplier or "").strip():  # the order says whose
            found = uow.suppliers.get(order.supplier_id)
        else:
            found = _supplier(uow, supplier)
        if order is not None and order.supplier_id != found.id:
            raise refusal(RuleViolation, "invoice_po_other_supplier", po=order.label, supplier=found.code)
        docs = [_receipt(uow, no, found) for no in numbers]
        policy = uow.purchasing.policy()
        return InvoiceDraft(
            supplier=found.code, supplier_name=found.name, po=order.label if order is not None else "",
            receipts=tuple(d.number for d in docs), currency=order.currency if order is not None else policy.currency,
            tax_rate=_tax_rate(uow, order, docs),
            sources=tuple(_sources(uow, order, docs)), places=uow.money_places)


@dataclass(frozen=True)
class PoFollowUps:
    """What a purchaser can still do with a purchase order's goods: send some back, or enter an invoice for some."""

    returnable: bool  # a line has received something (its received quantity is net of returns already)
    invoiceable: bool  # a line has received more than the supplier's invoices (not reversed) billed of it


def po_follow_ups(uow, ref: str) -> PoFollowUps:
    """Whether the purchase order numbered ``ref`` (or with that id) has goods that can go back to the supplier and
    goods not yet invoiced; neither for an order that is not found. Reads only (no permission needed to ask)."""
    with uow:
        po = uow.purchasing.by_number(ref.strip().upper()) or uow.purchasing.get(ref.strip())
        if po is None or not po.number:  # a draft has received nothing
            return PoFollowUps(False, False)
        billed = uow.supplier_invoices.invoiced(po_id=po.id)
        return PoFollowUps(any(line.received > 0 for line in po.lines),
                           any(line.received > billed.get(line.product_id, ZERO) for line in po.lines))
