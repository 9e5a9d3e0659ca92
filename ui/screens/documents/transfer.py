"""The Transfer screen: stock moved from one warehouse to another."""

from __future__ import annotations

from domain.stock.documents import DocumentKind
from ui.screens.documents.entry import DocumentEntry


class TransferScreen(DocumentEntry):
    KIND = DocumentKind.TRANSFER
