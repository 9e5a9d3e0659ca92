"""A report as a sheet: a title, the lines of its header block, columns and rows of raw values.

The command line prints a sheet as a table, as JSON (each column's stable English key) or writes it to Excel or
PDF (``ui.pdf.reports``); the Reports screen (``ui/screens/reports``) shows the same sheet. Building one takes the
domain's rows (``domain/reports``) and the language its labels are in (``ui.pdf.report_labels``). No Qt, no reportlab
here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from decimal import Decimal

from domain.accounts.ageing import Scheme
from domain.accounts.rows import BalanceRow
from domain.kernel.numbers import fmt
from domain.kernel.numbers import fmt_price
from domain.kernel.numbers import price_format
from domain.reports.ageing import AgeingBy
from domain.reports.ageing import AgeingRow
from domain.reports.ageing import band_names
from domain.reports.model import FLOWS
from domain.reports.model import VALUE_ONLY
from domain.reports.model import Flow
from domain.reports.purchases import PurchaseBy
from domain.reports.purchases import PurchaseRow
from domain.reports.sales import MarginRow
from domain.reports.sales import RankRow
from domain.reports.sales import SlowRow
from domain.reports.status import StatusRow
from domain.reports.status import status_total
from domain.reports.stock_summary import SummaryBy
from domain.reports.stock_summary import SummaryRow
from domain.reports.uninvoiced import UninvoicedRow
from domain.reports.uninvoiced import grand_total
from domain.reports.uninvoiced import supplier_totals
from ui.pdf.report_labels import CHINESE
from ui.pdf.report_labels import label
from ui.spreadsheets import MONEY_FORMAT

TEXT, QTY, MONEY, PCT, DAY, NUMBER = "text", "qty", "money", "pct", "day", "number"
PRICE = "price"  # a unit price or cost: the money's two decimals, more where it carries more
TAX_NOT_KNOWN = ("Tax not known: %1 line(s) of free receipts (or returns against them) that kept no tax rate, posted "
                 "before receipts kept it; their rows' tax and amount with tax are left blank, not 0.")
OPENING_LEFT_OUT = ("Opening stock is not a purchase: it is left out here, as the stock summary counts it in its "
                    "opening, not its receipts.")

FLOW_LABELS = {
    Flow.RECEIPT: "Receipts", Flow.CUSTOMER_RETURN: "Customer returns", Flow.TRANSFER_IN: "Transfers in",
    Flow.SALE: "Sales", Flow.SHIPMENT: "Shipments", Flow.SUPPLIER_RETURN: "Supplier returns",
    Flow.TRANSFER_OUT: "Transfers out", Flow.ADJUSTMENT: "Adjustments", Flow.COUNT: "Counts",
    Flow.PRICE_DIFFERENCE: "Price difference",
}


@dataclass(frozen=True)
class Column:
    label: str  # in the sheet's language
    key: str  # the JSON key, English
    kind: str = TEXT


@dataclass
class Sheet:
    title: str
    header: list[tuple[str, str]]  # (label, value) lines under the title
    columns: list[Column]
    rows: list[list[object]] = field(default_factory=list)
    total: list[object] | None = None
    language: str = "en"
    notes: list[str] = field(default_factory=list)  # footnotes under the table, in the sheet's language
    subtotals: set[int] = field(default_factory=set)  # the rows that total the rows above them (shown, not in JSON)

    def records(self) -> list[dict]:
        """The rows as JSON objects (subtotal rows left out): numbers as text (exact), days as ISO dates."""
        return [{c.key: json_value(v) for c, v in zip(self.columns, row, strict=True)}
                for i, row in enumerate(self.rows) if i not in self.subtotals]


def json_value(value: object) -> object:
    """A cell as JSON: numbers as exact text, days as ISO dates."""
    if isinstance(value, Decimal):
        return fmt(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _grouped(value) -> str:
    """A quantity in groups of three with only the decimals it has (70,780, 1,250.5)."""
    shown = f"{Decimal(value).normalize():,f}"
    return "0" if shown in ("-0", "") else shown


def text(value: object, kind: str) -> str:
    """A cell as printed in a table or PDF."""
    if value is None or value == "":
        return ""
    if kind == MONEY:
        return f"{value:,.2f}"
    if kind == PRICE:
        return fmt_price(value)
    if kind == QTY:  # grouped like the money beside it (70,780 under 1,529,050.02), its decimals only if it has them
        return _grouped(value)
    if kind == PCT:
        return f"{value:.2f}"
    if kind == DAY:
        return value.isoformat()
    return str(value)


def _both(language: str, group: str, what: str) -> str:
    """A two-part header: "Opening qty" / "期初数量"."""
    if language == CHINESE:
        return label(group, language) + label(what, language)
    return f"{group} {'qty' if what == 'Quantity' else what.lower()}"


def stock_summary(rows: list[SummaryRow], total: SummaryRow, by: SummaryBy, language: str,
                  header: list[tuple[str, str]], *, every_flow: bool = False) -> Sheet:
    """The stock summary: every flow some row moved (``every_flow``: all of them, as JSON has), an outward flow
    shown as a positive amount going out, the price difference (a value with no quantity) as one column, and the
    difference column always there."""
    t = lambda s: label(s, language)  # noqa: E731
    flows = [f for f in FLOWS if every_flow or any(f in r.flows for r in rows)]
    keys = {SummaryBy.PRODUCT: [Column(t("SKU"), "sku"), Column(t("Name"), "name"), Column(t("Unit"), "unit")],
            SummaryBy.CATEGORY: [Column(t("Category"), "category")],
            SummaryBy.WAREHOUSE: [Column(t("Warehouse"), "warehouse")]}[by]
    columns = [*keys, Column(_both(language, "Opening", "Quantity"), "opening_qty", QTY),
               Column(_both(language, "Opening", "Value"), "opening_value", MONEY)]
    for f in flows:
        if f in VALUE_ONLY:  # no quantity of its own: its value alone
            columns.append(Column(t(FLOW_LABELS[f]), f"{f.value}_value", MONEY))
            continue
        columns += [Column(_both(language, FLOW_LABELS[f], "Quantity"), f"{f.value}_qty", QTY),
                    Column(_both(language, FLOW_LABELS[f], "Value"), f"{f.value}_value", MONEY)]
    columns += [Column(_both(language, "Closing", "Quantity"), "closing_qty", QTY),
                Column(_both(language, "Closing", "Value"), "closing_value", MONEY),
                Column(t("Difference"), "difference", MONEY)]

    def cells(row: SummaryRow, lead: list[object]) -> list[object]:
        out = [*lead, row.opening.qty, row.opening.value]
        for f in flows:
            shown = row.shown(f)
            out += [shown.value] if f in VALUE_ONLY else [shown.qty, shown.value]
        return [*out, row.closing.qty, row.closing.value, row.difference]

    lead: Callable[[SummaryRow], list[object]] = ((lambda r: [r.key, r.name, r.unit]) if by == SummaryBy.PRODUCT
                                                  else (lambda r: [r.key]))
    sheet = Sheet(t("STOCK SUMMARY"), header, columns, [cells(r, lead(r)) for r in rows], language=language)
    sheet.total = cells(total, [t("Total")] + [""] * (len(keys) - 1))
    return sheet


def margin(rows: list[MarginRow], total: MarginRow, by: str, language: str, header: list[tuple[str, str]]) -> Sheet:
    t = lambda s: label(s, language)  # noqa: E731
    key = {"product": ("SKU", "sku"), "category": ("Category", "category"), "customer": ("Customer", "customer"),
           "salesperson": ("Salesperson", "salesperson")}[by]
    columns = [Column(t(key[0]), key[1])]
    named = by in ("product", "customer")
    if named:  # a customer's name is not a product's (品名)
        columns.append(Column(t("Customer name" if by == "customer" else "Name"), "name"))
    # the tax and the revenue with it, as the customer statement has them, beside the revenue before tax
    columns += [Column(t("Quantity"), "qty", QTY), Column(t("Revenue"), "revenue", MONEY),
                Column(t("Tax"), "tax", MONEY), Column(t("Amount with tax"), "with_tax", MONEY),
                Column(t("Cost"), "cost", MONEY), Column(t("Margin"), "margin", MONEY),
                Column(t("Margin %"), "margin_pct", PCT)]

    def cells(r: MarginRow, lead: list[object]) -> list[object]:
        return [*lead, r.qty, r.revenue, r.tax, r.with_tax, r.cost, r.margin, r.margin_pct]

    sheet = Sheet(t("SALES MARGIN"), header, columns,
                  [cells(r, [r.key, r.name] if named else [r.key]) for r in rows], language=language)
    sheet.total = cells(total, [t("Total"), ""] if named else [t("Total")])
    return sheet


def purchases(rows: list[PurchaseRow], total: PurchaseRow, by: PurchaseBy, language: str,
              header: list[tuple[str, str]], *, every_column: bool = False) -> Sheet:
    """采购汇总表: what came in and went back per supplier, product or both, the net before tax, its tax and the two
    together, the average unit cost, the share of the total; and, when a row was bought in a foreign currency (or
    ``every_column``, as JSON has it), the currency and what was received in it."""
    t = lambda s: label(s, language)  # noqa: E731
    keys: list[Column] = []
    if by != PurchaseBy.PRODUCT:
        keys += [Column(t("Supplier"), "supplier"), Column(t("Supplier name"), "supplier_name")]
    if by != PurchaseBy.SUPPLIER:
        keys += [Column(t("SKU"), "sku"), Column(t("Name"), "name"), Column(t("Unit"), "unit")]
    foreign = every_column or any(r.currency for r in rows)
    columns = [*keys, Column(t("Received qty"), "received_qty", QTY),
               Column(t("Received amount"), "received_value", MONEY),
               Column(t("Returned qty"), "returned_qty", QTY), Column(t("Returned amount"), "returned_value", MONEY),
               Column(t("Net qty"), "net_qty", QTY), Column(t("Net amount"), "net_value", MONEY),
               Column(t("Tax"), "tax", MONEY), Column(t("Amount with tax"), "with_tax", MONEY),
               Column(t("Average unit cost"), "average_cost", PRICE), Column(t("Share %"), "share_pct", PCT)]
    if foreign:
        columns += [Column(t("Currency"), "currency"), Column(t("Received in currency"), "foreign", MONEY)]

    def cells(r: PurchaseRow, lead: list[object]) -> list[object]:
        out = [*lead, r.received_qty, r.received_value, r.returned_qty, r.returned_value, r.net_qty, r.net_value,
               r.known_tax, r.known_with_tax, r.average_cost, r.share_pct]
        return [*out, r.currency, r.foreign] if foreign else out

    def lead(r: PurchaseRow) -> list[object]:
        # receipts that name no supplier (a free receipt with no partner): said so in the name's cell
        named = [r.supplier, r.supplier_name or ("" if r.supplier else t("(no supplier)"))] \
            if by != PurchaseBy.PRODUCT else []
        return named + ([r.sku, r.name, r.unit] if by != PurchaseBy.SUPPLIER else [])

    sheet = Sheet(t("PURCHASE SUMMARY"), header, columns, [cells(r, lead(r)) for r in rows], language=language)
    sheet.total = cells(total, [t("Total")] + [""] * (len(keys) - 1))
    # what the stock summary's opening column holds is no purchase (domain.reports.model.is_opening_stock)
    sheet.notes = [t(OPENING_LEFT_OUT)]
    if total.untaxed:  # a free receipt that kept no rate: its tax is not known (domain.reports.purchases)
        sheet.notes.append(t(TAX_NOT_KNOWN).replace("%1", fmt(Decimal(total.untaxed))))
    return sheet


def ranking(rows: list[RankRow], language: str, header: list[tuple[str, str]]) -> Sheet:
    t = lambda s: label(s, language)  # noqa: E731
    columns = [Column(t("Rank"), "rank", NUMBER), Column(t("SKU"), "sku"), Column(t("Name"), "name"),
               Column(t("Quantity"), "qty", QTY), Column(t("Revenue"), "revenue", MONEY),
               Column(t("Margin"), "margin", MONEY), Column(t("Share %"), "share_pct", PCT)]
    return Sheet(t("SALES RANKING"), header, columns,
                 [[r.rank, r.key, r.name, r.qty, r.revenue, r.margin, r.share_pct] for r in rows], language=language)


def slow(rows: list[SlowRow], language: str, header: list[tuple[str, str]]) -> Sheet:
    t = lambda s: label(s, language)  # noqa: E731
    columns = [Column(t("SKU"), "sku"), Column(t("Name"), "name"), Column(t("On hand"), "on_hand", QTY),
               Column(t("Value"), "value", MONEY), Column(t("Last issue"), "last_issue", DAY),
               Column(t("Days idle"), "idle_days", NUMBER)]
    sheet = Sheet(t("SLOW MOVERS"), header, columns,
                  [[r.sku, r.name, r.on_hand, r.value, r.last_issue, r.idle_days] for r in rows], language=language)
    # what the idle stock is worth altogether (呆滞库存金额), as the dashboard's dead stock says it
    sheet.total = [t("Total"), "", sum((r.on_hand for r in rows), Decimal(0)), sum((r.value for r in rows), Decimal(0)),
                   None, None]
    return sheet


def status(rows: list[StatusRow], language: str, header: list[tuple[str, str]]) -> Sheet:
    """库存状况: each product × warehouse's quantities, its value at the current average cost, and the total value."""
    t = lambda s: label(s, language)  # noqa: E731
    columns = [Column(t("SKU"), "sku"), Column(t("Name"), "name"), Column(t("Warehouse"), "warehouse"),
               Column(t("On hand"), "on_hand", QTY), Column(t("Value"), "value", MONEY),
               Column(t("Reserved"), "reserved", QTY),
               Column(t("Available"), "available", QTY), Column(t("On order"), "on_order", QTY),
               Column(t("Min"), "min_level", QTY), Column(t("Max"), "max_level", QTY),
               Column(t("Daily issues"), "daily_issues", QTY), Column(t("Cover (days)"), "cover_days", QTY)]
    sheet = Sheet(t("STOCK STATUS"), header, columns,
                  [[r.sku, r.name, r.warehouse, r.on_hand, r.value, r.reserved, r.available, r.on_order, r.min_level,
                    r.max_level, r.daily_issues, r.cover_days] for r in rows], language=language)
    sheet.total = [t("Total"), "", "", None, status_total(rows), None, None, None, None, None, None, None]
    return sheet


