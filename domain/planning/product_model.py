"""A product's planning overrides and the repository that keeps them (``persistence.planning.product``
implements it, with the planning settings: what ABC ranks by and the others of ``domain.planning.settings``); the
use cases that set them are ``domain.planning.product`` and ``domain.planning.settings``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class ProductPlanning:
    """The overrides of one product; None keeps the default."""

    product_id: str
    service_target: Decimal | None = None  # a fraction, e.g. 0.975
    review_days: int | None = None

    @property
    def empty(self) -> bool:
        return self.service_target is None and self.review_days is None


class ProductPlanningRepository(Protocol):
    def get(self, product_id: str) -> ProductPlanning | None: ...
    def put(self, planning: ProductPlanning) -> None:
        """Store the overrides; an empty one removes the product's row."""
        ...
    def abc_basis(self) -> str:
        """The planning setting ABC ranks by: ``value`` (also when never set) or ``volume``."""
        ...
    def set_abc_basis(self, basis: str) -> None:
        """Keep the setting (``domain.planning.settings``)."""
        ...
    def setting(self, key: str) -> str | None:
        """Another planning setting as kept (``domain.planning.settings``: the dashboard's days); None: never set."""
        ...
    def set_setting(self, key: str, value: str) -> None:
        ...
