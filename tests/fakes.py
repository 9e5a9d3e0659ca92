"""In-memory implementations of the ports in ``domain.kernel.ports``, so use cases run with no database.

A ``FakeUnitOfWork`` keeps a committed state; entering it gives the repositories working
copies, ``commit()`` publishes them and leaving the block without a commit (or calling
``rollback()``) discards them, exactly like a database transaction.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import date
from datetime import datetime
from decimal import Decimal

from domain.access.model import User
from domain.accounts.model import AccountItem
from domain.accounts.model import Allocation
from domain.accounts.model import OpenItem
from domain.accounts.model import Side
from domain.accounts.model import Terms
from domain.accounts.periods import Period
from domain.accounts.periods import PeriodEvent
from domain.accounts.periods import last_day
from domain.accounts.periods import opens_at
from domain.catalog.model import Customer
from domain.catalog.model import PackUnit
from domain.catalog.model import Product
from domain.catalog.model import Supplier
from domain.catalog.model import SupplierTerms
from domain.catalog.model import Warehouse
from domain.catalog.units import HeldFraction
from domain.kernel.validate import code_key
from domain.planning.product import ProductPlanning
from domain.purchasing.model import PurchasingPolicy
from domain.sales.model import OPEN_STATES as SO_OPEN_STATES
from domain.sales.model import SalesLine
from domain.sales.model import SalesOrder
from domain.sales.model import ShippedLine
from domain.sales.ports import IncomingRow
from domain.sales.ports import OpenLineRow
from domain.sales.ports import StockRow
from domain.sales.prices import CustomerTerms
from domain.stock.demand import UnfilledDemand
from domain.stock.model import Balance
from domain.stock.model import Movement
from domain.stock.model import Position
from domain.stock.model import Valuation

Key = tuple[datetime, str]


@dataclass
class State:
    """Everything a unit of work can see; copied on enter, published on commit."""

    products: dict[str, Product] = field(default_factory=dict)
    warehouses: dict[str, Warehouse] = field(default_factory=dict)
    suppliers: dict[str, Supplier] = field(default_factory=dict)
    terms: dict[tuple[str, str], SupplierTerms] = field(default_factory=dict)
    customers: dict[str, Customer] = field(default_factory=dict)
    movements: dict[str, Movement] = field(default_factory=dict)
    valuations: dict[str, Valuation] = field(default_factory=dict)
    balances: dict[tuple[str, str], Balance] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    sign_in_failures: dict[str, tuple[int, datetime | None]] = field(default_factory=dict)
    product_planning: dict[str, ProductPlanning] = field(default_factory=dict)
    pack_units: dict[str, PackUnit] = field(default_factory=dict)  # id -> a product's packaging unit
    abc_basis: str = "value"  # the planning setting (domain.planning.settings)
    settings: dict[str, str] = field(default_factory=dict)  # the other planning settings, by key
    list_prices: dict[tuple[str, str], Decimal] = field(default_factory=dict)  # (product, level) -> price
    tax_rates: dict[str, Decimal] = field(default_factory=dict)  # a product's own tax rate
    company_tax_rate: Decimal = Decimal(13)
    customer_prices: dict[tuple[str, str], Decimal] = field(default_factory=dict)  # (customer, product) -> price
    customer_terms: dict[str, CustomerTerms] = field(default_factory=dict)
    substitutes: dict[str, list[str]] = field(default_factory=dict)
    level_names: dict[str, str] = field(default_factory=dict)
    # (customer, product) -> the unit price of its newest sale not reversed (what sales_lines would say)
    last_prices: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    # sales (domain.sales): orders, the money side of sales documents, what open POs expect, lost sales
    sales_orders: dict[str, SalesOrder] = field(default_factory=dict)
    sales_lines: list[SalesLine] = field(default_factory=list)
    sale_documents: dict[str, tuple[str, str, str, bool]] = field(default_factory=dict)  # id -> number, kind, wh, rev
    incoming: list[IncomingRow] = field(default_factory=list)
    unfilled: list[UnfilledDemand] = field(default_factory=list)
    closed_through: date | None = None  # the period close (domain.accounts.periods)
    periods: dict[str, Period] = field(default_factory=dict)
    period_events: list[PeriodEvent] = field(default_factory=list)
    period_stock: dict[tuple[str, str, str], tuple[Decimal, Decimal]] = field(default_factory=dict)
    # receivables and payables (domain.accounts): items and allocations in the order written, terms, methods
    account_items: list[AccountItem] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)
    account_terms: dict[tuple[str, str], Terms] = field(default_factory=dict)  # (side, partner id) -> terms
    payment_methods: dict[str, str] = field(default_factory=dict)
    account_settings: dict[str, str] = field(default_factory=dict)  # the accounts' office settings (ageing)

    def copy(self) -> State:
        # Movements, valuations and balances are frozen; master data is mutable and deep-copied.
        return State(
            products=copy.deepcopy(self.products), warehouses=copy.deepcopy(self.warehouses),
            suppliers=copy.deepcopy(self.suppliers), terms=copy.deepcopy(self.terms),
            customers=copy.deepcopy(self.customers), movements=dict(self.movements),
            valuations=dict(self.valuations), balances=dict(self.balances), users=dict(self.users),
            product_planning=dict(self.product_planning), pack_units=copy.deepcopy(self.pack_units),
            abc_basis=self.abc_basis, settings=dict(self.settings),
            sign_in_failures=dict(self.sign_in_failures),
            list_prices=dict(self.list_prices), tax_rates=dict(self.tax_rates), company_tax_rate=self.company_tax_rate,
            customer_prices=dict(self.customer_prices), customer_terms=dict(self.customer_terms),
            substitutes={k: list(v) for k, v in self.substitutes.items()}, level_names=dict(self.level_names),
            last_prices=dict(self.last_prices),
            sales_orders=copy.deepcopy(self.sales_orders), sales_lines=list(self.sales_lines),
            sale_documents=dict(self.sale_documents), incoming=list(self.incoming), unfilled=list(self.unfilled),
            closed_through=self.closed_through, periods=dict(self.periods), period_events=list(self.period_events),
            period_stock=dict(self.period_stock), account_items=list(self.account_items),
            allocations=list(self.allocations), account_terms=dict(self.account_terms),
            payment_methods=dict(self.payment_methods), account_settings=dict(self.account_settings),
        )


class FakeProductRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, product: Product) -> None:
        assert product.id not in self.s.products
        self.s.products[product.id] = product

    def update(self, product: Product) -> None:
        assert product.id in self.s.products
        self.s.products[product.id] = product

    def get(self, product_id: str) -> Product | None:
        return self.s.products.get(product_id)

    def by_sku(self, sku: str) -> Product | None:
        return next((p for p in self.s.products.values() if code_key(p.sku) == code_key(sku)), None)

    def by_barcode(self, barcode: str) -> Product | None:
        key = code_key(barcode)
        return next((p for p in self.s.products.values() if key in {code_key(b) for b in p.barcodes}), None)

    def fraction_held(self, product_id: str) -> HeldFraction | None:
        """Stock on hand only (the SQL repository also reads orders and supplier terms)."""
        warehouses = {w.id: w.code for w in self.s.warehouses.values()}
        for (pid, wid), balance in sorted(self.s.balances.items()):
            if pid == product_id and balance.on_hand != balance.on_hand.to_integral_value():
                return HeldFraction("stock", warehouses.get(wid, wid), balance.on_hand)
        return None

    def preload(self, codes: Iterable[str]) -> None:
        pass  # everything is in memory already

    def adding_in_bulk(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()


class FakeWarehouseRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, warehouse: Warehouse) -> None:
        assert warehouse.id not in self.s.warehouses
        self.s.warehouses[warehouse.id] = warehouse

    def get(self, warehouse_id: str) -> Warehouse | None:
        return self.s.warehouses.get(warehouse_id)

    def by_code(self, code: str) -> Warehouse | None:
        return next((w for w in self.s.warehouses.values() if code_key(w.code) == code_key(code)), None)

    def only(self) -> Warehouse | None:
        return next(iter(self.s.warehouses.values())) if len(self.s.warehouses) == 1 else None


class FakeSupplierRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, supplier: Supplier) -> None:
        self.s.suppliers[supplier.id] = supplier

    def by_code(self, code: str) -> Supplier | None:
        return next((x for x in self.s.suppliers.values() if code_key(x.code) == code_key(code)), None)

    def update(self, supplier: Supplier) -> None:
        self.s.suppliers[supplier.id] = supplier

    def add_terms(self, terms: SupplierTerms) -> None:
        self.s.terms[(terms.supplier_id, terms.product_id)] = terms

    def terms_for(self, supplier_id: str, product_id: str) -> SupplierTerms | None:
        return self.s.terms.get((supplier_id, product_id))

    def terms_of(self, supplier_id: str) -> list[SupplierTerms]:
        return [x for (s, _), x in self.s.terms.items() if s == supplier_id]


class FakeCustomerRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, customer: Customer) -> None:
        self.s.customers[customer.id] = customer

    def update(self, customer: Customer) -> None:
        assert customer.id in self.s.customers
        self.s.customers[customer.id] = customer

    def get(self, customer_id: str) -> Customer | None:
        return self.s.customers.get(customer_id)

    def by_code(self, code: str) -> Customer | None:
        return next((x for x in self.s.customers.values() if code_key(x.code) == code_key(code)), None)


class FakeMovementRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, movement: Movement, valuation: Valuation) -> None:
        assert movement.id not in self.s.movements, "movements are never replaced"
        if movement.reverses_id is not None:
            assert self.reversal_of(movement.reverses_id) is None, "a movement is reversed at most once"
        self.s.movements[movement.id] = movement
        self.s.valuations[movement.id] = valuation

    def get(self, movement_id: str) -> Movement | None:
        return self.s.movements.get(movement_id)

    def valuation(self, movement_id: str) -> Valuation | None:
        return self.s.valuations.get(movement_id)

    def reversal_of(self, movement_id: str) -> str | None:
        return next((m.id for m in self.s.movements.values() if m.reverses_id == movement_id), None)

    def transfer_legs(self, transfer_id: str) -> list[Movement]:
        return [m for m in self.s.movements.values() if m.transfer_id == transfer_id and m.kind != "reversal"]

    def transfer_reversals(self, transfer_id: str) -> list[Movement]:
        return sorted((m for m in self.s.movements.values() if m.transfer_id == transfer_id and m.kind == "reversal"),
                      key=lambda m: m.key)

    def _pair(self, product_id: str, warehouse_id: str) -> list[Movement]:
        ms = [m for m in self.s.movements.values() if m.product_id == product_id and m.warehouse_id == warehouse_id]
        return sorted(ms, key=lambda m: m.key)

    def position_before(self, product_id: str, warehouse_id: str, key: Key) -> Position:
        before = [m for m in self._pair(product_id, warehouse_id) if m.key < key]
        return self.s.valuations[before[-1].id].after if before else Position()

    def history_from(self, product_id: str, warehouse_id: str, key: Key) -> list[tuple[Movement, Valuation | None]]:
        return [(m, self.s.valuations.get(m.id)) for m in self._pair(product_id, warehouse_id) if m.key >= key]

    def returns_in(self, movement_ids: Iterable[str]) -> dict:
        """None: the in-memory sales keep no pairing of lines with movements, so a replay here values a return at
        the unit cost it was posted with (the SQLite tests cover a return following its recosted sale)."""
        return {}

    def set_valuations(self, items: Iterable[tuple[str, Valuation]]) -> None:
        for movement_id, valuation in items:
            assert movement_id in self.s.movements
            self.s.valuations[movement_id] = valuation

    def with_refs(self, source_type: str, refs: Iterable[str]) -> set[tuple[str, str, str]]:
        wanted = set(refs)
        return {(m.source_ref, m.product_id, m.warehouse_id) for m in self.s.movements.values()
                if m.source_type == source_type and m.source_ref in wanted}

    def latest_with_prefix(self, source_type: str, prefix: str,
                           product_ids: Iterable[str]) -> dict[tuple[str, str], datetime]:
        wanted, latest = set(product_ids), {}
        for m in self.s.movements.values():
            key = (m.product_id, m.warehouse_id)
            if m.source_type == source_type and m.product_id in wanted and m.source_ref.startswith(prefix):
                latest[key] = max(latest.get(key, m.occurred_at), m.occurred_at)
        return latest


class FakeBalanceRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def get(self, product_id: str, warehouse_id: str) -> Balance:
        return self.s.balances.get((product_id, warehouse_id)) or Balance(product_id, warehouse_id)

    def put(self, balance: Balance) -> None:
        self.s.balances[(balance.product_id, balance.warehouse_id)] = balance

    def preload(self, pairs: Iterable[tuple[str, str]]) -> None:
        pass  # everything is in memory already


class FakeUserRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, user: User) -> None:
        assert user.username not in self.s.users
        self.s.users[user.username] = user

    def update(self, user: User) -> None:
        assert user.username in self.s.users
        self.s.users[user.username] = user

    def by_username(self, username: str) -> User | None:
        return self.s.users.get(username)

    def all(self) -> list[User]:
        return sorted(self.s.users.values(), key=lambda u: u.username)

    def any_active(self) -> bool:
        return any(u.active for u in self.s.users.values())

    def active_admins(self) -> int:
        return sum(1 for u in self.s.users.values() if u.active and u.role == "admin")

    def sign_in_failures(self, key: str) -> tuple[int, datetime | None]:
        return self.s.sign_in_failures.get(key, (0, None))

    def set_sign_in_failures(self, key: str, failures: int, not_before: datetime | None) -> None:
        if failures:
            self.s.sign_in_failures[key] = (failures, not_before)
        else:
            self.s.sign_in_failures.pop(key, None)


class FakeProductPlanningRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def get(self, product_id: str) -> ProductPlanning | None:
        return self.s.product_planning.get(product_id)

    def put(self, planning: ProductPlanning) -> None:
        if planning.empty:
            self.s.product_planning.pop(planning.product_id, None)
        else:
            self.s.product_planning[planning.product_id] = planning

    def abc_basis(self) -> str:
        return self.s.abc_basis

    def set_abc_basis(self, basis: str) -> None:
        self.s.abc_basis = basis

    def setting(self, key: str) -> str | None:
        return self.s.settings.get(key)

    def set_setting(self, key: str, value: str) -> None:
        self.s.settings[key] = value


class FakePackUnitRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def of_product(self, product_id: str) -> list[PackUnit]:
        return sorted((copy.deepcopy(u) for u in self.s.pack_units.values() if u.product_id == product_id),
                      key=lambda u: (u.per, u.name))

    def by_barcode(self, barcode: str) -> PackUnit | None:
        key = code_key(barcode)
        return next((copy.deepcopy(u) for u in self.s.pack_units.values()
                     if any(code_key(b) == key for b in u.barcodes)), None)

    def put(self, unit: PackUnit) -> None:
        self.s.pack_units[unit.id] = copy.deepcopy(unit)

    def remove(self, unit_id: str) -> None:
        self.s.pack_units.pop(unit_id, None)


class FakePeriodRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def closed_through(self) -> date | None:
        return self.s.closed_through

    def open_from(self) -> datetime | None:
        return opens_at(self.s.closed_through)

    def forget(self) -> None:
        pass

    def all(self) -> list[Period]:
        return [self.s.periods[m] for m in sorted(self.s.periods)]

    def get(self, month: str) -> Period | None:
        return self.s.periods.get(month)

    def save(self, period: Period) -> None:
        self.s.periods[period.month] = period
        closed = [m for m, p in self.s.periods.items() if p.closed]
        self.s.closed_through = last_day(max(closed)) if closed else None

    def add_event(self, event: PeriodEvent) -> None:
        self.s.period_events.append(event)

    def events(self) -> list[PeriodEvent]:
        return list(self.s.period_events)

    def earliest(self) -> date | None:
        times = [m.occurred_at for m in self.s.movements.values()]
        return min(times).astimezone().date() if times else None

    def freeze(self, month: str, until: datetime, through: date) -> None:
        self.s.period_stock = {k: v for k, v in self.s.period_stock.items() if k[0] != month}
        last: dict[tuple[str, str], Movement] = {}
        for m in sorted(self.s.movements.values(), key=lambda m: m.key):
            if m.occurred_at < until:
                last[m.product_id, m.warehouse_id] = m
        for (p, w), m in last.items():
            after = self.s.valuations[m.id].after
            self.s.period_stock[month, p, w] = (after.on_hand, after.value)


class FakeAccountRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add_item(self, item: AccountItem) -> None:
        self.s.account_items.append(item)

    def add_allocations(self, allocations: Iterable[Allocation]) -> None:
        self.s.allocations.extend(allocations)

    def get(self, item_id: str) -> AccountItem | None:
        return next((x for x in self.s.account_items if x.id == item_id), None)

    def by_number(self, number: str, side: Side | None = None) -> list[AccountItem]:
        return [x for x in self.s.account_items if x.number == number and (side is None or x.side == side)]

    def by_source(self, source_id: str) -> list[AccountItem]:
        return [x for x in self.s.account_items if x.source_id == source_id]

    def reversal_of(self, item_id: str) -> AccountItem | None:
        return next((x for x in self.s.account_items if x.reverses_id == item_id), None)

    def open_items(self, side: Side, partner_id: str, *, sign: int = 0) -> list[OpenItem]:
        done: dict[str, Decimal] = {}
        for a in self.s.allocations:
            done[a.debit_item_id] = done.get(a.debit_item_id, Decimal(0)) + a.amount
            done[a.credit_item_id] = done.get(a.credit_item_id, Decimal(0)) + a.amount
        mine = [x for x in self.s.account_items if x.side == side and x.partner_id == partner_id
                and (sign == 0 or (x.amount > 0) == (sign > 0))]
        mine.sort(key=lambda x: x.business_date)
        return [OpenItem(x, done.get(x.id, Decimal(0))) for x in mine
                if abs(x.amount) - done.get(x.id, Decimal(0)) > 0]

    def live_allocations(self, item_id: str) -> list[Allocation]:
        undone = {a.undoes_id for a in self.s.allocations if a.undoes_id}
        return [a for a in self.s.allocations if item_id in (a.debit_item_id, a.credit_item_id)
                and a.undoes_id is None and a.id not in undone]

    def allocations_of(self, item_id: str) -> list[Allocation]:
        return [a for a in self.s.allocations if item_id in (a.debit_item_id, a.credit_item_id)]

    def last_seq(self, kind: str, year: int) -> int:
        return max((x.seq or 0 for x in self.s.account_items if x.kind == kind and x.year == year), default=0)

    def terms(self, side: Side, partner_id: str) -> Terms:
        found = self.s.account_terms.get((str(side), partner_id))
        if found is not None:
            return found
        customer = self.s.customer_terms.get(partner_id) if str(side) == "AR" else None
        return Terms(customer.payment_basis, customer.payment_days) if customer is not None else Terms()

    def set_terms(self, side: Side, partner_id: str, terms: Terms) -> None:
        self.s.account_terms[(str(side), partner_id)] = terms

    def methods(self) -> dict[str, str]:
        return dict(self.s.payment_methods)

    def add_method(self, code: str, name: str) -> None:
        self.s.payment_methods[code] = name

    def setting(self, key: str) -> str | None:
        return self.s.account_settings.get(key)

    def set_setting(self, key: str, value: str) -> None:
        self.s.account_settings[key] = value


class FakePriceRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def list_prices(self, product_id: str) -> dict[str, Decimal]:
        return {level: p for (pid, level), p in self.s.list_prices.items() if pid == product_id}

    def set_list_price(self, product_id: str, level: str, price: Decimal | None) -> None:
        _put(self.s.list_prices, (product_id, level), price)

    def product_tax_rate(self, product_id: str) -> Decimal | None:
        return self.s.tax_rates.get(product_id)

    def set_product_tax_rate(self, product_id: str, rate: Decimal | None) -> None:
        _put(self.s.tax_rates, product_id, rate)

    def company_tax_rate(self) -> Decimal:
        return self.s.company_tax_rate

    def customer_price(self, customer_id: str, product_id: str) -> Decimal | None:
        return self.s.customer_prices.get((customer_id, product_id))

    def customer_prices(self, customer_id: str) -> dict[str, Decimal]:
        return {pid: p for (cid, pid), p in self.s.customer_prices.items() if cid == customer_id}

    def set_customer_price(self, customer_id: str, product_id: str, price: Decimal | None) -> None:
        _put(self.s.customer_prices, (customer_id, product_id), price)

    def terms(self, customer_id: str) -> CustomerTerms | None:
        return self.s.customer_terms.get(customer_id)

    def set_terms(self, terms: CustomerTerms) -> None:
        old = self.s.customer_terms.get(terms.customer_id)
        self.s.customer_terms[terms.customer_id] = replace(terms, version=(old.version if old else 0) + 1)

    def last_price(self, customer_id: str, product_id: str) -> Decimal | None:
        return self.s.last_prices.get((customer_id, product_id))

    def substitutes(self, product_id: str) -> list[str]:
        return list(self.s.substitutes.get(product_id, []))

    def set_substitutes(self, product_id: str, substitute_ids: list[str]) -> None:
        _put(self.s.substitutes, product_id, list(substitute_ids) or None)

    def level_names(self) -> dict[str, str]:
        return dict(self.s.level_names)

    def set_level_name(self, level: str, name: str) -> None:
        _put(self.s.level_names, level, name or None)

    def level_use(self, level: str) -> tuple[int, int]:
        return (sum(1 for (_pid, at) in self.s.list_prices if at == level),
                sum(1 for terms in self.s.customer_terms.values() if terms.price_level == level))


def _put(store: dict, key: object, value: object) -> None:
    if value is None:
        store.pop(key, None)
    else:
        store[key] = value


class FakeSalesRepository:
    """Sales orders and sales lines in memory; availability from the balances and ``State.incoming``."""

    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, order: SalesOrder) -> None:
        assert order.id not in self.s.sales_orders
        self.s.sales_orders[order.id] = copy.deepcopy(order)

    def save(self, order: SalesOrder) -> None:
        assert order.id in self.s.sales_orders
        order.version += 1
        self.s.sales_orders[order.id] = copy.deepcopy(order)

    def get(self, order_id: str) -> SalesOrder | None:
        found = self.s.sales_orders.get(order_id)
        return copy.deepcopy(found) if found else None

    def by_number(self, number: str) -> SalesOrder | None:
        return next((copy.deepcopy(o) for o in self.s.sales_orders.values() if o.number == number), None)

    def by_line(self, line_id: str) -> SalesOrder | None:
        return next((copy.deepcopy(o) for o in self.s.sales_orders.values()
                     if any(x.id == line_id for x in o.lines)), None)

    def next_number(self, year: int) -> int:
        seqs = [int(o.number.split("-")[2]) for o in self.s.sales_orders.values()
                if o.number.split("-")[1] == str(year)]
        return max(seqs, default=0) + 1

    def stock(self, product_ids: Iterable[str]) -> list[StockRow]:
        wanted = set(product_ids)
        return [StockRow(b.product_id, b.warehouse_id, b.position.on_hand, b.reserved)
                for b in self.s.balances.values() if b.product_id in wanted]

    def incoming(self, product_ids: Iterable[str]) -> list[IncomingRow]:
        wanted = set(product_ids)
        return [r for r in self.s.incoming if r.product_id in wanted]

    def add_lines(self, lines: list[SalesLine]) -> None:
        self.s.sales_lines.extend(lines)

    def lines_of(self, document_id: str) -> list[SalesLine]:
        return sorted((x for x in self.s.sales_lines if x.document_id == document_id), key=lambda x: x.line_no)

    def shipped_lines(self, *, document_id: str | None = None,
                      order_line_ids: Iterable[str] = ()) -> list[ShippedLine]:
        docs, ids = self.s.sale_documents, set(order_line_ids)
        live = {k for k, (_, _, _, rev) in docs.items() if not rev}
        out = []
        for x in self.s.sales_lines:
            number, kind, warehouse_id, _ = docs.get(x.document_id, ("", "", "", True))
            if kind != "sale" or x.document_id not in live:
                continue
            if (document_id is not None and x.document_id != document_id) or (
                    document_id is None and x.order_line_id not in ids):
                continue
            back = [r for r in self.s.sales_lines if r.origin_document_id == x.document_id
                    and r.origin_line_no == x.line_no and r.document_id in live]
            out.append(ShippedLine(x.document_id, number, x.line_no, x.customer_id, x.product_id, warehouse_id, x.qty,
                                   x.unit_price, x.discount, x.tax_rate, x.cost, x.occurred_at, x.order_line_id,
                                   -sum((r.qty for r in back), Decimal(0)), -sum((r.cost for r in back), Decimal(0))))
        return sorted(out, key=lambda x: (x.occurred_at, x.number, x.line_no))

    def open_orders(self, customer_id: str) -> list[SalesOrder]:
        return [copy.deepcopy(o) for o in sorted(self.s.sales_orders.values(), key=lambda o: o.number)
                if o.customer_id == customer_id and o.state in SO_OPEN_STATES]

    def open_lines(self) -> list[OpenLineRow]:
        rows = []
        for o in self.s.sales_orders.values():
            if o.state not in SO_OPEN_STATES:
                continue
            for x in o.lines:
                wid = o.warehouse_of(x)
                if x.open_qty > 0:
                    rows.append(OpenLineRow(o.number, o.customer_code, o.confirmed_at, x.id, x.line_no, x.product_id,
                                            x.sku, x.name, wid, self.s.warehouses[wid].code, x.open_qty,
                                            self.s.customers[o.customer_id].name if o.customer_id in self.s.customers
                                            else "", o.requested_on))
        return sorted(rows, key=lambda r: (r.confirmed_at, r.so, r.line_no))


class FakePurchasingPolicy:
    """Only the purchasing policy (the company's currency and tax rate), which sales reads."""

    def __init__(self, state: State) -> None:
        self.s = state

    def policy(self) -> PurchasingPolicy:
        return PurchasingPolicy(tax_rate=self.s.company_tax_rate)

    def open_orders(self, supplier_id: str) -> list[tuple[str, str, str]]:
        return []  # the fakes keep no purchase orders

    def price_breaks(self, supplier_id: str, product_id: str) -> list:
        return []


class FakeUnfilledDemandRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, record: UnfilledDemand) -> None:
        self.s.unfilled.append(record)


