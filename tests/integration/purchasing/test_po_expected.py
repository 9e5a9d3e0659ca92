"""Moving the day a purchase order's goods are expected: a draft's freely, an issued one's as a new revision."""

from __future__ import annotations

from datetime import date

import pytest

from domain.kernel.errors import BadInput
from domain.kernel.errors import RuleViolation
from domain.purchasing import commands as pc
from domain.purchasing import orders as po_uc
from tests.integration.purchasing.test_po_lifecycle import draft
from tests.integration.purchasing.test_po_lifecycle import issued
from tests.integration.purchasing.test_po_lifecycle import shop  # noqa: F401 - a fixture


def test_a_drafts_expected_day_is_set_and_cleared_without_a_revision(shop):  # noqa: F811
    po_id = draft(shop, ("SCREW", "24"))
    po = po_uc.set_expected(shop.uow(), pc.SetPurchaseOrderExpected(po_id, date(2026, 4, 20)))
    assert (po.expected_on, po.revision) == (date(2026, 4, 20), 0)
    po = po_uc.set_expected(shop.uow(), pc.SetPurchaseOrderExpected(po_id, None))
    assert po.expected_on is None  # set on issue, from the lead time


def test_an_issued_pos_new_expected_day_is_a_revision_that_the_printed_order_shows(shop):  # noqa: F811
    number = issued(shop, ("SCREW", "24"))
    before = po_uc.load_snapshot(shop.uow(), number)
    po = po_uc.set_expected(shop.uow(), pc.SetPurchaseOrderExpected(number, date(2026, 4, 30), "supplier confirmed"))
    assert (po.expected_on, po.revision) == (date(2026, 4, 30), 1)
    after = po_uc.load_snapshot(shop.uow(), number)
    assert after.expected_on == "2026-04-30" != before.expected_on
    with pytest.raises(BadInput, match="expected"):
        po_uc.set_expected(shop.uow(), pc.SetPurchaseOrderExpected(number, None))


def test_a_received_pos_expected_day_cannot_be_moved(shop):  # noqa: F811
    number = issued(shop, ("SCREW", "24"))
    po_uc.receive(shop.uow(), pc.ReceivePurchaseOrder(number, (("SCREW", "24"),)))
    with pytest.raises(RuleViolation, match="can no longer be changed"):
        po_uc.set_expected(shop.uow(), pc.SetPurchaseOrderExpected(number, date(2026, 5, 1)))
