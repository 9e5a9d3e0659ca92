"""Every field the import wizard maps is named in the reader's language: 'Whole units' stood in English on the
Chinese wizard's mapping page (the field was added to the products import without its label being marked for
translation)."""

from __future__ import annotations

from domain.imports import FIELDS
from ui.dialogs.import_wizard import FIELD_LABELS
from ui.dialogs.import_wizard import tr


def test_every_import_field_label_is_marked_and_has_a_chinese_translation(qapp, chinese):
    labels = {field.label for fields in FIELDS.values() for field in fields}
    assert sorted(labels - set(FIELD_LABELS)) == []
    assert sorted(label for label in labels if tr(label) == label) == []
