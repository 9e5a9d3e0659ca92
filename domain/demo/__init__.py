"""Demo data: a seeded, deterministic small trading business, posted through the real use cases.

The business is a 五金 · 文具 · 日用 · 食品 wholesaler with about 1,200 products, three warehouses,
20 suppliers and 200 customers, and two years of trading history ending on a given day. Its parts:

- ``master``: the master data (products from ``resources/demo/catalog.toml``, warehouses, suppliers and
  their terms, customers) and what the history needs to know of each product;
- ``history``: the generator of the history, a day-by-day simulation of demand, stock, replenishment
  and housekeeping over the China holiday calendar;
- ``desk``: the documents of the history's last days, written through the sales and purchasing use cases: key
  accounts' sales orders, counter sales, customer returns, purchase orders and their receipts, returns to
  suppliers, lost sales, the money for them, and what is still open at the end;
- ``accounts``: payment terms, what customers and suppliers owe (carried in as opening balances), receipts and
  payments, so that receivables and payables show every ageing band;
- ``scenario``: ``build_demo``, which fills an empty database with all of it through the real use cases.

The same seed and end date give the same business.
"""

from domain.demo.history import LOCAL
from domain.demo.master import CUSTOMERS
from domain.demo.master import DAYS
from domain.demo.master import HUB
from domain.demo.master import PRODUCTS
from domain.demo.master import RECIPE
from domain.demo.master import ean13
from domain.demo.master import load_recipe
from domain.demo.master import promoted_categories
from domain.demo.scenario import CHUNK_MONTHS
from domain.demo.scenario import Progress
from domain.demo.scenario import build_demo

__all__ = ["CHUNK_MONTHS", "CUSTOMERS", "DAYS", "HUB", "LOCAL", "PRODUCTS", "RECIPE", "Progress", "build_demo",
           "ean13", "load_recipe", "promoted_categories"]
