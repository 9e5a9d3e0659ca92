"""The sales margin (毛利) with its tax and the revenue with tax (税额, 价税合计): by customer over a period it is
what each customer's statement says was sold and returned, to the cent, so the two can be laid side by side."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from domain.reports.model import Period
from domain.reports.sales import MarginBy
from domain.reports.sales import margin_rows
from domain.reports.sales import margin_total
from persistence import tables as t
from persistence.accounts.statement import statement_for
from persistence.reports import queries
from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import TODAY
from ui.report_sheets import margin

D = Decimal
PERIOD = Period(FIRST, TODAY)


def test_each_customers_revenue_with_tax_is_what_its_statement_says_was_sold(shop):
    rows = margin_rows(queries.sales_figures(shop.engine, PERIOD, MarginBy.CUSTOMER))
    with shop.engine.connect() as conn:
        ids = dict(conn.execute(select(t.customers.c.code, t.customers.c.id)).all())
    for row in rows:
        statement = statement_for(shop, "AR", ids[row.key], FIRST, TODAY)
        sold = statement.total_increase - statement.total_decrease  # no money in this shop: only sales and returns
        assert row.tax > 0
        assert row.with_tax == row.revenue + row.tax == sold, row.key
    total = margin_total(rows)
    assert total.tax == sum(r.tax for r in rows) and total.with_tax == sum(r.with_tax for r in rows)


def test_the_margin_sheet_has_the_tax_and_the_revenue_with_tax_beside_the_revenue(shop):
    rows = margin_rows(queries.sales_figures(shop.engine, PERIOD, MarginBy.PRODUCT))
    sheet = margin(rows, margin_total(rows), "product", "zh_CN", [])
    heads = [c.label for c in sheet.columns]
    assert heads[heads.index("销售收入"):heads.index("销售收入") + 3] == ["销售收入", "税额", "价税合计"]
    at = [c.key for c in sheet.columns].index("with_tax")
    assert sheet.total[at] == sum(r.with_tax for r in rows) == sum(row[at] for row in sheet.rows)
