"""Changing a supplier's currency from the command line: refused while POs or payables are open, otherwise
converted or kept by choice, shown first and written only with --yes (domain.catalog.supplier_currency)."""

from __future__ import annotations

import json

import pytest

from tests.cli_runs import cli_in_child


@pytest.fixture
def cli(tmp_path):
    db = tmp_path / "cur.sqlite3"
    run = cli_in_child(db, tz="UTC", both=True)

    run("init")
    run("warehouse", "add", "MAIN", "--name", "主仓库")
    run("supplier", "add", "NB", "--name", "宁波紧固件")
    run("product", "add", "BOLT", "--name", "Bolt M8")
    run("po", "terms", "NB", "BOLT", "--price", "147", "--moq", "10", "--break", "100:144")
    return run


def supplier(cli) -> dict:
    return next(r for r in json.loads(cli("supplier", "list", "--json")) if r["code"] == "NB")


def test_a_currency_change_without_a_choice_is_refused_and_names_the_choices(cli):
    said = cli("supplier", "update", "NB", "--currency", "USD", code=3)
    assert "convert them at a rate" in said and "keep the numbers" in said
    assert supplier(cli)["currency"] == "CNY"


def test_converting_shows_old_and_new_prices_and_writes_only_with_yes(cli):
    said = cli("supplier", "update", "NB", "--currency", "USD", "--convert-prices", "7", code=3)
    assert "1 USD = 7 CNY" in said and "BOLT: 147 CNY → 21 USD" in said and "BOLT from 100: 144 CNY → 20.5714 USD" \
        in said and "--yes" in said
    assert supplier(cli)["currency"] == "CNY"
    assert "147" in cli("po", "terms", "NB", "BOLT")

    cli("supplier", "update", "NB", "--currency", "USD", "--convert-prices", "7", "--yes")
    assert supplier(cli)["currency"] == "USD"
    terms = cli("po", "terms", "NB", "BOLT")
    assert "21" in terms and "20.5714" in terms and "147" not in terms


def test_converting_at_the_current_rate_uses_the_exchange_rates(cli):
    cli("rate", "set", "USD", "7.35", "--date", "2026-01-01")
    said = cli("supplier", "update", "NB", "--currency", "USD", "--convert-prices", "current", "--yes")
    assert "1 USD = 7.35 CNY" in said and "147 CNY → 20 USD" in said


def test_keeping_the_prices_keeps_the_numbers_after_the_preview(cli):
    said = cli("supplier", "update", "NB", "--currency", "USD", "--keep-prices", "--yes")
    assert "prices kept as numbers" in said and "147 CNY → 147 USD" in said
    assert supplier(cli)["currency"] == "USD"


def test_an_open_purchase_order_blocks_the_change_and_is_named(cli):
    draft = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    cli("po", "add-line", draft, "BOLT", "10")
    number = cli("po", "issue", draft).splitlines()[0].strip()
    said = cli("supplier", "update", "NB", "--currency", "USD", "--keep-prices", "--yes", code=3)
    assert f"open purchase orders ({number})" in said
    assert supplier(cli)["currency"] == "CNY"


def test_a_change_of_name_alone_needs_no_choice(cli):
    cli("supplier", "update", "NB", "--name", "宁波紧固件有限公司")
    assert supplier(cli)["name"] == "宁波紧固件有限公司"
