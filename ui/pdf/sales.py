"""The sales documents in PDF, in English or Chinese, built like the purchase order.

``render_sales_document`` prints a ``domain.sales.printing.SalesPrint``: an order confirmation (销售订单确认),
a delivery note (送货单), a sales invoice (销售单), a customer return note (销售退货单) or a supplier return
note (采购退货单). ``render_arrival_notice`` prints a customer's backorder / arrival notice (到货通知).

Every page is laid out as on the purchase order: the company block and the document box (number, dates,
what it refers to), the partner and warehouse blocks, then the lines, whose header row repeats on every
page and whose long names wrap inside their cell, the totals with a CNY total also in Chinese capitals
(大写金额), the note and the signature lines. Later pages carry the title, number and partner at the top;
every page carries the company, the document and "第 1 / 2 页 · Page 1 of 2" at the bottom (both
languages, so a page reads the same to either reader).

The labels are in ``ui.pdf.sales_labels``, not the window's translator: the document's language is chosen
per print.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle

from domain.kernel.capitals import capitals
from domain.sales.printing import CNY
from domain.sales.printing import ArrivalNotice
from domain.sales.printing import DocumentKind
from domain.sales.printing import PartyBlock
from domain.sales.printing import SalesPrint
from ui.pdf.base import BaseRenderer
from ui.pdf.base import HeadedTogether
from ui.pdf.base import paper_for
from ui.pdf.base import split_tail
from ui.pdf.cells import code_cell
from ui.pdf.cells import text_cell
from ui.pdf.cells import widen_for_codes
from ui.pdf.headers import header_cell
from ui.pdf.headers import widen_for_headers
from ui.pdf.purchase_order import INK
from ui.pdf.purchase_order import RULE
from ui.pdf.purchase_order import SHADE
from ui.pdf.purchase_order import STRIPE
from ui.pdf.purchase_order import money_text
from ui.pdf.purchase_order import price_text
from ui.pdf.purchase_order import qty_text
from ui.pdf.sales_labels import CHINESE
from ui.pdf.sales_labels import ENGLISH
from ui.pdf.sales_labels import check_language
from ui.pdf.sales_labels import label

# Per kind: the title on the page, the document's name in running text, the partner's and the warehouse's
# block labels, and the signature lines.
TITLES = {
    DocumentKind.ORDER_CONFIRMATION: ("SALES ORDER CONFIRMATION", "Sales order confirmation"),
    DocumentKind.DELIVERY_NOTE: ("DELIVERY NOTE", "Delivery note"),
    DocumentKind.SALES_INVOICE: ("SALES INVOICE", "Sales invoice"),
    DocumentKind.CUSTOMER_RETURN: ("CUSTOMER RETURN NOTE", "Customer return note"),
    DocumentKind.SUPPLIER_RETURN: ("SUPPLIER RETURN NOTE", "Supplier return note"),
    DocumentKind.GOODS_RECEIPT: ("GOODS RECEIPT NOTE", "Goods receipt note"),
}
BLOCKS = {
    DocumentKind.ORDER_CONFIRMATION: ("Customer", "Ship from"),
    DocumentKind.DELIVERY_NOTE: ("Customer", "Ship from"),
    DocumentKind.SALES_INVOICE: ("Customer", "Ship from"),
    DocumentKind.CUSTOMER_RETURN: ("Customer", "Return to"),
    DocumentKind.SUPPLIER_RETURN: ("Supplier", "Ship from"),
    DocumentKind.GOODS_RECEIPT: ("Supplier", "Received into"),
}
SIGNATURES = {
    DocumentKind.ORDER_CONFIRMATION: ("Prepared by", "Customer signature and stamp", "Date"),
    DocumentKind.DELIVERY_NOTE: ("Delivered by", "Received by", "Date"),
    DocumentKind.SALES_INVOICE: ("Prepared by", "Received by", "Date"),
    DocumentKind.CUSTOMER_RETURN: ("Returned by", "Received by", "Date"),
    DocumentKind.SUPPLIER_RETURN: ("Sent by", "Supplier received by", "Date"),
    DocumentKind.GOODS_RECEIPT: ("Delivered by", "Received by", "Date"),
}
# What ``order_number`` and ``source_number`` refer to, per kind.
REFERENCES = {
    DocumentKind.SUPPLIER_RETURN: ("Purchase order", "Receipt"),
    DocumentKind.GOODS_RECEIPT: ("Purchase order", "Receipt"),
}
DEFAULT_REFERENCES = ("Sales order", "Shipment")

# Column shares of the frame width.
PRICED = (0.055, 0.12, 0.305, 0.06, 0.08, 0.11, 0.08, 0.07, 0.12)  # #, SKU, name, unit, qty, price, disc, tax, amount
UNTAXED = (0.055, 0.12, 0.355, 0.08, 0.08, 0.11, 0.08, 0.12)  # no tax column: its share to the name and the unit
QUANTITIES = (0.055, 0.15, 0.395, 0.08, 0.10, 0.22)  # #, SKU, name, unit, qty, remarks
DELIVERY = (0.055, 0.15, 0.355, 0.08, 0.10, 0.10, 0.16)  # #, SKU, name, unit, qty, received, remarks
TO_COME = (0.055, 0.15, 0.38, 0.08, 0.135, 0.20)  # #, SKU, name, unit, qty still owed, expected
NOTICE = (0.055, 0.11, 0.27, 0.06, 0.095, 0.135, 0.105, 0.17)  # #, SKU, name, unit, qty owed, order, since, expected
NAME_LEAST = 0.24  # the name column's least share when the code columns widen for long codes
NOTICE_NAME_LEAST = 0.18
FRAME_PADDING = 6  # reportlab's default frame padding, each side


def _p(text: str) -> str:
    """Plain text made safe for a Paragraph; line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def day_text(day: date | None) -> str:
    return day.isoformat() if day else "—"