def _band_label(language: str, band: str, what: str) -> str:
    """ "0–30 qty" / "0–30天 数量" (the space: where a narrow column's header may wrap)."""
    if language == CHINESE:
        return f"{band}{label('days', language)} {label(what, language)}"
    return f"{band} {'qty' if what == 'Quantity' else what.lower()}"


def ageing(rows: list[AgeingRow], total: AgeingRow, bounds: tuple[int, ...], by: AgeingBy, language: str,
           header: list[tuple[str, str]], *, per_warehouse: bool = False) -> Sheet:
    """库龄: each band's quantity and value (keys ``band_0_qty``, ``band_0_value``, … from the youngest), the stock
    on hand and its value, the average age and the day the oldest stock came in."""
    t = lambda s: label(s, language)  # noqa: E731
    keys = {AgeingBy.PRODUCT: [Column(t("SKU"), "sku"), Column(t("Name"), "name")],
            AgeingBy.CATEGORY: [Column(t("Category"), "category")],
            AgeingBy.WAREHOUSE: [Column(t("Warehouse"), "warehouse")]}[by]
    if by == AgeingBy.PRODUCT and per_warehouse:
        keys.append(Column(t("Warehouse"), "warehouse"))
    columns = [*keys, Column(t("On hand"), "on_hand", QTY), Column(t("Value"), "value", MONEY)]
    for i, band in enumerate(band_names(bounds)):
        columns += [Column(_band_label(language, band, "Quantity"), f"band_{i}_qty", QTY),
                    Column(_band_label(language, band, "Value"), f"band_{i}_value", MONEY)]
    columns += [Column(t("Average age (days)"), "average_age", QTY), Column(t("Oldest in"), "oldest", DAY)]

    def cells(r: AgeingRow, lead: list[object]) -> list[object]:
        out: list[object] = [*lead, r.on_hand, r.value]
        for b in r.bands:
            out += [b.qty, b.value]
        return [*out, r.average_age, r.oldest]

    def lead(r: AgeingRow) -> list[object]:
        if by == AgeingBy.PRODUCT:
            return [r.key, r.name, r.warehouse] if per_warehouse else [r.key, r.name]
        return [r.key]

    sheet = Sheet(t("STOCK AGEING"), header, columns, [cells(r, lead(r)) for r in rows], language=language)
    sheet.total = cells(total, [t("Total")] + [""] * (len(keys) - 1))
    return sheet


