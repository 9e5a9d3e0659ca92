"""Moving from Excel: products, suppliers, terms, customers, opening stock and sales history from a file.

``fields`` says what each kind of import reads and guesses the columns from the headers; ``cells``
reads and checks one row; ``master`` and ``stock`` turn checked rows into the existing use cases'
commands; ``run`` has the two use cases, ``preview`` and ``run_import``. Reading the file itself
(CSV encodings, Excel) is not the domain's business: see ``ui.spreadsheets``.
"""

from __future__ import annotations

from domain.imports.fields import FIELDS
from domain.imports.fields import Field
from domain.imports.fields import ImportKind
from domain.imports.fields import fields_of
from domain.imports.fields import guess_mapping
from domain.imports.fields import headed
from domain.imports.report import DateCell
from domain.imports.report import ImportRejected
from domain.imports.report import ImportResult
from domain.imports.report import LeftOut
from domain.imports.report import NumberCell
from domain.imports.report import RowProblem
from domain.imports.report import Table
from domain.imports.run import preview
from domain.imports.run import run_import
from domain.kernel.numbers import NumberFormat

__all__ = ["FIELDS", "DateCell", "Field", "ImportKind", "ImportRejected", "ImportResult", "LeftOut", "NumberCell",
           "NumberFormat", "RowProblem", "Table", "fields_of", "guess_mapping", "headed", "preview", "run_import"]
