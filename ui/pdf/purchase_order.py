"""The purchase-order PDF, rendered from a frozen ``PoSnapshot``.

First page: company block and the document box (number, revision, dates, currency), supplier
and delivery blocks. Then the lines table, whose header row repeats on every page, the totals (kept
with the last lines, so that no page holds them alone), the terms and notes as paragraphs (they wrap
and flow onto further pages rather than being cut) and a signature line (kept with what precedes it).
Every page carries the PO number and "Page X of Y".
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image
from reportlab.platypus import KeepTogether
from reportlab.platypus import Paragraph
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle

from domain.kernel.capitals import capitals
from domain.kernel.numbers import fmt
from domain.kernel.numbers import fmt_price
from domain.purchasing.exchange import FIXED
from domain.purchasing.snapshot import DRAFT_NUMBER
from domain.purchasing.snapshot import Party
from domain.purchasing.snapshot import PoSnapshot
from ui.fill import QT_TRANSLATE_NOOP
from ui.pdf.base import BaseRenderer
from ui.pdf.base import HeadedTogether
from ui.pdf.base import split_tail
from ui.pdf.cells import code_cell
from ui.pdf.cells import text_cell
from ui.pdf.cells import widen_for_codes
from ui.pdf.headers import header_cell
from ui.pdf.headers import widen_for_headers

# The translation context of the labels below. lupdate reads only literal arguments, so each marker
# spells "PurchaseOrderPdf" out; the window's translator (ui.screens.purchasing) looks labels up in it.
CONTEXT = "PurchaseOrderPdf"
INK = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#e8edf3")
STRIPE = colors.HexColor("#f6f8fa")

# The label of the amount in capitals: the amount is written in Chinese whatever the document's language, so its
# label says what it is in both, as bilingual Chinese invoices print it (and it needs no translation).
IN_WORDS = "金额大写 / Amount in words"

# Column shares of the frame width: #, our SKU, supplier SKU, description, qty, unit/pack, price, amount.
COLUMNS = (0.05, 0.12, 0.12, 0.27, 0.11, 0.11, 0.10, 0.12)
DESCRIPTION_LEAST = 0.2  # the description's least share when the codes' columns widen for long codes
LABELS = (
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Purchase order"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "PURCHASE ORDER"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "DRAFT — not valid as an order"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "DRAFT"),  # a draft's number (it has none yet) in the reader's language
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "PO number"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Revision"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Date"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Expected delivery"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Currency"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Supplier"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Deliver to"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Contact"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Payment terms"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "#"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Our SKU"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Supplier SKU"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Description"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Quantity"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Unit / pack"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Unit price"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Amount"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Subtotal"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Tax %1%"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Total %1"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Terms"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Notes"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Authorised signature"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "packs"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "pack"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "pack of %1 %2"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "continued"), QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Page %1 of %2"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Code"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "Exchange rate: %1"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "1 %1 = %2 %3, rate of %4"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "1 %1 = %2 %3, fixed on this PO"),
    QT_TRANSLATE_NOOP("PurchaseOrderPdf", "none entered yet for %1 (set it before receiving)"),
)


def qty_text(value: Decimal) -> str:
    """A quantity with thousands separators and no trailing zeros (``1,200``, ``5.1``)."""
    value = value.normalize()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return format(value, ",f")


def price_text(value: Decimal) -> str:
    """A unit price with at least two decimals and no more than it carries (``12.00``, ``0.125``): ``fmt_price``,
    as the screens and workbooks show it."""
    return fmt_price(value)


def money_text(value: Decimal) -> str:
    return format(value, ",f")


def _p(text: str) -> str:
    """Plain text made safe for a Paragraph; line breaks kept."""
    return escape(text).replace("\n", "<br/>")


class PurchaseOrderRenderer(BaseRenderer):
    context = "Purchase order"

    def __init__(self, *args, logo: bytes | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.logo = logo

    def t(self, text: str, *args: object) -> str:
        result = self.tr(text)
        for i, arg in enumerate(args, 1):
            result = result.replace(f"%{i}", str(arg))
        return result

    def number(self, snapshot: PoSnapshot) -> str:
        """The PO number; a draft's placeholder ``DRAFT`` translated (it printed in English on a Chinese PO)."""
        return self.t("DRAFT") if snapshot.number == DRAFT_NUMBER else snapshot.number

    def title(self, snapshot: PoSnapshot) -> str:
        return f"{self.t('Purchase order')} {self.number(snapshot)}"

    def stylesheet(self):
        sheet = super().stylesheet()
        sheet.add(ParagraphStyle("Right", parent=sheet["Cell"], alignment=TA_RIGHT))
        sheet.add(ParagraphStyle("Label", parent=sheet["Small"], textColor=INK))
        sheet.add(ParagraphStyle("Body", parent=sheet["Normal"], spaceAfter=4))
        sheet.add(ParagraphStyle("Rate", parent=sheet["Small"], alignment=TA_RIGHT, textColor=INK))
        sheet.add(ParagraphStyle("InWords", parent=sheet["Normal"], alignment=TA_RIGHT, rightIndent=6))  # as the totals
        return sheet

    def rate_text(self, s: PoSnapshot) -> str:
        """The exchange rate frozen on this revision (``domain.purchasing.exchange``), '' for a PO in the company
        currency."""
        rate = s.applied_rate
        if rate is not None:
            if rate.source == FIXED:
                return self.t("1 %1 = %2 %3, fixed on this PO", rate.currency, fmt(rate.rate), rate.company_currency)
            day = rate.valid_from.isoformat() if rate.valid_from else ""
            return self.t("1 %1 = %2 %3, rate of %4", rate.currency, fmt(rate.rate), rate.company_currency, day)
        if s.rate_missing:
            return self.t("none entered yet for %1 (set it before receiving)", s.currency)
        return ""

    # story

    def story(self, s: PoSnapshot) -> list:
        width = self.pagesize[0] - self.margins[0] - self.margins[1]
        flow: list = [self._header(s, width), Spacer(1, 5 * mm), self._parties(s, width), Spacer(1, 6 * mm)]
        body, tail, header = self._lines(s, width)
        if body is not None:
            flow.append(body)
        # The last lines and the totals stay together, under the repeated header when they begin a page: a page
        # never holds the totals alone (a PO of 13 lines put them alone on page 2).
        closing: list = [tail, Spacer(1, 3 * mm), self._totals(s, width)]
        if s.currency == "CNY":
            closing += [Spacer(1, 1.5 * mm), self._in_words(s.total)]
        rate = self.rate_text(s)
        if rate:
            closing += [Spacer(1, 1.5 * mm), Paragraph(_p(self.t("Exchange rate: %1", rate)), self.styles["Rate"])]
        texts: list = []
        for label, text in ((self.t("Terms"), s.terms), (self.t("Notes"), s.notes)):
            if text.strip():
                heading = Paragraph(_p(label), self.styles["Heading"])
                heading.keepWithNext = True  # never at the foot of a page without its text
                texts.append(heading)
                texts.extend(Paragraph(_p(part), self.styles["Body"]) for part in text.split("\n\n") if part.strip())
        # The terms and notes flow onto further pages rather than being cut; the signature goes with their last
        # paragraph (or with the totals), never alone on a page.
        signature = [Spacer(1, 14 * mm), *self._signature(s, width)]
        if texts:
            last = len(texts) - 1
            if last and getattr(texts[last - 1], "keepWithNext", False):  # a heading goes with its one paragraph
                last -= 1
            return [*flow, HeadedTogether(closing, header), *texts[:last], KeepTogether([*texts[last:], *signature])]
        return [*flow, HeadedTogether([*closing, *signature], header)]

    def _header(self, s: PoSnapshot, width: float) -> Table:
        st = self.styles
        # No name set (a new company): the address alone, never an invented name.
        left = [Paragraph(_p(text), style) for text, style in ((s.company.name, st["Company"]),
                                                                (s.company.address, st["Normal"])) if text]
        if self.logo:
            logo = Image(BytesIO(self.logo), width=40 * mm, height=15 * mm, kind="proportional", hAlign="LEFT")
            left[:0] = [logo, Spacer(1, 2 * mm)]
        title = self.t("PURCHASE ORDER")
        rows = [[self.t("PO number"), self.number(s)]]
        if s.revision:
            rows.append([self.t("Revision"), str(s.revision)])
        rows += [[self.t("Date"), s.issued_on or "—"], [self.t("Expected delivery"), s.expected_on or "—"],
                 [self.t("Currency"), s.currency]]
        box = Table(rows, colWidths=[0.5 * width * 0.45, 0.5 * width * 0.55])
        box.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 9), ("TEXTCOLOR", (0, 0), (0, -1), INK),
            ("FONTSIZE", (1, 0), (1, 0), 11), ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE), ("BACKGROUND", (0, 0), (0, -1), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        right: list = [Paragraph(_p(title), st["Title"]), Spacer(1, 2 * mm), box]
        if s.number == DRAFT_NUMBER:
            right.append(Paragraph(_p(self.t("DRAFT — not valid as an order")),
                                   ParagraphStyle("Draft", parent=st["Normal"], textColor=colors.red)))
        outer = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
        outer.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.font, 9), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return outer

    def _party(self, label: str, party: Party) -> list:
        st = self.styles
        parts = [Paragraph(_p(label), st["Label"]), Paragraph(_p(party.name), st["Heading"])]
        if party.code:
            parts.append(Paragraph(_p(f"{self.t('Code')}: {party.code}"), st["Small"]))
        if party.address:
            parts.append(Paragraph(_p(party.address), st["Normal"]))
        if party.contact:
            parts.append(Paragraph(_p(f"{self.t('Contact')}: {party.contact}"), st["Normal"]))
        if party.payment_terms:
            parts.append(Paragraph(_p(f"{self.t('Payment terms')}: {party.payment_terms}"), st["Normal"]))
        return parts

    def _parties(self, s: PoSnapshot, width: float) -> Table:
        gap = 6 * mm
        table = Table([[self._party(self.t("Supplier"), s.supplier), "",
                        self._party(self.t("Deliver to"), s.deliver_to)]],
                      colWidths=[(width - gap) / 2, gap, (width - gap) / 2])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (0, 0), 0.5, RULE), ("BOX", (2, 0), (2, 0), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        return table

    def _lines(self, s: PoSnapshot, width: float) -> tuple[Table | None, Table, Table | None]:
        """The lines table as (body, tail, header) (``ui.pdf.base.split_tail``): the tail goes with the totals."""
        st = self.styles
        head = [self.t(x) for x in ("#", "Our SKU", "Supplier SKU", "Description", "Quantity", "Unit / pack",
                                    "Unit price", "Amount")]
        # Each column as wide as its header's longest word (序号 whole, not 序 above 号) and the codes' columns as
        # their longest code, the description giving the room (it wraps anyway).
        size, least = st["Cell"].fontSize, width * DESCRIPTION_LEAST
        widths = widen_for_headers([width * share for share in COLUMNS], head, give=3, font=self.font, size=size,
                                   least=least)
        # The unit price with what it is per ("19.83 / pcs") and the amount on one line: their columns as wide as
        # their widest value, as the codes' (the price above its unit, on two lines, made every row two lines high and
        # a 70-line PO four pages long).
        prices = [f"{price_text(line.price)} / {self.t('pack') if line.price_per == 'pack' else line.unit}"
                  for line in s.lines]
        codes = {1: [line.sku for line in s.lines], 2: [line.supplier_sku for line in s.lines], 6: prices,
                 7: [money_text(line.amount) for line in s.lines]}
        widths = widen_for_codes(widths, codes, give=3, font=self.font, size=size, least=least)
        data: list[list] = [[header_cell(h, widths[i], ParagraphStyle("H", parent=st["Cell"], textColor=colors.white,
                                                                      alignment=TA_RIGHT if i >= 4 and i != 5 else 0))
                             for i, h in enumerate(head)]]
        for line, price in zip(s.lines, prices, strict=True):
            by_pack = line.pack_size != 1
            qty = qty_text(line.qty) + " " + line.unit
            if by_pack:
                qty += f"\n{qty_text(line.packs)} {self.t('packs')}"
                unit = self.t("pack of %1 %2", qty_text(line.pack_size), line.unit)
            else:
                unit = line.unit
                if line.in_packs:  # 120 瓶 (10 箱): a whole number of the product's carton
                    qty += f"\n({line.in_packs})"
            data.append([
                str(line.line_no), code_cell(line.sku, widths[1], st["Cell"]),
                code_cell(line.supplier_sku, widths[2], st["Cell"]), text_cell(line.description, widths[3], st["Cell"]),
                qty, unit, code_cell(price, widths[6], st["Right"]),
                code_cell(money_text(line.amount), widths[7], st["Right"]),
            ])
        return split_tail(data, widths, self._line_style)

    def _line_style(self, header: bool, striped_first: bool) -> TableStyle:
        """The lines' look: a dark header row (when ``header``), striped rows (beginning with a stripe when
        ``striped_first``, so that the tail continues the body's stripes), numbers on the right."""
        top = 1 if header else 0
        style = [
            ("FONT", (0, 0), (-1, -1), self.font, 8), ("LEADING", (0, 0), (-1, -1), 10),
            ("ROWBACKGROUNDS", (0, top), (-1, -1), [STRIPE, colors.white] if striped_first else [colors.white, STRIPE]),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE), ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (4, top), (4, -1), "RIGHT"),
            ("ALIGN", (6, top), (-1, -1), "RIGHT"), ("ALIGN", (0, top), (0, -1), "RIGHT"),
        ]
        if header:
            style += [("BACKGROUND", (0, 0), (-1, 0), INK), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white)]
        return TableStyle(style)

    def _totals(self, s: PoSnapshot, width: float) -> Table:
        rows = [[self.t("Subtotal"), money_text(s.subtotal)],
                [self.t("Tax %1%", qty_text(s.tax_rate)), money_text(s.tax)],
                [self.t("Total %1", s.currency), money_text(s.total)]]
        table = Table(rows, colWidths=[width * 0.22, width * 0.16], hAlign="RIGHT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 9), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("FONTSIZE", (0, -1), (-1, -1), 11), ("LINEABOVE", (0, -1), (-1, -1), 0.75, INK),
            ("BACKGROUND", (0, -1), (-1, -1), SHADE), ("TEXTCOLOR", (0, -1), (-1, -1), INK),
        ]))
        return table

    def _in_words(self, total: Decimal) -> Paragraph:
        """The grand total in Chinese capitals (大写金额), under the totals, as Chinese documents print it."""
        return Paragraph(f"{_p(IN_WORDS)}: 人民币{capitals(total)}", self.styles["InWords"])

    def _signature(self, s: PoSnapshot, width: float) -> list:
        table = Table([["", "", ""], [self.t("Authorised signature"), "", self.t("Date")]],
                      colWidths=[width * 0.45, width * 0.1, width * 0.25], hAlign="LEFT", rowHeights=[12 * mm, None])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 8), ("TEXTCOLOR", (0, 1), (-1, 1), INK),
            ("LINEABOVE", (0, 1), (0, 1), 0.75, colors.black), ("LINEABOVE", (2, 1), (2, 1), 0.75, colors.black),
        ]))
        return [table]

    # page decorations

    def _footer(self, canvas, s: PoSnapshot) -> None:
        canvas.saveState()
        canvas.setFont(self.font, 8)
        canvas.setFillColor(INK)
        canvas.setStrokeColor(RULE)
        canvas.line(self.margins[0], 14 * mm, self.pagesize[0] - self.margins[1], 14 * mm)
        label = " · ".join(x for x in (s.company.name, f"{self.t('Purchase order')} {self.number(s)}") if x)
        if s.revision:
            label += f" · {self.t('Revision')} {s.revision}"
        canvas.drawString(self.margins[0], 10 * mm, label)
        canvas.restoreState()

    def on_first_page(self, canvas, doc, s: PoSnapshot) -> None:
        self._footer(canvas, s)

    def on_later_pages(self, canvas, doc, s: PoSnapshot) -> None:
        self._footer(canvas, s)
        canvas.saveState()
        canvas.setFont(self.font, 9)
        canvas.setFillColor(INK)
        top = self.pagesize[1] - 12 * mm
        canvas.drawString(self.margins[0], top, f"{self.t('Purchase order')} {self.number(s)} ({self.t('continued')})")
        canvas.drawRightString(self.pagesize[0] - self.margins[1], top, s.supplier.name)
        canvas.restoreState()


def render_purchase_order(snapshot: PoSnapshot, locale_name: str | None = None, **kwargs) -> bytes:
    """The PDF bytes of ``snapshot`` on the paper of ``locale_name`` (Letter for US/CA, else A4)."""
    from ui.pdf.base import paper_for

    return PurchaseOrderRenderer(paper_for(locale_name), **kwargs).generate(snapshot)
