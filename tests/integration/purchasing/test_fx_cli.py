"""Foreign-currency purchases from the command line: rates, receipts valued at price × rate, refusals."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from pypdf import PdfReader

from tests import clock
from tests.cli_runs import cli_in_child

# The application's clock and the test's are one, pinned to tests.clock.TODAY: a run may cross midnight.
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def cli(tmp_path):
    db = tmp_path / "fx.sqlite3"
    run = cli_in_child(db, tz="UTC")

    run("init")
    run("warehouse", "add", "MAIN", "--name", "主仓库")
    run("supplier", "add", "US1", "--name", "Acme Inc.", "--currency", "USD")
    run("product", "add", "BOLT", "--name", "Bolt M8")
    return run


def issued_po(cli, qty: str = "10", price: str = "10.00") -> str:
    draft = cli("po", "create", "--supplier", "US1", "--warehouse", "MAIN").strip()
    cli("po", "add-line", draft, "BOLT", qty, "--price", price)
    return cli("po", "issue", draft).strip()


def stock(cli) -> dict:
    return {r["sku"]: r for r in json.loads(cli("stock", "--json"))}


def test_a_usd_receipt_is_valued_at_price_times_the_rate_of_its_date_and_keeps_both(cli):
    cli("rate", "set", "USD", "7.1234", "--date", "2026-12-01")
    cli("rate", "set", "USD", "7.3", "--date", "2026-12-10")
    number = issued_po(cli)
    cli("po", "receive", number, "BOLT", "4", "--at", "2026-12-05T09:00")
    s = stock(cli)["BOLT"]
    assert (s["on_hand"], s["avg_cost"], s["value"]) == ("4", "71.234", "284.94")  # 4 × 10.00 × 7.1234 = 284.936
    [m] = json.loads(cli("movements", "--json"))
    assert (m["unit_cost"], m["currency"], m["foreign_unit_price"], m["rate"]) == ("71.234", "USD", "10", "7.1234")

    cli("po", "receive", number, "BOLT", "1", "--at", "2026-12-10T09:00")  # the later rate from its own date on
    assert json.loads(cli("movements", "--json"))[-1]["unit_cost"] == "73"
    assert stock(cli)["BOLT"]["value"] == "357.94"


def test_a_receipt_without_a_rate_for_its_date_is_refused_and_nothing_is_posted(cli):
    cli("rate", "set", "USD", "7.2", "--date", "2026-12-10")  # only later than the receipt: does not reach back
    number = issued_po(cli)
    before = stock(cli)["BOLT"]
    err = cli("po", "receive", number, "BOLT", "4", "--at", "2026-12-05T09:00", code=3)
    assert "no exchange rate for USD on or before 2026-12-05" in err
    assert "stockroom rate set USD RATE --date 2026-12-05" in err and "Settings › Exchange rates" in err
    assert json.loads(cli("movements", "--json")) == []
    assert stock(cli)["BOLT"] == before  # on hand 0, on order still 10
    [po] = json.loads(cli("po", "list", "--json"))
    assert (po["state"], po["lines"][0]["received"]) == ("issued", "0")


def test_a_rate_fixed_on_the_po_wins_over_the_rate_of_the_receipt_date(cli):
    cli("rate", "set", "USD", "7.1234", "--date", "2026-12-01")
    number = issued_po(cli)
    out = cli("po", "rate", number, "6.95", "--reason", "agreed with Acme")
    assert "1 USD = 6.95 CNY, fixed on this PO" in out
    cli("po", "receive", number, "BOLT", "2", "--at", "2026-12-05T09:00")
    [m] = json.loads(cli("movements", "--json"))
    assert (m["unit_cost"], m["rate"]) == ("69.5", "6.95")
    [po] = json.loads(cli("po", "list", "--json"))
    assert (po["fixed_rate"], po["revision"], po["amount"], po["currency"]) == ("6.95", 1, "100", "USD")

    cli("po", "rate", number, "--clear")  # back to the rate of each receipt's date
    cli("po", "receive", number, "BOLT", "1", "--at", "2026-12-05T09:00")
    assert json.loads(cli("movements", "--json"))[-1]["rate"] == "7.1234"


def test_a_fixed_rate_also_values_a_receipt_before_any_dated_rate_exists(cli):
    number = issued_po(cli)
    cli("po", "rate", number, "7")
    cli("po", "receive", number, "--at", "2026-12-05T09:00")
    assert stock(cli)["BOLT"]["value"] == "700"


def test_bad_rates_are_refused_as_bad_input(cli):
    assert "company currency" in cli("rate", "set", "CNY", "1", code=2)
    assert "rate: 0 is not above 0" in cli("rate", "set", "USD", "0", code=2)
    assert "not a date" in cli("rate", "set", "USD", "7", "--date", "1.12.2026", code=2)
    assert json.loads(cli("rate", "list", "--json")) == []


def test_rates_are_listed_corrected_and_removed(cli):
    cli("rate", "set", "USD", "7.1234", "--date", "2026-12-01")
    cli("rate", "set", "usd", "7.12", "--date", "2026-12-01")  # the same day again corrects it
    cli("rate", "set", "EUR", "7.9", "--date", "2026-11-01")
    rows = json.loads(cli("rate", "list", "--json"))
    assert [(r["currency"], r["date"], r["rate"]) for r in rows] == [("EUR", "2026-11-01", "7.9"),
                                                                    ("USD", "2026-12-01", "7.12")]
    assert cli("rate", "show", "USD", "--date", "2026-12-24").strip() == "1 USD = 7.12 CNY, rate of 2026-12-01"
    cli("rate", "remove", "USD", "--date", "2026-12-01")
    assert "no rate for USD" in cli("rate", "show", "USD", "--date", "2026-12-24", code=3)


def test_a_company_currency_po_takes_no_rate_and_is_received_as_before(cli):
    cli("supplier", "add", "CN1", "--name", "宁波", "--currency", "CNY")
    draft = cli("po", "create", "--supplier", "CN1", "--warehouse", "MAIN").strip()
    cli("po", "add-line", draft, "BOLT", "3", "--price", "2.5")
    number = cli("po", "issue", draft).strip()
    assert "company currency" in cli("po", "rate", number, "7", code=3)
    cli("po", "receive", number)
    [m] = json.loads(cli("movements", "--json"))
    assert (m["unit_cost"], m["currency"], m["rate"]) == ("2.5", None, None)


def test_the_po_list_totals_amounts_per_currency_never_as_one_sum(cli):
    cli("supplier", "add", "CN1", "--name", "宁波", "--currency", "CNY")
    issued_po(cli, "10", "10.00")
    draft = cli("po", "create", "--supplier", "CN1", "--warehouse", "MAIN").strip()
    cli("po", "add-line", draft, "BOLT", "3", "--price", "2.5")
    out = cli("po", "list")
    assert "100.00 USD before tax" in out and "7.50 CNY before tax" in out
    assert out.strip().splitlines()[-1] == "total before tax: 100.00 USD + 7.50 CNY"


def test_the_po_pdf_shows_the_rate_frozen_at_each_revision(cli, tmp_path):
    cli("rate", "set", "USD", "7.1234", "--date", "2026-12-01")
    number = issued_po(cli)
    pdf = tmp_path / "po.pdf"
    cli("po", "pdf", number, "-o", str(pdf))
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.read_bytes())).pages)
    assert "1 USD = 7.1234 CNY, rate of 2026-12-01" in text
    assert "Total USD" in text

    cli("rate", "set", "USD", "9", "--date", "2026-12-02")  # a later rate does not change the issued copy
    cli("po", "pdf", number, "-o", str(pdf))
    assert "7.1234" in " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.read_bytes())).pages)

    cli("po", "rate", number, "6.95")  # revision 1 freezes the fixed rate
    cli("po", "pdf", number, "-o", str(pdf))
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.read_bytes())).pages)
    assert "1 USD = 6.95 CNY, fixed on this PO" in text


def test_changing_the_company_currency_after_rates_exist_needs_an_explicit_flag_and_says_why(cli):
    assert "currency: EUR" in cli("po", "config", "--currency", "EUR")  # no rates, no foreign PO: nothing to warn of
    cli("po", "config", "--currency", "CNY")
    cli("rate", "set", "USD", "7.1234", "--date", "2026-12-01")
    err = cli("po", "config", "--currency", "EUR", code=3)
    assert "refused: currency: changing the company currency from CNY to EUR needs confirming" in err
    assert "1 exchange rate(s) are stated in CNY per unit of a foreign currency and would be read in EUR" in err
    assert "0 purchase order(s) in a foreign currency" in err
    assert "--confirm-currency-change" in err
    assert "currency: CNY" in cli("po", "config")  # nothing was changed
    assert "currency: EUR" in cli("po", "config", "--currency", "EUR", "--confirm-currency-change")
    assert "currency: EUR" in cli("po", "config", "--currency", "eur")  # the same currency again: nothing to warn of


def test_a_foreign_currency_po_alone_also_asks_for_the_flag(cli):
    cli("po", "create", "--supplier", "US1", "--warehouse", "MAIN")
    err = cli("po", "config", "--currency", "USD", code=3)
    assert "0 exchange rate(s)" in err and "1 purchase order(s) in a foreign currency" in err
    assert "currency: CNY" in cli("po", "config")


def test_a_rate_dated_outside_the_business_dates_is_refused_naming_date_and_the_range(cli):
    from domain.kernel import limits

    last = limits.last_day(clock.now().date()).isoformat()
    for typed in ("2099-01-01", "1969-12-31"):  # a typing slip for 2029, a day before the ledger's first
        err = cli("rate", "set", "USD", "7.1", "--date", typed, code=2)
        assert f"--date: {typed} is outside the accepted dates; enter a date from 1970-01-01 to {last}" in err
    assert json.loads(cli("rate", "list", "--json")) == []
    cli("rate", "set", "USD", "7.1", "--date", last)  # the last day accepted
    assert [r["date"] for r in json.loads(cli("rate", "list", "--json"))] == [last]
