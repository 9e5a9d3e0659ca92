"""A completer that finds ``CODE  名称`` entries by code, by name or by the name's pinyin (``PinyinCompleter``).

Qt's own completer matches the text shown only, so a clerk who types ``rcbld`` for 荣昌便利店 or ``xyy`` for 洗衣液,
as 管家婆 and 金蝶 let them, found nothing in the sales order's customer field or add bar, while the Stock and
Products lists found both. Here the completer sits over a filter of its model whose rows are kept by the same search
keys as those lists (``ui.search.search_keys``: the text, its full pinyin and its initials), and the popup shows the
rows kept, unchanged. On a combo box the completer's model is a proxy of the combo's own, so choosing an entry makes
it the combo's current item, as Qt's completer does.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtCore import QObject
from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtCore import QStringListModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QCompleter

from ui.search import needle
from ui.search import search_keys


class _KeyFilter(QSortFilterProxyModel):
    """Keeps the source rows whose search key holds the needle; the keys are made again after the source changes."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._keys: list[str] | None = None
        self._needle = ""

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        super().setSourceModel(model)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._forget)

    def _forget(self, *_) -> None:
        self._keys = None

    def keys(self) -> list[str]:
        if self._keys is None:
            model = self.sourceModel()
            texts = [str(model.index(i, 0).data() or "") for i in range(model.rowCount())]
            self._keys = search_keys(texts, lambda text: (text,), lambda text: text)
        return self._keys

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = needle(text)
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if not self._needle:
            return True
        keys = self.keys()
        return row < len(keys) and self._needle in keys[row]


class PinyinCompleter(QCompleter):
    """Completes from ``model`` (a combo box's, or ``QStringListModel`` of entries) by text or pinyin."""

    def __init__(self, model: QAbstractItemModel, parent: QObject) -> None:
        super().__init__(parent)
        self._filter = _KeyFilter(self)
        self._filter.setSourceModel(model)
        self.setModel(self._filter)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def splitPath(self, path: str) -> list[str]:
        """The typed text narrows the filter; every row it keeps is offered (an empty prefix matches them all)."""
        self._filter.set_needle(path)
        return [""]


def complete_combo(combo: QComboBox) -> PinyinCompleter:
    """Give an editable combo box a completer over its own items that finds them by pinyin too."""
    completer = PinyinCompleter(combo.model(), combo)
    combo.setCompleter(completer)
    return completer


def entries_completer(entries: list[str], parent: QObject) -> PinyinCompleter:
    """A completer over ``entries`` (``CODE  名称`` texts) that finds them by pinyin too."""
    model = QStringListModel(entries, parent)
    completer = PinyinCompleter(model, parent)
    model.setParent(completer)
    return completer
