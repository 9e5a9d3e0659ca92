"""The Payables screen shows what a supplier in a currency far below the company's is owed in it exactly: VND
1,234,567 with 13 % received at 0.000071 (CNY 99.05), CNY 50.00 paid: VND 690,835.36 (its CNY 49.05 open ÷ 0.000071
said 690,845.07), in English and Chinese."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.integration.accounts.test_foreign_small_rates import JPY_OWED
from tests.integration.accounts.test_foreign_small_rates import VND_OWED
from tests.integration.accounts.test_foreign_small_rates import shop  # noqa: F401 - the fixture
from tests.ui.test_payables_currency import column

D = Decimal


@pytest.fixture
def payables(qtbot, shop, make_services):  # noqa: F811
    from ui.screens.accounts import PayablesScreen

    screen = PayablesScreen(make_services())
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 2)
    return screen


def _shown(screen, title: str) -> dict[str, str]:
    at = column(screen.model, title)
    return {screen.model.index(r, 0).data(): screen.model.index(r, at).data() for r in range(2)}


def test_a_supplier_in_dong_or_yen_is_owed_exactly_what_its_documents_say_in_it(payables):
    rows = {r.code: r for r in payables.model.rows}
    assert (rows["VN1"].in_currency, rows["JP1"].in_currency) == (VND_OWED, JPY_OWED)
    assert _shown(payables, "In currency") == {"VN1": "690,835.36 VND", "JP1": "7,738.67 JPY"}


def test_in_chinese_too(qtbot, shop, make_services, chinese):  # noqa: F811
    from ui.screens.accounts import PayablesScreen

    screen = PayablesScreen(make_services())
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: not screen.loading and screen.model.rowCount() == 2)
    assert _shown(screen, "原币金额") == {"VN1": "690,835.36 VND", "JP1": "7,738.67 JPY"}
