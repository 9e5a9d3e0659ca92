"""A payment to a supplier in a foreign currency is typed in that currency and kept as typed (the amount in it and
the rate), and the exchange difference (汇兑损益) is booked when it settles a document whole in the currency: the
supplier owes 0.00 CNY when it owes USD 0.00. An invoice of USD 113.00 booked at 7.00 (CNY 791.00):

* paid USD 113.00 at 6.80 (CNY 768.40): 22.60 would stay open; a gain of 22.60 settles it;
* paid USD 113.00 at 7.20 (CNY 813.60): 22.60 of the money would be credit; a loss of 22.60 takes it.

Reversing the payment reverses its differences: the invoice owes USD 113.00 and CNY 791.00 again."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from domain.accounts import commands as ac
from domain.accounts import money
from domain.accounts.foreign import foreign_balances
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.kernel.errors import BadInput
from domain.kernel.errors import RuleViolation
from domain.purchasing import commands as pc
from domain.purchasing import rates
from persistence.accounts import queries
from tests.cli_runs import cli_here
from tests.integration.accounts.test_foreign_open_items import usd_invoice

D = Decimal
PAID_ON = date(2026, 3, 20)


@pytest.fixture
def shop(db):
    usd_invoice(db)  # INV-1: USD 113.00 at 7.00, CNY 791.00
    catalog.add_supplier(db.uow(), c.AddSupplier("CN1", "本地供应商"))
    catalog.add_customer(db.uow(), c.AddCustomer("ACME", "Acme"))
    return db


def _pay(db, amount: str, rate: str | None = None, **kw):
    return money.record_money(db.uow(), ac.RecordMoney("payment", "US1", amount, day=PAID_ON, currency="USD",
                                                       rate=rate, **kw))


def _supplier(db):
    with db.uow() as uow:
        return uow.suppliers.by_code("US1").id


def _balance(db) -> tuple[Decimal, Decimal | None]:
    rows = queries.open_items(db.engine, "AP", _supplier(db))
    cny = sum((r.open if r.amount > 0 else -r.open for r in rows), D(0))
    usd = foreign_balances(db.uow(), rows).get(_supplier(db))
    return cny, (D("0.00") if usd is None else usd.amount)


def _differences(db):
    with db.uow() as uow:
        return [x for x in uow.accounts.by_number("FX-2026-00001") + uow.accounts.by_number("FX-2026-00002")]


@pytest.mark.parametrize(("rate", "company", "kind_sign"), [("6.80", D("768.40"), -1), ("7.20", D("813.60"), 1)])
def test_a_payment_typed_in_dollars_settles_the_invoice_in_both_currencies_and_books_the_difference(
        shop, rate, company, kind_sign):
    item = _pay(shop, "113.00", rate)
    assert (item.amount, item.fx_currency, item.fx_amount, item.fx_rate) == (-company, "USD", D("-113.00"), D(rate))
    assert _balance(shop) == (D(0), D(0))
    [difference] = _differences(shop)
    assert difference.kind.value == "exchange_difference" and difference.amount == kind_sign * D("22.60")
    assert (difference.reference, difference.note, difference.source_id) == ("INV-1", item.number, item.id)
    [row] = queries.money(shop.engine, "AP", number=item.number)
    assert (row.currency, row.in_currency, row.rate, row.amount) == ("USD", D("113.00"), D(rate), company)


def test_the_rate_of_the_day_is_taken_when_none_is_typed(shop):
    rates.set_rate(shop.uow(), pc.SetExchangeRate("USD", "7.10", date(2026, 3, 15)))
    item = _pay(shop, "50")
    assert (item.fx_rate, item.amount) == (D("7.10"), D("-355.00"))
    assert _balance(shop) == (D("436.00"), D("63.00"))  # half settled: no difference yet
    assert _differences(shop) == []


def test_reversing_the_payment_reverses_its_exchange_difference(shop):
    item = _pay(shop, "113.00", "6.80")
    money.reverse_money(shop.uow(), ac.ReverseMoney(item.number, "bank returned it", PAID_ON))
    assert _balance(shop) == (D("791.00"), D("113.00"))
    with shop.uow() as uow:
        [difference] = [x for x in uow.accounts.by_number("FX-2026-00001") if x.kind.value != "reversal"]
        assert uow.accounts.reversal_of(difference.id) is not None


def test_a_payment_allocated_by_hand_books_the_difference_too(shop):
    _pay(shop, "113.00", "7.20", allocate=(ac.AllocateTo("INV-1"),))
    assert _balance(shop) == (D(0), D(0))


def test_a_prepayment_in_dollars_settles_a_later_invoice_in_both_currencies(shop):
    money.record_money(shop.uow(), ac.RecordMoney("payment", "US1", "113.00", day=date(2026, 3, 1),
                                                  currency="USD", rate="6.80", auto=False))
    money.allocate_credit(shop.uow(), ac.AllocateCredit("PM-2026-00001", (ac.AllocateTo("INV-1"),), day=PAID_ON))
    assert _balance(shop) == (D(0), D(0))


@pytest.mark.parametrize(("partner", "currency", "amount", "rate", "code"), [
    ("US1", "USD", "113.00", "0", "rate_not_above_zero"),
    ("US1", "USD", "113.00", "-7", "rate_not_above_zero"),
    ("US1", "EUR", "113.00", "7.9", "money_currency_not_partners"),
    ("CN1", "USD", "113.00", "7.2", "money_currency_not_partners"),
    ("US1", "USD", "113.001", "7.2", "money_currency_places"),
    ("US1", "CNY", "1", "7.2", "money_rate_without_currency"),
])
def test_a_payment_in_a_currency_is_refused_with_a_code(shop, partner, currency, amount, rate, code):
    with pytest.raises((BadInput, RuleViolation)) as refused:
        money.record_money(shop.uow(), ac.RecordMoney("payment", partner, amount, day=PAID_ON, currency=currency,
                                                      rate=rate))
    assert refused.value.code == code


def test_a_customer_pays_in_the_company_currency_only(shop):
    with pytest.raises(RuleViolation) as refused:
        money.record_money(shop.uow(), ac.RecordMoney("receipt", "ACME", "10", day=PAID_ON, currency="USD",
                                                      rate="7"))
    assert refused.value.code == "money_currency_not_partners"


def test_a_currency_without_cents_refuses_them(db):
    catalog.add_supplier(db.uow(), c.AddSupplier("JP1", "Osaka Nuts", currency="JPY"))
    with pytest.raises(RuleViolation) as refused:
        money.record_money(db.uow(), ac.RecordMoney("payment", "JP1", "100.5", day=PAID_ON, currency="JPY",
                                                    rate="0.0483"))
    assert refused.value.code == "money_currency_places"


def test_payment_add_and_list_on_the_command_line_keep_the_currency_and_rate(shop, capsys, tmp_path):
    run = cli_here(tmp_path / "stockroom.sqlite3", capsys)  # the db fixture's file
    code, out, err = run("payment", "add", "--supplier", "US1", "113.00", "--currency", "USD", "--rate", "6.8",
                         "--date", PAID_ON.isoformat())
    assert (code, err) == (0, "")
    assert "768.40 (USD 113.00 @ 6.8) to US1" in out and "exchange gain 22.60 on INV-1" in out
    code, out, _ = run("payment", "list", "--json")
    [row] = json.loads(out)
    assert (row["currency"], row["in_currency"], row["rate"], row["amount"]) == ("USD", "113", "6.8", "768.4")
    code, out, err = run("payment", "add", "--supplier", "US1", "1", "--currency", "USD", "--rate", "0")
    assert code != 0 and "rate" in err


def test_goods_received_that_take_a_prepayment_in_dollars_book_the_difference(shop):
    from datetime import UTC
    from datetime import datetime

    from domain.purchasing import commands as pc
    from domain.purchasing import orders as po_uc

    money.record_money(shop.uow(), ac.RecordMoney("payment", "US1", "113.00", day=date(2026, 3, 12),
                                                  currency="USD", rate="6.80", auto=False))  # an advance
    u = shop.uow
    draft = po_uc.create_draft(u(), pc.CreatePurchaseOrder("US1", "MAIN"))
    po_uc.add_line(u(), pc.AddPurchaseOrderLine(draft.id, "SCREW", "10", "10.00"))
    number = po_uc.issue(u(), pc.IssuePurchaseOrder(draft.id, datetime(2026, 3, 13, 9, tzinfo=UTC))).number
    po_uc.receive(u(), pc.ReceivePurchaseOrder(number, occurred_at=datetime(2026, 3, 13, 9, tzinfo=UTC)))
    # the receipt (USD 113.00 at 7.00, CNY 791.00) took the advance (CNY 768.40) and is settled in dollars: a gain
    # of 22.60 settles it in CNY too; INV-1 is still owed whole
    assert _balance(shop) == (D("791.00"), D("113.00"))
    [gain] = _differences(shop)
    assert (gain.amount, gain.reference) == (D("-22.60"), number)


def test_undoing_the_allocation_of_a_payment_that_booked_a_difference_is_refused(shop):
    item = _pay(shop, "113.00", "6.80")
    with pytest.raises(RuleViolation) as refused:
        money.undo_allocation(shop.uow(), ac.UndoAllocation(item.number, "INV-1", day=PAID_ON))
    assert refused.value.code == "exchange_difference_undo" and "FX-2026-00001" in str(refused.value)
    assert _balance(shop) == (D(0), D(0))


def test_reversing_the_invoice_a_gain_settled_reverses_the_gain_and_leaves_the_dollars_as_credit(shop):
    from domain.accounts import invoices as inv

    _pay(shop, "113.00", "6.80")
    inv.reverse_invoice(shop.uow(), inv.ReverseSupplierInvoice("US1", "INV-1", "billed twice"))
    cny, usd = _balance(shop)  # the receipt's accrual is open again (USD 113.00), the payment is credit (USD 113.00)
    assert usd == D(0) and cny == D("791.00") - D("768.40")
    with shop.uow() as uow:
        [gain] = [x for x in uow.accounts.by_number("FX-2026-00001") if x.kind.value != "reversal"]
        assert uow.accounts.reversal_of(gain.id) is not None
