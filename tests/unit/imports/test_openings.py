"""Opening balances of receivables and payables from a file, on in-memory fakes: the column guess, every bad row
reported with its reasons and nothing written, OB- numbers, due dates from the file or the terms, allocation of a
prepayment, the period close, idempotency, and the MONEY right."""

from __future__ import annotations

import csv
import io
from datetime import UTC
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.access.model import User
from domain.accounts.model import ItemKind
from domain.accounts.model import Side
from domain.accounts.model import Terms
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.imports import ImportRejected
from domain.imports import Table
from domain.imports import guess_mapping
from domain.imports import preview
from domain.imports import run_import
from domain.kernel.errors import Forbidden
from tests import clock
from tests.fakes import FakeUnitOfWork

D = Decimal
TODAY = date(2026, 3, 1)
YEAR = clock.TODAY.year  # the year of the opening balances' numbers: the application's clock is pinned to it
pytestmark = pytest.mark.usefixtures("pinned_today")


def table(text: str) -> Table:
    rows = [tuple(r) for r in csv.reader(io.StringIO(text.strip()))]
    return Table(rows[0], rows[1:], "openings.csv")


def run(uow, text: str):
    t = table(text)
    return run_import(uow, "openings", t, guess_mapping("openings", t.headers), today=TODAY)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    catalog.add_customer(uow, c.AddCustomer("ACME", "Acme"))
    catalog.add_customer(uow, c.AddCustomer("BETA", "Beta"))
    catalog.add_supplier(uow, c.AddSupplier("NB", "Ningbo"))
    with uow:
        acme = uow.customers.by_code("ACME").id
    uow.state.account_terms[("AR", acme)] = Terms("month_end", 30)
    return uow


def items(uow):
    return sorted(uow.state.account_items, key=lambda x: x.seq or 0)


def test_the_guess_reads_chinese_and_english_headers():
    assert guess_mapping("openings", ["往来类型", "往来单位编码", "期初余额", "日期", "到期日", "单号"]) == {
        "side": "往来类型", "partner": "往来单位编码", "amount": "期初余额", "date": "日期", "due": "到期日",
        "reference": "单号"}
    assert guess_mapping("openings", ["Side", "Partner code", "Amount", "Date", "Due date", "Reference"]) == {
        "side": "Side", "partner": "Partner code", "amount": "Amount", "date": "Date", "due": "Due date",
        "reference": "Reference"}


def test_each_row_becomes_an_opening_item_due_by_the_file_or_the_terms(uow):
    result = run(uow, """
side,partner,amount,date,due date,reference
customer,ACME,1200.50,2026-01-14,,INV-881
应收,BETA,300,2026-02-01,2026-02-15,
AP,NB,"-500",2026-02-01,,prepaid
""")
    assert (result.rows, result.added, result.written) == (3, 3, True)
    acme, beta, nb = items(uow)
    assert [x.number for x in (acme, beta, nb)] == [f"OB-{YEAR}-0000{i}" for i in (1, 2, 3)]
    assert all(x.kind == ItemKind.OPENING for x in (acme, beta, nb))
    assert (acme.side, acme.amount, acme.business_date, acme.reference) == (Side.AR, D("1200.50"), date(2026, 1, 14),
                                                                         "INV-881")
    assert acme.due_on == date(2026, 3, 2)  # 月结30天: 31 January + 30 days
    assert beta.due_on == date(2026, 2, 15)  # as the file says
    assert (nb.side, nb.amount, nb.due_on) == (Side.AP, D("-500"), None)  # a prepayment: credit, no due date


def test_importing_the_same_file_again_writes_nothing(uow):
    text = "side,partner,amount,date\nAR,ACME,100,2026-01-05\nAR,ACME,100,2026-01-05\n"
    assert run(uow, text).added == 2  # two identical rows are two openings
    again = run(uow, text)
    assert (again.added, again.unchanged, again.written) == (0, 2, False)
    assert len(uow.state.account_items) == 2


def test_a_negative_opening_settles_what_is_open_oldest_first(uow):
    run(uow, "side,partner,amount,date\nAR,BETA,100,2026-01-05\nAR,BETA,60,2026-01-20\nAR,BETA,-130,2026-02-01\n")
    with uow:
        beta = uow.customers.by_code("BETA").id
        left = [(x.item.amount, x.open) for x in uow.accounts.open_items(Side.AR, beta)]
    assert left == [(D(60), D(30))]  # the older 100 settled, 30 of the 60


def test_every_bad_row_is_reported_with_its_reason_and_nothing_is_written(uow):
    uow.state.closed_through = date(2025, 12, 31)
    with pytest.raises(ImportRejected) as caught:
        run(uow, """
side,partner,amount,date,due,reference
both,ACME,10,2026-01-05,,
AR,NOPE,10,2026-01-05,,
AP,ACME,10,2026-01-05,,
AR,ACME,0,2026-01-05,,
AR,ACME,1.234,2026-01-05,,
AR,ACME,10,2025-12-31,,
AR,ACME,10,2026-01-05,2026-01-01,
AR,ACME,ten,someday,,
AR,ACME,10,2026-01-05,,ok
""")
    got = [(p.row, p.column, p.problem, p.accepted) for p in caught.value.problems]
    assert got == [
        (2, "side", "'both' is not a side", "customer (AR, 应收) or supplier (AP, 应付)"),
        (3, "partner", "no customer has the code 'NOPE'",
         "the code of a customer already in Stockroom (import customers first)"),
        (4, "partner", "no supplier has the code 'ACME'",
         "the code of a supplier already in Stockroom (import suppliers first)"),
        (5, "amount", "must not be 0",
         "an amount other than 0: + what is owed, - a credit or prepayment, such as 1200.50 or -300"),
        (6, "amount", "1.234 has more than 2 decimal places",
         "an amount other than 0: + what is owed, - a credit or prepayment, such as 1200.50 or -300"),
        (7, "date", "2025-12-31 is in a closed month (every month up to 2025-12-31 is closed)",
         "a date after 2025-12-31"),
        (8, "due", "the due date 2026-01-01 is before the date 2026-01-05",
         "a date on or after 2026-01-05, or blank for the partner's payment terms"),
        (9, "amount", "'ten' is not a number",
         "an amount other than 0: + what is owed, - a credit or prepayment, such as 1200.50 or -300"),
        (9, "date", "'someday' is not a date", "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, blank for today"),
    ]
    assert uow.state.account_items == []


def test_a_blank_date_is_today_and_preview_writes_nothing(uow):
    result = preview(uow, "openings", table("side,partner,amount\nAR,BETA,50\n"), {"side": "side",
                                                                                  "partner": "partner",
                                                                                  "amount": "amount"}, today=TODAY)
    assert (result.added, uow.state.account_items) == (1, [])
    run(uow, "side,partner,amount\nAR,BETA,50\n")
    assert uow.state.account_items[0].business_date == TODAY


def test_importing_openings_needs_the_money_right(uow):
    uow.state.users["ann"] = User("u1", "ann", "clerk", "x", datetime(2026, 1, 1, tzinfo=UTC))
    uow.user, uow.role = "ann", "clerk"
    with pytest.raises(Forbidden, match="may not record receipts, payments or supplier invoices"):
        run(uow, "side,partner,amount\nAR,BETA,50\n")
    assert uow.state.account_items == []
