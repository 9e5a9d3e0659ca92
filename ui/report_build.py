"""A report asked for (``ReportRequest``), read and made into a sheet (``ui.report_sheets``): what the command line
(``report …``) and the window's Reports screen both do, over the reports' reads (``persistence.boundary
.ReportQueries``: the CLI builds one on its engine, the window has ``services.reports``). No Qt here.

``build`` does not check who reads: the CLI and the screen call ``domain.reports.access.authorize_reports`` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import timedelta

from domain.reports.ageing import DEFAULT_BANDS
from domain.reports.model import Period
from domain.reports.status import COVER_DAYS
from ui import report_sheets
from ui.pdf.report_labels import label

STOCK_SUMMARY, MARGIN, RANKING, SLOW, STATUS, AGEING = "stock-summary", "margin", "ranking", "slow", "status", "ageing"
PURCHASES, UNINVOICED = "purchases", "uninvoiced"
KINDS = (STOCK_SUMMARY, PURCHASES, UNINVOICED, MARGIN, RANKING, SLOW, STATUS, AGEING)
# what each report may be grouped (for the ranking: ranked) by, the first the default
GROUPINGS = {
    STOCK_SUMMARY: ("product", "category", "warehouse"),
    PURCHASES: ("supplier", "product", "supplier-product"),
    UNINVOICED: (),
    MARGIN: ("product", "category", "customer", "salesperson"),
    RANKING: ("revenue", "quantity"),
    SLOW: (),
    STATUS: (),
    AGEING: ("product", "category", "warehouse"),
}
ON_A_DAY = (SLOW, STATUS, AGEING, UNINVOICED)  # read on the period's last day, not over the period


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    first: date
    last: date
    by: str = ""
    warehouse: str | None = None
    top: int = 10
    slow_days: int = 90
    bands: tuple[int, ...] = DEFAULT_BANDS
    every_flow: bool = False  # the stock summary: every flow's columns, moved or not (as JSON has them); the
    # purchase summary: the foreign-currency columns, bought in one or not
    printed: datetime | None = None
    extra: dict = field(default_factory=dict)

    @property
    def period(self) -> Period:
        return Period(self.first, self.last)

    @property
    def grouping(self) -> str:
        return self.by or (GROUPINGS[self.kind][0] if GROUPINGS[self.kind] else "")


def header(request: ReportRequest, language: str) -> list[tuple[str, str]]:
    """The lines under the report's title: its period or day, how it is grouped, the warehouse, when printed."""
    t = lambda s: label(s, language)  # noqa: E731

    def span(first: date, last: date) -> str:  # 2026-11-01 至 2026-11-30 in Chinese
        return t("%1 – %2").replace("%1", first.isoformat()).replace("%2", last.isoformat())

    lines = []
    if request.kind in (AGEING, UNINVOICED):
        lines.append((t("As of"), request.last.isoformat()))
    if request.kind == AGEING:
        lines += [(t("By"), t(request.grouping)),
                  (t("Bands (days)"), ", ".join(map(str, request.bands)))]
    elif request.kind == STATUS:  # on hand, reserved and on order are today's; only the issues end on the day
        counted = request.last - timedelta(days=COVER_DAYS - 1)
        lines += [(t("Stock"), t("now")), (t("Issues counted"), span(counted, request.last))]
    elif request.kind == UNINVOICED:
        pass  # its day alone (above)
    elif request.kind in ON_A_DAY:
        lines.append((t("Date"), request.last.isoformat()))
    else:
        lines.append((t("Period"), span(request.first, request.last)))
        lines.append((t("Ranked by" if request.kind == RANKING else "By"), t(request.grouping)))
    if request.kind == SLOW:
        lines.append((t("Days idle"), f"≥ {request.slow_days}"))
    if request.kind != UNINVOICED:  # invoices bill orders and receipts, not warehouses: it reads them all
        lines.append((t("Warehouse"), request.warehouse or t("all")))
    lines.append((t("Printed"), (request.printed or datetime.now()).strftime("%Y-%m-%d %H:%M")))
    return lines


