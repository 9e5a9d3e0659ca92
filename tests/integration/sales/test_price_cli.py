"""The ``price`` command and the price actions of ``product`` and ``customer``, each step its own process."""

from __future__ import annotations

import json

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from persistence.db import open_database
from tests.cli_runs import cli_in_child


@pytest.fixture
def cli(tmp_path):
    db = tmp_path / "prices.sqlite3"
    run = cli_in_child(db)

    database = open_database(db)
    u = database.uow
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    catalog.add_product(u(), c.AddProduct("NUT", "螺母 M3"))
    catalog.add_product(u(), c.AddProduct("BOLT", "螺栓 M3"))
    catalog.add_customer(u(), c.AddCustomer("ACME", "顶好商贸"))
    database.close()
    return run


def quote(cli, *args: str) -> dict:
    [sheet] = json.loads(cli("price", "list", "SCREW", "--json", *args))
    return sheet


def test_list_prices_terms_and_a_customer_price_make_the_quote(cli):
    cli("price", "set", "SCREW", "retail", "12.50")
    cli("price", "set", "SCREW", "wholesale", "10")
    walk_in = quote(cli)
    assert [lv["price"] for lv in walk_in["levels"]] == ["12.5", "10", None, None, None]
    # a walk-in pays retail: 12.50 + 13 % = 14.125
    assert (walk_in["quote"]["unit_price"], walk_in["quote"]["unit_price_with_tax"]) == ("12.5", "14.125")

    out = cli("customer", "terms", "ACME", "--level", "wholesale", "--discount", "5", "--payment-days", "30",
              "--credit-limit", "5000", "--payment-terms", "月结30天", "--email", "buy@acme.cn")
    assert "price level: wholesale" in out and "credit limit: 5000" in out and "payment terms: 月结30天" in out
    q = quote(cli, "--customer", "ACME")["quote"]
    # 10 less 5 % = 9.5; with 13 % tax 10.735
    assert (q["unit_price"], q["list_price"], q["discount"], q["source"], q["unit_price_with_tax"]) == \
        ("9.5", "10", "5", "level", "10.735")

    cli("product", "tax", "SCREW", "9")
    assert quote(cli, "--customer", "ACME")["quote"]["unit_price_with_tax"] == "10.355"  # 9.5 × 1.09
    cli("product", "tax", "SCREW", "default")
    assert quote(cli)["tax_rate"] == "13"

    cli("price", "customer", "ACME", "SCREW", "8.80")
    q = quote(cli, "--customer", "ACME")["quote"]
    assert (q["unit_price"], q["discount"], q["source"]) == ("8.8", "0", "customer")
    cli("price", "customer", "ACME", "SCREW", "--remove")
    assert quote(cli, "--customer", "ACME")["quote"]["source"] == "level"

    cli("price", "remove", "SCREW", "wholesale")
    q = quote(cli, "--customer", "ACME")["quote"]
    assert (q["unit_price"], q["source"]) == ("11.875", "retail")  # 12.50 less 5 %
    cli("customer", "terms", "ACME", "--credit-limit", "none")
    assert "credit limit: none" in cli("customer", "terms", "ACME")


def test_the_price_list_names_every_level_it_shows_and_leaves_out_unnamed_extra_levels(cli):
    cli("price", "set", "SCREW", "retail", "8.90")
    cli("price", "set", "SCREW", "wholesale", "7.03")
    cli("price", "levels", "--name", "level3=VIP")
    rows = [line.split() for line in cli("price", "list", "SCREW").splitlines()[1:4]]
    assert rows == [["retail", "Retail", "8.9"], ["wholesale", "Wholesale", "7.03"], ["level3", "VIP", "-"]]
    assert "level4" not in cli("price", "list", "SCREW")  # not named: not offered, as on the editors
    assert "retail  Retail" in cli("price", "levels")


def test_levels_and_substitutes(cli):
    assert "level3  VIP" in cli("price", "levels", "--name", "level3=VIP")
    assert "level3  VIP" in cli("price", "levels")
    assert cli("product", "substitutes", "SCREW", "BOLT", "NUT").splitlines() == ["1  BOLT  螺栓 M3",
                                                                                  "2  NUT  螺母 M3"]
    assert cli("product", "substitutes", "SCREW").splitlines()[0] == "1  BOLT  螺栓 M3"
    assert "has no substitutes" in cli("product", "substitutes", "SCREW", "--none")


def test_bad_input_exits_2_naming_the_field_and_refusals_exit_3(cli):
    assert "level: 'vip' is not a price level" in cli("price", "set", "SCREW", "vip", "1", code=2)
    assert "price: -1 is negative" in cli("price", "set", "SCREW", "retail", "-1", code=2)
    assert "price:" in cli("price", "set", "SCREW", "retail", "10000000000", code=2)
    assert "discount: 101 is out of range" in cli("customer", "terms", "ACME", "--discount", "101", code=2)
    assert "email:" in cli("customer", "terms", "ACME", "--email", "nobody", code=2)
    assert "the product itself" in cli("product", "substitutes", "SCREW", "SCREW", code=2)
    assert "listed twice" in cli("product", "substitutes", "SCREW", "NUT", "NUT", code=2)
    assert "tax rate:" in cli("product", "tax", "SCREW", "-3", code=2)
    assert "no customer has this code" in cli("price", "customer", "NOPE", "SCREW", "1", code=3)
    assert "no product" in cli("price", "set", "NOPE", "retail", "1", code=3)
