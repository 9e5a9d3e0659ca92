"""A small business on a real SQLite file for the accounts tests: a warehouse with screws in it, a customer, a
supplier; helpers to sell, return, take money and read what is open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from decimal import Decimal

import pytest

from domain.accounts import commands as ac
from domain.accounts import money
from domain.catalog import commands as c
from domain.catalog import master as catalog
from domain.sales import commands as sc
from domain.sales import returns
from domain.sales import shipping
from domain.stock import commands as stock_cmd
from domain.stock import ledger
from domain.stock.documents import ReverseDocument
from domain.stock.documents import reverse_document
from persistence.accounts import queries


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, 0)


@dataclass
class Shop:
    db: object

    def uow(self):
        return self.db.uow()

    def sell(self, qty: str, price: str = "100", on: date = date(2026, 10, 14), customer: str = "ACME") -> str:
        doc = shipping.sell(self.uow(), sc.CounterSale(customer, "MAIN", (sc.SaleLineInput("SCREW", qty, price),),
                                                       noon(on)))
        return doc.number

    def give_back(self, sale: str, qty: str, on: date = date(2026, 11, 20)) -> str:
        docs = returns.return_goods(self.uow(), sc.ReturnFromCustomer("SCREW", qty, "damaged", shipment=sale,
                                                                      occurred_at=noon(on)))
        return docs[0].number

    def receipt(self, amount: str, *allocate: str, on: date = date(2026, 11, 20), customer: str = "ACME",
                auto: bool = True) -> str:
        targets = tuple(ac.AllocateTo(*x.split(":")) if ":" in x else ac.AllocateTo(x) for x in allocate)
        return money.record_money(self.uow(), ac.RecordMoney("receipt", customer, amount, day=on, allocate=targets,
                                                             auto=auto)).number

    def reverse(self, number: str) -> None:
        reverse_document(self.uow(), ReverseDocument(number))

    def open(self, side: str = "AR") -> dict[str, Decimal]:
        return {r.number: r.open for r in queries.open_items(self.db.engine, side)}

    def balance(self, side: str = "AR", code: str = "ACME"):
        return next(r for r in queries.balances(self.db.engine, side) if r.code == code)

    def set_terms(self, basis: str, days: int, side: str = "AR", partner: str = "ACME") -> None:
        money.set_payment_terms(self.uow(), ac.SetPaymentTerms(side, partner, basis, days))


@pytest.fixture
def shop(db) -> Shop:
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "Main"))
    catalog.add_customer(u(), c.AddCustomer("ACME", "Acme Trading"))
    catalog.add_customer(u(), c.AddCustomer("BETA", "Beta Stores"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "Ningbo Fasteners"))
    catalog.add_product(u(), c.AddProduct("SCREW", "Screw M3"))
    ledger.receive(u(), stock_cmd.ReceiveStock("SCREW", "1000", "MAIN", "2", occurred_at=datetime(2026, 1, 5, 9)))
    return Shop(db)
