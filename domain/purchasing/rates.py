"""Exchange-rate use cases: enter (or correct) a currency's rate of a date, remove one, list them.

The rule that uses them is in ``domain.purchasing.exchange``. Rates are master data: they sync with the
hub like supplier terms (``persistence.sync.records``).
"""

from __future__ import annotations

from dataclasses import replace

from domain.access.roles import Permission
from domain.access.roles import require
from domain.kernel import clock
from domain.kernel import validate as v
from domain.kernel.errors import NotFound
from domain.kernel.ids import new_id
from domain.kernel.ports import UnitOfWork
from domain.kernel.refusals import refusal
from domain.purchasing import commands as pc
from domain.purchasing.exchange import ExchangeRate
from domain.purchasing.exchange import foreign_currency
from domain.purchasing.exchange import rate_value


def set_rate(uow: UnitOfWork, c: pc.SetExchangeRate) -> ExchangeRate:
    """Enter the rate of a currency from a date on; a rate already dated that day is replaced.

    Raises:
        BadInput: the currency is not an ISO 4217 code in use or is the company currency; the
            rate is not a number above 0 with at most 8 decimals; ``date`` (``outside_dates``): the first day lies
            outside the business dates (``domain.kernel.limits``: 1970-01-01 to a year after today), where no
            receipt it could value can lie.
    """
    rate = rate_value(c.rate)
    day = v.day("date", c.valid_from) if c.valid_from is not None else clock.today()
    with uow:
        require(uow, Permission.PURCHASE)
        currency = foreign_currency(c.currency, uow.purchasing.policy().currency)
        old = uow.rates.get(currency, day)
        if old is None:
            new = ExchangeRate(currency, day, rate, id=new_id(), device_id=uow.device_id)
        else:
            new = replace(old, rate=rate, version=old.version + 1)
        uow.rates.put(new)
        uow.commit()
    return new


def remove_rate(uow: UnitOfWork, c: pc.RemoveExchangeRate) -> ExchangeRate:
    """Remove the rate of a currency dated exactly ``valid_from`` (receipts already posted keep theirs). Any date is
    taken, so a rate entered before dates were checked (a 2099 slip) can still go."""
    with uow:
        require(uow, Permission.PURCHASE)
        currency = foreign_currency(c.currency, uow.purchasing.policy().currency)
        old = uow.rates.get(currency, c.valid_from)
        if old is None:
            raise refusal(NotFound, "no_rate_dated", currency=currency, day=c.valid_from.isoformat())
        uow.rates.remove(old)
        uow.commit()
    return old


def list_rates(uow: UnitOfWork, currency: str | None = None) -> tuple[str, list[ExchangeRate]]:
    """The company currency and every rate (of ``currency`` only, when given), by currency and date."""
    with uow:
        company = uow.purchasing.policy().currency
        rates = uow.rates.all()
        if currency:
            code = foreign_currency(currency, company)
            rates = [r for r in rates if r.currency == code]
        return company, rates
