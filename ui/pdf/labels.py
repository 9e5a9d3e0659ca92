"""Barcode labels (条码标签) as PDF: A4 sheets of common label stock or single thermal labels.

The barcode is the product's first barcode, as EAN-13 when it is a valid EAN-13 (check digit verified), else as
Code 128; a product without barcodes gets its SKU in Code 128. Bars are drawn by reportlab's barcode widgets.
reportlab is imported on first use only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from ui.pdf.fonts import register_cjk_font

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Layout:
    key: str
    page_w: float  # mm
    page_h: float
    cols: int
    rows: int
    margin_x: float = 0.0
    margin_y: float = 0.0
    gap_x: float = 0.0
    gap_y: float = 0.0

    @property
    def label_w(self) -> float:
        return (self.page_w - 2 * self.margin_x - (self.cols - 1) * self.gap_x) / self.cols

    @property
    def label_h(self) -> float:
        return (self.page_h - 2 * self.margin_y - (self.rows - 1) * self.gap_y) / self.rows


LAYOUTS = {
    "a4-3x8": Layout("a4-3x8", 210, 297, 3, 8, margin_x=7, margin_y=12.5, gap_x=2.5, gap_y=0),
    "a4-4x10": Layout("a4-4x10", 210, 297, 4, 10, margin_x=8, margin_y=13.5, gap_x=2.5, gap_y=0),
    "40x30": Layout("40x30", 40, 30, 1, 1),
    "50x30": Layout("50x30", 50, 30, 1, 1),
    "60x40": Layout("60x40", 60, 40, 1, 1),
}


@dataclass(frozen=True)
class LabelItem:
    sku: str
    name: str
    unit: str
    barcodes: tuple[str, ...] = ()
    price: str = ""


def ean13_valid(code: str) -> bool:
    """Thirteen digits whose last is the EAN check digit of the first twelve."""
    if len(code) != 13 or not code.isascii() or not code.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(code[:12]))
    return (10 - total % 10) % 10 == int(code[12])


def symbology(item: LabelItem) -> tuple[str, str]:
    """(reportlab's barcode name, the value encoded) for this product."""
    code = item.barcodes[0] if item.barcodes else item.sku
    if ean13_valid(code):
        return "EAN13", code
    return "Code128", code


def barcode_drawing(kind: str, value: str, width: float, height: float):
    """A reportlab Drawing of the bars fitting width × height points, whole modules, with quiet zones."""
    from reportlab.graphics.barcode import createBarcodeDrawing

    if kind == "EAN13":
        # EAN-13 takes its 12 digits; reportlab adds the check digit, which ean13_valid already proved equal.
        probe = createBarcodeDrawing("EAN13", value=value[:12], barWidth=1, barHeight=height, humanReadable=True)
        bar_w = min(width / probe.width, 0.5 * MM)
        return createBarcodeDrawing("EAN13", value=value[:12], barWidth=bar_w, barHeight=height * 0.78,
                                    humanReadable=True, fontSize=max(5, min(9, bar_w * 20)))
    probe = createBarcodeDrawing("Code128", value=value, barWidth=1, barHeight=height, humanReadable=False,
                                 quiet=True)
    bar_w = min(width / probe.width, 0.5 * MM)
    return createBarcodeDrawing("Code128", value=value, barWidth=bar_w, barHeight=height * 0.78,
                                humanReadable=True, quiet=True, fontSize=max(5, min(8, bar_w * 18)),
                                fontName="Helvetica")


def fit_text(text: str, font: str, size: float, width: float, min_size: float = 5.0) -> tuple[str, float]:
    """The text and font size that fit width: shrunk down to min_size, then cut with an ellipsis."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > min_size and stringWidth(text, font, size) > width:
        size = max(min_size, size - 0.5)
    if stringWidth(text, font, size) <= width:
        return text, size
    cut = text
    while cut and stringWidth(cut + "…", font, size) > width:
        cut = cut[:-1]
    return cut + "…", size


def render_labels(items: list[tuple[LabelItem, int]], layout: Layout, fields: frozenset[str] = frozenset(
        {"name", "sku", "barcode", "price", "unit"}), progress=None) -> bytes:
    """The PDF bytes: each item printed count times, in order, across and down the sheet."""
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    font = register_cjk_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(layout.page_w * MM, layout.page_h * MM))
    per_page = layout.cols * layout.rows
    total = sum(n for _, n in items)
    lw, lh = layout.label_w * MM, layout.label_h * MM
    pad = 1.5 * MM
    slot = 0
    for item, count in items:
        kind, value = symbology(item)
        drawn = None  # the item's bars, drawn once for all its labels (the room is the same on every label)
        for _ in range(count):
            if slot and slot % per_page == 0:
                c.showPage()
            pos = slot % per_page
            col, row = pos % layout.cols, pos // layout.cols
            x0 = (layout.margin_x + col * (layout.label_w + layout.gap_x)) * MM
            top = (layout.page_h - layout.margin_y - row * (layout.label_h + layout.gap_y)) * MM
            inner = lw - 2 * pad
            y = top - pad
            if "name" in fields:
                text, size = fit_text(item.name, font, min(10.0, lh * 0.16), inner)
                y -= size
                c.setFont(font, size)
                c.drawString(x0 + pad, y, text)
            line = "  ".join(p for p in (item.sku if "sku" in fields else "",
                                          (f"{item.price}/{item.unit}" if "unit" in fields else item.price)
                                          if "price" in fields and item.price else
                                          (item.unit if "unit" in fields else "")) if p)
            if line:
                text, size = fit_text(line, font, min(8.0, lh * 0.13), inner)
                y -= size + 1
                c.setFont(font, size)
                c.drawString(x0 + pad, y, text)
            if "barcode" in fields:
                space = y - (top - lh) - pad
                if space > 4 * MM:
                    if drawn is None:
                        drawn = barcode_drawing(kind, value, inner, space)
                    d = drawn
                    scale = min(1.0, inner / d.width, space / d.height) if d.width and d.height else 1.0
                    c.saveState()
                    bx = x0 + (lw - d.width * scale) / 2
                    c.translate(bx, top - lh + pad)
                    c.scale(scale, scale)
                    renderPDF.draw(d, c, 0, 0)
                    c.restoreState()
            slot += 1
            if progress is not None:
                progress(slot, total)
    c.showPage()
    c.save()
    return buf.getvalue()
