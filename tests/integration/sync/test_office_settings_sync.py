"""The settings the office shares (persistence.office) travel between desks on a real hub: the last edit wins, a
concurrent edit is kept in the conflicts list like any record's, a bad value on the hub is kept aside with its
reason, and what belongs to one desk (its logo's path, its device id, its sync positions) stays where it is."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy import select

from domain.catalog import commands as cc
from domain.catalog import master as catalog
from domain.planning import settings as planning_settings
from domain.purchasing import commands as pc
from domain.purchasing import terms
from domain.sales import price_master
from domain.stock import commands as c
from domain.stock import ledger
from persistence import office
from persistence import sync
from persistence import tables as t
from persistence.db import MIGRATIONS
from persistence.stock.queries import check
from tests.integration.sync.test_hostile_hub import HostileWriter
from tests.integration.sync.test_hostile_hub import quarantined

pytestmark = pytest.mark.postgres


def policy(db):
    return terms.current_policy(db.uow())


def configure(db, **changes) -> None:
    terms.set_policy(db.uow(), pc.SetPurchasingPolicy(**changes))


def test_currency_and_company_name_set_on_one_desk_reach_the_other(hub, devices):
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    configure(a, currency="USD", company_name="Acme 五金", company_address="1 Harbour Rd\n2F", tax_rate="9",
              over_receipt_tolerance="5", company_logo="/home/a/logo.png")
    planning_settings.set_abc_basis(a.uow(), planning_settings.SetAbcBasis("volume"))
    planning_settings.set_dashboard_days(a.uow(), planning_settings.SetDashboardDays("120", "45"))
    planning_settings.set_fill_rate_use(a.uow(), planning_settings.SetFillRateUse(False))
    planning_settings.set_service_rule(a.uow(), planning_settings.SetServiceRule("class", "98.5"))
    planning_settings.set_order_cost(a.uow(), planning_settings.SetOrderCost("20"))
    planning_settings.set_holding_rate(a.uow(), planning_settings.SetHoldingRate("18 %"))
    price_master.name_levels(a.uow(), price_master.NameLevels({"level3": "批发"}))
    sync.sync(a, hub)
    sync.sync(b, hub)
    got = policy(b)
    assert (got.currency, got.company_name, got.company_address, got.tax_rate, got.over_receipt_tolerance) == (
        "USD", "Acme 五金", "1 Harbour Rd\n2F", Decimal(9), Decimal(5))
    assert got.company_logo == ""  # a path on a's disk: a's own
    assert price_master.level_names(b.uow())["level3"] == "批发"
    assert planning_settings.abc_basis(b.uow()) == "volume"
    assert planning_settings.dashboard_days(b.uow()) == (120, 45)
    assert planning_settings.fill_rate_use(b.uow()) is False
    assert planning_settings.service_rule(b.uow()) == ("class", 0.985)
    assert (planning_settings.order_cost(b.uow()), planning_settings.holding_rate(b.uow())) == (20, 0.18)
    with b.engine.connect() as conn:  # b keeps its own device id and positions
        own = dict(conn.execute(select(t.settings.c.key, t.settings.c.value)).all())
    assert own["device_id"] == b.device_id != a.device_id
    assert sync.conflicts(b) == [] and quarantined(b) == {}

    configure(b, company_name="Acme Hardware Ltd.")  # edited on b later: the newer version reaches a
    sync.sync(b, hub)
    sync.sync(a, hub)
    assert policy(a).company_name == "Acme Hardware Ltd." and policy(a).currency == "USD"
    assert sync.conflicts(a) == []


def test_saving_the_form_unchanged_is_no_edit_that_would_race_another_desk(hub, devices):
    a, b = devices("a"), devices("b")
    sync.sync(a, hub)
    sync.sync(b, hub)
    configure(a, currency="USD")  # the tax rate (13 by default, never stored) goes along unchanged
    configure(b, tax_rate="9")
    sync.sync(a, hub)
    sync.sync(b, hub)
    sync.sync(a, hub)
    for db in (a, b):
        assert (policy(db).currency, policy(db).tax_rate) == ("USD", Decimal(9))
        assert sync.conflicts(db) == []
    planning_settings.set_dashboard_days(a.uow(), planning_settings.SetDashboardDays("120", "60"))  # 60: the default
    planning_settings.set_dashboard_days(b.uow(), planning_settings.SetDashboardDays("180", "45"))  # 180: the default
    sync.sync(a, hub)
    sync.sync(b, hub)
    sync.sync(a, hub)
    for db in (a, b):
        assert planning_settings.dashboard_days(db.uow()) == (120, 45) and sync.conflicts(db) == []
    with a.engine.connect() as conn:
        assert dict(conn.execute(select(t.office_settings.c.key, t.office_settings.c.version)).all()) == {
            "currency": 1, "po_tax_rate": 1, "dashboard.dead_days": 1, "dashboard.cover_target_days": 1}


def test_both_desks_change_the_tax_rate_offline_the_later_edit_wins_and_the_other_is_a_conflict(hub, devices):
    a, b = devices("a"), devices("b")
    configure(a, tax_rate="10")
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert policy(b).tax_rate == Decimal(10)
    configure(a, tax_rate="11")  # offline, both from version 1
    configure(b, tax_rate="12")
    configure(b, tax_rate="12.5")  # b edited it twice: version 3 against a's 2
    sync.sync(a, hub)
    sync.sync(b, hub)
    sync.sync(a, hub)
    assert policy(a).tax_rate == policy(b).tax_rate == Decimal("12.5")  # higher version wins, as for any record
    [conflict] = sync.conflicts(b)
    assert conflict.table == "office_settings" and conflict.rule_code == "higher_version"
    assert conflict.lost["value"] == "11" and conflict.kept_data["value"] == "12.5"
    assert [x.id for x in sync.conflicts(a)] == [conflict.id]  # the conflicts list syncs too

    configure(a, tax_rate="6")  # the same version on both: the one first on the hub stays
    configure(b, tax_rate="7")
    sync.sync(b, hub)
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert policy(a).tax_rate == policy(b).tax_rate == Decimal(7)
    rules = {x.rule_code for x in sync.conflicts(a)}
    assert rules == {"higher_version", "same_version"}


def test_a_hostile_setting_on_the_hub_is_kept_aside_with_its_reason_and_the_rest_is_taken(hub, devices):
    a = devices("a")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("SKU-1", "Widget"))
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "2.50"))
    configure(a, company_name="Acme")
    sync.sync(a, hub)
    w = HostileWriter(hub)
    try:
        def setting(key: str, value, version: int = 1) -> None:
            row_id = json.dumps([key])
            w.record("office_settings", row_id, {"key": key, "value": value, "device_id": w.device,
                                                 "version": version}, version)

        setting("po_tax_rate", "abc")
        setting("currency", "DOLLARSXYZ")
        setting("po_over_receipt_tolerance", "-1")
        setting("dashboard.dead_days", "1e3")
        setting("planning_abc_basis", "__import__('os')")
        setting("planning_service_rule", "random")
        setting("planning_service_overall", "0.5")
        setting("planning_order_cost", "-20")
        setting("planning_holding_rate", "0.005")  # 0.5 % a year: would make every economic order 7 times larger
        setting("sync.hub_id", "00000000-0000-0000-0000-000000000000")  # a desk's own setting never travels
        setting("company_address", "x" * 501)
        setting("company_name", "Acme Hardware 五金", version=2)  # a good one among them
        b = devices("b")
        sync.sync(b, hub)
        held = quarantined(b)
        assert set(held) == {json.dumps([k]) for k in ("po_tax_rate", "currency", "po_over_receipt_tolerance",
                                                       "dashboard.dead_days", "planning_abc_basis", "sync.hub_id",
                                                       "company_address", "planning_service_rule",
                                                       "planning_service_overall", "planning_order_cost",
                                                       "planning_holding_rate")}
        assert "90 to 99.5" in held['["planning_service_overall"]']
        assert "order cost" in held['["planning_order_cost"]']
        assert "holding rate" in held['["planning_holding_rate"]'] and "1 to 100" in held['["planning_holding_rate"]']
        assert "tax rate" in held['["po_tax_rate"]'] and "abc" in held['["po_tax_rate"]']
        assert "three-letter currency code" in held['["currency"]']
        assert "po_over_receipt_tolerance" in held['["po_over_receipt_tolerance"]']
        assert "sync.hub_id" in held['["sync.hub_id"]']
        assert "500" in held['["company_address"]']
        got = policy(b)
        assert (got.company_name, got.tax_rate, got.currency, got.company_address) == (
            "Acme Hardware 五金", Decimal(13), "CNY", "")
        with b.engine.connect() as conn:
            assert conn.execute(select(t.settings.c.value).where(t.settings.c.key == "sync.hub_id")).scalar() \
                != "00000000-0000-0000-0000-000000000000"
            assert conn.execute(select(t.sync_quarantine.c.code).where(
                t.sync_quarantine.c.row_id == '["currency"]')).scalar() == "not_currency"
        assert check(b.engine) == []

        setting("po_tax_rate", "9", version=2)  # corrected on the hub: taken at the next sync
        sync.sync(b, hub)
        assert policy(b).tax_rate == Decimal(9)
        assert '["po_tax_rate"]' not in quarantined(b)
    finally:
        w.close()


def test_a_hub_from_before_office_settings_still_syncs_and_takes_them_from_then_on(hub, devices):
    """A hub whose tables are of 0015 (no office settings, none in its log) with an office's records on it: a desk
    of this version brings it up to date on connecting, syncs what it had and sends its settings."""
    a, b = devices("a"), devices("b")
    catalog.add_warehouse(a.uow(), cc.AddWarehouse("MAIN", "Main store"))
    catalog.add_product(a.uow(), cc.AddProduct("SKU-1", "Widget"))
    ledger.receive(a.uow(), c.ReceiveStock("SKU-1", "10", "MAIN", "2.50"))
    sync.sync(a, hub)
    engine = create_engine(hub.replace("postgresql://", "postgresql+psycopg://", 1)
                           if hub.startswith("postgresql://") else hub)
    try:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0015")
            assert conn.exec_driver_sql("SELECT to_regclass('office_settings')").scalar() is None
    finally:
        engine.dispose()
    sync.sync(b, hub)  # the old hub: b takes what is there, and nothing about settings
    assert catalog.get_product(b.uow(), "SKU-1").name == "Widget"
    assert policy(b).currency == "CNY" and quarantined(b) == {}
    configure(a, currency="EUR", company_name="Acme GmbH")
    sync.sync(a, hub)
    sync.sync(b, hub)
    assert (policy(b).currency, policy(b).company_name) == ("EUR", "Acme GmbH")
    assert sync.conflicts(b) == [] and quarantined(b) == {}


def test_every_office_key_is_the_one_its_module_uses():
    from domain.planning.fill import SETTING_FILL_RATE
    from domain.planning.ordering import SETTING_HOLDING_RATE
    from domain.planning.ordering import SETTING_ORDER_COST
    from domain.reports.dashboard import COVER_TARGET_KEY
    from domain.reports.dashboard import DEAD_DAYS_KEY
    from domain.sales.prices import NAMED_LEVELS
    from persistence.planning.classes import SETTING_ABC_BASIS
    from persistence.purchasing import orders
    from persistence.sales.prices import LEVEL_NAME_KEY

    assert (office.COMPANY_NAME, office.COMPANY_ADDRESS, office.CURRENCY, office.TAX_RATE, office.TOLERANCE) == (
        orders.SETTING_COMPANY_NAME, orders.SETTING_COMPANY_ADDRESS, orders.SETTING_CURRENCY,
        orders.SETTING_TAX_RATE, orders.SETTING_TOLERANCE)
    assert (office.ABC_BASIS, office.FILL_RATE, office.DEAD_DAYS, office.COVER_TARGET) == (
        SETTING_ABC_BASIS, SETTING_FILL_RATE, DEAD_DAYS_KEY, COVER_TARGET_KEY)
    assert office.LEVEL_NAMES == tuple(LEVEL_NAME_KEY + level for level in NAMED_LEVELS)
    assert office.ORDER_COST == SETTING_ORDER_COST
    assert office.HOLDING_RATE == SETTING_HOLDING_RATE
    assert orders.SETTING_COMPANY_LOGO not in office.KEYS


def test_desks_with_logins_of_their_own_exchange_the_settings_and_a_concurrent_edit(hub, devices):
    """On a hub set up with a login per desk (GRANTs, row-level security: persistence.sync.roles)."""
    import uuid

    a, b = devices("a"), devices("b")
    sync.sync(a, hub)
    sync.hub_setup(a, hub)  # logins belong to the whole server: names of their own
    a_url, _ = sync.hub_add_login(a, hub, f"office_a_{uuid.uuid4().hex[:8]}")
    b_url, _ = sync.hub_add_login(b, hub, f"office_b_{uuid.uuid4().hex[:8]}")
    sync.sync(a, a_url)
    sync.sync(b, b_url)
    configure(a, currency="USD", company_name="Acme 五金")
    sync.sync(a, a_url)
    sync.sync(b, b_url)
    assert (policy(b).currency, policy(b).company_name) == ("USD", "Acme 五金")
    configure(a, tax_rate="10")
    configure(b, tax_rate="11")
    sync.sync(a, a_url)
    assert sync.sync(b, b_url).conflicts == 1
    sync.sync(a, a_url)
    assert policy(a).tax_rate == policy(b).tax_rate == Decimal(10)
    assert sync.status(a).pending_push == 0 and sync.status(b).pending_push == 0
