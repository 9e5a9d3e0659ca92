"""Transfer documents from planning's transfer suggestions (``create_transfers``): one per from × to warehouse, all in
one transaction, posted through the stock documents' own use case (``domain.stock.documents.post_document``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.kernel.numbers import ZERO
from domain.kernel.ports import UnitOfWork
from domain.planning.drafts import SharedTransaction
from domain.planning.transfers import TransferSuggestion
from domain.stock.documents import DocumentKind
from domain.stock.documents import LineInput
from domain.stock.documents import PostDocument
from domain.stock.documents import post_document

TRANSFER_NOTE = "suggested by replenishment planning"


@dataclass(frozen=True)
class TransferPosted:
    """A transfer document posted from suggestions: its number, the two warehouses and its (SKU, quantity) lines."""

    number: str
    from_warehouse: str
    to_warehouse: str
    lines: list[tuple[str, Decimal]]


def create_transfers(uow: UnitOfWork, transfers: Sequence[TransferSuggestion],
                     note: str = TRANSFER_NOTE) -> list[TransferPosted]:
    """Post one transfer document per from × to warehouse with the suggested lines, all in one transaction.

    The same SKU suggested twice between the same two warehouses makes one line of the summed quantity. Each
    document goes through ``post_document``, which checks the lines, the user's right to transfer and the stock
    of the giving warehouse; a refusal of any of them writes none (the ``DocumentError`` names the line).
    ``note`` goes on each document, in the language of whoever asked (the window passes its own).
    """
    posted = []
    with uow:
        shared = SharedTransaction(uow)
        for planned in preview_transfers(transfers):
            document = post_document(shared, PostDocument(
                DocumentKind.TRANSFER.value, planned.from_warehouse,
                tuple(LineInput(sku, str(qty)) for sku, qty in planned.lines), to_warehouse=planned.to_warehouse,
                note=note))
            posted.append(TransferPosted(document.number, planned.from_warehouse, planned.to_warehouse,
                                         planned.lines))
        uow.commit()
    return posted


def preview_transfers(transfers: Sequence[TransferSuggestion]) -> list[TransferPosted]:
    """The transfer documents ``create_transfers`` would post, without a number (pure): one per from × to
    warehouse, by the two codes, the same SKU's quantities summed into one line; suggestions of 0 left out.

    Args:
        transfers: planning's transfer suggestions.

    Returns:
        One ``TransferPosted`` with ``number`` "" per document that would be posted.
    """
    groups: dict[tuple[str, str], dict[str, Decimal]] = {}
    for t in transfers:
        if t.qty > 0:
            lines = groups.setdefault((t.from_warehouse, t.to_warehouse), {})
            lines[t.sku] = lines.get(t.sku, ZERO) + t.qty
    return [TransferPosted("", source, target, list(lines.items()))
            for (source, target), lines in sorted(groups.items())]
