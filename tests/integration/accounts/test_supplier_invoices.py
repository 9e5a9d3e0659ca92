"""Supplier invoices on a real SQLite file, with hand-computed figures: a purchase order of 10 SCREW at 10.00 with
the default tax of 13 % is received in full (its receipt item: 10 × 10.00 × 1.13 = 113.00), then invoiced."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.accounts import commands as ac
from domain.accounts import invoices as inv
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.accounts.money import record_money
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.kernel.errors import Duplicate
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from domain.stock import documents as docs
from persistence import tables as t
from persistence.accounts.invoices import invoice_list

D = Decimal
MARCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY = date(2026, 3, 10)


@pytest.fixture
def shop(db):
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司"))
    catalog.add_supplier(u(), c.AddSupplier("SZ", "深圳五金"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    catalog.add_product(u(), c.AddProduct("NUT", "六角螺母 M3"))
    return db


def order(db, *lines: tuple[str, str, str], supplier: str = "NB", receive: bool = True) -> str:
    draft = po_uc.create_draft(db.uow(), pc.CreatePurchaseOrder(supplier, "MAIN"))
    for sku, qty, price in lines:
        po_uc.add_line(db.uow(), pc.AddPurchaseOrderLine(draft.id, sku, qty, price))
    number = po_uc.issue(db.uow(), pc.IssuePurchaseOrder(draft.id, MARCH)).number
    if receive:
        po_uc.receive(db.uow(), pc.ReceivePurchaseOrder(number, occurred_at=MARCH))
    return number


def enter(db, number: str, *, po: str = "", receipts=(), amount=None, lines=(), supplier: str = "NB", **kw):
    command = inv.EnterSupplierInvoice(supplier, number, po=po, receipts=tuple(receipts), amount=amount,
                                       lines=tuple(inv.LineInput(*x) for x in lines), day=kw.pop("day", DAY), **kw)
    return inv.enter_supplier_invoice(db.uow(), command)


def balance(db, supplier: str = "NB") -> Decimal:
    uow = db.uow()
    with uow:
        s = uow.suppliers.by_code(supplier)
        return sum((x.item.amount / abs(x.item.amount) * x.open for x in uow.accounts.open_items(Side.AP, s.id)),
                   D(0))


def open_kinds(db, supplier: str = "NB") -> dict[str, Decimal]:
    uow = db.uow()
    with uow:
        s = uow.suppliers.by_code(supplier)
        out: dict[str, Decimal] = {}
        for x in uow.accounts.open_items(Side.AP, s.id):
            out[x.item.kind.value] = out.get(x.item.kind.value, D(0)) + x.open
        return out


def test_an_invoice_equal_to_the_receipt_closes_it_with_no_difference(shop):
    po = order(shop, ("SCREW", "10", "10.00"))
    assert open_kinds(shop) == {"goods_receipt": D("113.00")}
    view = enter(shop, "FP-001", po=po, lines=[("SCREW", "10", "10.00")])
    [row] = view.match.rows
    assert (row.ordered, row.received, row.invoiced, row.price, row.invoice_price) == (
        D(10), D(10), D(10), D("10.00"), D("10.00"))
    assert not row.differs
    assert (view.match.amount, view.match.tax, view.match.expected, view.match.difference) == (
        D("113.00"), D("13.00"), D("113.00"), D(0))
    assert (view.payable, view.settles, view.payable_change) == (D("113.00"), D("113.00"), D(0))
    assert open_kinds(shop) == {"supplier_invoice": D("113.00")}  # the receipt's accrual is replaced
    assert balance(shop) == D("113.00")


def test_an_invoice_price_2_percent_higher_shows_the_price_difference_and_the_payable_follows_it(shop):
    po = order(shop, ("SCREW", "10", "10.00"))
    lines = [("SCREW", "10", "10.20")]
    preview = inv.preview_invoice(shop.uow(), inv.EnterSupplierInvoice("NB", "FP-002", po=po, day=DAY, lines=tuple(
        inv.LineInput(*x) for x in lines)))
    [row] = preview.match.rows
    assert (row.qty_difference, row.price_difference, row.difference) == (D(0), D("0.20"), D("2.00"))
    with pytest.raises(inv.InvoiceDiffers) as refused:  # nothing posted until the difference is accepted
        enter(shop, "FP-002", po=po, lines=lines)
    assert "SCREW: billed 10 × 10.2, received 10 × 10, difference +2" in str(refused.value)
    assert balance(shop) == D("113.00")
    # net 102.00, tax 13.26: 115.26 against the 113.00 expected
    assert (preview.match.amount, preview.match.tax, preview.match.difference) == (D("115.26"), D("13.26"),
                                                                                    D("2.26"))
    assert open_kinds(shop) == {"goods_receipt": D("113.00")}  # a preview writes nothing
    view = enter(shop, "FP-002", po=po, lines=lines, accept_differences=True)
    assert view.match == preview.match
    assert view.payable_change == D("2.26")
    assert balance(shop) == D("115.26")
    shown = inv.show_invoice(shop.uow(), "NB", "FP-002")
    assert shown.match.rows == view.match.rows and shown.match.difference == D("2.26")


def test_an_invoice_for_less_than_was_received_shows_the_quantity_difference(shop):
    po = order(shop, ("SCREW", "10", "10.00"))
    view = enter(shop, "FP-003", po=po, lines=[("SCREW", "8", "10.00")])
    [row] = view.match.rows
    assert (row.received, row.invoiced, row.qty_difference, row.difference) == (D(10), D(8), D(-2), D("-20.00"))
    assert (view.match.amount, view.match.difference) == (D("90.40"), D("-22.60"))
    assert balance(shop) == D("90.40")  # the receipt's accrual is replaced by the invoice
    # the rest, invoiced later, is outstanding there: no difference, and nothing left to settle
    rest = enter(shop, "FP-004", po=po, lines=[("SCREW", "2", "10.00")])
    [row] = rest.match.rows
    assert (row.invoiced_before, row.qty_difference, rest.match.difference, rest.settles) == (D(8), D(0), D(0), D(0))
    assert balance(shop) == D("113.00")
    # the first invoice, shown later, still counts only what was billed before it
    [row] = inv.show_invoice(shop.uow(), "NB", "FP-003").match.rows
    assert (row.invoiced_before, row.qty_difference) == (D(0), D(-2))


def test_reversal_reopens_the_receipt_items_and_marks_the_invoice(shop):
    po = order(shop, ("SCREW", "10", "10.00"))
    enter(shop, "FP-005", po=po, lines=[("SCREW", "10", "10.20")], accept_differences=True)
    with pytest.raises(BadInput):
        inv.reverse_invoice(shop.uow(), inv.ReverseSupplierInvoice("NB", "FP-005", " "))
    view = inv.reverse_invoice(shop.uow(), inv.ReverseSupplierInvoice("NB", "FP-005", "wrong price 价格错误", DAY))
    assert view.reversed and view.reason == "wrong price 价格错误"
    assert open_kinds(shop) == {"goods_receipt": D("113.00")}
    assert balance(shop) == D("113.00")
    [row] = invoice_list(shop.engine, "NB")
    assert (row.number, row.reversed, row.amount, row.po) == ("FP-005", True, D("115.26"), po)
    with pytest.raises(RuleViolation) as exc:
        inv.reverse_invoice(shop.uow(), inv.ReverseSupplierInvoice("NB", "FP-005", "again"))
    assert exc.value.code == "supplier_invoice_reversed"
    # the receipt is invoiced again under another number, as if the first had never been
    again = enter(shop, "FP-005B", po=po, lines=[("SCREW", "10", "10.00")])
    assert (again.match.rows[0].invoiced_before, again.settles, balance(shop)) == (D(0), D("113.00"), D("113.00"))


def test_a_number_entered_twice_for_one_supplier_is_refused_naming_it(shop):
    po = order(shop, ("SCREW", "10", "10.00"))
    enter(shop, "FP-006", po=po, amount="113.00")
    with pytest.raises(Duplicate) as exc:
        enter(shop, "FP-006", po=po, amount="1.00")
    assert exc.value.code == "supplier_invoice_exists" and "FP-006" in str(exc.value) and "NB" in str(exc.value)
    other = order(shop, ("SCREW", "1", "10.00"), supplier="SZ")
    enter(shop, "FP-006", po=other, amount="11.30", supplier="SZ")  # another supplier's number may be the same
    assert [r.number for r in invoice_list(shop.engine)] == ["FP-006", "FP-006"]


def test_an_invoice_by_amount_covers_what_is_outstanding_at_the_order_prices(shop):
    po = order(shop, ("SCREW", "10", "10.00"), ("NUT", "100", "0.50"))  # 113.00 + 56.50
    view = enter(shop, "FP-007", po=po, amount="170.00", accept_differences=True)
    assert view.match.by_amount and [r.invoiced for r in view.match.rows] == [D(10), D(100)]
    assert (view.match.expected, view.match.difference, view.match.tax) == (D("169.50"), D("0.50"), D("19.56"))
    assert (view.settles, balance(shop)) == (D("169.50"), D("170.00"))
    later = enter(shop, "FP-008", po=po, amount="5.00", accept_differences=True)  # freight: nothing is left outstanding
    assert [r.invoiced_before for r in later.match.rows] == [D(10), D(100)]
    assert (later.match.expected, later.settles, balance(shop)) == (D(0), D(0), D("175.00"))


def test_an_invoice_by_lines_covers_only_the_products_it_lists(shop):
    po = order(shop, ("SCREW", "10", "10.00"), ("NUT", "100", "0.50"))
    view = enter(shop, "FP-009", po=po, lines=[("SCREW", "10", "10.00")])
    assert view.settles == D("113.00")
    assert open_kinds(shop) == {"goods_receipt": D("56.50"), "supplier_invoice": D("113.00")}
    nut = next(r for r in view.match.rows if r.sku == "NUT")
    assert (nut.invoiced, nut.qty_difference, nut.difference) == (D(0), D(-100), D("-50.00"))


def test_money_paid_on_the_receipt_stays_paid_when_the_invoice_replaces_it(shop):
    po = order(shop, ("SCREW", "10", "10.00"))
    record_money(shop.uow(), ac.RecordMoney("payment", "NB", "113.00", day=DAY))
    assert balance(shop) == D(0)
    view = enter(shop, "FP-010", po=po, lines=[("SCREW", "10", "10.20")], accept_differences=True)
    assert view.settles == D("113.00")
    assert balance(shop) == D("2.26")  # only the price difference is owed
    assert open_kinds(shop) == {"supplier_invoice": D("2.26")}


def test_a_receipt_without_an_order_is_invoiced_at_its_cost_and_the_invoice_makes_the_payable(shop):
    gr = docs.post_document(shop.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", "5", "2.00"),), partner="NB")).number
    view = enter(shop, "FP-011", receipts=[gr], lines=[("SCREW", "5", "2.00")])
    [row] = view.match.rows
    assert (row.source, row.ordered, row.received, row.difference) == (gr, None, D(5), D(0))
    assert (view.payable, view.settles, balance(shop)) == (D("11.30"), D(0), D("11.30"))
    assert inv.show_invoice(shop.uow(), "NB", "FP-011").receipts == (gr,)
    with pytest.raises(RuleViolation) as exc:
        enter(shop, "FP-012", receipts=[gr], amount="1.00", supplier="SZ")
    assert exc.value.code == "invoice_receipt_other_supplier"


def test_refusals_name_what_is_wrong(shop):
    po = order(shop, ("SCREW", "10", "10.00"))
    other = order(shop, ("SCREW", "1", "10.00"), supplier="SZ")
    with pytest.raises(RuleViolation) as exc:
        enter(shop, "X1", po=other, amount="1")
    assert exc.value.code == "invoice_po_other_supplier"
    with pytest.raises(RuleViolation) as exc:
        enter(shop, "X1", po=po, lines=[("NUT", "1", "1")])
    assert exc.value.code == "invoice_sku_not_covered" and po in str(exc.value)
    with pytest.raises(BadInput) as exc:
        enter(shop, "X1", po=po, amount="1", lines=[("SCREW", "1", "1")])
    assert exc.value.field == "amount"
    with pytest.raises(BadInput) as exc:
        enter(shop, "X1", amount="1")
    assert exc.value.field == "purchase order"
    with pytest.raises(BadInput) as exc:
        enter(shop, "X1", po=po, amount="1", due_on=date(2026, 3, 1))
    assert exc.value.field == "due"
    with pytest.raises(NotFound) as exc:
        inv.show_invoice(shop.uow(), "NB", "NOPE")
    assert exc.value.code == "unknown_supplier_invoice"
    with shop.engine.begin() as conn:
        conn.execute(t.periods.insert().values(month="2026-03", closed=True, closed_by="boss", device_id="",
                                               version=1))
    with pytest.raises(RuleViolation) as exc:
        enter(shop, "X1", po=po, amount="113.00")
    assert exc.value.code == "period_closed"
    assert invoice_list(shop.engine) == []


def test_due_date_from_the_terms_unless_given(shop):
    po = order(shop, ("SCREW", "10", "10.00"))
    assert enter(shop, "FP-013", po=po, amount="1.00", accept_differences=True).due_on == DAY  # no terms: net 0 days
    view = enter(shop, "FP-014", po=po, amount="1.00", due_on=date(2026, 4, 30), accept_differences=True)
    assert view.due_on == date(2026, 4, 30)
    uow = shop.uow()
    with uow:
        [item] = [x for x in uow.accounts.by_number("FP-014", Side.AP) if x.kind == ItemKind.SUPPLIER_INVOICE]
    assert item.due_on == date(2026, 4, 30)


def test_a_foreign_currency_order_is_invoiced_in_its_currency_and_owed_at_its_fixed_rate(shop):
    catalog.add_supplier(shop.uow(), c.AddSupplier("US1", "Acme Inc.", currency="USD"))
    draft = po_uc.create_draft(shop.uow(), pc.CreatePurchaseOrder("US1", "MAIN"))
    po_uc.add_line(shop.uow(), pc.AddPurchaseOrderLine(draft.id, "SCREW", "10", "10.00"))
    po_uc.set_fixed_rate(shop.uow(), pc.SetPurchaseOrderRate(draft.id, "7"))
    number = po_uc.issue(shop.uow(), pc.IssuePurchaseOrder(draft.id, MARCH)).number
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, occurred_at=MARCH))
    assert balance(shop, "US1") == D("791.00")  # 10 × 10.00 × 7 × 1.13
    view = enter(shop, "INV-77", po=number, lines=[("SCREW", "10", "10.20")], supplier="US1",
                 accept_differences=True)
    assert (view.currency, view.match.amount, view.match.difference) == ("USD", D("115.26"), D("2.26"))
    assert (view.payable, view.settles, view.payable_change) == (D("806.82"), D("791.00"), D("15.82"))
    assert balance(shop, "US1") == D("806.82")


def test_a_free_receipt_is_invoiced_at_the_rate_it_was_posted_at_after_the_company_rate_changes(shop):
    """The receipt keeps the company's 13 %: the draft, the match and the payable of an invoice entered after the
    rate became 9 % are at 13 % (5 × 2.00 × 1.13 = 11.30), and so is the invoice shown later at 6 %."""
    from domain.purchasing import terms

    gr = docs.post_document(shop.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", "5", "2.00"),), partner="NB")).number
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="9"))
    assert inv.invoice_draft(shop.uow(), "NB", receipts=[gr]).tax_rate == D(13)
    view = enter(shop, "FP-021", receipts=[gr], lines=[("SCREW", "5", "2.00")])
    assert (view.match.tax_rate, view.match.tax, view.payable, balance(shop)) == (
        D(13), D("1.30"), D("11.30"), D("11.30"))
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="6"))
    shown = inv.show_invoice(shop.uow(), "NB", "FP-021")
    assert (shown.match.tax_rate, shown.match.expected, shown.payable) == (D(13), D("11.30"), D("11.30"))
    # a receipt posted at 6 % and one at 13 % are billed at one rate each: not on one invoice
    later = docs.post_document(shop.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("NUT", "5", "1.00"),), partner="NB")).number
    first = docs.post_document(shop.uow(), docs.PostDocument(
        "receipt", "MAIN", (docs.LineInput("SCREW", "1", "2.00"),), partner="NB")).number
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="13"))
    with pytest.raises(RuleViolation) as exc:
        enter(shop, "FP-022", receipts=[later, gr], amount="20.00")
    assert exc.value.code == "invoice_tax_rates_differ" and f"{later} 6%" in str(exc.value)
    assert enter(shop, "FP-023", receipts=[later, first], amount="7.42").match.tax_rate == D(6)


def test_a_deliverys_receipt_named_on_an_invoice_is_matched_at_its_orders_rate(shop):
    """A delivery's goods receipt keeps no rate of its own (its order's applies): named with its order, the invoice
    is not refused for rates that differ, though the company's rate changed since the order."""
    from domain.purchasing import terms

    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="9"))
    number = order(shop, ("SCREW", "10", "10.00"), receive=False)  # at 9 %
    terms.set_policy(shop.uow(), pc.SetPurchasingPolicy(tax_rate="13"))
    delivery = po_uc.receive_delivery(shop.uow(), pc.ReceivePurchaseOrder(
        number, (("SCREW", "10"),), MARCH)).document.number
    assert inv.invoice_draft(shop.uow(), "NB", po=number, receipts=[delivery]).tax_rate == D(9)
    assert inv.invoice_draft(shop.uow(), "NB", receipts=[delivery]).tax_rate == D(9)