def ageing_band_label(first: int | None, last: int | None, language: str) -> str:
    """A band of receivables' or payables' ageing (``Scheme.ranges``): Not yet due, 1–30 days, Over 90 days."""
    if first is None:
        return label("Not yet due", language)
    if last is None:
        return label("Over %1 days", language).replace("%1", str(first - 1))
    return label("%1–%2 days", language).replace("%1", str(first)).replace("%2", str(last))


def partner_ageing(rows: list[BalanceRow], side: str, language: str, header: list[tuple[str, str]],
                   scheme: Scheme | None = None) -> Sheet:
    """账龄分析表: each customer's (``side`` AR) or supplier's (AP) balance, its credit (预收 / 预付), its open amounts
    in ``scheme``'s bands (by due date, 30/60/90 when none: not yet due then the overdue bands; by the document's
    date: the days since it), what is overdue and the oldest due day; the totals row sums them (the oldest of the
    days). The bands' keys are ``band_0``, ``band_1``… from the youngest."""
    t = lambda s: label(s, language)  # noqa: E731
    ar = side == "AR"
    ranges = (scheme or Scheme()).ranges()
    columns = [Column(t("Customer" if ar else "Supplier"), "code"),
               Column(t("Customer name" if ar else "Supplier name"), "name"), Column(t("Balance"), "balance", MONEY),
               Column(t("Prepaid by customer" if ar else "Prepaid to supplier"), "credit", MONEY),
               *(Column(ageing_band_label(first, last, language), f"band_{i}", MONEY)
                 for i, (first, last) in enumerate(ranges)),
               Column(t("Overdue"), "overdue", MONEY), Column(t("Oldest due"), "oldest_due", DAY)]

    def figures(r: BalanceRow) -> list[Decimal]:
        bands = list(r.bands) if r.bands else [r.current, r.d1_30, r.d31_60, r.d61_90, r.over_90]
        return [r.balance, r.credit, *bands, r.overdue]

    sheet = Sheet(t("RECEIVABLES AGEING" if ar else "PAYABLES AGEING"), header, columns,
                  [[r.code, r.name, *figures(r), r.oldest_due] for r in rows], language=language)
    sums = [sum(column, Decimal(0)) for column in zip(*(figures(r) for r in rows), strict=True)] if rows else \
        [Decimal(0)] * (len(ranges) + 3)
    sheet.total = [t("Total"), "", *sums, min((r.oldest_due for r in rows if r.oldest_due is not None), default=None)]
    return sheet


