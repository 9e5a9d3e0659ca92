"""Who may read the reports: they show what stock is worth and what sales earned, so reading one needs the
right to see money (``Permission.ACCOUNTS``: purchasers and up; clerks see no money)."""

from __future__ import annotations

from domain.access.roles import Permission
from domain.access.roles import authorize


def authorize_reports(uow) -> None:
    """Refuse (``Forbidden``) a reader who may not see the reports; ``uow`` is a fresh unit of work."""
    authorize(uow, Permission.ACCOUNTS)
