"""The customers slipping away written to a file: an Excel workbook of the list, or the printable call list (PDF,
``ui.pdf.call_list``). The command line's ``customers at-risk -o`` and the window's Export and Print call list call
``write_at_risk``; the file's suffix chooses the format.

The workbook has one row per customer, the largest value at risk first: numbers are number cells (exact Decimals),
dates date cells, and every text goes through the exports' one cell writer (``ui.spreadsheets.write_xlsx`` →
``excel_cell``), so a customer's name that starts with ``=`` stays text and is never a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from domain.kernel.errors import BadInput
from domain.sales.churn import AtRisk
from ui.pdf.sales_labels import ENGLISH
from ui.pdf.sales_labels import check_language

SUFFIXES = (".xlsx", ".pdf")
HEADERS = ("Rank", "Customer", "Name", "Contact", "Phone", "Orders", "Every (days)", "Typical basket", "Last order",
           "Days silent", "Orders missed", "Value at risk", "Ordered in the 90 days to the last order", "Cut lines",
           "Lost sales", "Waiting lines", "Why")
ZH_HEADERS = ("排名", "客户编号", "客户名称", "联系人", "电话", "订单数", "下单间隔（天）", "平均每单金额", "最近下单",
              "未下单天数", "错过订单数", "风险金额", "最近下单前90天下单金额", "砍单行数", "缺货未成交",
              "欠货待发行数", "原因")
WIDTHS = (6, 12, 24, 12, 16, 8, 12, 14, 12, 11, 12, 14, 16, 10, 10, 12, 80)


def check_target(path: Path | str) -> Path:
    """``path`` if it ends in .xlsx or .pdf, else a BadInput naming both."""
    target = Path(path)
    if target.suffix.lower() not in SUFFIXES:
        raise BadInput("-o", f"{target.name} ends in neither .xlsx nor .pdf; the list is written as an Excel workbook "
                             f"(FILE.xlsx) or a printable call list (FILE.pdf)")
    return target


def write_at_risk(risks: Sequence[AtRisk], as_of: date, path: Path | str, language: str = ENGLISH,
                  places: int = 2) -> int:
    """Write the list to ``path`` (.xlsx or .pdf) in ``language`` ("en" or "zh_CN"); returns the bytes written. The
    file appears whole or not at all.

    Raises:
        BadInput: the path ends in neither .xlsx nor .pdf, or the language is not one the list prints in.
    """
    target = check_target(path)
    try:
        check_language(language)
    except ValueError as exc:
        raise BadInput("language", str(exc).removeprefix("language: ")) from None
    from ui.pdf.call_list import reason_words

    if target.suffix.lower() == ".xlsx":
        from ui.spreadsheets import write_xlsx

        rows = [[n, r.customer.code, r.customer.name, r.customer.contact, r.customer.phone, r.rhythm.visits,
                 r.rhythm.median_days, r.rhythm.basket, r.rhythm.last, r.days_since, r.missed, r.value_at_risk,
                 r.revenue_90, r.reason.cut, r.reason.lost, r.reason.waiting, reason_words(r.reason, language)]
                for n, r in enumerate(risks, 1)]
        write_xlsx(target, ZH_HEADERS if language != ENGLISH else HEADERS, rows,
                   sheet="流失风险客户" if language != ENGLISH else "Customers at risk", widths=WIDTHS)
    else:
        from ui.pdf.call_list import render_call_list

        data = render_call_list(risks, as_of, language, places=places)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
    return target.stat().st_size