# Excel's number format of each kind of column: money with two decimals and a thousands separator, quantities
# with a separator and only the decimals they have, percentages as the figure shown, days as days.
def _qty_format(value: object) -> str:
    return "#,##0" if isinstance(value, (int, Decimal)) and value == int(value) else "#,##0.####"


EXCEL_FORMATS: dict[str, object] = {MONEY: MONEY_FORMAT, PRICE: price_format, QTY: _qty_format, PCT: "0.00",
                                    DAY: "yyyy-mm-dd", NUMBER: "0"}


def header_line(sheet: Sheet, name: str, value: str) -> str:
    """One line of the header block: ``期间：2026-11-01 – 2026-11-30`` (a full-width colon after Chinese),
    ``Period: …`` in English."""
    return f"{name}{'：' if sheet.language == CHINESE else ': '}{value}"


def column_widths(sheet: Sheet, sample: int = 2000) -> list[int]:
    """Each column's width in an exported workbook: its header or its widest cell as shown (a Chinese character
    counts two), within 8 and 60; the first ``sample`` rows are measured."""
    from ui.spreadsheets import text_width

    rows = [*sheet.rows[:sample], *([sheet.total] if sheet.total is not None else [])]
    widths = []
    for i, column in enumerate(sheet.columns):
        widest = max((text_width(text(row[i], column.kind)) for row in rows), default=0)
        widths.append(max(8, min(60, max(widest, text_width(column.label)) + 2)))
    return widths


