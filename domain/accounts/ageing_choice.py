"""The office's choice of how receivables and payables are aged (``domain.accounts.ageing.Scheme``): by the due date
or by the document's date, and where the bands end. Kept in the office settings, so every desk lists, exports and
prints the same bands; the lists and the command line may still ask for another scheme for one look.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.access.roles import Permission
from domain.access.roles import require
from domain.accounts.ageing import BANDS_KEY
from domain.accounts.ageing import BASIS_KEY
from domain.accounts.ageing import Scheme
from domain.accounts.ageing import parse_basis
from domain.accounts.ageing import parse_bounds
from domain.accounts.ageing import scheme_from
from domain.kernel.errors import BadInput


@dataclass(frozen=True)
class SetAgeing:
    basis: str  # due | date
    bands: str  # 30/60/90/180


def ageing_scheme(uow) -> Scheme:
    """The scheme the office chose (due date, 30/60/90 when none); a stored value that no longer parses (written
    by a newer version) reads as the default rather than stopping the lists."""
    with uow:
        basis, bands = uow.accounts.setting(BASIS_KEY), uow.accounts.setting(BANDS_KEY)
    try:
        return scheme_from(basis, bands)
    except BadInput:
        return Scheme()


def set_ageing(uow, c: SetAgeing) -> Scheme:
    """Keep ``c`` as the office's ageing scheme; needs ``Permission.ACCOUNTS`` (who sees the balances sets how they
    age).

    Raises:
        BadInput ``ageing basis`` or ``bands`` (nothing is stored then).
    """
    scheme = Scheme(parse_basis(c.basis), parse_bounds(c.bands))
    with uow:
        require(uow, Permission.ACCOUNTS)
        uow.accounts.set_setting(BASIS_KEY, scheme.basis.value)
        uow.accounts.set_setting(BANDS_KEY, scheme.text())
        uow.commit()
    return scheme