class FakeSupplierInvoiceRepository:
    """The fakes keep no supplier invoices: nothing bills a receipt."""

    def billing(self, receipt_id: str) -> list[tuple[str, str]]:
        return []


class FakeUnitOfWork:
    """A unit of work over in-memory state; rolled back unless committed."""

    def __init__(self, *, device_id: str = "test-device", user: str = "tester", role: str | None = None,
                 money_places: int = 2) -> None:
        self.device_id = device_id
        self.user = user
        self.role = role  # None: nobody signed in (everything allowed while no user exists)
        self.money_places = money_places
        self.state = State()
        self.committed = False
        self.commits = 0
        self._work: State | None = None

    def __enter__(self) -> FakeUnitOfWork:
        assert self._work is None, "units of work do not nest"
        self._work = self.state.copy()
        self.committed = False
        self.products = FakeProductRepository(self._work)
        self.warehouses = FakeWarehouseRepository(self._work)
        self.suppliers = FakeSupplierRepository(self._work)
        self.customers = FakeCustomerRepository(self._work)
        self.movements = FakeMovementRepository(self._work)
        self.balances = FakeBalanceRepository(self._work)
        self.users = FakeUserRepository(self._work)
        self.product_planning = FakeProductPlanningRepository(self._work)
        self.pack_units = FakePackUnitRepository(self._work)
        self.prices = FakePriceRepository(self._work)
        self.sales = FakeSalesRepository(self._work)
        self.unfilled_demand = FakeUnfilledDemandRepository(self._work)
        self.purchasing = FakePurchasingPolicy(self._work)
        self.periods = FakePeriodRepository(self._work)
        self.accounts = FakeAccountRepository(self._work)
        self.supplier_invoices = FakeSupplierInvoiceRepository()
        return self

    def __exit__(self, *exc: object) -> None:
        self._work = None

    def commit(self) -> None:
        assert self._work is not None, "commit outside a unit of work"
        self.state = self._work
        self._work = self.state.copy()
        self._rebind()
        self.committed = True
        self.commits += 1

    def rollback(self) -> None:
        assert self._work is not None, "rollback outside a unit of work"
        self._work = self.state.copy()
        self._rebind()

    def _rebind(self) -> None:
        for repo in (self.products, self.warehouses, self.suppliers, self.customers, self.movements, self.balances,
                     self.users, self.product_planning, self.pack_units, self.prices, self.sales, self.unfilled_demand,
                     self.purchasing, self.periods, self.accounts):
            repo.s = self._work

    def snapshot(self) -> State:
        """A copy of the committed state, for comparing before and after a use case."""
        return self.state.copy()
