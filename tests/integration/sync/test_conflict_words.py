"""What a conflict tells the office: the record by the name people know it by, and what each version says.

Two desks change the same list price and the same customer's credit limit while one is offline; the one that
reaches the hub first wins the tie. The conflicts list then names the price by its SKU and level and the terms by the
customer's code (they were named by internal ids), and says both the kept and the losing value of the field that
differs (the command line said "lost: (deleted)" for both, and "kept:  (version 2)" for the terms).
"""

from __future__ import annotations

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.sales import price_master as prices
from persistence import sync

pytestmark = pytest.mark.postgres


def test_a_price_and_a_credit_limit_changed_on_two_desks_are_named_and_both_values_said(hub, devices, capsys):
    a = devices("a")
    catalog.add_product(a.uow(), c.AddProduct("GLOVE-M", "Rubber gloves M"))
    catalog.add_customer(a.uow(), c.AddCustomer("C0001", "Rongchang corner shop"))
    prices.set_list_price(a.uow(), prices.SetListPrice("GLOVE-M", "retail", "8.20"))
    prices.set_customer_terms(a.uow(), prices.SetCustomerTerms("C0001", credit_limit="50000"))
    sync.sync(a, hub)
    b = devices("b")
    sync.sync(b, hub)

    prices.set_list_price(a.uow(), prices.SetListPrice("GLOVE-M", "retail", "12.50"))
    prices.set_customer_terms(a.uow(), prices.SetCustomerTerms("C0001", credit_limit="60000"))
    prices.set_list_price(b.uow(), prices.SetListPrice("GLOVE-M", "retail", "13.00"))
    prices.set_customer_terms(b.uow(), prices.SetCustomerTerms("C0001", credit_limit="80000"))
    sync.sync(a, hub)
    sync.sync(b, hub)
    sync.sync(a, hub)

    for db in (a, b):
        rows = {row.table: row for row in sync.conflicts(db)}
        price, terms = rows["product_prices"], rows["customer_profiles"]
        assert price.business_key == "GLOVE-M / retail"
        assert terms.business_key == "C0001"
        assert (price.kept, price.lost_text) == ("price=12.5 (version 2)", "price=13 (version 2)")
        assert (terms.kept, terms.lost_text) == ("credit_limit=60000 (version 2)", "credit_limit=80000 (version 2)")

    from ui.cli.sync import _conflicts

    class Args:
        resolve, all, json = None, False, False

    assert _conflicts(Args(), b, sync) == 0
    out = capsys.readouterr().out
    assert "product_prices GLOVE-M / retail: same version" in out
    assert "customer_profiles C0001: same version" in out
    assert "kept: credit_limit=60000 (version 2)" in out and "lost: credit_limit=80000 (version 2)" in out
    assert "(deleted)" not in out