def write_excel(sheet: Sheet, path) -> int:
    """The sheet as an Excel workbook at ``path`` (one worksheet named after the report, in its language): its title
    and header lines (period, grouping, warehouse, when printed: on one line) over the column headers, the
    rows and the totals row (bold), numbers as numbers in the report's formats, columns wide enough for what they
    hold. Returns the number of rows written, the totals row included."""
    from ui.spreadsheets import write_xlsx

    rows = [*sheet.rows, *([sheet.total] if sheet.total is not None else [])]
    gap = "\u3000" if sheet.language == CHINESE else "   "
    # in one cell each, so that the text runs on over the empty cells to its right
    above = [[sheet.title], [gap.join(header_line(sheet, name, value) for name, value in sheet.header)]]
    return write_xlsx(path, [c.label for c in sheet.columns], rows, sheet=sheet.title, widths=column_widths(sheet),
                      formats=[EXCEL_FORMATS.get(c.kind) for c in sheet.columns], bold_last=sheet.total is not None,
                      above=above, below=sheet.notes)


UNINVOICED_NOTE = ("Values at the purchase order's price (a free receipt's cost), without tax; a returned quantity "
                   "is not to be invoiced, a reversed receipt is not owed.")
UNINVOICED_UNTAXED = "A free receipt that kept no tax rate leaves its tax and amount with tax blank, not 0."


