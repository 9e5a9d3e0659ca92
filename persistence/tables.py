"""The schema, on one MetaData shared by the repositories and the Alembic migrations.

Why SQLAlchemy Core and not imperative ORM mapping: movements are frozen dataclasses and
balances are updated many thousand times per second during bulk posting; the repositories
convert rows to domain objects explicitly, which keeps the domain classes immutable and the
hot path free of identity-map bookkeeping.

Every row that may be synced has a UUID text key and the device that created it; mutable
rows carry a version. Quantities keep 4 decimals, money 4 (values are rounded to the
currency's decimals before they get here), costs and averages 8.
"""

from __future__ import annotations

from sqlalchemy import BigInteger
from sqlalchemy import Boolean
from sqlalchemy import Column
from sqlalchemy import Date
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint

from domain.kernel import limits as L
from persistence.types import Instant
from persistence.types import Scaled

QTY = 4
MONEY = 4
COST = 8

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)


def _id() -> Column:
    return Column("id", String(36), primary_key=True)


def _sync_columns() -> list[Column]:
    return [
        Column("device_id", String(36), nullable=False, default=""),
        Column("version", Integer, nullable=False, default=1),
    ]


settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# The settings the whole office shares (persistence.office): synced like other records, one row per key with the
# version and device of its last edit. ``settings`` above keeps what belongs to this desk alone.
office_settings = Table(
    "office_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    *_sync_columns(),
)

products = Table(
    "products",
    metadata,
    _id(),
    Column("sku", String(L.SKU), nullable=False, unique=True),
    Column("name", String(L.NAME), nullable=False),
    Column("unit", String(L.UNIT), nullable=False, default="pcs"),
    Column("category", String(L.CATEGORY), nullable=False, default=""),
    Column("pack_size", Scaled(QTY), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("min_level", Scaled(QTY)),
    Column("max_level", Scaled(QTY)),
    # counted in whole units: a fractional quantity of it is refused (domain.catalog.units); see migration 0015
    Column("whole_units", Boolean, nullable=False, default=False),
    *_sync_columns(),
    Index(None, "category"),
    Index(None, "name"),
)

barcodes = Table(
    "barcodes",
    metadata,
    Column("barcode", String(L.BARCODE), primary_key=True),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False, index=True),
)

# A product's packaging units (domain.catalog.packaging, migration 0019): a pack (箱, carton) holding ``per`` base
# units, with barcodes of its own. Synced as a record with its barcodes (persistence.sync.records).
product_units = Table(
    "product_units",
    metadata,
    _id(),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False, index=True),
    Column("name", String(L.UNIT), nullable=False),
    Column("per", Scaled(QTY), nullable=False),
    *_sync_columns(),
    UniqueConstraint("product_id", "name"),
)

product_unit_barcodes = Table(
    "product_unit_barcodes",
    metadata,
    Column("barcode", String(L.BARCODE), primary_key=True),
    Column("unit_id", String(36), ForeignKey("product_units.id"), nullable=False, index=True),
)

warehouses = Table(
    "warehouses",
    metadata,
    _id(),
    Column("code", String(L.CODE), nullable=False, unique=True),
    Column("name", String(L.NAME), nullable=False),
    Column("allow_negative", Boolean, nullable=False, default=False),
    Column("address", String(L.ADDRESS), nullable=False, default=""),
    *_sync_columns(),
)

suppliers = Table(
    "suppliers",
    metadata,
    _id(),
    Column("code", String(L.CODE), nullable=False, unique=True),
    Column("name", String(L.NAME), nullable=False),
    Column("contact", String(L.CONTACT), nullable=False, default=""),
    Column("currency", String(3), nullable=False, default="CNY"),
    Column("lead_time_days", Integer, nullable=False, default=7),
    Column("address", String(L.ADDRESS), nullable=False, default=""),
    *_sync_columns(),
)

supplier_terms = Table(
    "supplier_terms",
    metadata,
    _id(),
    Column("supplier_id", String(36), ForeignKey("suppliers.id"), nullable=False),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False, index=True),
    Column("supplier_sku", String(L.SUPPLIER_SKU), nullable=False, default=""),
    Column("unit_price", Scaled(COST), nullable=False),
    Column("moq", Scaled(QTY), nullable=False),
    Column("order_multiple", Scaled(QTY), nullable=False),
    Column("lead_time_days", Integer),
    *_sync_columns(),
    UniqueConstraint("supplier_id", "product_id"),
)

