"""Setting up a new company database in one go: the company block, its currency and tax rate, and the first
warehouse.

The welcome dialog's "create a new company" runs this on a fresh file; it is one transaction,
so a refused field leaves the file with neither the settings nor the warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace

from domain.access.roles import Permission
from domain.access.roles import require
from domain.catalog import commands as cmd
from domain.catalog import master as catalog
from domain.catalog.model import Warehouse
from domain.kernel import validate as v
from domain.kernel.currencies import iso_currency
from domain.kernel.ports import UnitOfWork
from domain.purchasing.model import PurchasingPolicy
from domain.purchasing.terms import percent


@dataclass(frozen=True)
class SetUpCompany:
    company_name: str
    address: str
    currency: str
    warehouse_code: str
    warehouse_name: str
    tax_rate: object = None  # the percent added to a purchase order's subtotal; None or "": the default (13)


def set_up_company(uow: UnitOfWork, c: SetUpCompany) -> tuple[PurchasingPolicy, Warehouse]:
    """Store the company's name, address and currency and add its first warehouse, all or nothing.

    Args:
        uow: the unit of work (not yet entered).
        c: the company as entered.

    Returns:
        The purchasing settings now in force and the warehouse added.

    Raises:
        BadInput: a blank company name, an address over 500 characters, a currency that is not an
            ISO 4217 code in use, a tax rate that is not a percentage from 0 to 100, a blank or spaced
            warehouse code, a blank warehouse name.
        Duplicate: the warehouse code is already used.
    """
    name = v.text("company name", c.company_name)
    address = v.text("company address", c.address, required=False, max_len=500)
    currency = iso_currency(c.currency)
    tax_rate = None if c.tax_rate in (None, "") else percent("tax rate", c.tax_rate, 100)
    with uow:
        require(uow, Permission.SETTINGS)
        require(uow, Permission.MASTER_DATA)
        policy = replace(uow.purchasing.policy(), company_name=name, company_address=address, currency=currency)
        if tax_rate is not None:
            policy = replace(policy, tax_rate=tax_rate)
        uow.purchasing.set_policy(policy)
        warehouse = catalog.add_warehouse_within(uow, cmd.AddWarehouse(c.warehouse_code, c.warehouse_name))
        uow.commit()
    return policy, warehouse