def uninvoiced(rows: list[UninvoicedRow], language: str, header: list[tuple[str, str]]) -> Sheet:
    """暂估入库: each receipt's products not yet invoiced, the supplier's total under its receipts, and the total."""
    t = lambda s: label(s, language)  # noqa: E731
    columns = [Column(t("Supplier"), "supplier"), Column(t("Supplier name"), "supplier_name"),
               Column(t("Purchase order"), "po"), Column(t("Receipt"), "receipt"),
               Column(t("Received on"), "received_on", DAY), Column(t("SKU"), "sku"), Column(t("Name"), "name"),
               Column(t("Not invoiced qty"), "qty", QTY), Column(t("Currency"), "currency"),
               Column(t("Value in currency"), "value_in_currency", MONEY),
               Column(t("Not invoiced amount"), "value", MONEY), Column(t("Tax"), "tax", MONEY),
               Column(t("Amount with tax"), "amount", MONEY), Column(t("Days since received"), "days", NUMBER)]
    sheet = Sheet(t("GOODS RECEIVED NOT INVOICED"), header, columns, language=language)
    totals = {x.supplier: x for x in supplier_totals(rows)}
    for i, r in enumerate(rows):
        sheet.rows.append([r.supplier, r.supplier_name, r.po or t("Free receipt (no purchase order)"), r.receipt,
                           r.received_on, r.sku, r.name, r.qty, r.currency, r.value_in_currency, r.value, r.tax,
                           r.amount, r.days])
        if i + 1 == len(rows) or rows[i + 1].supplier != r.supplier:
            x = totals[r.supplier]
            sheet.subtotals.add(len(sheet.rows))
            sheet.rows.append([x.supplier, x.supplier_name, t("Supplier total"), "", None, "", "", x.qty,
                               x.currency, x.value_in_currency, x.value, x.tax, x.amount, None])
    x = grand_total(rows)
    sheet.total = [t("Total"), "", "", "", None, "", "", x.qty, x.currency, x.value_in_currency, x.value, x.tax,
                   x.amount, None]
    sheet.notes = [t(UNINVOICED_NOTE)]
    if any(r.tax is None for r in rows):
        sheet.notes.append(t(UNINVOICED_UNTAXED))
    return sheet
