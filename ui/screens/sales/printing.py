"""Printing from the sales screens: the PDF is rendered and written on the task runner, then opened.

The PDFs go to ``Stockroom/sales`` in the user's documents folder, named after the document (``SO-2026-00042
confirmation.pdf``), in the language the window shows. ``open_pdf`` hands the file to the system's viewer; tests
replace it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLocale
from PySide6.QtCore import QStandardPaths
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from domain.stock.documents_model import PREFIXES
from domain.stock.documents_model import DocumentKind
from ui.i18n import CHINESE
from ui.i18n import ENGLISH
from ui.i18n import current_language
from ui.i18n import fill
from ui.refusals import refusal_text
from ui.screens.sales.words import translate
from ui.widgets.busy import alive

opened: list[Path] = []  # every PDF opened in this session, newest last

# The word after the number in a PDF's file name, in the window's language: a Chinese clerk was told
# 已写入 …/SD-2026-00287 delivery.pdf, and found an English word among the 送货单 in the folder.
FILE_WORDS = {
    "confirmation": QT_TRANSLATE_NOOP("SalesFiles", "confirmation"),
    "delivery": QT_TRANSLATE_NOOP("SalesFiles", "delivery"),
    "invoice": QT_TRANSLATE_NOOP("SalesFiles", "invoice"),
    "backorder": QT_TRANSLATE_NOOP("SalesFiles", "backorder"),
    "backorders": QT_TRANSLATE_NOOP("SalesFiles", "backorders"),
    "customer return": QT_TRANSLATE_NOOP("SalesFiles", "customer return"),
    "supplier return": QT_TRANSLATE_NOOP("SalesFiles", "supplier return"),
    "receipt": QT_TRANSLATE_NOOP("SalesFiles", "receipt"),
}


def file_name(number: str, kind: str) -> str:
    """``SD-2026-00287 送货单.pdf`` in Chinese, ``SD-2026-00287 delivery.pdf`` in English."""
    return f"{number} {QCoreApplication.translate('SalesFiles', FILE_WORDS[kind])}.pdf"


def pdf_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return Path(base) / "Stockroom" / "sales"


def open_pdf(path: Path) -> None:
    """Show the PDF in the system's viewer."""
    opened.append(path)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _language() -> str:
    return CHINESE if current_language() == CHINESE else ENGLISH


def _busy(widget, on: bool) -> None:
    bar = getattr(widget, "busy_bar", None)
    if bar is not None:
        bar.busy(on)


def _write(widget, name: str, render) -> None:
    """Render on the task runner, write ``name`` in ``pdf_folder()``, open it; say what happened on ``widget``."""
    folder, locale_name, language = pdf_folder(), QLocale.system().name(), _language()

    def job() -> Path:
        data = render(language, locale_name)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_bytes(data)
        return path

    def done(path: Path) -> None:
        if alive(widget):
            _busy(widget, False)
            widget.say(fill(translate("SalesOrders", "Wrote %1"), str(path)))
            open_pdf(path)

    def failed(exc: BaseException) -> None:
        if alive(widget):
            _busy(widget, False)
            widget.say(fill(translate("SalesOrders", "Could not print: %1"), refusal_text(exc)), error=True)

    _busy(widget, True)
    widget.services.tasks.submit(job, on_done=done, on_error=failed)


def print_order(screen, kind: str) -> None:
    """One of the shown order's documents: ``confirmation``, ``delivery``, ``invoice`` (of its last shipment) or
    ``backorder`` (its customer's backorder notice)."""
    from ui.pdf.sales_orders import render_order

    so, uow = screen.current.number, screen.services.uow
    if kind in ("delivery", "invoice") and not any(x.shipped > 0 for x in screen.current.lines):
        screen.say(
            fill(
                translate("SalesOrders", "Nothing was shipped against %1 yet: there is no delivery note or invoice "
                                         "to print."),
                so,
            ),
            error=True,
        )
        return
    _write(screen, file_name(so, kind),
           lambda language, locale_name: render_order(uow, so, kind, language, locale_name))


def print_backorder_notice(dialog, services, customer: str) -> None:
    """The backorder notice (到货通知) of one customer, from the backorder list."""
    from ui.pdf.sales_orders import render_customer_notice

    uow = services.uow
    _write(
        dialog,
        f"{QCoreApplication.translate('SalesFiles', FILE_WORDS['backorders'])} {customer}.pdf",
        lambda language, locale_name: render_customer_notice(uow, customer, language, locale_name),
    )


def print_sale(widget, services, number: str, kind: str) -> None:
    """A posted sale's delivery note (``delivery``) or sales invoice (``invoice``), from the posted sales list."""
    from ui.pdf.sales_orders import render_sale

    uow = services.uow
    _write(widget, file_name(number, kind),
           lambda language, locale_name: render_sale(uow, number, kind, language, locale_name))


def print_return(widget, services, number: str) -> None:
    """A posted return's note (a customer return SR-… or a supplier return PR-…), from a posted list or after the
    return was posted."""
    from ui.pdf.returns import render_return

    uow = services.uow
    supplier = number.startswith(PREFIXES[DocumentKind.SUPPLIER_RETURN] + "-")
    _write(widget, file_name(number, "supplier return" if supplier else "customer return"),
           lambda language, locale_name: render_return(uow, number, language, locale_name))


def print_goods_receipt(widget, services, number: str) -> None:
    """A posted goods receipt's note (采购入库单, GR-…: a free receipt, or a delivery against a purchase order whose
    lines name their movements), after it was posted or from the posted receipts."""
    from ui.pdf.returns import render_goods_receipt

    uow = services.uow
    _write(widget, file_name(number, "receipt"),
           lambda language, locale_name: render_goods_receipt(uow, number, language, locale_name))