def pct_text(value: Decimal) -> str:
    return qty_text(value) if value else ""


def in_words(total: Decimal) -> str:
    """A CNY total in Chinese capitals, preceded by 人民币 as the rules for bills ask."""
    return "人民币" + capitals(total)


class SalesRenderer(BaseRenderer):
    """What every sales document shares: the language, the styles, the header, blocks, footer and page numbers."""

    def __init__(self, *args, language: str = ENGLISH, **kwargs) -> None:
        self.language = check_language(language)
        super().__init__(*args, **kwargs)

    def t(self, text: str) -> str:
        return label(text, self.language)

    def page_label(self, n: int, total: int) -> str:
        return f"第 {n} / {total} 页 · Page {n} of {total}"

    @property
    def width(self) -> float:
        """The frame's inner width: tables as wide as it line up with the paragraphs above and below them."""
        return self.pagesize[0] - self.margins[0] - self.margins[1] - 2 * FRAME_PADDING

    def stylesheet(self):
        sheet = super().stylesheet()
        sheet["Title"].fontSize = 16
        sheet["Title"].leading = 20
        sheet.add(ParagraphStyle("Label", parent=sheet["Small"], textColor=INK))
        sheet.add(ParagraphStyle("Body", parent=sheet["Normal"], spaceAfter=4))
        sheet.add(ParagraphStyle("Head", parent=sheet["Cell"], textColor=colors.white))
        sheet.add(ParagraphStyle("HeadRight", parent=sheet["Head"], alignment=TA_RIGHT))
        sheet.add(ParagraphStyle("Remark", parent=sheet["Cell"], fontSize=7, leading=9, textColor=colors.grey))
        sheet.add(ParagraphStyle("InWords", parent=sheet["Normal"], alignment=TA_RIGHT, rightIndent=6))
        return sheet

    # the first page's blocks

    def header(self, company: PartyBlock, title: str, rows: list[list[str]]) -> Table:
        st = self.styles
        left: list = [Paragraph(_p(company.name), st["Company"])] if company.name else []  # none set: no name
        for text in (company.address, self._labelled("Phone", company.phone), self._labelled("Tax ID", company.tax_id)):
            if text:
                left.append(Paragraph(_p(text), st["Normal"]))
        half = self.width / 2
        box = Table(rows, colWidths=[half * 0.42, half * 0.58])
        box.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 9), ("TEXTCOLOR", (0, 0), (0, -1), INK),
            ("FONTSIZE", (1, 0), (1, 0), 11), ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE), ("BACKGROUND", (0, 0), (0, -1), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        right = [Paragraph(_p(title), st["Title"]), Spacer(1, 2 * mm), box]
        outer = Table([[left, right]], colWidths=[half, half])
        outer.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, 0), 6 * mm), ("RIGHTPADDING", (1, 0), (1, 0), 0),
        ]))
        return outer

    def colon(self, name: str) -> str:
        """A label and its colon: a full-width one after Chinese (金额大写：), ': ' after English."""
        return self.t(name) + ("：" if self.language == CHINESE else ": ")

    def _labelled(self, name: str, value: str) -> str:
        return self.colon(name) + value if value else ""

    def block(self, name: str, party: PartyBlock, extra: list | None = None) -> list:
        st = self.styles
        parts: list = [Paragraph(_p(self.t(name)), st["Label"]), Paragraph(_p(party.name), st["Heading"])]
        if party.code:
            parts.append(Paragraph(_p(self._labelled("Code", party.code)), st["Small"]))
        for text in (party.address, self._labelled("Contact", party.contact), self._labelled("Phone", party.phone),
                     self._labelled("Tax ID", party.tax_id), self._labelled("Payment terms", party.payment_terms)):
            if text:
                parts.append(Paragraph(_p(text), st["Normal"]))
        return parts + (extra or [])

    def blocks(self, left: list, right: list | None) -> Table:
        gap = 6 * mm
        if right is None:
            table = Table([[left]], colWidths=[(self.width - gap) / 2], hAlign="LEFT")
        else:
            table = Table([[left, "", right]], colWidths=[(self.width - gap) / 2, gap, (self.width - gap) / 2])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (0, 0), 0.5, RULE), ("BOX", (2, 0), (2, 0), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        return table

    # the lines

    def head_row(self, names: tuple[str, ...], right: set[int], widths: list[float]) -> list:
        """The header row: each header in its column, broken between its words only (``ui.pdf.headers``)."""
        st = self.styles
        return [header_cell(self.t(name), widths[i], st["HeadRight" if i in right else "Head"])
                for i, name in enumerate(names)]

    def cell(self, text: str, width: float):
        """A name's cell: plain text when it fits its column on one line, else a paragraph wrapping as Chinese does."""
        return text_cell(text, width, self.styles["Cell"])

    def code(self, text: str, width: float):
        """A code's cell (a SKU, a document number): printed whole, smaller or broken after a separator only."""
        return code_cell(text, width, self.styles["Cell"])

    def widths(self, shares: tuple[float, ...], codes: dict[int, list[str]], least: float = NAME_LEAST,
               names: tuple[str, ...] = ()) -> list[float]:
        """The columns' widths: their ``shares`` of the frame, each column at least as wide as the longest word of its
        header (of ``names``) and the ``codes`` columns widened to their longest code, the room taken from the names'
        column (the third), which keeps at least ``least`` of the frame."""
        size, least = self.styles["Cell"].fontSize, self.width * least
        widths = widen_for_headers([self.width * share for share in shares], [self.t(name) for name in names], give=2,
                                   font=self.font, size=size, least=least)
        return widen_for_codes(widths, codes, give=2, font=self.font, size=size, least=least)

    def name_cell(self, name: str, note: str, width: float):
        if not note:
            return self.cell(name, width)
        return [Paragraph(_p(name), self.styles["Cell"]), Paragraph(_p(note), self.styles["Remark"])]

    def line_style(self, right: set[int], header: bool = True, striped_first: bool = False,
                   ruled: tuple[int, ...] = ()) -> TableStyle:
        """The lines' look: a dark header row (when ``header``), striped rows (starting with a stripe when
        ``striped_first``, so a table's tail continues its stripes), numbers on the right, ``ruled`` columns boxed."""
        top = 1 if header else 0
        stripes = [STRIPE, colors.white] if striped_first else [colors.white, STRIPE]
        style = [
            ("FONT", (0, 0), (-1, -1), self.font, 8), ("LEADING", (0, 0), (-1, -1), 10),
            ("ROWBACKGROUNDS", (0, top), (-1, -1), stripes),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE), ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, top), (0, -1), "RIGHT"),
            ("LEFTPADDING", (0, 0), (0, -1), 3), ("RIGHTPADDING", (0, 0), (0, -1), 3),  # room for 序号
        ]
        if header:
            style += [("BACKGROUND", (0, 0), (-1, 0), INK), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white)]
        style += [("ALIGN", (i, top), (i, -1), "RIGHT") for i in right]
        for i in ruled:
            style += [("LINEBEFORE", (i, top), (i, -1), 0.25, RULE), ("LINEAFTER", (i, top), (i, -1), 0.25, RULE)]
        return TableStyle(style)

    def line_table(self, data: list[list], widths: list[float], right: set[int]) -> Table:
        """All the lines in one table whose header row repeats on every page."""
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(self.line_style(right))
        return table

    def split_lines(self, data: list[list], widths: list[float], right: set[int],
                    ruled: tuple[int, ...] = ()) -> tuple[Table | None, Table, Table | None]:
        """The lines as (body, tail, header): the tail holds the last ``TAIL_ROWS`` lines, to be kept with the
        totals so that a page never holds the totals alone; the header row is printed over the tail when the tail
        begins a page. A document of few lines is all tail, with its header (body and header None)."""
        return split_tail(data, widths, lambda header, striped_first: self.line_style(
            right, header=header, striped_first=striped_first, ruled=ruled))

    def signatures(self, names: tuple[str, ...]) -> Table:
        """Lines to sign on, each with its label under it."""
        n = len(names)
        gap = 8 * mm
        share = (self.width - gap * (n - 1)) / n
        widths = []
        for i in range(n):
            widths += [share] + ([gap] if i < n - 1 else [])
        labels: list[str] = []
        for i, name in enumerate(names):
            labels += [self.t(name)] + ([""] if i < n - 1 else [])
        table = Table([[""] * len(widths), labels], colWidths=widths, rowHeights=[12 * mm, None])
        style = [("FONT", (0, 0), (-1, -1), self.font, 8), ("TEXTCOLOR", (0, 1), (-1, 1), INK),
                 ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        style += [("LINEABOVE", (2 * i, 1), (2 * i, 1), 0.75, colors.black) for i in range(n)]
        table.setStyle(TableStyle(style))
        return table

    def paragraphs(self, heading: str, text: str) -> list:
        if not text.strip():
            return []
        flow: list = [Paragraph(_p(self.t(heading)), self.styles["Heading"])]
        flow += [Paragraph(_p(part), self.styles["Body"]) for part in text.split("\n\n") if part.strip()]
        return flow

    # page decorations

    def decorate(self, canvas, footer: str, later: tuple[str, str] | None) -> None:
        canvas.saveState()
        canvas.setFont(self.font, 8)
        canvas.setFillColor(INK)
        canvas.setStrokeColor(RULE)
        canvas.line(self.margins[0], 14 * mm, self.pagesize[0] - self.margins[1], 14 * mm)
        canvas.drawString(self.margins[0], 10 * mm, footer)
        if later:
            canvas.setFont(self.font, 9)
            top = self.pagesize[1] - 12 * mm
            canvas.drawString(self.margins[0], top, later[0])
            canvas.drawRightString(self.pagesize[0] - self.margins[1], top, later[1])
        canvas.restoreState()


class SalesDocumentRenderer(SalesRenderer):
    """One ``SalesPrint``: its kind decides the title, blocks, columns and signature lines."""

    def title(self, s: SalesPrint) -> str:
        return f"{self.t(TITLES[s.kind][1])} {s.number}"

    def story(self, s: SalesPrint) -> list:
        flow: list = [self._header(s), Spacer(1, 5 * mm), self._blocks(s), Spacer(1, 6 * mm)]
        body, tail, header = self._priced(s) if s.prints_prices else self._quantities(s)
        if body is not None:
            flow.append(body)
        # The last lines, the totals, the texts and the signatures stay together: a page never holds the totals or
        # the signature lines alone.
        closing: list = [tail, Spacer(1, 3 * mm)]
        closing += self._totals(s) if s.prints_prices else self._count(s)
        closing += self._to_come(s)
        if s.reason:
            closing += self.paragraphs("Reason", s.reason)
        closing += self.paragraphs("Note", s.note)
        closing += [Spacer(1, 10 * mm), self.signatures(SIGNATURES[s.kind])]
        return flow + [HeadedTogether(closing, header)]

    def _header(self, s: SalesPrint) -> Table:
        order_label, source_label = REFERENCES.get(s.kind, DEFAULT_REFERENCES)
        rows = [[self.t("Number"), s.number], [self.t("Date"), day_text(s.issued_on)]]
        if s.requested_on:
            rows.append([self.t("Requested delivery"), day_text(s.requested_on)])
        if s.due_on:
            rows.append([self.t("Payment due"), day_text(s.due_on)])
        if s.order_number:
            rows.append([self.t(order_label), s.order_number])
        if s.source_number:
            rows.append([self.t(source_label), s.source_number])
        if s.reversed_on:
            rows.append([self.t("Reversed"), day_text(s.reversed_on)])
        if s.prints_prices:
            rows.append([self.t("Currency"), s.currency])
        return self.header(s.company, self.t(TITLES[s.kind][0]), rows)

    def _blocks(self, s: SalesPrint) -> Table:
        partner_label, warehouse_label = BLOCKS[s.kind]
        extra = []
        if s.deliver_to is not None:
            extra = [Spacer(1, 2 * mm)] + self.block("Deliver to", s.deliver_to)
        return self.blocks(self.block(partner_label, s.partner, extra), self.block(warehouse_label, s.warehouse))

    def _priced(self, s: SalesPrint) -> tuple[Table | None, Table, Table | None]:
        if s.prints_tax:
            names = ("#", "SKU", "Name", "Unit", "Qty", "Unit price excl. tax", "Disc. %", "Tax %", "Amount excl. tax")
        else:  # no tax applies: no tax column, and the prices are not said to be without it
            names = ("#", "SKU", "Name", "Unit", "Qty", "Unit price", "Disc. %", "Amount")
        right = set(range(4, len(names)))
        widths = self.widths(PRICED if s.prints_tax else UNTAXED, {1: [line.sku for line in s.lines]}, names=names)
        data = [self.head_row(names, right, widths)]
        for line in s.lines:
            data.append([
                str(line.line_no), self.code(line.sku, widths[1]),
                self.name_cell(line.name, self.remark(line), widths[2]),
                self.cell(line.unit, widths[3]), qty_text(line.qty), price_text(line.unit_price),
                pct_text(line.discount_pct), *([pct_text(line.tax_pct)] if s.prints_tax else []),
                money_text(line.amount),
            ])
        return self.split_lines(data, widths, right)

    def _quantities(self, s: SalesPrint) -> tuple[Table | None, Table, Table | None]:
        delivery = s.kind is DocumentKind.DELIVERY_NOTE
        shares = DELIVERY if delivery else QUANTITIES
        names = ("#", "SKU", "Name", "Unit", "Qty") + (("Received qty",) if delivery else ()) + ("Remarks",)
        widths = self.widths(shares, {1: [line.sku for line in s.lines]}, names=names)
        data = [self.head_row(names, {4, 5} if delivery else {4}, widths)]
        for line in s.lines:
            row = [str(line.line_no), self.code(line.sku, widths[1]), self.cell(line.name, widths[2]),
                   self.cell(line.unit, widths[3]), qty_text(line.qty)]
            row += [""] if delivery else []
            row.append(self.cell(self.remark(line), widths[-1]))
            data.append(row)
        # A delivery note's received quantity is boxed: it is written in by hand.
        return self.split_lines(data, widths, {4, 5} if delivery else {4}, ruled=(5,) if delivery else ())

    def remark(self, line) -> str:
        """The line's note, and on an order confirmation what of it waits for stock and until when."""
        if not line.backorder:
            return line.note
        if line.arrival is None:
            waits = self.t("%1 on backorder, arrival date to follow").replace("%1", qty_text(line.backorder))
        else:
            waits = (self.t("%1 on backorder, expected by %2").replace("%1", qty_text(line.backorder))
                     .replace("%2", day_text(line.arrival)))
        return f"{line.note}\n{waits}" if line.note else waits

    def _totals(self, s: SalesPrint) -> list:
        totals = s.totals
        assert totals is not None  # prints_prices says so
        if s.prints_tax:
            rows = [[self.t("Total without tax"), money_text(totals.without_tax)],
                    [self.t("Tax"), money_text(totals.tax)],
                    [f"{self.t('Total with tax')} {s.currency}", money_text(totals.with_tax)]]
        else:  # no tax applies: the total alone (without_tax = with_tax)
            rows = [[f"{self.t('Total')} {s.currency}", money_text(totals.with_tax)]]
        table = Table(rows, colWidths=[self.width * 0.24, self.width * 0.16], hAlign="RIGHT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 9), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("FONTSIZE", (0, -1), (-1, -1), 11), ("LINEABOVE", (0, -1), (-1, -1), 0.75, INK),
            ("BACKGROUND", (0, -1), (-1, -1), SHADE), ("TEXTCOLOR", (0, -1), (-1, -1), INK),
        ]))
        flow: list = [table]
        if s.currency == CNY:
            flow += [Spacer(1, 1.5 * mm),
                     Paragraph(_p(self.colon("Amount in words") + in_words(totals.with_tax)), self.styles["InWords"])]
        return flow

    def _count(self, s: SalesPrint) -> list:
        text = self.colon("Lines") + str(len(s.lines))
        # A total only adds like units: a note of pieces and sets totals each unit (16 pcs, 5 set), in the order the
        # lines first name them; with no total at all the receiver could not check the count at a glance.
        totals: dict[str, Decimal] = {}
        for line in s.lines:
            totals[line.unit] = totals.get(line.unit, Decimal(0)) + line.qty
        if totals:
            each = self.t(", ").join(f"{qty_text(qty)} {unit}".rstrip() for unit, qty in totals.items())
            text += f" · {self.colon('Total quantity')}{each}"
        return [Paragraph(_p(text), self.styles["InWords"])]

    def _to_come(self, s: SalesPrint) -> list:
        """Under a delivery note's lines, the order's lines still to come (待发货): what stays on backorder and when
        it is expected, so the customer does not take the note for the whole order."""
        if not s.to_come:
            return []
        names = ("#", "SKU", "Name", "Unit", "Qty still owed", "Expected")  # #: the order's line
        widths = self.widths(TO_COME, {1: [line.sku for line in s.to_come]}, names=names)
        data = [self.head_row(names, {4}, widths)]
        for line in s.to_come:
            if not line.backorder:
                expected = self.t("in stock, ships next")
            elif line.expected_on is None:
                expected = self.t("not yet scheduled")
            else:
                expected = day_text(line.expected_on)
            data.append([str(line.line_no), self.code(line.sku, widths[1]), self.cell(line.name, widths[2]),
                         self.cell(line.unit, widths[3]), qty_text(line.qty), self.cell(expected, widths[5])])
        return [Spacer(1, 4 * mm), Paragraph(_p(self.t("Still to come")), self.styles["Heading"]),
                self.line_table(data, widths, {4})]

    def on_first_page(self, canvas, doc, s: SalesPrint) -> None:
        self.decorate(canvas, self._footer(s), None)

    def on_later_pages(self, canvas, doc, s: SalesPrint) -> None:
        continued = f"{self.t(TITLES[s.kind][1])} {s.number} ({self.t('continued')})"
        self.decorate(canvas, self._footer(s), (continued, s.partner.name))

    def _footer(self, s: SalesPrint) -> str:
        return " · ".join(x for x in (s.company.name, f"{self.t(TITLES[s.kind][1])} {s.number}") if x)


