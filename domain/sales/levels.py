"""The price levels a sales price is listed at, as the office keeps them: rename, add, retire.

There are five levels (``domain.sales.prices.LEVELS``). Retail and wholesale are built in: always offered, named by
the program in the reader's language, never retired. The three extra levels (``level3``..``level5``) are offered
while the office has named one (an office-wide setting, synced to every desk like the others): adding a level names
the first unnamed one, renaming changes its name, retiring removes its name, so the product and customer editors no
longer offer it. A level still used (a product's list price at it, a customer buying at it) is not retired: the
refusal says how many use it, so that they can be moved to another level first.

Each use case is one transaction, checks the level and the name once, and needs the price permission (a manager's).
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.access.roles import Permission
from domain.access.roles import require
from domain.kernel import validate as v
from domain.kernel.errors import BadInput
from domain.kernel.errors import RuleViolation
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.sales.prices import LEVELS
from domain.sales.prices import NAMED_LEVELS

NAME_MAX = 64


@dataclass(frozen=True)
class PriceLevel:
    """One price level as the settings list it."""

    level: str  # retail, wholesale, level3..level5
    name: str  # the office's name of an extra level ("": built in, or not in use)
    built_in: bool  # retail and wholesale
    prices: int  # products with a list price at it
    customers: int  # customers buying at it

    @property
    def in_use(self) -> bool:
        """Offered on the product and customer editors: built in, or named by the office."""
        return self.built_in or bool(self.name)


@dataclass(frozen=True)
class AddLevel:
    name: str


@dataclass(frozen=True)
class RenameLevel:
    level: str
    name: str


@dataclass(frozen=True)
class RetireLevel:
    level: str


def price_levels(uow: UnitOfWork) -> list[PriceLevel]:
    """Every level in order, with the office's names and how many prices and customers use each."""
    with uow:
        names = uow.prices.level_names()
        return [PriceLevel(level, names.get(level, ""), level not in NAMED_LEVELS, *uow.prices.level_use(level))
                for level in LEVELS]


def add_level(uow: UnitOfWork, c: AddLevel) -> str:
    """Name the first extra level not in use; returns it."""
    name = _name(c.name)
    with uow:
        require(uow, Permission.PRICES)
        names = uow.prices.level_names()
        _refuse_taken(names, name, "")
        free = next((level for level in NAMED_LEVELS if not names.get(level)), None)
        if free is None:
            raise refusal(RuleViolation, "no_free_level", most=len(NAMED_LEVELS))
        uow.prices.set_level_name(free, name)
        uow.commit()
    return free


def rename_level(uow: UnitOfWork, c: RenameLevel) -> None:
    level, name = _extra(c.level), _name(c.name)
    with uow:
        require(uow, Permission.PRICES)
        names = uow.prices.level_names()
        if not names.get(level):
            raise refusal(RuleViolation, "level_not_in_use", level=level)
        _refuse_taken(names, name, level)
        uow.prices.set_level_name(level, name)
        uow.commit()


def retire_level(uow: UnitOfWork, c: RetireLevel) -> None:
    """Stop offering an extra level; refused while a list price or a customer uses it."""
    level = _extra(c.level)
    with uow:
        require(uow, Permission.PRICES)
        name = uow.prices.level_names().get(level, "")
        if not name:
            raise refusal(RuleViolation, "level_not_in_use", level=level)
        prices, customers = uow.prices.level_use(level)
        if prices or customers:
            raise refusal(RuleViolation, "level_in_use", name=name, prices=prices, customers=customers)
        uow.prices.set_level_name(level, "")
        uow.commit()


def _extra(value: object) -> str:
    level = v.text("level", value, max_len=16).lower()
    if level not in NAMED_LEVELS:
        if level in LEVELS:
            raise refusal(RuleViolation, "level_built_in")
        raise BadInput("level", f"{value!r} is not a price level; enter one of {', '.join(NAMED_LEVELS)}",
                       code="not_a_price_level", values=(value,))
    return level


def _name(value: object) -> str:
    return v.text("level name", value, max_len=NAME_MAX)


def _refuse_taken(names: dict[str, str], name: str, level: str) -> None:
    """A name is one level's: another extra level's name (in any case) is refused."""
    if any(other != level and held.casefold() == name.casefold() for other, held in names.items()):
        raise refusal(RuleViolation, "level_name_taken", name=name)
