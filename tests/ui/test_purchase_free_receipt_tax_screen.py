"""The purchase summary on the Reports screen and a row's lines show a free receipt's tax at the rate it kept (0.31
on NB's NUT 20 at 0.12, 13 %), and for a free receipt that kept no rate leave the tax blank and say why, in English
and Chinese, rather than show 0."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.integration.reports.purchase_shop import buying  # noqa: F401 - the fixture
from tests.integration.reports.test_purchase_free_receipt_tax import _forget_rate
from tests.integration.reports.test_purchase_free_receipt_tax import _free_receipt
from tests.ui.test_purchase_report_screen import _row
from tests.ui.test_purchase_report_screen import _show
from tests.ui.test_purchase_report_screen import screen  # noqa: F401 - the fixture
from tests.ui.test_reports_screen import open_row_lines

pytestmark = pytest.mark.usefixtures("pinned_today")

D = Decimal
TAX, WITH_TAX = 10, 11  # the lines window's columns


def _nut_lines(qtbot, screen):  # noqa: F811
    _show(qtbot, screen, "supplier-product")
    row = _row(screen, supplier="NB", sku="NUT")
    return row, open_row_lines(qtbot, screen, row)


def test_a_free_receipts_line_shows_its_tax_and_amount_with_tax(qtbot, screen):  # noqa: F811
    row, lines = _nut_lines(qtbot, screen)
    model = lines.model
    [free] = [r for r in range(model.rowCount()) if model.index(r, 3).data() == ""]  # no order
    assert (model.index(free, TAX).data(), model.index(free, WITH_TAX).data()) == ("0.31", "2.71")
    assert screen.model.row_values(row)[screen.model.column_of("tax")] == D("0.96")
    lines.close()


def test_a_free_receipt_that_kept_no_rate_shows_no_tax_and_says_so(qtbot, screen, buying):  # noqa: F811
    _forget_rate(buying, _free_receipt(buying))
    row, lines = _nut_lines(qtbot, screen)
    values = screen.model.row_values(row)
    assert (values[screen.model.column_of("tax")], values[screen.model.column_of("with_tax")]) == (None, None)
    assert screen.model.index(row, screen.model.column_of("tax")).data() in ("", None)
    assert "Tax not known: 1 line(s) of free receipts" in screen.message.text()
    model = lines.model
    [free] = [r for r in range(model.rowCount()) if model.index(r, 3).data() == ""]
    assert model.index(free, TAX).data() in ("", None) and model.index(free, WITH_TAX).data() in ("", None)
    assert "tax not known for 1 free receipt line(s)" in lines.totals.text()
    lines.close()