customers = Table(
    "customers",
    metadata,
    _id(),
    Column("code", String(L.CODE), nullable=False, unique=True),
    Column("name", String(L.NAME), nullable=False),
    Column("contact", String(L.CONTACT), nullable=False, default=""),
    *_sync_columns(),
)

movements = Table(
    "movements",
    metadata,
    _id(),
    Column("kind", String(20), nullable=False),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False),
    Column("warehouse_id", String(36), ForeignKey("warehouses.id"), nullable=False),
    Column("qty", Scaled(QTY), nullable=False),
    Column("unit_cost", Scaled(COST)),
    Column("occurred_at", Instant, nullable=False),
    Column("recorded_at", Instant, nullable=False),
    Column("transfer_id", String(36)),
    # not unique: a movement reversed on two desks offline keeps both reversals, the later one undone by a
    # reversal of its own (see persistence/sync/hub.py); the ledger itself refuses a second reversal
    Column("reverses_id", String(36), ForeignKey("movements.id")),
    Column("source_type", String(20), nullable=False, default=""),
    Column("source_ref", String(L.REFERENCE), nullable=False, default=""),
    Column("note", String(L.NOTE), nullable=False, default=""),
    Column("user", String(L.USERNAME), nullable=False, default=""),
    Column("device_id", String(36), nullable=False, default=""),
    # a receipt against a foreign-currency PO: the currency, the PO's unit price in it and the rate
    # used (domain.purchasing.exchange); unit_cost above is in the company currency. NULL on every other movement.
    Column("fx_currency", String(3)),
    Column("fx_unit_price", Scaled(COST)),
    Column("fx_rate", Scaled(COST)),
    Index(None, "product_id", "warehouse_id", "occurred_at", "id"),
    Index(None, "warehouse_id", "occurred_at"),
    Index(None, "occurred_at"),
    Index(None, "transfer_id"),
    Index(None, "source_ref"),
    Index(None, "reverses_id"),
)

# Derived from the movements by the valuation replay; may be rewritten, never the facts above.
movement_values = Table(
    "movement_values",
    metadata,
    Column("movement_id", String(36), ForeignKey("movements.id"), primary_key=True),
    Column("value", Scaled(MONEY), nullable=False),
    Column("on_hand_after", Scaled(QTY), nullable=False),
    Column("value_after", Scaled(MONEY), nullable=False),
    Column("avg_after", Scaled(COST), nullable=False),
)

balances = Table(
    "balances",
    metadata,
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("warehouse_id", String(36), ForeignKey("warehouses.id"), primary_key=True),
    Column("on_hand", Scaled(QTY), nullable=False),
    Column("value", Scaled(MONEY), nullable=False),
    Column("avg_cost", Scaled(COST), nullable=False),
    Column("reserved", Scaled(QTY), nullable=False, default=0),
    Column("on_order", Scaled(QTY), nullable=False, default=0),
    Column("last_at", Instant),
    Column("last_id", String(36)),
    Index(None, "warehouse_id"),
)

