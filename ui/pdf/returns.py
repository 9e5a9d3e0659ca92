"""A posted return's or goods receipt's note as PDF: the print values filled by ``domain.sales.return_print`` (a
return) or ``domain.purchasing.receipt_print`` (a goods receipt) rendered by ``ui.pdf.sales``. The command line's
``return pdf`` and ``po receipt-pdf`` and the window's Print buttons for returns call these."""

from __future__ import annotations

from domain.sales.return_print import return_print
from ui.pdf.sales import render_sales_document


def render_return(uow, number: str, language: str, locale_name: str | None = None) -> bytes:
    """The return note of the customer return (SR-…) or supplier return (PR-…) numbered ``number`` in
    ``language`` ("en" or "zh_CN"). ``uow`` is the unit-of-work factory."""
    return render_sales_document(return_print(uow(), number), language, locale_name)


def render_goods_receipt(uow, number: str, language: str, locale_name: str | None = None) -> bytes:
    """The goods receipt note (采购入库单) of the posted receipt ``GR-…`` numbered ``number`` in ``language``;
    a delivery against a PO prints the movements its lines name. ``uow`` is the unit-of-work factory."""
    from domain.purchasing.receipt_print import receipt_print

    return render_sales_document(receipt_print(uow(), number), language, locale_name)
