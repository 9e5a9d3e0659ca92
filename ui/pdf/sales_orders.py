"""A sales order's documents as PDF: the print values filled by ``domain.sales.print_data`` rendered by
``ui.pdf.sales``. The command line's ``so pdf`` and the window's Print buttons both call ``render_order``."""

from __future__ import annotations

from domain.sales import print_data
from domain.sales.orders import load_order
from domain.sales.printing import DocumentKind
from ui.pdf.sales import render_arrival_notice
from ui.pdf.sales import render_sales_document

KINDS = ("confirmation", "delivery", "invoice", "backorder")


def render_order(uow, so: str, kind: str, language: str, locale_name: str | None = None) -> bytes:
    """The PDF of one of the order's documents (``KINDS``) in ``language`` ("en" or "zh_CN"): its confirmation,
    the delivery note or the invoice of its last shipment, or its customer's backorder notice.

    ``uow`` is the unit-of-work factory (each read opens its own).
    """
    if kind == "confirmation":
        return render_sales_document(print_data.order_confirmation(uow(), so), language, locale_name)
    if kind == "backorder":
        return render_customer_notice(uow, load_order(uow(), so).customer_code, language, locale_name)
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    number = print_data.last_shipment(uow(), so)
    which = DocumentKind.DELIVERY_NOTE if kind == "delivery" else DocumentKind.SALES_INVOICE
    return render_sales_document(print_data.shipment_print(uow(), number, which), language, locale_name)


def render_customer_notice(uow, customer: str, language: str, locale_name: str | None = None) -> bytes:
    """The backorder notice (到货通知) of the customer with the code ``customer``."""
    return render_arrival_notice(print_data.arrival_notice(uow(), customer), language, locale_name)


def render_sale(uow, number: str, kind: str, language: str, locale_name: str | None = None) -> bytes:
    """A posted sale (an order's shipment or a counter sale) as its ``delivery`` note or sales ``invoice``; a
    customer return prints as its return note whichever is asked."""
    which = DocumentKind.DELIVERY_NOTE if kind == "delivery" else DocumentKind.SALES_INVOICE
    return render_sales_document(print_data.shipment_print(uow(), number, which), language, locale_name)
