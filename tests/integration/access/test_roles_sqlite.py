"""A role test per role on a real SQLite file: every use case the role lacks is refused in the domain,
every one it holds runs, and what it posts records the signed-in user."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from domain.access import users
from domain.access.roles import ROLES
from domain.access.roles import Permission
from domain.access.roles import Role
from domain.access.roles import allows
from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.catalog.company import SetUpCompany
from domain.catalog.company import set_up_company
from domain.kernel.errors import Forbidden
from domain.planning import run as planning
from domain.purchasing import commands as pc
from domain.purchasing import orders as purchasing
from domain.purchasing import terms
from domain.stock import commands as c
from domain.stock import documents as docs
from domain.stock import ledger
from persistence import tables as t

PASSWORD = "correct horse battery"


def _draft(admin, lines: int = 1) -> str:
    po = purchasing.create_draft(admin(), pc.CreatePurchaseOrder("SUP", "W1"))
    if lines:
        purchasing.add_line(admin(), pc.AddPurchaseOrderLine(po.id, "A-1", 10))
    return po.id


def _issued(admin) -> str:
    return purchasing.issue(admin(), pc.IssuePurchaseOrder(_draft(admin))).number


def _suggestion() -> planning.Suggestion:
    return planning.Suggestion("", "A-1", "W1", "SUP", None, Decimal(5), None, "", {})


# name: (permission, set-up run as the admin giving the argument, the use case run as the role)
Case = tuple[Permission, Callable, Callable]
CASES: dict[str, Case] = {
    "receive": (Permission.RECEIVE, lambda a: None,
                lambda u, _: ledger.receive(u, c.ReceiveStock("A-1", 1, "W1", "2"))),
    "ship": (Permission.SHIP, lambda a: None, lambda u, _: ledger.ship(u, c.ShipStock("A-1", 1, "W1"))),
    "transfer": (Permission.TRANSFER, lambda a: None,
                 lambda u, _: ledger.transfer(u, c.TransferStock("A-1", 1, "W1", "W2"))),
    "count": (Permission.COUNT, lambda a: None, lambda u, _: ledger.count(u, c.CountStock("A-1", 500, "W1"))),
    "adjust": (Permission.ADJUST, lambda a: None, lambda u, _: ledger.adjust(u, c.AdjustStock("A-1", 1, "W1", "x"))),
    "reverse": (Permission.REVERSE, lambda a: ledger.receive(a(), c.ReceiveStock("A-1", 1, "W1", "2")).id,
                lambda u, mid: ledger.reverse(u, c.ReverseMovement(mid))),
    "receipt document": (Permission.RECEIVE, lambda a: None, lambda u, _: docs.post_document(u, docs.PostDocument(
        "receipt", "W1", (docs.LineInput("A-1", 2, unit_cost="2"),)))),
    "shipment document": (Permission.SHIP, lambda a: None, lambda u, _: docs.post_document(u, docs.PostDocument(
        "shipment", "W1", (docs.LineInput("A-1", 1),)))),
    "count document": (Permission.COUNT, lambda a: None, lambda u, _: docs.post_document(u, docs.PostDocument(
        "count", "W1", (docs.LineInput("A-1", counted=300),)))),
    "adjustment document": (Permission.ADJUST, lambda a: None, lambda u, _: docs.post_document(u, docs.PostDocument(
        "adjustment", "W1", (docs.LineInput("A-1", -1, reason="broken"),)))),
    "reverse document": (Permission.REVERSE, lambda a: docs.post_document(a(), docs.PostDocument(
        "receipt", "W1", (docs.LineInput("A-1", 1, unit_cost="2"),))).number,
        lambda u, number: docs.reverse_document(u, docs.ReverseDocument(number))),
    "create PO": (Permission.PURCHASE, lambda a: None,
                  lambda u, _: purchasing.create_draft(u, pc.CreatePurchaseOrder("SUP", "W1"))),
    "add PO line": (Permission.PURCHASE, lambda a: _draft(a, 0),
                    lambda u, po: purchasing.add_line(u, pc.AddPurchaseOrderLine(po, "A-1", 3))),
    "change PO line": (Permission.PURCHASE, _draft,
                       lambda u, po: purchasing.change_line(u, pc.ChangePurchaseOrderLine(po, "A-1", qty=20))),
    "remove PO line": (Permission.PURCHASE, _draft,
                       lambda u, po: purchasing.remove_line(u, pc.RemovePurchaseOrderLine(po, "A-1"))),
    "issue PO": (Permission.PURCHASE, _draft, lambda u, po: purchasing.issue(u, pc.IssuePurchaseOrder(po))),
    "cancel PO": (Permission.PURCHASE, _issued, lambda u, po: purchasing.cancel(u, pc.CancelPurchaseOrder(po, "x"))),
    "close PO short": (Permission.PURCHASE, _issued,
                       lambda u, po: purchasing.close_short(u, pc.ClosePurchaseOrderShort(po))),
    "receive PO": (Permission.RECEIVE, _issued, lambda u, po: purchasing.receive(u, pc.ReceivePurchaseOrder(po))),
    "replenishment drafts": (Permission.PURCHASE, lambda a: None,
                             lambda u, _: planning.create_drafts(u, [_suggestion()])),
    "supplier terms": (Permission.SUPPLIER_TERMS, lambda a: None,
                       lambda u, _: terms.save_terms(u, pc.SaveTerms("SUP", "A-1", "2.40", moq="5"))),
    "price breaks": (Permission.SUPPLIER_TERMS, lambda a: None,
                     lambda u, _: terms.set_price_breaks(u, pc.SetPriceBreaks("SUP", "A-1", (("100", "2.1"),)))),
    "preferred supplier": (Permission.SUPPLIER_TERMS, lambda a: None,
                           lambda u, _: terms.set_preferred_supplier(u, pc.SetPreferredSupplier("A-1", "SUP"))),
    "add product": (Permission.MASTER_DATA, lambda a: None,
                    lambda u, _: catalog.add_product(u, cc.AddProduct(f"N-{u.user}", "New"))),
    "update product": (Permission.MASTER_DATA, lambda a: None,
                       lambda u, _: catalog.update_product(u, cc.UpdateProduct("A-1", "Apple, red"))),
    "add warehouse": (Permission.MASTER_DATA, lambda a: None,
                      lambda u, _: catalog.add_warehouse(u, cc.AddWarehouse(f"W-{u.user}", "New"))),
    "save supplier": (Permission.MASTER_DATA, lambda a: None,
                      lambda u, _: terms.save_supplier(u, pc.SaveSupplier("SUP", "Supplier Ltd", phone="123"))),
    "add customer": (Permission.MASTER_DATA, lambda a: None,
                     lambda u, _: catalog.add_customer(u, cc.AddCustomer(f"C-{u.user}", "New"))),
    "settings": (Permission.SETTINGS, lambda a: None,
                 lambda u, _: terms.set_policy(u, pc.SetPurchasingPolicy(tax_rate="9"))),
    "company": (Permission.SETTINGS, lambda a: None, lambda u, _: set_up_company(
        u, SetUpCompany("Shop", "", "CNY", f"X-{u.user}", "Extra"))),
    "add user": (Permission.USERS, lambda a: None,
                 lambda u, _: users.add_user(u, users.AddUser(f"new-{u.user}", PASSWORD, "clerk"))),
    "reset password": (Permission.USERS, lambda a: None,
                       lambda u, _: users.set_password(u, users.SetPassword("clerk", PASSWORD))),
    "list users": (Permission.USERS, lambda a: None, lambda u, _: users.list_users(u)),
}


@pytest.fixture
def office(db):
    """Two warehouses, a product with stock and supplier terms, and one user of each role."""
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W1", "Main"))
    catalog.add_warehouse(db.uow(), cc.AddWarehouse("W2", "Shop"))
    catalog.add_product(db.uow(), cc.AddProduct("A-1", "Apple"))
    catalog.add_supplier(db.uow(), cc.AddSupplier("SUP", "Supplier"))
    catalog.set_supplier_terms(db.uow(), cc.SetSupplierTerms("SUP", "A-1", "2.50"))
    ledger.receive(db.uow(), c.ReceiveStock("A-1", 500, "W1", "2"))
    users.add_user(db.uow(), users.AddUser("admin", PASSWORD, "admin"))
    for role in (Role.CLERK, Role.PURCHASER, Role.ACCOUNTANT, Role.MANAGER):
        users.add_user(db.uow("admin", "admin"), users.AddUser(role.value, PASSWORD, role.value))
    return db


@pytest.mark.parametrize("role", ROLES)
def test_a_role_runs_exactly_the_use_cases_it_holds(office, role):
    def admin():
        return office.uow("admin", "admin")

    refused, ran = [], []
    for name, (_, set_up, use_case) in CASES.items():
        argument = set_up(admin)
        with office.engine.connect() as conn:
            movements_before = conn.execute(select(t.movements.c.id)).all()
        try:
            use_case(office.uow(role.value, role.value), argument)
        except Forbidden as exc:
            assert f"'{role.value}' ({role.value}) may not" in str(exc)
            refused.append(name)
            with office.engine.connect() as conn:
                assert conn.execute(select(t.movements.c.id)).all() == movements_before, name
        else:
            ran.append(name)
    assert refused == [name for name, (permission, _, _) in CASES.items() if not allows(role, permission)]
    assert ran == [name for name, (permission, _, _) in CASES.items() if allows(role, permission)]


def test_what_a_signed_in_user_posts_records_their_name_on_movements_and_documents(office):
    clerk = office.uow("clerk", "clerk")
    doc = docs.post_document(clerk, docs.PostDocument("shipment", "W1", (docs.LineInput("A-1", 1),)))
    with office.engine.connect() as conn:
        assert conn.execute(select(t.documents.c.user).where(t.documents.c.number == doc.number)).scalar() == "clerk"
        kinds = conn.execute(select(t.movements.c.user).where(t.movements.c.source_ref == doc.number)).scalars()
        assert list(kinds) == ["clerk"]


def test_with_sign_in_on_a_unit_of_work_without_a_user_is_refused(office):
    with pytest.raises(Forbidden, match="nobody is signed in"):
        ledger.receive(office.uow("os-user"), c.ReceiveStock("A-1", 1, "W1", "2"))
    with pytest.raises(Forbidden, match="nobody is signed in"):
        catalog.add_product(office.uow(), cc.AddProduct("Z-1", "Zed"))


def test_a_deactivated_user_is_refused_at_once(office):
    users.deactivate(office.uow("admin", "admin"), users.DeactivateUser("clerk"))
    with pytest.raises(Forbidden, match="'clerk' is not an active user"):
        ledger.receive(office.uow("clerk", "clerk"), c.ReceiveStock("A-1", 1, "W1", "2"))
