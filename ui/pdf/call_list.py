"""The call list: the customers slipping away (``domain.sales.churn.AtRisk``), printed for whoever phones them.

A landscape page per screenful: the title and the day it was printed, then one row per customer, the largest value
at risk first: the customer, the person and phone to ask for, when it last ordered and how often it used to, the
value at risk, the reason in words, and an empty column to note what the call brought. In English or Chinese
(``language``), whatever the window's language, like the sales documents; the labels are here with their Chinese
(``label`` refuses one without it, so a missing translation fails the tests instead of printing English).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle

from domain.sales.churn import AtRisk
from domain.sales.churn import Reason
from domain.sales.churn import days_text
from domain.sales.churn import reason_text
from ui.pdf.base import BaseRenderer
from ui.pdf.base import paper_for
from ui.pdf.cells import code_cell
from ui.pdf.headers import WORDS
from ui.pdf.headers import header_cell
from ui.pdf.headers import vocabulary
from ui.pdf.headers import widen_for_headers
from ui.pdf.sales_labels import CHINESE
from ui.pdf.sales_labels import ENGLISH
from ui.pdf.sales_labels import check_language

INK, RULE, SHADE = "#1f3a5f", "#9aa5b1", "#e8edf3"

ZH_CN: dict[str, str] = {
    "#": "序号",
    "CUSTOMERS TO CALL": "客户回访清单",
    "Call notes": "回访记录",
    "Customer": "客户",
    "Customers slipping away: call list": "流失风险客户回访清单",
    "Customers who have not ordered for longer than usual, the largest value at risk first.":
        "以下客户超过平时的下单间隔仍未下单，按风险金额从大到小排列。",
    "Every": "下单间隔",
    "Last order": "最近下单",
    "No customer is overdue against their ordering rhythm.": "没有客户超过平时的下单间隔。",
    "Page %1 of %2": "第 %1 页，共 %2 页",
    "Phone": "电话",
    "Printed on": "打印日期",
    "Silent": "未下单",
    "Value at risk": "风险金额",
    "Why": "原因",
    "days": "天",
}
CONTEXT = "CallList"
WHY = 7  # the column of reasons, which wraps: it gives the other columns the room their headers need
WHY_LEAST = 0.15  # of the page's width
CALL_WORDS = WORDS | vocabulary(ZH_CN.values())  # the words a header of the call list breaks between


def label(text: str, language: str) -> str:
    """The English ``text`` in ``language``; KeyError for a label without its Chinese."""
    return ZH_CN[text] if language == CHINESE else text


def reason_words(reason: Reason, language: str) -> str:
    """``reason`` in ``language``: ``domain.sales.churn.reason_text`` in English, its Chinese here."""
    if language == ENGLISH:
        return reason_text(reason)
    text = (f"平时每 {days_text(reason.median_days)} 天下单一次（{reason.visits} 张订单的中位数），"
            f"已 {reason.days_since} 天未下单")
    if not reason.short_lines:
        return text
    parts = "，".join(f"{what} {n} {unit}" for n, what, unit in ((reason.cut, "砍单", "行"),
                                                                 (reason.lost, "缺货未成交", "次"),
                                                                 (reason.waiting, "欠货待发", "行")) if n)
    return f"沉寂前 {reason.window_days} 天内有 {reason.short_lines} 行未足额发货（{parts}）；{text}"


class CallListRenderer(BaseRenderer):
    """The call list of ``(risks, as_of)`` in ``language``."""

    margins = (12 * mm, 12 * mm, 14 * mm, 16 * mm)
    columns = (0.035, 0.17, 0.12, 0.08, 0.06, 0.06, 0.09, 0.235, 0.15)

    def __init__(self, pagesize, language: str = ENGLISH, places: int = 2) -> None:
        self.language = check_language(language)
        self.places = places
        super().__init__(pagesize, tr=lambda text: label(text, self.language))

    def t(self, text: str) -> str:
        return label(text, self.language)

    def title(self, snapshot) -> str:
        return self.t("Customers slipping away: call list")

    def story(self, snapshot: tuple[Sequence[AtRisk], date]) -> list:
        risks, as_of = snapshot
        st = self.styles
        width = self.pagesize[0] - self.margins[0] - self.margins[1]
        colon = "：" if self.language == CHINESE else ": "
        head = [Paragraph(escape(self.t("CUSTOMERS TO CALL")), st["Title"]), Spacer(1, 2 * mm),
                Paragraph(escape(self.t("Printed on") + colon + as_of.isoformat()), st["Normal"]),
                Paragraph(escape(self.t("Customers who have not ordered for longer than usual, the largest value at "
                                         "risk first.")), st["Normal"]), Spacer(1, 4 * mm)]
        if not risks:
            return [*head, Paragraph(escape(self.t("No customer is overdue against their ordering rhythm.")),
                                     st["Normal"])]
        cell = st["Cell"]
        days = self.t("days")
        names = [self.t(x) for x in ("#", "Customer", "Phone", "Last order", "Every", "Silent", "Value at risk", "Why",
                                      "Call notes")]
        # each column at least as wide as its header's longest word (序号 whole), the reasons giving the room
        widths = widen_for_headers([width * share for share in self.columns], names, give=WHY, font=self.font,
                                   size=cell.fontSize, least=width * WHY_LEAST, words=CALL_WORDS)
        heading = ParagraphStyle("Heading", parent=cell, textColor=INK)
        rows: list[list] = [[header_cell(h, w, heading) for h, w in zip(names, widths, strict=True)]]
        for n, r in enumerate(risks, 1):
            c = r.customer
            who = escape(f"{c.name} ({c.code})") + (f"<br/>{escape(c.contact)}" if c.contact else "")
            # a phone number is dialled digit by digit: whole, smaller, or broken at a '-' or space (ui.pdf.cells)
            rows.append([str(n), Paragraph(who, cell), code_cell(c.phone, widths[2], cell), r.rhythm.last.isoformat(),
                         f"{days_text(r.rhythm.median_days)} {days}", f"{r.days_since} {days}",
                         f"{r.value_at_risk:,.{self.places}f}",
                         Paragraph(escape(reason_words(r.reason, self.language)), cell), ""])
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 8), ("TEXTCOLOR", (0, 0), (-1, 0), INK),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (6, 1), (6, -1), "RIGHT"), ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["#ffffff", "#f7f9fb"]),
            ("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 10),
        ]))
        return [*head, table]


def render_call_list(risks: Sequence[AtRisk], as_of: date, language: str = ENGLISH,
                     locale_name: str | None = None, places: int = 2) -> bytes:
    """The PDF bytes of the call list in ``language`` ("en" or "zh_CN") on landscape paper of ``locale_name``,
    amounts with ``places`` decimals."""
    return CallListRenderer(landscape(paper_for(locale_name)), language, places).generate((risks, as_of))
