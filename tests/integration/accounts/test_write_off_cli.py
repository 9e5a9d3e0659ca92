"""``write-off add DOC [AMOUNT] --reason R`` and ``write-off reverse WO-…`` on the command line."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.integration.accounts.test_balances_cli import shop  # noqa: F401 - the fixture

# The shop's days end on tests.clock.TODAY, the day the application's clock is pinned to here.
pytestmark = pytest.mark.usefixtures("pinned_today")


def test_the_remainder_of_a_sale_is_written_off_and_the_reversal_opens_it_again(shop):  # noqa: F811
    code, out, _ = shop("open-items", "NB02", "--json")
    assert code == 0
    [sale] = json.loads(out)
    code, out, err = shop("write-off", "add", sale["number"], "4", "--reason", "尾差")
    assert (code, err) == (0, "") and out.startswith("WO-") and f"4.00 of {sale['number']} written off" in out
    number = out.split(":")[0]
    code, out, _ = shop("open-items", "NB02", "--json")
    assert [Decimal(r["open"]) for r in json.loads(out)] == [Decimal(sale["open"]) - 4]
    code, out, err = shop("write-off", "add", sale["number"], "100000", "--reason", "too much")
    assert code == 3 and "more than is open" in err
    code, out, err = shop("write-off", "add", sale["number"], "--reason", " ")
    assert code == 2 and "reason" in err
    code, out, _ = shop("write-off", "reverse", number, "--reason", "paid after all")
    assert code == 0 and out.strip() == f"{number} reversed"
    code, out, _ = shop("open-items", "NB02", "--json")
    assert json.loads(out)[0]["open"] == sale["open"]
