"""A partial sync is visible: records kept aside show in the status bar, the Shared database page and the
Conflicts screen with their reasons, in English and in Chinese."""

from __future__ import annotations

from persistence.sync import local as loc
from ui import i18n
from ui.sync_service import SyncState
from ui.widgets.sync_status import SyncStatusWidget


def test_records_kept_aside_show_in_the_status_bar_with_what_they_are(qtbot, english):
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_state(SyncState(configured=True, refused=2, held_back=1))
    assert not widget.kept.isHidden() and "3 record(s) kept aside" in widget.kept.text()
    tip = widget.kept.toolTip()
    assert "2 record(s) from the shared database refused" in tip
    assert "1 record(s) here cannot go to the shared database" in tip
    widget.show_state(SyncState(configured=True))
    assert widget.kept.isHidden()


def test_the_shared_database_page_says_why_the_last_sync_was_partial_in_chinese_too(qtbot, english):
    from ui.screens.settings_sync import SyncPage

    state = SyncState(configured=True, refused=1, last_error="")
    assert "refused, not applied" in SyncPage.describe(state)
    i18n.set_language(i18n.CHINESE, persist=False)
    assert "未通过检查" in SyncPage.describe(state)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_state(state)
    assert "条记录已搁置" in widget.kept.text()


def test_the_conflicts_screen_lists_each_record_kept_aside_with_its_reason(qtbot, db, make_services, english):
    from ui.screens.conflicts import ConflictsScreen

    with db.engine.begin() as conn:
        loc.quarantine(conn, "products", "0193-bad", 17, 1, "max_level: 'abc' is not a number", "{}", "")
        loc.quarantine(conn, "outgoing:movements", "0193-long", 0, 0,
                       "not sent to the hub: source_ref is 150 characters long; at most 64 are accepted", "", "")
    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    text = screen.kept_view.toPlainText()
    assert "Refused from the shared database: Product 0193-bad (entry 17)" in text  # the kind, not the table
    assert "max_level: 'abc' is not a number" in text
    assert "Not sent: Stock movement 0193-long" in text and "at most 64" in text


def test_users_waiting_for_approval_and_merges_kept_aside_say_what_they_are(qtbot, db, make_services, english):
    from ui.screens.conflicts import ConflictsScreen

    with db.engine.begin() as conn:
        loc.quarantine(conn, "users", "0193-li", 9, 1, "new user li (admin): an admin of this computer must "
                       "approve it", "{}", "")
        loc.quarantine(conn, "alias:products", "0193-p", 0, 0, "merged on the hub into products 0193-x, which is "
                       "not here: not renamed", "0193-x", "")
    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    text = screen.kept_view.toPlainText()
    assert "Waits for an admin of this computer: User 0193-li (to let it in: stockroom sync approve 0193-li)" in text
    assert "A merge from the shared database kept aside: Product 0193-p" in text and "not renamed" in text
    i18n.set_language(i18n.CHINESE, persist=False)
    screen.retranslate()
    screen._show_kept()
    assert "等待本机管理员批准" in screen.kept_view.toPlainText()


def _kept_aside_products(db) -> str:
    """A product here and one the desk never had, each kept aside, and a record keyed by the product here; the id of
    the product here."""
    from domain.catalog import commands as c
    from domain.catalog import master as catalog

    product = catalog.add_product(db.uow(), c.AddProduct("SCREW-M3", "Screw M3"))
    with db.engine.begin() as conn:
        loc.quarantine(conn, "products", product.id, 17, 2, "max_level: 'abc' is not a number", "{}", "")
        loc.quarantine(conn, "products", "0193-never-here", 18, 1, "max_level: 'abc' is not a number", "{}", "")
        loc.quarantine(conn, "outgoing:product_planning", f'["{product.id}"]', 0, 0,
                       "not sent to the hub: notes is 600 characters long; at most 500 are accepted", "", "")
    return product.id


def test_a_product_kept_aside_is_named_by_its_sku_when_it_is_here_and_by_its_id_otherwise(qtbot, db, make_services,
                                                                                         english):
    from ui.screens.conflicts import ConflictsScreen

    product_id = _kept_aside_products(db)
    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    text = screen.kept_view.toPlainText()
    assert "Refused from the shared database: Product SCREW-M3 (entry 17)" in text
    assert "Refused from the shared database: Product 0193-never-here (entry 18)" in text
    assert "Not sent: Product planning SCREW-M3" in text
    assert product_id not in text


