"""A partner's statement (对账单) as PDF, in English or Chinese, laid out like the sales documents.

The first page carries the company block and the statement's box (period, side, currency, printed on), the
partner's block, then the lines: an opening-balance row, every item of the period (date, number, what it was, the
payment method or reference, increase, decrease, the balance after it). The lines run over as many pages as they
need; the header row repeats on each, every page but the last ends with a "balance carried forward" row and every
page but the first begins with "balance brought forward", so each page can be checked on its own. After the lines:
the totals, the closing balance and its amount in Chinese capitals (大写金额), and the confirmation that Chinese
statements end with (对方确认): a request to check it, our stamp, the partner's signature and stamp, the dates.

The renderer reads only the ``domain.accounts.statement.Statement`` it is given.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cached_property
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle

from domain.accounts.statement import AR
from domain.accounts.statement import Statement
from domain.accounts.statement import StatementLine
from domain.kernel import clock
from ui.pdf.base import TAIL_ROWS
from ui.pdf.base import paper_for
from ui.pdf.cells import CELL_PADDING
from ui.pdf.purchase_order import INK
from ui.pdf.purchase_order import RULE
from ui.pdf.purchase_order import SHADE
from ui.pdf.purchase_order import money_text
from ui.pdf.sales import SalesRenderer
from ui.pdf.sales import day_text
from ui.pdf.sales import in_words
from ui.pdf.sales_labels import ENGLISH
from ui.pdf.statement_labels import kind_label
from ui.pdf.statement_labels import label
from ui.pdf.statement_labels import method_label
from ui.pdf.statement_labels import side_label

# Column shares of the frame width: date, number, details, method / reference, increase, decrease, balance.
COLUMNS = (0.10, 0.15, 0.19, 0.20, 0.12, 0.12, 0.12)
NAMES = ("Date", "Number", "Details", "Method / reference", "Increase", "Decrease", "Balance")
NUMBERS = {4, 5, 6}
DETAILS_LEAST = 0.14  # the details' least share when a header needs more room
MIN_ROW_HEIGHT = 14  # a line's least height in points (8 pt text on 10 pt leading, 3 pt padding above and below)
CONFIRM = ("Please check this statement against your books. If it agrees, sign and stamp it and return a copy to us; "
           "if it does not, please note the difference below and tell us.")


def details(line: StatementLine, language: str, fits=lambda text: True) -> str:
    """What a line was: its kind in words (a reversal names what it reverses), then its note. The number a
    reversal names goes on a line of its own when ``fits`` says the two do not fit on one (a number is never
    broken)."""
    text = kind_label(line.kind, language)
    if line.kind == "reversal" and line.reverses_number:
        text = f"{label('Reversal of', language)} {line.reverses_number}"
        if not fits(text):
            text = f"{label('Reversal of', language)}\n{line.reverses_number}"
    return f"{text}\n{line.note}" if line.note else text


def method_and_reference(line: StatementLine, language: str, fits=lambda text: True) -> str:
    """The payment method and the reference, on one line when ``fits`` says they fit, else on two."""
    parts = [x for x in (method_label(line.method, language), line.reference) if x]
    text = " · ".join(parts)
    return text if fits(text) else "\n".join(parts)


def amount_text(value: Decimal) -> str:
    """An increase or decrease; a zero one is left blank, as ledgers print it."""
    return money_text(value) if value else ""


class RunningLines(Flowable):
    """The statement's lines as a table that splits between pages with its balance carried over, followed by the
    closing flowables (totals, amount in words, confirmation), which stay with the last lines.

    Each piece of the lines is a ``Table``: the header row, a "brought forward" row (every piece but the first), its
    lines, and a "carried forward" row (every piece but the last) with the balance after its last line. ``split``
    puts as many lines on a page as fit with those rows around them, but always leaves the last ``TAIL_ROWS`` lines
    for the page of the closing, so that page never holds the totals alone.
    """

    def __init__(self, renderer: StatementRenderer, rows: list[tuple[list, Decimal]], opening: Decimal,
                 closing: list, first: bool = True) -> None:
        super().__init__()
        self.renderer = renderer
        self.rows = rows  # (cells, the balance after the row)
        self.opening = opening  # the balance before the first row
        self.closing = closing
        self.first = first
        self._parts: list[tuple[Flowable, float, float]] = []

    def _build(self, count: int, carried: bool) -> Table:
        r = self.renderer
        data: list[list] = [r.head_row(NAMES, NUMBERS, r.column_widths)]
        shaded: list[int] = []
        if not self.first:
            data.append(r.balance_row("Balance brought forward", self.opening))
            shaded.append(len(data) - 1)
        data += [cells for cells, _ in self.rows[:count]]
        if carried:
            balance = self.rows[count - 1][1] if count else self.opening
            data.append(r.balance_row("Balance carried forward", balance))
            shaded.append(len(data) - 1)
        table = Table(data, colWidths=r.column_widths, repeatRows=1)
        style = r.line_style(NUMBERS)
        for row in shaded:
            style.add("BACKGROUND", (0, row), (-1, row), SHADE)
            style.add("TEXTCOLOR", (0, row), (-1, row), INK)
            style.add("SPAN", (2, row), (3, row))  # the words take the details and method columns
        table.setStyle(style)
        return table

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if len(self.rows) * MIN_ROW_HEIGHT > available_height:
            # Cannot fit whatever the rows hold: say so without laying out every row left (a long statement
            # would be laid out once per page); the frame then asks ``split``.
            self._parts = []
            return available_width, available_height + len(self.rows) * MIN_ROW_HEIGHT
        self._parts = []
        for flowable in [self._build(len(self.rows), carried=False), *self.closing]:
            width, height = flowable.wrap(available_width, available_height)
            # A flowable placed by its hAlign, as a frame would place it (the totals sit on the right).
            x = {"RIGHT": available_width - width, "CENTER": (available_width - width) / 2}.get(
                getattr(flowable, "hAlign", "LEFT"), 0)
            self._parts.append((flowable, x, height))
        self.width = available_width
        return available_width, sum(height for _, _, height in self._parts)

    def split(self, available_width: float, available_height: float) -> list:
        def fits(count: int) -> bool:
            return self._build(count, carried=True).wrap(available_width, available_height)[1] <= available_height

        # The last lines stay with the closing; no more lines than the height could hold at the least row height.
        low, high = 0, min(len(self.rows) - TAIL_ROWS, int(available_height // MIN_ROW_HEIGHT))
        while low < high:
            middle = (low + high + 1) // 2
            if fits(middle):
                low = middle
            else:
                high = middle - 1
        if low <= 0:
            return []  # not one line fits here: the lines go on on the next page
        rest = RunningLines(self.renderer, self.rows[low:], self.rows[low - 1][1], self.closing, first=False)
        return [self._build(low, carried=True), rest]

    def draw(self) -> None:
        top = sum(height for _, _, height in self._parts)
        for flowable, x, height in self._parts:
            top -= height
            flowable.drawOn(self.canv, x, top)


class StatementRenderer(SalesRenderer):
    """One ``Statement`` in ``language``; ``printed_on`` is the day printed in its box (today unless told)."""

    def __init__(self, *args, printed_on: date | None = None, **kwargs) -> None:
        self.printed_on = printed_on or clock.today()
        super().__init__(*args, **kwargs)

    def t(self, text: str) -> str:
        return label(text, self.language)

    def title(self, s: Statement) -> str:
        return f"{self.t('Statement of account')} {s.partner.name}"

    def story(self, s: Statement) -> list:
        rows = [[self.t("Period"), f"{day_text(s.start)} – {day_text(s.end)}"],
                [self.t("Type"), side_label(s.side, self.language)],
                [self.t("Currency"), s.currency],
                [self.t("Printed on"), day_text(self.printed_on)]]
        flow: list = [self.header(s.company, self.t("STATEMENT OF ACCOUNT"), rows), Spacer(1, 5 * mm),
                      self.blocks(self.block("Customer" if s.side == AR else "Supplier", s.partner), None),
                      Spacer(1, 6 * mm)]
        lines = [self.opening_row(s)] + [self.line_row(x) for x in s.lines]
        balances = [s.opening] + [x.balance for x in s.lines]
        closing: list = [Spacer(1, 3 * mm), *self.totals(s), Spacer(1, 6 * mm), *self.confirmation()]
        return flow + [RunningLines(self, list(zip(lines, balances, strict=True)), s.opening, closing)]

    @cached_property
    def column_widths(self) -> list[float]:
        """The columns' widths: their shares of the frame, each at least as wide as its header's longest word, the
        room taken from the details."""
        return self.widths(COLUMNS, {}, least=DETAILS_LEAST, names=NAMES)

    def opening_row(self, s: Statement) -> list:
        widths = self.column_widths
        return [day_text(s.start), "", self.cell(self.t("Opening balance"), widths[2]), "", "", "",
                money_text(s.opening)]

    def line_row(self, line: StatementLine) -> list:
        widths = self.column_widths
        return [day_text(line.business_date), self.code(line.number, widths[1]),
                self.cell(details(line, self.language, lambda text: self.fits(text, widths[2])), widths[2]),
                self.cell(method_and_reference(line, self.language, lambda text: self.fits(text, widths[3])),
                          widths[3]),
                amount_text(line.increase), amount_text(line.decrease), money_text(line.balance)]

    def fits(self, text: str, width: float) -> bool:
        return stringWidth(text, self.font, 8) <= width - CELL_PADDING

    def balance_row(self, name: str, balance: Decimal) -> list:
        widths = self.column_widths
        return ["", "", self.cell(self.t(name), widths[2] + widths[3]), "", "", "", money_text(balance)]

    def totals(self, s: Statement) -> list:
        rows = [[self.t("Opening balance"), money_text(s.opening)],
                [f"{self.t('Total')} · {self.t('Increase')}", money_text(s.total_increase)],
                [f"{self.t('Total')} · {self.t('Decrease')}", money_text(s.total_decrease)],
                [f"{self.t('Closing balance')} {s.currency}", money_text(s.closing)]]
        if s.in_currency is not None:  # a foreign supplier: what it is owed in its currency (原币), exact
            currency, owed = s.in_currency
            rows.append([f"{self.t('Closing balance in currency')} {currency}",
                         "—" if owed is None else money_text(owed)])
        table = Table(rows, colWidths=[self.width * 0.26, self.width * 0.16], hAlign="RIGHT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 9), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("FONTSIZE", (0, 3), (-1, 3), 11), ("LINEABOVE", (0, 3), (-1, 3), 0.75, INK),
            ("BACKGROUND", (0, 3), (-1, 3), SHADE), ("TEXTCOLOR", (0, 3), (-1, 3), INK),
        ]))
        words = in_words(s.closing) if s.currency == "CNY" else s.closing_in_words
        return [table, Spacer(1, 1.5 * mm),
                Paragraph(escape(self.colon("Amount in words") + words), self.styles["InWords"])]

    def confirmation(self) -> list:
        """The request to confirm, then two boxes: ours (prepared by, stamp, date) and the partner's (对方确认)."""
        st = self.styles
        half = (self.width - 6 * mm) / 2

        def box(title: str, names: tuple[str, ...]) -> list:
            rows = [[self.t(title)]] + [[f"{self.colon(name)}"] for name in names]
            table = Table(rows, colWidths=[half], rowHeights=[7 * mm] + [11 * mm] * len(names))
            table.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, -1), self.font, 9), ("TEXTCOLOR", (0, 0), (-1, 0), INK),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            return [table]

        boxes = Table([[box("Our company (stamp)", ("Prepared by", "Checked by", "Date")), "",
                        box("Confirmed by (signature and company stamp)", ("Differences", "Signed by", "Date"))]],
                      colWidths=[half, 6 * mm, half])
        boxes.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [Paragraph(escape(self.t(CONFIRM)), st["Body"]), Spacer(1, 2 * mm), boxes]

    def on_first_page(self, canvas, doc, s: Statement) -> None:
        self.decorate(canvas, self._footer(s), None)

    def on_later_pages(self, canvas, doc, s: Statement) -> None:
        continued = f"{self.t('Statement of account')} {day_text(s.start)} – {day_text(s.end)} ({self.t('continued')})"
        self.decorate(canvas, self._footer(s), (continued, s.partner.name))

    def _footer(self, s: Statement) -> str:
        return " · ".join(x for x in (s.company.name, self.t("Statement of account"), s.partner.name) if x)


def render_statement(statement: Statement, language: str = ENGLISH, locale_name: str | None = None,
                     printed_on: date | None = None) -> bytes:
    """The PDF bytes of ``statement`` in ``language`` ("en" or "zh_CN") on the paper of ``locale_name``;
    ``printed_on`` (today unless told) is printed in its box."""
    return StatementRenderer(paper_for(locale_name), language=language, printed_on=printed_on).generate(statement)
