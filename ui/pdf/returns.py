"""A posted return's note as PDF: the print values filled by ``domain.sales.return_print`` rendered by
``ui.pdf.sales``. The command line's ``return pdf`` and the window's Print buttons for returns call
``render_return``."""

from __future__ import annotations

from domain.sales.return_print import return_print
from ui.pdf.sales import render_sales_document


def render_return(uow, number: str, language: str, locale_name: str | None = None) -> bytes:
    """The return note of the customer return (SR-…) or supplier return (PR-…) numbered ``number`` in
    ``language`` ("en" or "zh_CN"). ``uow`` is the unit-of-work factory."""
    return render_sales_document(return_print(uow(), number), language, locale_name)