# Stock documents (domain.stock.documents): the header and lines a clerk posted; the movements they
# made carry source_type = kind and source_ref = number.
documents = Table(
    "documents",
    metadata,
    _id(),
    Column("kind", String(20), nullable=False),
    Column("number", String(L.CODE), nullable=False, unique=True),
    Column("year", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("warehouse_id", String(36), ForeignKey("warehouses.id"), nullable=False),
    Column("to_warehouse_id", String(36), ForeignKey("warehouses.id")),
    Column("partner", String(L.CODE), nullable=False, default=""),
    Column("reference", String(L.REFERENCE), nullable=False, default=""),
    Column("business_date", Date, nullable=False),
    Column("occurred_at", Instant, nullable=False),
    Column("posted_at", Instant, nullable=False),
    Column("note", String(L.NOTE), nullable=False, default=""),
    Column("user", String(64), nullable=False, default=""),
    Column("reversed", Boolean, nullable=False, default=False),
    Column("reversed_at", Instant),
    # a free receipt (a goods receipt with no purchase order, ``GR-…``): the purchasing tax rate in percent when it
    # was posted, which its note prints and a supplier invoice for it is matched at (migration 0018). NULL on every
    # other document (a delivery's rate is its order's) and on a free receipt 0018 could not tell from a delivery
    Column("tax_rate", Scaled(QTY)),
    *_sync_columns(),
    UniqueConstraint("kind", "year", "seq"),
    Index(None, "kind", "posted_at"),
)

document_lines = Table(
    "document_lines",
    metadata,
    Column("document_id", String(36), ForeignKey("documents.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False, index=True),
    Column("qty", Scaled(QTY)),
    Column("unit_cost", Scaled(COST)),
    Column("counted", Scaled(QTY)),
    Column("expected", Scaled(QTY)),
    Column("reason", String(200), nullable=False, default=""),
    # a receipt of a delivery against a purchase order (domain.purchasing.orders.receive_delivery): the receipt
    # movement this line posted, which carries the PO's number rather than the receipt's. No foreign key: a document
    # travels through the hub before its movements do, and a pulled link is checked where it is used
    # (persistence.stock.documents.delivery_movement_ids). NULL on every other line, and on a delivery received
    # before 0017 whose movement could not be told apart from another's.
    Column("movement_id", String(36)),
    Index(None, "movement_id"),
)

# Held documents (domain.stock.held): a desk's unposted document forms, kept while the clerk types. Local
# only: never synced, no foreign keys (a held line may name a product that a sync later merged away;
# posting checks everything again).
held_documents = Table(
    "held_documents",
    metadata,
    _id(),
    Column("kind", String(20), nullable=False),
    Column("warehouse", String(32), nullable=False, default=""),
    Column("to_warehouse", String(32), nullable=False, default=""),
    Column("partner", String(32), nullable=False, default=""),
    Column("reference", String(64), nullable=False, default=""),
    Column("business_date", Date),
    Column("po_number", String(32), nullable=False, default=""),
    Column("lines", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("user", String(64), nullable=False, default=""),
    Column("saved_at", Instant, nullable=False),
    Index(None, "kind", "saved_at"),
)

# Purchasing (domain.purchasing.orders): what a PO needs of suppliers beyond supplier_terms, and the POs.
supplier_profiles = Table(
    "supplier_profiles",
    metadata,
    Column("supplier_id", String(36), ForeignKey("suppliers.id"), primary_key=True),
    Column("payment_terms", String(500), nullable=False, default=""),
    Column("email", String(200), nullable=False, default=""),
    Column("phone", String(64), nullable=False, default=""),
    Column("payment_days", Integer, nullable=False, default=0),
    Column("payment_basis", String(16), nullable=False, default="net"),
    *_sync_columns(),
)

supplier_term_details = Table(
    "supplier_term_details",
    metadata,
    Column("supplier_id", String(36), ForeignKey("suppliers.id"), primary_key=True),
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("item_name", String(200), nullable=False, default=""),
    Column("pack_size", Scaled(QTY), nullable=False),
    Column("price_per", String(8), nullable=False, default="unit"),
    *_sync_columns(),
)

supplier_price_breaks = Table(
    "supplier_price_breaks",
    metadata,
    Column("supplier_id", String(36), ForeignKey("suppliers.id"), primary_key=True),
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("min_qty", Scaled(QTY), primary_key=True),
    Column("price", Scaled(COST), nullable=False),
    Column("device_id", String(36), nullable=False, default=""),
)

preferred_suppliers = Table(
    "preferred_suppliers",
    metadata,
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("supplier_id", String(36), ForeignKey("suppliers.id"), nullable=False),
    *_sync_columns(),
)

# Exchange rates (domain.purchasing.exchange): 1 ``currency`` = ``rate`` units of the company currency from
# ``valid_from`` on. Master data, synced like supplier terms; one rate per currency and date.
exchange_rates = Table(
    "exchange_rates",
    metadata,
    _id(),
    Column("currency", String(3), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("rate", Scaled(COST), nullable=False),
    *_sync_columns(),
    UniqueConstraint("currency", "valid_from"),
)

# A product's own planning policy (domain.planning.product): a cycle service target (a fraction, e.g.
# 0.975) and a review period in days; NULL keeps the default (the ABC class's target, the run's review).
product_planning = Table(
    "product_planning",
    metadata,
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("service_target", Scaled(4)),
    Column("review_days", Integer),
    *_sync_columns(),
)

purchase_orders = Table(
    "purchase_orders",
    metadata,
    _id(),
    Column("number", String(32), unique=True),
    Column("year", Integer),
    Column("seq", Integer),
    Column("supplier_id", String(36), ForeignKey("suppliers.id"), nullable=False, index=True),
    Column("warehouse_id", String(36), ForeignKey("warehouses.id"), nullable=False),
    Column("state", String(20), nullable=False),
    Column("revision", Integer, nullable=False, default=0),
    Column("currency", String(3), nullable=False),
    Column("created_at", Instant, nullable=False),
    Column("issued_at", Instant),
    Column("expected_on", Date),
    Column("tax_rate", Scaled(QTY), nullable=False),
    Column("terms", Text, nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("reason", String(L.REASON), nullable=False, default=""),
    Column("snapshot", Text, nullable=False, default=""),
    *_sync_columns(),
    # an exchange rate fixed on the PO (company currency per 1 ``currency``); NULL: each receipt's date's rate
    Column("fx_rate", Scaled(COST)),
    UniqueConstraint("year", "seq"),
    Index(None, "state"),
)

purchase_order_lines = Table(
    "purchase_order_lines",
    metadata,
    _id(),
    Column("po_id", String(36), ForeignKey("purchase_orders.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False, index=True),
    Column("description", String(500), nullable=False, default=""),
    Column("unit", String(16), nullable=False, default="pcs"),
    Column("qty", Scaled(QTY), nullable=False),
    Column("received", Scaled(QTY), nullable=False, default=0),
    Column("price", Scaled(COST), nullable=False),
    Column("price_per", String(8), nullable=False, default="unit"),
    Column("pack_size", Scaled(QTY), nullable=False),
    Column("supplier_sku", String(64), nullable=False, default=""),
    UniqueConstraint("po_id", "line_no"),
)

# Every snapshot an issued PO had: revision 0 is the issue, each change to it adds one.
purchase_order_revisions = Table(
    "purchase_order_revisions",
    metadata,
    Column("po_id", String(36), ForeignKey("purchase_orders.id"), primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("at", Instant, nullable=False),
    Column("reason", String(500), nullable=False, default=""),
    Column("snapshot", Text, nullable=False),
)


# Sales (domain.sales). Prices are exact decimals without tax; tax rates and discounts are percents (13 = 13 %).
# A product's list prices, one per price level (``retail``, ``wholesale``, ``level3``..``level5``; the office names the
# extra levels in settings).
product_prices = Table(
    "product_prices",
    metadata,
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("level", String(16), primary_key=True),
    Column("price", Scaled(COST), nullable=False),
    *_sync_columns(),
)

# What selling a product needs beyond its catalog record: its own tax rate (NULL: the company's).
product_sales = Table(
    "product_sales",
    metadata,
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("tax_rate", Scaled(QTY)),
    *_sync_columns(),
)

# Products that may be offered when a product is out of stock, in the order of ``rank``.
product_substitutes = Table(
    "product_substitutes",
    metadata,
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("substitute_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("rank", Integer, nullable=False, default=1),
    *_sync_columns(),
)

# A customer's terms: the price level it buys at, its standing discount, and what receivables need (payment terms,
# credit limit; NULL: no limit).
customer_profiles = Table(
    "customer_profiles",
    metadata,
    Column("customer_id", String(36), ForeignKey("customers.id"), primary_key=True),
    Column("price_level", String(16), nullable=False, default="retail"),
    Column("discount", Scaled(QTY), nullable=False, default=0),
    Column("payment_terms", String(L.REASON), nullable=False, default=""),
    Column("payment_days", Integer, nullable=False, default=0),
    # how payment_days count (domain.accounts.terms): "net" from the document's date, "month_end" from the end of
    # its month (月结), "cod" due on the day
    Column("payment_basis", String(16), nullable=False, default="net"),
    Column("credit_limit", Scaled(MONEY)),
    Column("phone", String(64), nullable=False, default=""),
    Column("email", String(200), nullable=False, default=""),
    Column("address", String(L.ADDRESS), nullable=False, default=""),
    *_sync_columns(),
)

# A price agreed with one customer for one product; it wins over the list prices and the customer's discount.
customer_prices = Table(
    "customer_prices",
    metadata,
    Column("customer_id", String(36), ForeignKey("customers.id"), primary_key=True),
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("price", Scaled(COST), nullable=False),
    *_sync_columns(),
)

# Sales orders (销售订单): draft → confirmed → partly shipped → shipped, or cancelled. A confirmed order's open
# quantities are reserved (balances.reserved) in the line's warehouse (the order's unless the line says another).
sales_orders = Table(
    "sales_orders",
    metadata,
    _id(),
    Column("number", String(L.CODE), unique=True),
    Column("year", Integer),
    Column("seq", Integer),
    Column("customer_id", String(36), ForeignKey("customers.id"), nullable=False, index=True),
    Column("warehouse_id", String(36), ForeignKey("warehouses.id"), nullable=False),
    Column("state", String(20), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("created_at", Instant, nullable=False),
    Column("confirmed_at", Instant),
    Column("closed_at", Instant),
    Column("requested_on", Date),
    Column("reference", String(L.REFERENCE), nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("reason", String(L.REASON), nullable=False, default=""),
    Column("user", String(L.USERNAME), nullable=False, default=""),
    *_sync_columns(),
    UniqueConstraint("year", "seq"),
    Index(None, "state"),
)

# ``shipped`` and ``cancelled`` (cut or backorder cancelled) only grow; open = qty − shipped − cancelled. A line
# confirmed beyond what was available keeps who allowed it (``override_user``).
sales_order_lines = Table(
    "sales_order_lines",
    metadata,
    _id(),
    Column("so_id", String(36), ForeignKey("sales_orders.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False, index=True),
    Column("warehouse_id", String(36), ForeignKey("warehouses.id")),
    Column("qty", Scaled(QTY), nullable=False),
    Column("shipped", Scaled(QTY), nullable=False, default=0),
    Column("cancelled", Scaled(QTY), nullable=False, default=0),
    Column("returned", Scaled(QTY), nullable=False, default=0),
    Column("unit_price", Scaled(COST), nullable=False),
    Column("discount", Scaled(QTY), nullable=False, default=0),
    Column("tax_rate", Scaled(QTY), nullable=False),
    Column("price_source", String(16), nullable=False, default=""),
    Column("override_user", String(L.USERNAME), nullable=False, default=""),
    UniqueConstraint("so_id", "line_no"),
)

# The money side of a posted sales document's line (a shipment against an order, a counter sale, a customer return):
# the price it was sold at and what it earned. Signed: a return's revenue, cost and margin are negative. ``cost`` is
# the ledger value of the movement (moving average at that moment; a return: the cost at which the goods left).
sales_lines = Table(
    "sales_lines",
    metadata,
    Column("document_id", String(36), ForeignKey("documents.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("customer_id", String(36), ForeignKey("customers.id"), nullable=False, index=True),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False),
    Column("order_line_id", String(36), ForeignKey("sales_order_lines.id"), index=True),
    Column("origin_document_id", String(36), ForeignKey("documents.id")),
    Column("origin_line_no", Integer),
    Column("qty", Scaled(QTY), nullable=False),
    Column("unit_price", Scaled(COST), nullable=False),
    Column("discount", Scaled(QTY), nullable=False, default=0),
    Column("tax_rate", Scaled(QTY), nullable=False),
    Column("revenue", Scaled(MONEY), nullable=False),
    Column("tax", Scaled(MONEY), nullable=False),
    Column("cost", Scaled(MONEY), nullable=False),
    Column("margin", Scaled(MONEY), nullable=False),
    Column("occurred_at", Instant, nullable=False),
    Index(None, "customer_id", "product_id", "occurred_at"),
    Index(None, "origin_document_id", "origin_line_no"),
)

# Receivables and payables (domain.accounts, 往来账). One open-item ledger for both sides: ``side`` "AR" (a customer
# owes us) or "AP" (we owe a supplier); ``partner_id`` a customers.id or suppliers.id by side. ``amount`` is signed in
# the company currency: + raises what is owed (a sale, goods received, an opening balance, a refund paid out), - settles
# it (money received or paid, a return, a credit). Immutable like movements: a correction is a reversing item
# (``reverses_id``) with the opposite amount. ``source_id`` is the document (documents.id), supplier invoice or the
# item's own id for money; ``number`` what a person reads (SD-2026-00001, RC-2026-00001, the supplier's invoice no.).
account_items = Table(
    "account_items",
    metadata,
    _id(),
    Column("side", String(2), nullable=False),
    Column("partner_id", String(36), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("number", String(L.CODE), nullable=False, default=""),
    Column("year", Integer),
    Column("seq", Integer),
    Column("source_id", String(36)),
    Column("business_date", Date, nullable=False),
    Column("due_on", Date),
    Column("amount", Scaled(MONEY), nullable=False),
    Column("method", String(32), nullable=False, default=""),
    Column("reference", String(L.REFERENCE), nullable=False, default=""),
    Column("note", String(L.NOTE), nullable=False, default=""),
    Column("reverses_id", String(36), ForeignKey("account_items.id")),
    Column("user", String(L.USERNAME), nullable=False, default=""),
    Column("created_at", Instant, nullable=False),
    Column("device_id", String(36), nullable=False, default=""),
    # money recorded in a foreign supplier's currency (migration 0020): the currency, the amount typed in it (signed
    # like ``amount``) and the rate it was converted at; NULL on every other item
    Column("fx_currency", String(3)),
    Column("fx_amount", Scaled(MONEY)),
    Column("fx_rate", Scaled(COST)),
    Index(None, "side", "partner_id", "business_date"),
    Index(None, "source_id"),
    Index(None, "number"),
    Index(None, "reverses_id"),
    Index(None, "business_date"),
)

# 核销: ``amount`` of a settling item (``credit_item_id``, amount < 0) applied to an item it settles
# (``debit_item_id``, amount > 0), both of one side and partner. Immutable: undoing one is a row with the negative
# amount and ``undoes_id``. An item's open amount is its |amount| less the sum of its allocations.
allocations = Table(
    "allocations",
    metadata,
    _id(),
    Column("debit_item_id", String(36), ForeignKey("account_items.id"), nullable=False),
    Column("credit_item_id", String(36), ForeignKey("account_items.id"), nullable=False),
    Column("amount", Scaled(MONEY), nullable=False),
    Column("business_date", Date, nullable=False),
    Column("undoes_id", String(36), ForeignKey("allocations.id")),
    Column("user", String(L.USERNAME), nullable=False, default=""),
    Column("created_at", Instant, nullable=False),
    Column("device_id", String(36), nullable=False, default=""),
    Index(None, "debit_item_id"),
    Index(None, "credit_item_id"),
    # the allocations after a past day, added back for balances as of it: read from the index alone
    Index("ix_allocations_after_day", "business_date", "debit_item_id", "credit_item_id", "amount"),
)

# Derived, like ``balances`` beside ``movements``: the open amount of every item not wholly settled, kept by
# ``uow.accounts`` in the transaction that writes its item or allocations (and refreshed by the sync for the items a
# pull or push touched; ``persistence.accounts.open``). ``open`` is signed like the item: + what a + item still
# owes, - the credit left on a - item; Σ open of a partner is its balance. A settled item has no row (an undo that
# reopens it writes one again). ``due_on`` and ``business_date`` are the item's, for the ageing and as-of reads,
# which group the covering (side, partner, due date…) index without touching the items.
account_open = Table(
    "account_open",
    metadata,
    Column("item_id", String(36), ForeignKey("account_items.id"), primary_key=True),
    Column("side", String(2), nullable=False),
    Column("partner_id", String(36), nullable=False),
    Column("due_on", Date),
    Column("business_date", Date, nullable=False),
    Column("open", Scaled(MONEY), nullable=False),
    Index(None, "side", "partner_id", "due_on", "business_date", "open"),
)

# Payment methods the office added to the built-in ones (cash, bank transfer, WeChat Pay, Alipay, other).
payment_methods = Table(
    "payment_methods",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(L.NAME), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    *_sync_columns(),
)

# A supplier's invoice entered for goods received (采购发票): its own number and amount, matched to the receipts and
# the order; its lines say what it charges per product, so quantity and price differences can be shown.
supplier_invoices = Table(
    "supplier_invoices",
    metadata,
    _id(),
    Column("supplier_id", String(36), ForeignKey("suppliers.id"), nullable=False, index=True),
    Column("number", String(L.CODE), nullable=False),
    Column("business_date", Date, nullable=False),
    Column("due_on", Date),
    Column("po_id", String(36), ForeignKey("purchase_orders.id")),
    Column("amount", Scaled(MONEY), nullable=False),
    Column("tax", Scaled(MONEY), nullable=False, default=0),
    Column("note", String(L.NOTE), nullable=False, default=""),
    Column("user", String(L.USERNAME), nullable=False, default=""),
    Column("created_at", Instant, nullable=False),
    Column("reversed", Boolean, nullable=False, default=False),
    *_sync_columns(),
    UniqueConstraint("supplier_id", "number"),
)

supplier_invoice_lines = Table(
    "supplier_invoice_lines",
    metadata,
    Column("invoice_id", String(36), ForeignKey("supplier_invoices.id"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False),
    Column("receipt_document_id", String(36), ForeignKey("documents.id")),
    Column("qty", Scaled(QTY), nullable=False),
    Column("unit_price", Scaled(COST), nullable=False),
)

# Period close (月结): a month a manager closed; nothing may be posted, reversed or back-dated into it until an admin
# reopens it. ``closed`` is the current state; ``period_events`` keeps every close and reopen with who and why.
periods = Table(
    "periods",
    metadata,
    Column("month", String(7), primary_key=True),  # "2026-11"
    Column("closed", Boolean, nullable=False, default=False),
    Column("closed_at", Instant),
    Column("closed_by", String(L.USERNAME), nullable=False, default=""),
    *_sync_columns(),
)

period_events = Table(
    "period_events",
    metadata,
    _id(),
    Column("month", String(7), nullable=False, index=True),
    Column("action", String(16), nullable=False),  # "close" or "reopen"
    Column("user", String(L.USERNAME), nullable=False, default=""),
    Column("reason", String(L.REASON), nullable=False, default=""),
    Column("at", Instant, nullable=False),
    Column("device_id", String(36), nullable=False, default=""),
)

# What a month's close froze for the reports: each product's stock per warehouse and each partner's balance at the
# end of the month, as they were when it closed (rewritten by the next close after a reopen).
period_stock = Table(
    "period_stock",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("warehouse_id", String(36), ForeignKey("warehouses.id"), primary_key=True),
    Column("qty", Scaled(QTY), nullable=False),
    Column("value", Scaled(MONEY), nullable=False),
)

# The ledger's running position and flow counters at the end of each month a key moved in, for the reports
# (persistence/stock/months.py says what a row holds and when it is filled). Derived, never synced, no foreign keys:
# "" stands for every product or every warehouse. Ordered so that the rows valid at the start of a month lie together.
FLOW_NAMES = ("receipt", "customer_return", "transfer_in", "sale", "shipment", "supplier_return", "transfer_out",
              "adjustment", "count")
stock_months = Table(
    "stock_months",
    metadata,
    Column("kind", String(9), primary_key=True),
    Column("warehouse_id", String(36), primary_key=True),
    Column("next_month", String(7), primary_key=True),
    Column("product_id", String(36), primary_key=True),
    Column("month", String(7), nullable=False),
    Column("qty", BigInteger, nullable=False),
    Column("value", BigInteger, nullable=False),
    *(Column(f"{flow}_{part}", BigInteger, nullable=False) for flow in FLOW_NAMES for part in ("n", "qty", "value")),
    sqlite_with_rowid=False,
)
# Which months stock_months holds, in which zone and for which merges; dirty_from is set by the ledger's flush and
# the recompute after a pull when a change reaches a filled month.
stock_months_state = Table(
    "stock_months_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("utc_offset", Integer, nullable=False),
    Column("merges", String(40), nullable=False),
    Column("filled_through", String(7)),
    Column("filled_end", BigInteger),
    Column("dirty_from", BigInteger),
)

period_balances = Table(
    "period_balances",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("side", String(2), primary_key=True),
    Column("partner_id", String(36), primary_key=True),
    Column("balance", Scaled(MONEY), nullable=False),
)

# Sign-in and roles (domain.access.roles): off until the first user is created. Passwords only as
# slow salted hashes; movements and documents keep the user name in their ``user`` column.
users = Table(
    "users",
    metadata,
    _id(),
    Column("username", String(L.USERNAME), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False, default=""),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(300), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", Instant, nullable=False),
    *_sync_columns(),
)

# Demand a clerk could not fill (a lost sale), recorded so forecasting counts it as demand even
# though nothing was shipped. Immutable like movements.
unfilled_demand = Table(
    "unfilled_demand",
    metadata,
    _id(),
    Column("product_id", String(36), ForeignKey("products.id"), nullable=False),
    Column("warehouse_id", String(36), ForeignKey("warehouses.id"), nullable=False),
    Column("qty", Scaled(QTY), nullable=False),
    Column("occurred_at", Instant, nullable=False),
    Column("recorded_at", Instant, nullable=False),
    Column("customer", String(L.CODE), nullable=False, default=""),
    Column("source_ref", String(L.REFERENCE), nullable=False, default=""),
    Column("note", String(L.NOTE), nullable=False, default=""),
    Column("user", String(64), nullable=False, default=""),
    Column("device_id", String(36), nullable=False, default=""),
    Index(None, "product_id", "occurred_at"),
)

# Forecast results per product and scope (all warehouses or one), with a key of the history and
# settings they came from, so the next run recomputes only products whose history changed.
forecast_cache = Table(
    "forecast_cache",
    metadata,
    Column("product_id", String(36), ForeignKey("products.id"), primary_key=True),
    Column("scope", String(64), primary_key=True),
    Column("history_key", String(64), nullable=False),
    Column("computed_at", Instant, nullable=False),
    Column("result", Text, nullable=False),
)


# Sync with a shared PostgreSQL hub (persistence.sync). The hub and every device hold all four
# tables; each side uses the ones its role needs.
# The hub's change log: one row per accepted version of a record and per movement, numbered by a
# gap-safe sequence (pushes are serialised, so seq order is commit order). ``data`` is the
# record's JSON (empty for movements and unfilled demand, which live in their own tables).
sync_log = Table(
    "sync_log",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("tbl", String(40), nullable=False),
    Column("row_id", String(200), nullable=False),
    Column("version", Integer, nullable=False, default=0),
    Column("device_id", String(36), nullable=False, default=""),
    Column("data", Text, nullable=False, default=""),
    Column("at", Instant, nullable=False),
)

# Per record: on a device the version and content hash last exchanged with the hub (a record whose
# hash differs has a change to push); on the hub the current version and hash.
sync_rows = Table(
    "sync_rows",
    metadata,
    Column("tbl", String(40), primary_key=True),
    Column("row_id", String(200), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

# Records merged into another (a duplicate SKU, warehouse or partner code created offline) and
# document numbers renumbered on the hub; kept so a repeated push is rewritten the same way.
sync_aliases = Table(
    "sync_aliases",
    metadata,
    Column("tbl", String(40), primary_key=True),
    Column("old_key", String(200), primary_key=True),
    Column("new_key", String(200), nullable=False),
    Column("device_id", String(36), nullable=False, default=""),
    Column("at", Instant, nullable=False),
)

# A document renumbered by a sync (its number was taken on the hub) after its movements were written: they keep the
# reference they were written with, and this says what it now is (persistence/sync/local.py, _renumber_refs). Only
# this desk's own movements not yet pushed are ever renumbered; they leave for the hub with the new reference. A row
# whose device_id is a movement's id pins that one movement (pulled from another copy of this file, which shares the
# device id) to new_ref, ahead of its device's renumbering (persistence/sync/local.py, pin_pulled_refs).
movement_refs = Table(
    "movement_refs",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("old_ref", String(L.REFERENCE), primary_key=True),
    Column("new_ref", String(L.REFERENCE), nullable=False),
    Column("at", Instant, nullable=False),
)

# Every losing version of a record, kept for a manager to review; synced like any record.
sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    _id(),
    Column("tbl", String(40), nullable=False),
    Column("row_id", String(200), nullable=False),
    Column("business_key", String(200), nullable=False, default=""),
    Column("rule", String(200), nullable=False),
    Column("kept", Text, nullable=False, default=""),
    Column("lost", Text, nullable=False, default=""),
    Column("lost_device", String(36), nullable=False, default=""),
    Column("detected_at", Instant, nullable=False),
    Column("resolved_at", Instant),
    Column("resolved_by", String(64), nullable=False, default=""),
    Column("note", String(500), nullable=False, default=""),
    *_sync_columns(),
    # the rule as data (persistence.sync.rules): its code and values (JSON); NULL in conflicts kept before codes
    # (added by migration 0014 after conflicts were exchanged: records.LATER_COLUMNS)
    Column("rule_code", String(40)),
    Column("rule_params", Text),
    Index(None, "resolved_at"),
)

# Product × warehouse pairs whose derived values wait for a recompute after a pull: the replay
# starts at (at, movement_id). Kept in the database so an interrupted sync finishes the job.
sync_dirty = Table(
    "sync_dirty",
    metadata,
    Column("product_id", String(36), primary_key=True),
    Column("warehouse_id", String(36), primary_key=True),
    Column("at", Instant, nullable=False),
    Column("movement_id", String(36), nullable=False),
)

# Pulled records and movements the device refused (persistence.sync.checks): kept aside with the reason,
# never applied, listed for review; a corrected version on the hub replaces them at the next sync.
sync_quarantine = Table(
    "sync_quarantine",
    metadata,
    Column("tbl", String(40), primary_key=True),
    Column("row_id", String(200), primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("version", Integer, nullable=False),
    Column("reason", String(500), nullable=False),
    Column("data", Text, nullable=False),
    Column("device_id", String(200), nullable=False, default=""),
    Column("at", Instant, nullable=False),
    # the reason as data (persistence.sync.reasons): its code ('' in rows kept before codes) and values (JSON)
    Column("code", String(64), nullable=False, default=""),
    Column("params", Text, nullable=False, default=""),
)

# The hub's identity (key 'hub_id', made once when the hub's tables are created) and, on the hub,
# nothing else yet; a device keeps the id of the hub its positions belong to in its settings.
sync_meta = Table(
    "sync_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
