"""Roles in the domain: every use case refuses a role that lacks its permission, even called directly."""

from __future__ import annotations

import pytest

from domain.access import users
from domain.access.roles import ROLES
from domain.access.roles import Permission
from domain.access.roles import Role
from domain.access.roles import allows
from domain.access.roles import least_role
from domain.accounts import commands as ac
from domain.accounts import money
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.kernel.errors import Forbidden
from domain.planning import product as product_planning
from domain.planning import run as planning
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing import terms
from domain.stock import commands as c
from domain.stock import documents as docs
from domain.stock import ledger
from tests.fakes import FakeUnitOfWork

PASSWORD = "correct horse"

# Every use case that changes something, with the permission it needs and a valid call on the seeded
# world below (where the call needs purchasing or document repositories the fake lacks, the refusal
# still comes first, which is what these tests check).
CASES = {
    "receive": (Permission.RECEIVE, lambda u: ledger.receive(u, c.ReceiveStock("A-1", 1, "W1", "2"))),
    "ship": (Permission.SHIP, lambda u: ledger.ship(u, c.ShipStock("A-1", 1, "W1"))),
    "transfer": (Permission.TRANSFER, lambda u: ledger.transfer(u, c.TransferStock("A-1", 1, "W1", "W2"))),
    "count": (Permission.COUNT, lambda u: ledger.count(u, c.CountStock("A-1", 7, "W1"))),
    "adjust": (Permission.ADJUST, lambda u: ledger.adjust(u, c.AdjustStock("A-1", -1, "W1", "broken"))),
    "post_many adjust": (Permission.ADJUST, lambda u: ledger.post_many(
        u, [c.ReceiveStock("A-1", 1, "W1", "2"), c.AdjustStock("A-1", -1, "W1", "broken")])),
    "add product": (Permission.MASTER_DATA, lambda u: catalog.add_product(u, cc.AddProduct("N-1", "New"))),
    "update product": (Permission.MASTER_DATA, lambda u: catalog.update_product(u, cc.UpdateProduct("A-1", "Apple"))),
    "add warehouse": (Permission.MASTER_DATA, lambda u: catalog.add_warehouse(u, cc.AddWarehouse("W9", "Nine"))),
    "add supplier": (Permission.MASTER_DATA, lambda u: catalog.add_supplier(u, cc.AddSupplier("S9", "Nine"))),
    "add customer": (Permission.MASTER_DATA, lambda u: catalog.add_customer(u, cc.AddCustomer("C9", "Nine"))),
    "add many": (Permission.MASTER_DATA, lambda u: catalog.add_many(u, [cc.AddProduct("N-2", "New")])),
    "supplier terms": (Permission.SUPPLIER_TERMS, lambda u: catalog.set_supplier_terms(
        u, cc.SetSupplierTerms("SUP", "A-1", "2.5"))),
    "post adjustment document": (Permission.ADJUST, lambda u: docs.post_document(u, docs.PostDocument(
        "adjustment", "W1", (docs.LineInput("A-1", -1, reason="broken"),)))),
    "post receipt document": (Permission.RECEIVE, lambda u: docs.post_document(u, docs.PostDocument(
        "receipt", "W1", (docs.LineInput("A-1", 1, unit_cost="2"),)))),
    "reverse document": (Permission.REVERSE, lambda u: docs.reverse_document(u, docs.ReverseDocument("GR-2026-00001"))),
    "create PO": (Permission.PURCHASE, lambda u: purchasing.create_draft(u, pc.CreatePurchaseOrder("SUP", "W1"))),
    "issue PO": (Permission.PURCHASE, lambda u: purchasing.issue(u, pc.IssuePurchaseOrder("PO-2026-00001"))),
    "cancel PO": (Permission.PURCHASE, lambda u: purchasing.cancel(u, pc.CancelPurchaseOrder("PO-2026-00001", "x"))),
    "replenishment drafts": (Permission.PURCHASE, lambda u: planning.create_drafts(u, [])),
    "product planning": (Permission.PURCHASE, lambda u: product_planning.set_product_planning(
        u, product_planning.SetProductPlanning("A-1", "97.5", "14"))),
    "save supplier": (Permission.MASTER_DATA, lambda u: terms.save_supplier(u, pc.SaveSupplier("SUP", "Supplier"))),
    "save terms": (Permission.SUPPLIER_TERMS, lambda u: terms.save_terms(u, pc.SaveTerms("SUP", "A-1", "2"))),
    "settings": (Permission.SETTINGS, lambda u: terms.set_policy(u, pc.SetPurchasingPolicy(tax_rate="6"))),
    "add user": (Permission.USERS, lambda u: users.add_user(u, users.AddUser("new", PASSWORD, "clerk"))),
    "deactivate user": (Permission.USERS, lambda u: users.deactivate(u, users.DeactivateUser("clerk"))),
    "record a receipt": (Permission.MONEY, lambda u: money.record_money(u, ac.RecordMoney("receipt", "C1", "10"))),
    "allocate credit": (Permission.MONEY, lambda u: money.allocate_credit(u, ac.AllocateCredit(
        "RC-2026-00001", (ac.AllocateTo("SD-2026-00001"),)))),
    "undo an allocation": (Permission.MONEY, lambda u: money.undo_allocation(u, ac.UndoAllocation(
        "RC-2026-00001", "SD-2026-00001"))),
    "reverse money": (Permission.MONEY, lambda u: money.reverse_money(u, ac.ReverseMoney("RC-2026-00001", "x"))),
    "add a payment method": (Permission.MONEY, lambda u: money.add_payment_method(
        u, ac.AddPaymentMethod("pos", "POS"))),
    "payment terms": (Permission.MONEY, lambda u: money.set_payment_terms(
        u, ac.SetPaymentTerms("AR", "C1", "net", 30))),
}


