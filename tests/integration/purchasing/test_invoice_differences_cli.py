"""A supplier invoice that bills another price than the receipt's is refused with the lines that differ unless
``--accept-differences`` is given (the three-way match, domain.accounts.invoices.InvoiceDiffers)."""

from __future__ import annotations

import json

from tests.integration.purchasing.test_supplier_currency_cli import cli  # noqa: F401  (the fixture)


def test_a_price_above_the_receipts_is_refused_with_its_line_until_accepted(cli):  # noqa: F811
    draft = cli("po", "create", "--supplier", "NB", "--warehouse", "MAIN").strip()
    cli("po", "add-line", draft, "BOLT", "10", "--price", "147")
    number = cli("po", "issue", draft).splitlines()[0].strip()
    cli("po", "receive", number, "BOLT", "10")
    said = cli("supplier-invoice", "add", "FP-1", "--supplier", "NB", "--po", number, "--line", "BOLT:10:154.2",
               code=3)
    assert "BOLT: billed 10 × 154.2, received 10 × 147, difference +72" in said and "nothing was posted" in said
    assert json.loads(cli("supplier-invoice", "list", "--json")) == []
    cli("supplier-invoice", "add", "FP-1", "--supplier", "NB", "--po", number, "--line", "BOLT:10:154.2",
        "--accept-differences")
    assert [r["number"] for r in json.loads(cli("supplier-invoice", "list", "--json"))] == ["FP-1"]
