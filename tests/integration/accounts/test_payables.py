"""Payables on a real SQLite file: a receipt against a purchase order owes the supplier the PO's price with its
tax (20 screws at 2.00 + 13 % = 45.20), a return to the supplier takes its share off, money pays the rest."""

from __future__ import annotations

from datetime import date
from datetime import datetime
from decimal import Decimal

from domain.accounts import commands as ac
from domain.accounts import money
from domain.purchasing import commands as pc
from domain.purchasing import orders
from domain.purchasing import returns
from domain.stock import commands as stock_cmd
from domain.stock import ledger
from persistence.accounts import queries

D = Decimal


def _po(shop, qty: str = "20", price: str = "2") -> str:
    u = shop.uow
    po = orders.create_draft(u(), pc.CreatePurchaseOrder("NB", "MAIN"))
    orders.add_line(u(), pc.AddPurchaseOrderLine(po.id, "SCREW", qty, price))
    return orders.issue(u(), pc.IssuePurchaseOrder(po.id)).number


def test_goods_received_against_an_order_are_owed_at_its_price_with_tax(shop):
    shop.set_terms("net", 30, side="AP", partner="NB")
    po = _po(shop)
    orders.receive(shop.uow(), pc.ReceivePurchaseOrder(po, (("SCREW", "12"),), datetime(2026, 11, 2, 10)))
    orders.receive(shop.uow(), pc.ReceivePurchaseOrder(po, (("SCREW", "8"),), datetime(2026, 11, 9, 10)))
    items = queries.open_items(shop.db.engine, "AP")
    assert [(r.kind, r.number, r.amount, r.due_on) for r in items] == [
        ("goods_receipt", po, D("27.12"), date(2026, 12, 2)), ("goods_receipt", po, D("18.08"), date(2026, 12, 9))]
    assert shop.balance("AP", "NB").balance == D("45.20")


def test_a_return_to_the_supplier_settles_the_order_it_returns_and_payment_pays_the_rest(shop):
    po = _po(shop)
    orders.receive(shop.uow(), pc.ReceivePurchaseOrder(po, (), datetime(2026, 11, 2, 10)))
    pr = returns.return_to_supplier(shop.uow(), returns.ReturnToSupplier(
        "NB", "MAIN", (returns.ReturnLine("SCREW", "5"),), "rusty", po=po, occurred_at=datetime(2026, 11, 5, 10)))
    assert shop.open("AP") == {po: D("33.90")}
    pm = money.record_money(shop.uow(), ac.RecordMoney("payment", "NB", "33.90", method="bank",
                                                       day=date(2026, 11, 30)))
    assert pm.number.startswith("PM-") and shop.open("AP") == {}
    assert shop.balance("AP", "NB").balance == D(0)
    # reversing the return: the goods are owed for again, and the payment has nothing to pay them with
    shop.reverse(pr.number)
    assert shop.open("AP") == {po: D("11.30")}


def test_reversing_a_received_line_reverses_its_payable(shop):
    po = _po(shop)
    moved = orders.receive(shop.uow(), pc.ReceivePurchaseOrder(po, (), datetime(2026, 11, 2, 10)))
    pm = money.record_money(shop.uow(), ac.RecordMoney("payment", "NB", "20", day=date(2026, 11, 3)))
    ledger.reverse(shop.uow(), stock_cmd.ReverseMovement(moved[0].id))
    assert shop.open("AP") == {pm.number: D("20")}  # the payment is credit with the supplier again
    assert shop.balance("AP", "NB").balance == D("-20")


def test_a_refund_from_a_supplier_above_what_was_paid_it_in_advance_is_refused_in_its_own_words(shop):
    """The refusal spoke of a refund "to" the supplier and of its "credit", in Chinese 预收/预付 both: money paid
    ahead to a supplier is an advance paid (预付), and a refund comes back from it."""
    from domain.kernel.errors import RuleViolation

    money.record_money(shop.uow(), ac.RecordMoney("payment", "NB", "50", day=date(2026, 11, 3)))
    try:
        money.record_money(shop.uow(), ac.RecordMoney("refund", "NB", "60", side="AP", day=date(2026, 11, 4)))
    except RuleViolation as refused:
        assert refused.code == "refund_over_advance_paid"
        assert str(refused).startswith("refund of 60 from NB: more than was paid to it in advance (50")
    else:
        raise AssertionError("a refund above the advance paid was recorded")