class ArrivalNoticeRenderer(SalesRenderer):
    """A customer's backorder / arrival notice: what it is owed, since when, and when it is expected."""

    def title(self, n: ArrivalNotice) -> str:
        return f"{self.t('Arrival notice')} {n.customer.name}"

    def story(self, n: ArrivalNotice) -> list:
        rows = ([[self.t("Number"), n.number]] if n.number else []) + [[self.t("Date"), day_text(n.issued_on)]]
        flow: list = [self.header(n.company, self.t("ARRIVAL NOTICE"), rows), Spacer(1, 5 * mm),
                      self.blocks(self.block("Customer", n.customer), None), Spacer(1, 4 * mm)]
        intro = ("The goods below are on order for you and not yet delivered. "
                 "We will deliver them as soon as they arrive.")
        flow += [Paragraph(_p(self.t(intro)), self.styles["Body"]), Spacer(1, 2 * mm)]
        names = ("#", "SKU", "Name", "Unit", "Qty owed", "Order", "Since", "Expected arrival")
        # Two columns of codes: the names give them more of their room than on the other documents.
        widths = self.widths(NOTICE, {1: [line.sku for line in n.lines], 5: [line.order_number for line in n.lines]},
                             least=NOTICE_NAME_LEAST, names=names)
        data = [self.head_row(names, {4}, widths)]
        for i, line in enumerate(n.lines, 1):
            expected = day_text(line.expected_on) if line.expected_on else self.t("not yet scheduled")
            data.append([str(i), self.code(line.sku, widths[1]), self.cell(line.name, widths[2]),
                         self.cell(line.unit, widths[3]), qty_text(line.qty), self.code(line.order_number, widths[5]),
                         day_text(line.since), self.cell(expected, widths[7])])
        flow.append(self.line_table(data, widths, {4}))
        flow += self.paragraphs("Note", n.note)
        return flow

    def on_first_page(self, canvas, doc, n: ArrivalNotice) -> None:
        self.decorate(canvas, self._footer(n), None)

    def on_later_pages(self, canvas, doc, n: ArrivalNotice) -> None:
        self.decorate(canvas, self._footer(n), (f"{self.t('Arrival notice')} ({self.t('continued')})", n.customer.name))

    def _footer(self, n: ArrivalNotice) -> str:
        return " · ".join(x for x in (n.company.name, self.t("Arrival notice"), n.number, day_text(n.issued_on)) if x)


def render_sales_document(doc: SalesPrint, language: str = ENGLISH, locale_name: str | None = None) -> bytes:
    """The PDF bytes of ``doc`` in ``language`` ("en" or "zh_CN") on the paper of ``locale_name`` (Letter for
    US/CA, else A4)."""
    return SalesDocumentRenderer(paper_for(locale_name), language=language).generate(doc)


def render_arrival_notice(notice: ArrivalNotice, language: str = ENGLISH, locale_name: str | None = None) -> bytes:
    """The PDF bytes of a customer's arrival notice in ``language`` ("en" or "zh_CN")."""
    return ArrivalNoticeRenderer(paper_for(locale_name), language=language).generate(notice)
