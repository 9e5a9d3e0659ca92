"""The Adjust screen: signed quantity changes, each with its reason."""

from __future__ import annotations

from domain.stock.documents import DocumentKind
from ui.screens.documents.entry import DocumentEntry


class AdjustScreen(DocumentEntry):
    KIND = DocumentKind.ADJUSTMENT
