"""Each report on the hand-computed shop of ``conftest.py``."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from domain.reports.model import NOTHING
from domain.reports.model import Amount
from domain.reports.model import Flow
from domain.reports.model import Period
from domain.reports.sales import MarginBy
from domain.reports.sales import RankBy
from domain.reports.sales import margin_rows
from domain.reports.sales import margin_total
from domain.reports.sales import ranking
from domain.reports.sales import slow_movers
from domain.reports.status import status_rows
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import summarize
from domain.reports.stock_summary import total
from persistence.reports import queries
from persistence.stock import queries as stock_queries
from tests.integration.reports.conftest import FIRST
from tests.integration.reports.conftest import TODAY
from tests.integration.reports.conftest import day

D = Decimal
PERIOD = Period(FIRST, TODAY)


def summary(db, by=SummaryBy.PRODUCT, period=PERIOD, warehouse=None):
    pairs, products, warehouses = queries.stock_summary(db.engine, period, by, warehouse=warehouse)
    return {r.key: r for r in summarize(pairs, by, products, warehouses)}


def test_the_stock_summary_by_product_nets_reversals_into_their_kind_and_adds_up_to_the_cent(shop):
    rows = summary(shop)
    tea = rows["TEA"]
    assert (tea.name, tea.unit) == ("绿茶 Green tea", "pcs")
    assert tea.opening == Amount(D(20), D(50))
    assert tea.flows == {
        Flow.RECEIPT: Amount(D(10), D(35)),
        Flow.CUSTOMER_RETURN: Amount(D(1), D("2.5")),
        Flow.TRANSFER_IN: Amount(D(6), D(15)),
        Flow.SALE: Amount(D(-4), D(-10)),  # −4 −3 +3: the reversed sale nets out
        Flow.SHIPMENT: NOTHING,  # shipped 2 and reversed
        Flow.SUPPLIER_RETURN: Amount(D(-2), D(-6)),
        Flow.TRANSFER_OUT: Amount(D(-6), D(-15)),
        Flow.ADJUSTMENT: Amount(D(-1), D("-2.5")),
        Flow.COUNT: Amount(D(-1), D("-2.5")),
    }
    assert tea.closing == Amount(D(23), D("66.5"))
    assert (tea.difference, tea.qty_difference) == (0, 0)
    assert tea.shown(Flow.SALE) == Amount(D(4), D(10)) and tea.shown(Flow.RECEIPT) == Amount(D(10), D(35))
    cup = rows["CUP"]
    assert (cup.opening, cup.flows, cup.closing) == (Amount(D(5), D(20)), {Flow.SALE: Amount(D(-2), D(-8))},
                                                     Amount(D(3), D(12)))
    everything = total(rows.values())
    assert (everything.opening, everything.closing, everything.difference) == (
        Amount(D(25), D(70)), Amount(D(26), D("78.5")), 0)


def test_the_stock_summary_by_warehouse_and_category_and_for_one_warehouse(shop):
    by_wh = summary(shop, SummaryBy.WAREHOUSE)
    assert (by_wh["MAIN"].opening, by_wh["MAIN"].closing) == (Amount(D(25), D(70)), Amount(D(21), D(66)))
    assert (by_wh["SHOP"].opening, by_wh["SHOP"].closing) == (NOTHING, Amount(D(5), D("12.5")))
    assert by_wh["SHOP"].flows[Flow.COUNT] == Amount(D(-1), D("-2.5"))
    by_cat = summary(shop, SummaryBy.CATEGORY)
    assert sorted(by_cat) == ["杯具", "茶叶"] and by_cat["茶叶"].closing == Amount(D(23), D("66.5"))
    shop_only = summary(shop, warehouse="SHOP")
    assert list(shop_only) == ["TEA"] and shop_only["TEA"].closing == Amount(D(5), D("12.5"))


def test_a_period_closes_where_the_next_opens_and_today_closes_at_the_balances(shop):
    middle = FIRST + timedelta(days=5)
    first = summary(shop, period=Period(FIRST, middle))
    second = summary(shop, period=Period(middle + timedelta(days=1), TODAY))
    # after day 5: MAIN 20, 60.00 and SHOP 6, 15.00
    assert first["TEA"].closing == second["TEA"].opening == Amount(D(26), D(75))
    assert first["TEA"].flows[Flow.RECEIPT] == Amount(D(10), D(35))
    on_hand = {(r.sku, r.warehouse): (r.on_hand, r.value) for r in stock_queries.stock(shop.engine)}
    assert second["TEA"].closing == Amount(*map(sum, zip(on_hand["TEA", "MAIN"], on_hand["TEA", "SHOP"],
                                                          strict=True)))
    before = summary(shop, period=Period(FIRST - timedelta(days=30), FIRST - timedelta(days=11)))
    assert before == {}  # nothing held, nothing moved


def test_margin_by_product_customer_category_and_salesperson_nets_returns_and_leaves_out_the_reversed_sale(shop):
    def margin(by):
        return {r.key: r for r in margin_rows(queries.sales_figures(shop.engine, PERIOD, by))}

    products = margin(MarginBy.PRODUCT)
    tea, cup = products["TEA"], products["CUP"]
    # TEA: 4 × 5.00 sold, 1 returned: revenue 15.00, cost 7.50; the 3 × 6.00 sale was reversed
    assert (tea.qty, tea.revenue, tea.cost, tea.margin, tea.margin_pct) == (3, 15, D("7.5"), D("7.5"), D("50.00"))
    assert (cup.qty, cup.revenue, cup.cost, cup.margin, cup.margin_pct) == (2, 18, 8, 10, D("55.56"))
    customers = margin(MarginBy.CUSTOMER)
    assert (customers["ACME"].name, customers["ACME"].revenue, customers["WALK"].revenue) == ("Acme Trading", 15, 18)
    assert {k: r.margin for k, r in margin(MarginBy.CATEGORY).items()} == {"茶叶": D("7.5"), "杯具": 10}
    [seller] = margin(MarginBy.SALESPERSON).values()
    all_in = margin_total(products.values())
    assert (seller.revenue, all_in.revenue, all_in.cost, all_in.margin, all_in.margin_pct) == (
        33, 33, D("15.5"), D("17.5"), D("53.03"))
    assert margin_rows(queries.sales_figures(shop.engine, PERIOD, MarginBy.PRODUCT, warehouse="SHOP")) == []


def test_ranking_by_revenue_and_quantity_and_the_slow_movers(shop):
    figures = queries.sales_figures(shop.engine, PERIOD, MarginBy.PRODUCT)
    by_revenue = ranking(figures, RankBy.REVENUE, 10)
    assert [(r.rank, r.key, r.revenue, r.share_pct) for r in by_revenue] == [
        (1, "CUP", 18, D("54.55")), (2, "TEA", 15, D("45.45"))]
    assert [(r.key, r.qty) for r in ranking(figures, RankBy.QUANTITY, 1)] == [("TEA", 3)]
    stocked = queries.stocked_products(shop.engine)
    # TEA's last issue that stands is the sale of day 1 (the later sale and shipment were reversed, a return to
    # the supplier is no issue); CUP's is day 8
    last = {p.sku: p.last_issue for p in stocked}
    assert last == {"TEA": day(1).date(), "CUP": day(8).date()}
    assert [(r.sku, r.on_hand, r.value, r.idle_days) for r in slow_movers(stocked, 15, TODAY)] == [
        ("TEA", 23, D("66.5"), 19)]
    assert [r.sku for r in slow_movers(stocked, 5, TODAY)] == ["TEA", "CUP"]  # the most value first


def test_stock_status_with_days_of_cover_from_the_last_90_days(shop):
    rows = {(r.sku, r.warehouse): r for r in status_rows(queries.stock_status(shop.engine, TODAY))}
    main = rows["TEA", "MAIN"]
    # issued at MAIN: 4 sold (the 3 sold and reversed net out; the supplier return is no demand) → 4/90 a day
    assert (main.on_hand, main.reserved, main.available, main.on_order, main.min_level, main.max_level) == (
        18, 0, 18, 0, 5, 50)
    assert (main.daily_issues, main.cover_days, main.below_min) == (D("0.0444"), D("405.0"), False)
    assert rows["TEA", "SHOP"].cover_days is None  # shipped 2 and reversed: no issues
    assert rows["CUP", "MAIN"].cover_days == D("135.0")  # 3 ÷ (2/90)
    assert list(status_rows(queries.stock_status(shop.engine, TODAY, warehouse="SHOP"))) == [rows["TEA", "SHOP"]]


def test_the_slow_movers_of_an_earlier_day_hold_that_days_stock_and_no_later_issue(shop):
    """The slow movers dated a past day (``report ranking --slow --to D``, the Reports screen's last day) showed
    today's stock and value and took the last issue from any day, so a product idle at the month end that sold
    after it dropped off that month's list."""
    on_day_4 = {p.sku: p for p in queries.stocked_products(shop.engine, as_of=day(4).date())}
    # TEA on day 4: 20 at 2.50 less 4 sold on day 1, +1 back on day 3, −1 broken on day 4 (the transfer stays
    # within the shop): 16, 40.00; CUP: its 5 at 4.00, none sold yet
    assert (on_day_4["TEA"].on_hand, on_day_4["TEA"].value, on_day_4["TEA"].last_issue) == (16, 40, day(1).date())
    assert (on_day_4["CUP"].on_hand, on_day_4["CUP"].value, on_day_4["CUP"].last_issue) == (5, 20, None)
    before = {p.sku: p for p in queries.stocked_products(shop.engine, as_of=day(-10).date())}
    assert set(before) == {"TEA"} and before["TEA"].on_hand == 20 and before["TEA"].last_issue is None
    now = {p.sku: p for p in queries.stocked_products(shop.engine)}
    assert now["CUP"].last_issue == day(8).date() and now["CUP"].on_hand == 3


def test_stock_status_values_the_stock_at_its_average_cost_with_a_total(shop):
    """库存状况 had no value column: a month's stock value had to be read from the summary or the ageing."""
    from domain.reports.status import status_total
    from ui.report_sheets import status

    rows = status_rows(queries.stock_status(shop.engine, TODAY))
    # TEA: 18 at MAIN at 3.00 and 5 at SHOP at 2.50, 66.50 together as the slow movers value it; CUP: 3 at 4.00
    assert [(r.sku, r.warehouse, r.on_hand, r.value) for r in rows] == [
        ("CUP", "MAIN", 3, 12), ("TEA", "MAIN", 18, 54), ("TEA", "SHOP", 5, D("12.5"))]
    assert status_total(rows) == D("78.5")
    for language, words in (("en", ("On hand", "Value", "Total")), ("zh_CN", ("现存量", "金额", "合计"))):
        sheet = status(rows, language, [])
        at = [c.label for c in sheet.columns].index(words[1])
        assert sheet.columns[at - 1].label == words[0] and sheet.columns[at].kind == "money"
        assert [r[at] for r in sheet.rows] == [12, 54, D("12.5")] and sheet.total[0] == words[2]
        assert sheet.total[at] == D("78.5") and sheet.total[at - 1] is None
        assert sheet.records()[1]["value"] == "54"
