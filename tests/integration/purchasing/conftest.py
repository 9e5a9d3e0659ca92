"""The shop the purchasing tests on a real SQLite file share: warehouses MAIN and SHOP, suppliers NB and SZ,
products SCREW and NUT."""

from __future__ import annotations

import pytest

from domain.catalog import commands as c
from domain.catalog import master as catalog


@pytest.fixture
def shop(db):
    u = db.uow
    catalog.add_warehouse(u(), c.AddWarehouse("MAIN", "主仓库"))
    catalog.add_warehouse(u(), c.AddWarehouse("SHOP", "门店"))
    catalog.add_supplier(u(), c.AddSupplier("NB", "宁波紧固件有限公司"))
    catalog.add_supplier(u(), c.AddSupplier("SZ", "深圳五金"))
    catalog.add_product(u(), c.AddProduct("SCREW", "不锈钢螺丝 M3"))
    catalog.add_product(u(), c.AddProduct("NUT", "六角螺母 M3"))
    return db
