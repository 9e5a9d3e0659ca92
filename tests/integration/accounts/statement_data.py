"""Open items written straight into a real database, for the statement's tests: the code that posts sales,
receipts and payments is not what these tests are about, so they insert ``account_items`` rows with SQLAlchemy
Core, with customers and suppliers made through the catalog's use cases."""

from __future__ import annotations

import itertools
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal

from domain.catalog import commands as cc
from domain.catalog.master import add_customer
from domain.catalog.master import add_supplier
from domain.kernel.ids import new_id
from persistence import tables as t

_clock = itertools.count()


def customer(db, code: str, name: str, contact: str = "") -> str:
    return add_customer(db.uow(), cc.AddCustomer(code, name, contact)).id


def supplier(db, code: str, name: str, address: str = "") -> str:
    return add_supplier(db.uow(), cc.AddSupplier(code, name, address=address)).id


def item(db, side: str, partner_id: str, day: date, kind: str, amount: str, number: str = "", *, method: str = "",
         reference: str = "", note: str = "", reverses_id: str | None = None) -> str:
    """One open item as the accounts' posting paths write it; items are recorded in the order they are written."""
    item_id = new_id()
    recorded = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=next(_clock))
    with db.engine.begin() as conn:
        conn.execute(t.account_items.insert().values(
            id=item_id, side=side, partner_id=partner_id, kind=kind, number=number, business_date=day,
            amount=Decimal(amount), method=method, reference=reference, note=note, reverses_id=reverses_id,
            user="test", created_at=recorded, device_id=db.device_id))
    return item_id


def march_of_my01(db) -> str:
    """Customer MY01 with the hand-computed March of ``tests/unit/accounts/test_statement.py``: it opens March at
    600.00 (a sale of 1,000.00 and a receipt of 400.00 in February) and closes it at 1,104.07; an April sale, a
    supplier's items and another customer's are not on its statement. Returns the customer's id."""
    my01 = customer(db, "MY01", "杭州明远五金机电有限公司", "李小姐")
    other = customer(db, "ZZ9", "Other customer")
    nb = supplier(db, "NB", "宁波紧固件有限公司")
    item(db, "AR", my01, date(2026, 2, 10), "sale", "1000.00", "SD-2026-00001")
    item(db, "AR", my01, date(2026, 2, 20), "receipt", "-400.00", "RC-2026-00001", method="cash")
    item(db, "AR", my01, date(2026, 3, 2), "sale", "1504.07", "SD-2026-00010")
    paid = item(db, "AR", my01, date(2026, 3, 5), "receipt", "-500.00", "RC-2026-00003", method="bank",
                reference="BOC 8812")
    item(db, "AR", my01, date(2026, 3, 5), "reversal", "500.00", "RC-2026-00003", reverses_id=paid,
         note="cheque bounced 退票")
    item(db, "AR", my01, date(2026, 3, 10), "customer_return", "-104.07", "SR-2026-00002")
    item(db, "AR", my01, date(2026, 3, 31), "receipt", "-895.93", "RC-2026-00007", method="wechat",
         reference="=HYPERLINK(\"http://x\")")
    item(db, "AR", my01, date(2026, 4, 1), "sale", "50.00", "SD-2026-00020")
    item(db, "AR", other, date(2026, 3, 3), "sale", "7777.00", "SD-2026-00011")
    item(db, "AP", nb, date(2026, 3, 3), "goods_receipt", "3333.00", "GR-2026-00004")
    item(db, "AP", my01, date(2026, 3, 3), "goods_receipt", "9999.00", "GR-2026-00005")  # another side's partner id
    return my01
