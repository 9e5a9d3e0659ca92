"""The planning settings a purchaser may change: what ABC ranks products by (``value``, the default, or
``volume``; ``domain.planning.classification``). Kept in the database beside the products' own planning
policies (``uow.product_planning``); each planning run reads it with its history
(``PlanningHistory.abc_basis``) unless the caller names another basis for that run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from domain.access.roles import Permission
from domain.access.roles import require
from domain.planning.classification import parse_basis

if TYPE_CHECKING:
    from domain.kernel.ports import UnitOfWork


@dataclass(frozen=True)
class SetAbcBasis:
    """What a user chose: ``value`` or ``volume`` (blank: ``value``)."""

    basis: str


def set_abc_basis(uow: UnitOfWork, command: SetAbcBasis) -> str:
    """Keep the basis ABC ranks by (one transaction); bad input is refused naming the two choices.

    Returns:
        The basis kept: ``value`` or ``volume``.
    """
    basis = parse_basis(command.basis)
    with uow:
        require(uow, Permission.PURCHASE)
        uow.product_planning.set_abc_basis(basis)
        uow.commit()
    return basis


def abc_basis(uow: UnitOfWork) -> str:
    """Read-only: the basis in force."""
    with uow:
        return uow.product_planning.abc_basis()
