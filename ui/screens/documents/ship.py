"""The Ship screen: a shipment to a customer; a line refused for want of stock can be kept as unfilled demand."""

from __future__ import annotations

from domain.stock.documents import DocumentKind
from ui.screens.documents.entry import DocumentEntry


class ShipScreen(DocumentEntry):
    KIND = DocumentKind.SHIPMENT
