"""Export to Excel: the table of the current screen, as the user sees it, written on the task runner.

"As the user sees it": the columns that are shown, in their on-screen order, with their header
texts in the current language; every row that passes the screen's filter, in its sort order;
each cell's shown text, numbers as numbers (so Excel can sum them; in a table that is not a row model, the cells
shown on the right), codes as text. For the screens' row models
(``ui.models.table.RowTableModel``) only the row objects and column order are taken on the GUI
thread, and the cells are formatted in the background: 100,000 rows do not freeze the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractProxyModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QWidget

from domain.kernel import clock
from ui.i18n import fill
from ui.models.table import RowTableModel
from ui.widgets.busy import alive

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
_H, _DISPLAY, _ALIGN = Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole


def table_of(screen: QWidget | None) -> QTableView | None:
    """The table to export: the one with the keyboard focus, else the shown table with the most rows."""
    if screen is None:
        return None
    focus = QApplication.focusWidget()
    views = [v for v in screen.findChildren(QTableView) if v.isVisible() and v.model() is not None]
    if isinstance(focus, QTableView) and focus in views:
        return focus
    return max(views, key=lambda v: v.model().rowCount(), default=None)


def snapshot(view: QTableView):
    """On the GUI thread: the headers and a callable that makes the rows' cells (safe on a worker thread)."""
    from ui.spreadsheets import number_or_text

    model = view.model()
    header = view.horizontalHeader()
    columns = [header.logicalIndex(i) for i in range(header.count())]
    columns = [c for c in columns if not view.isColumnHidden(c)]
    titles = [str(model.headerData(c, _H, _DISPLAY) or "") for c in columns]
    n = model.rowCount()
    proxy = model if isinstance(model, QAbstractProxyModel) else None
    source = proxy.sourceModel() if proxy is not None else model
    if isinstance(source, RowTableModel):
        if proxy is not None:
            rows = [source.row(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(n)]
            source_columns = ([proxy.mapToSource(proxy.index(0, c)).column() for c in columns] if n else columns)
        else:
            rows, source_columns = list(source.rows), columns
        defs = [source.COLUMNS[c] for c in source_columns]

        def cells():
            for row in rows:
                yield [number_or_text(d.text(d.value(row))) if d.numeric else d.text(d.value(row)) for d in defs]

        return titles, cells
    # Other tables: a cell the screen shows as a number (right-aligned) is written as one; any other cell as the text
    # it is, so a code of digits (a SKU 00123, a barcode of 18 digits) keeps its zeros and every digit.
    shown = [[(str(model.data(model.index(r, c), _DISPLAY) or ""), _right(model.data(model.index(r, c), _ALIGN)))
              for c in columns] for r in range(n)]
    return titles, lambda: ([number_or_text(x) if right else x for x, right in row] for row in shown)


def _right(alignment) -> bool:
    """Whether a cell's TextAlignmentRole puts it on the right, as the screens show numbers."""
    if alignment is None:
        return False
    try:
        return bool(Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight)
    except (TypeError, ValueError):
        return False


def export_current(window, services, screen: QWidget | None, title: str) -> None:
    """Ask where to save, then write the current screen's table in the background."""
    view = table_of(screen)
    name = translate("ExportTable", "Export to Excel")
    if view is None:
        QMessageBox.information(window, name, translate("ExportTable", "This screen has no table to export."))
        return
    folder = QSettings().value("export/folder", str(Path.home()), type=str)
    suggested = Path(folder) / f"{title}-{clock.today().isoformat()}.xlsx"
    path, _ = QFileDialog.getSaveFileName(window, name, str(suggested),
                                          translate("ExportTable", "Excel workbook (*.xlsx)"))
    if not path:
        return
    target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
    QSettings().setValue("export/folder", str(target.parent))
    export_view(window, services, view, target, title)


def export_view(window, services, view: QTableView, target: Path, title: str):
    """Write ``view``'s table to ``target`` on the task runner; the window's status bar says when it is done."""
    from ui.spreadsheets import write_xlsx

    titles, cells = snapshot(view)

    def done(count: int) -> None:
        if alive(window):
            window.statusBar().showMessage(fill(translate("ExportTable", "Exported %1 rows to %2"),
                                                str(count), str(target)), 10_000)

    def failed(exc: BaseException) -> None:
        if alive(window):
            QMessageBox.warning(window, translate("ExportTable", "Export to Excel"),
                                fill(translate("ExportTable", "Could not write %1:\n%2"), str(target), str(exc)))

    return services.tasks.submit(lambda: write_xlsx(target, titles, cells(), sheet=title), done, failed)
