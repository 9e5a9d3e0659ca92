"""Writing off what is left open on a document (尾差核销): the remainder a customer will not pay is settled without
money, printed on the statement, and opens again when the write-off is reversed. On a real SQLite file with the
accounts tests' shop (10 screws sold make 1,130.00 owed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import insert

from domain.accounts import commands as ac
from domain.accounts import money
from domain.kernel.errors import BadInput
from domain.kernel.errors import NotFound
from domain.kernel.errors import RuleViolation
from persistence import tables as t
from persistence.accounts.statement import statement_for
from ui.pdf.statement_labels import kind_label

D = Decimal


def test_the_remainder_of_a_partly_paid_sale_is_written_off_and_the_customer_owes_nothing(shop):
    sd = shop.sell("10")
    shop.receipt("1129.50", on=date(2026, 11, 20))
    assert shop.open() == {sd: D("0.50")}
    wo = money.write_off(shop.uow(), ac.WriteOff(sd, "尾差，客户少付 0.50", day=date(2026, 11, 30)))
    assert wo.number.startswith("WO-") and wo.amount == D("-0.50") and wo.reference == sd
    assert shop.open() == {}
    row = shop.balance()
    assert (row.balance, row.credit, row.overdue) == (0, 0, 0)
    with shop.uow() as uow:
        customer = uow.customers.by_code("ACME").id
    s = statement_for(shop.db, "AR", customer, date(2026, 11, 1), date(2026, 11, 30))
    line = s.lines[-1]
    assert (line.number, line.kind, line.decrease, line.balance, line.reference) == (wo.number, "write_off",
                                                                                     D("0.50"), 0, sd)
    assert kind_label("write_off", "zh_CN") == "尾差核销" and kind_label("write_off", "en") == "Write-off"
    money.reverse_money(shop.uow(), ac.ReverseMoney(wo.number, "the customer will pay it", date(2026, 12, 2)))
    assert shop.open() == {sd: D("0.50")}


def test_part_of_what_is_open_may_be_written_off_but_not_more_than_is_open(shop):
    sd = shop.sell("10")
    money.write_off(shop.uow(), ac.WriteOff(sd.lower(), "damaged in transit, agreed", "30", day=date(2026, 11, 30)))
    assert shop.open() == {sd: D("1100")}
    with pytest.raises(RuleViolation) as refused:
        money.write_off(shop.uow(), ac.WriteOff(sd, "too much", "1100.01", day=date(2026, 11, 30)))
    assert refused.value.code == "allocation_over_open"
    assert shop.open() == {sd: D("1100")}  # nothing written


def test_a_write_off_needs_a_reason_a_document_with_something_open_and_an_open_month(shop):
    sd = shop.sell("10")
    with pytest.raises(BadInput) as bad:
        money.write_off(shop.uow(), ac.WriteOff(sd, "  "))
    assert bad.value.field == "reason"
    with pytest.raises(BadInput) as bad:
        money.write_off(shop.uow(), ac.WriteOff(sd, "why", "-5"))
    assert bad.value.field == "amount"
    with pytest.raises(NotFound):
        money.write_off(shop.uow(), ac.WriteOff("SD-2026-09999", "why"))
    rc = shop.receipt("1130")
    with pytest.raises(RuleViolation) as refused:  # paid in full: nothing open
        money.write_off(shop.uow(), ac.WriteOff(sd, "why"))
    assert refused.value.code == "allocation_not_open"
    with pytest.raises(NotFound):  # a receipt is not a document to write off
        money.write_off(shop.uow(), ac.WriteOff(rc, "why"))
    later = shop.sell("1", on=date(2026, 10, 20))
    with shop.db.engine.begin() as conn:
        conn.execute(insert(t.periods).values(month="2026-11", closed=True, closed_by="boss"))
    with pytest.raises(RuleViolation) as refused:
        money.write_off(shop.uow(), ac.WriteOff(later, "why", day=date(2026, 11, 30)))
    assert refused.value.code == "period_closed"
    assert shop.open() == {later: D("113")}


def test_a_synced_write_off_is_a_kind_the_hub_checks_accept():
    from domain.accounts.model import ItemKind
    from persistence.sync.checks import ITEM_KINDS

    assert set(ITEM_KINDS) == {k.value for k in ItemKind}
    assert ITEM_KINDS["write_off"] == (frozenset({"AR", "AP"}), -1)


def test_a_write_off_is_reversed_never_unallocated_and_its_partner_lists_it_with_the_money(shop):
    """Undoing a write-off's allocation would leave it as credit the customer never paid: refused, and the
    partner's page lists it beside the receipts, where it is reversed."""
    from persistence.accounts import queries

    sd = shop.sell("10")
    shop.receipt("1129.50", on=date(2026, 11, 20))
    wo = money.write_off(shop.uow(), ac.WriteOff(sd, "尾差", day=date(2026, 11, 30)))
    with pytest.raises(RuleViolation) as refused:
        money.undo_allocation(shop.uow(), ac.UndoAllocation(wo.number, sd))
    assert refused.value.code == "write_off_undo" and "reverse the write-off" in str(refused.value)
    assert shop.open() == {} and shop.balance().credit == 0
    listed = {r.number: r for r in queries.money(shop.db.engine, "AR")}
    assert (listed[wo.number].kind, listed[wo.number].amount, listed[wo.number].reversed) == ("write_off", D("0.5"),
                                                                                              False)