def test_sync_status_names_a_product_kept_aside_by_its_sku_and_keeps_its_id_in_json(db, capsys):
    import json

    from ui.cli import main

    product_id = _kept_aside_products(db)
    assert main(["--db", str(db.path), "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert "products SCREW-M3 (hub entry 17)" in out and "products 0193-never-here (hub entry 18)" in out
    assert "held back from the hub: product_planning SCREW-M3:" in out
    assert product_id not in out
    assert main(["--db", str(db.path), "sync", "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_key = {q["row_id"]: q["known_as"] for q in data["quarantined"]}
    assert by_key == {product_id: "SCREW-M3", "0193-never-here": ""}
    assert [(q["row_id"], q["known_as"]) for q in data["held_back"]] == [(f'["{product_id}"]', "SCREW-M3")]


def test_a_product_refused_from_the_hub_that_was_never_here_is_named_by_its_sku_and_name_as_pulled(
        qtbot, db, make_services, english):
    import json

    from ui.screens.conflicts import ConflictsScreen

    with db.engine.begin() as conn:
        loc.quarantine(conn, "products", "0193-pulled", 21, 1, "pack_size: -5 must be greater than 0",
                       json.dumps({"id": "0193-pulled", "sku": "SCREW-M4", "name": "Screw M4 × 20"}), "")
        loc.quarantine(conn, "products", "0193-control", 22, 1, "sku contains control characters",
                       json.dumps({"id": "0193-control", "sku": "SCREW\x1b[31m", "name": "Screw"}), "")
    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    text = screen.kept_view.toPlainText()
    assert "Refused from the shared database: Product SCREW-M4 · Screw M4 × 20 (entry 21)" in text
    assert "Refused from the shared database: Product 0193-control (entry 22)" in text  # no readable SKU: its id
    assert "0193-pulled" not in text


def test_a_document_refused_from_the_hub_is_named_by_its_number_and_partner_as_pulled(qtbot, db, make_services,
                                                                                     english, capsys):
    """A refused document was listed by its id, which no clerk can look up; a product was already named by SKU."""
    import json

    from domain.catalog import commands as c
    from domain.catalog import master as catalog
    from ui.cli import main
    from ui.screens.conflicts import ConflictsScreen

    customer = catalog.add_customer(db.uow(), c.AddCustomer("ZS", "Zhang San"))
    pulled = {
        ("documents", "0193-gr"): {"id": "0193-gr", "number": "GR-2026-00012", "partner": "NB", "kind": "receipt"},
        ("sales_orders", "0193-so"): {"id": "0193-so", "number": "SO-2026-00007", "customer_id": customer.id},
        ("purchase_orders", "0193-po"): {"id": "0193-po", "number": "PO-2026-00003", "supplier_id": "0193-gone"},
        ("account_items", "0193-rc"): {"id": "0193-rc", "number": "RC-2026-00002", "side": "AR",
                                       "partner_id": customer.id},
        ("documents", "0193-blank"): {"id": "0193-blank", "number": "", "partner": "NB"},
    }
    with db.engine.begin() as conn:
        for seq, ((table, key), record) in enumerate(pulled.items(), start=30):
            loc.quarantine(conn, table, key, seq, 1, "note: 600 characters long; at most 500 are accepted",
                           json.dumps(record), "")
    screen = ConflictsScreen(make_services())
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: not screen.loading and not screen.kept_box.isHidden())
    text = screen.kept_view.toPlainText()
    assert "Refused from the shared database: Document GR-2026-00012 · NB (entry 30)" in text
    assert "Sales order SO-2026-00007 · ZS (entry 31)" in text
    assert "PO-2026-00003 (entry 32)" in text  # its supplier is not here: the number alone
    assert "RC-2026-00002 · ZS (entry 33)" in text
    assert "0193-blank (entry 34)" in text  # no number to show: its id
    assert not any(key in text for key in ("0193-gr", "0193-so", "0193-po", "0193-rc"))
    assert main(["--db", str(db.path), "sync", "status"]) == 0
    assert "documents GR-2026-00012 · NB (hub entry 30)" in capsys.readouterr().out