def build(reports, request: ReportRequest, language: str, utc_offset_seconds: int = 0, *, around_fill=None
          ) -> tuple[report_sheets.Sheet, dict]:
    """The report read through ``reports`` (a ``ReportQueries``) as a sheet in ``language``, and the JSON
    payload's fields that say what was asked. ``around_fill``: the window's ``ui.watch.quiet_fill`` for the stock
    months a stock summary may fill (the command line has none: its fill is another program's commit)."""
    lines = header(request, language)
    period, by, wh, offset = request.period, request.grouping, request.warehouse, utc_offset_seconds
    payload: dict = {"report": RANKING if request.kind == SLOW else request.kind, "warehouse": wh or None}
    if request.kind not in (STATUS, AGEING, UNINVOICED):
        payload.update({"from": period.first.isoformat(), "to": period.last.isoformat()})
    if request.kind == STOCK_SUMMARY:
        from domain.reports.stock_summary import SummaryBy
        from domain.reports.stock_summary import summarize
        from domain.reports.stock_summary import total

        summary_by = SummaryBy(by)
        pairs, products, warehouses = reports.stock_summary(period, summary_by, warehouse=wh,
                                                            utc_offset_seconds=offset, around_fill=around_fill)
        rows = summarize(pairs, summary_by, products, warehouses)
        payload["by"] = summary_by.value
        return report_sheets.stock_summary(rows, total(rows), summary_by, language, lines,
                                           every_flow=request.every_flow), payload
    if request.kind == PURCHASES:
        from domain.reports.purchases import PurchaseBy
        from domain.reports.purchases import purchase_rows
        from domain.reports.purchases import purchase_total

        purchase_by = PurchaseBy(by)
        rows = purchase_rows(reports.purchase_lines(period, warehouse=wh, utc_offset_seconds=offset), purchase_by)
        payload["by"] = purchase_by.value
        return report_sheets.purchases(rows, purchase_total(rows), purchase_by, language, lines,
                                       every_column=request.every_flow), payload
    if request.kind == UNINVOICED:
        from domain.reports.uninvoiced import uninvoiced_rows

        received, consumed = reports.uninvoiced(period.last, utc_offset_seconds=offset)
        payload["as_of"] = period.last.isoformat()
        rows = uninvoiced_rows(received, consumed, period.last, reports.money_places())
        return report_sheets.uninvoiced(rows, language, lines), payload
    if request.kind == MARGIN:
        from domain.reports.sales import MarginBy
        from domain.reports.sales import margin_rows
        from domain.reports.sales import margin_total

        margin_by = MarginBy(by)
        rows = margin_rows(reports.sales_figures(period, margin_by, warehouse=wh, utc_offset_seconds=offset))
        payload["by"] = margin_by.value
        return report_sheets.margin(rows, margin_total(rows), margin_by.value, language, lines), payload
    if request.kind == SLOW:
        from domain.reports import sales

        found = reports.stocked_products(warehouse=wh, utc_offset_seconds=offset, as_of=period.last)
        payload["slow_days"] = request.slow_days
        return report_sheets.slow(sales.slow_movers(found, request.slow_days, period.last), language,
                                  lines), payload
    if request.kind == RANKING:
        from domain.reports import sales

        figures = reports.sales_figures(period, sales.MarginBy.PRODUCT, warehouse=wh, utc_offset_seconds=offset)
        payload.update(by=by, top=request.top)
        return report_sheets.ranking(sales.ranking(figures, sales.RankBy(by), request.top), language,
                                     lines), payload
    if request.kind == AGEING:
        from domain.reports.ageing import AgeingBy
        from domain.reports.ageing import ageing_total
        from domain.reports.ageing_columns import ageing_rows_of

        ageing_by = AgeingBy(by)
        per_warehouse = ageing_by == AgeingBy.WAREHOUSE or bool(wh)
        stock = reports.ageing_stock(period.last, per_warehouse=per_warehouse, warehouse=wh, utc_offset_seconds=offset)
        rows = ageing_rows_of(stock, period.last, request.bands, ageing_by)
        payload.update(as_of=period.last.isoformat(), by=ageing_by.value, bands=list(request.bands))
        return report_sheets.ageing(rows, ageing_total(rows, len(request.bands) + 1), request.bands, ageing_by,
                                    language, lines, per_warehouse=per_warehouse), payload
    from domain.reports.status import status_rows

    payload["day"] = period.last.isoformat()
    rows = status_rows(reports.stock_status(period.last, warehouse=wh, utc_offset_seconds=offset))
    return report_sheets.status(rows, language, lines), payload