@pytest.fixture(scope="module")
def world() -> FakeUnitOfWork:
    """Stock of A-1 in W1, a supplier, and one user of each role (sign-in on)."""
    uow = FakeUnitOfWork()
    catalog.add_product(uow, cc.AddProduct("A-1", "Apple"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(uow, cc.AddWarehouse("W2", "Shop"))
    catalog.add_supplier(uow, cc.AddSupplier("SUP", "Supplier"))
    ledger.receive(uow, c.ReceiveStock("A-1", 10, "W1", "2"))
    users.add_user(uow, users.AddUser("admin", PASSWORD, "admin"))
    admin = acting(uow, "admin", Role.ADMIN)
    for role in (Role.CLERK, Role.PURCHASER, Role.ACCOUNTANT, Role.MANAGER):
        users.add_user(admin, users.AddUser(role.value, PASSWORD, role.value))
    uow.state = admin.state
    return uow


def acting(world: FakeUnitOfWork, name: str, role: str | None) -> FakeUnitOfWork:
    """A unit of work on the world's committed state, acting as ``name`` with ``role``."""
    uow = FakeUnitOfWork(user=name, role=role)
    uow.state = world.state
    return uow


FORBIDDEN = [(role, case) for role in (Role.CLERK, Role.PURCHASER, Role.ACCOUNTANT, Role.MANAGER)
             for case, (permission, _) in CASES.items() if not allows(role, permission)]


@pytest.mark.parametrize(("role", "case"), FORBIDDEN)
def test_a_use_case_the_role_may_not_run_is_refused_naming_user_role_and_need(world, role, case):
    permission, call = CASES[case]
    uow = acting(world, role.value, role)
    with pytest.raises(Forbidden) as refused:
        call(uow)
    message = str(refused.value)
    assert f"'{role.value}'" in message and f"({role.value})" in message
    assert f"needs the {least_role(permission)} role" in message
    assert uow.commits == 0 and uow.state is world.state


@pytest.mark.parametrize("role", ROLES)
def test_each_role_runs_the_ledger_and_catalog_use_cases_it_holds(world, role):
    runnable = ("receive", "ship", "transfer", "count", "adjust", "post_many adjust", "add product", "update product",
                "add warehouse", "add supplier", "add customer", "add many", "supplier terms")
    for case in runnable:
        permission, call = CASES[case]
        uow = acting(world, role.value, role)
        if allows(role, permission):
            call(uow)
            assert uow.commits == 1, case
        else:
            with pytest.raises(Forbidden):
                call(uow)


def test_roles_are_cumulative_from_clerk_to_admin():
    assert [p for p in Permission if allows(Role.CLERK, p)] == [
        Permission.RECEIVE, Permission.SHIP, Permission.TRANSFER, Permission.COUNT, Permission.SYNC,
        Permission.SALES_ORDERS, Permission.SELL, Permission.RETURNS]
    assert not allows(Role.PURCHASER, Permission.PRICES) and allows(Role.MANAGER, Permission.PRICES)
    assert allows(Role.PURCHASER, Permission.PURCHASE) and allows(Role.PURCHASER, Permission.SUPPLIER_TERMS)
    assert not allows(Role.PURCHASER, Permission.ADJUST)
    assert allows(Role.MANAGER, Permission.SYNC_CONFLICTS) and not allows(Role.MANAGER, Permission.USERS)
    assert all(allows(Role.ADMIN, p) for p in Permission)
    assert not allows(None, Permission.RECEIVE) and not allows("owner", Permission.RECEIVE)


def test_with_sign_in_off_everything_is_allowed_and_records_the_given_user():
    uow = FakeUnitOfWork(user="os-user", role=None)
    catalog.add_warehouse(uow, cc.AddWarehouse("W1", "Main"))
    catalog.add_product(uow, cc.AddProduct("A-1", "Apple"))
    ledger.receive(uow, c.ReceiveStock("A-1", 5, "W1", "1"))
    moved = ledger.adjust(uow, c.AdjustStock("A-1", -1, "W1", "broken"))
    assert moved.user == "os-user"


def test_with_sign_in_on_nobody_signed_in_is_refused(world):
    uow = acting(world, "os-user", None)
    with pytest.raises(Forbidden, match="nobody is signed in.*sign in to receive stock.*clerk role"):
        ledger.receive(uow, c.ReceiveStock("A-1", 1, "W1", "2"))


def test_a_claimed_role_counts_for_nothing_without_an_active_user_of_that_name(world):
    with pytest.raises(Forbidden, match="'mallory' is not an active user"):
        ledger.adjust(acting(world, "mallory", Role.ADMIN), c.AdjustStock("A-1", -1, "W1", "x"))


def test_the_stored_role_decides_so_a_demotion_takes_effect_in_a_session_already_signed_in(world):
    # The clerk's window still says manager; the stored role is clerk.
    with pytest.raises(Forbidden, match=r"'clerk' \(clerk\) may not adjust stock"):
        ledger.adjust(acting(world, "clerk", Role.MANAGER), c.AdjustStock("A-1", -1, "W1", "x"))


def test_movements_record_the_signed_in_user(world):
    uow = acting(world, "clerk", Role.CLERK)
    assert ledger.ship(uow, c.ShipStock("A-1", 1, "W1")).user == "clerk"
