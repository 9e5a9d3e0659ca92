"""`init` on a new file says what a new company does next (the company block printed on documents, a first
warehouse, the imports), as the window's welcome dialog asks for them; before, it said only 'database ready' and the
purchase orders went out under the default company name."""

from __future__ import annotations

from tests.integration.test_cli import ok


def test_init_of_a_new_database_names_the_next_steps_and_an_existing_one_does_not(tmp_path):
    shop = tmp_path / "shop.sqlite3"
    said = ok(shop, "init")
    assert said.startswith(f"database ready: {shop}\nnext steps for a new company")
    assert "po config --company-name NAME" in said and "--currency CNY" in said
    assert "warehouse add CODE --name NAME" in said and "import suppliers|customers|products|stock" in said
    ok(shop, "warehouse", "add", "MAIN", "--name", "主仓库")
    assert ok(shop, "init") == f"database ready: {shop}\n"
