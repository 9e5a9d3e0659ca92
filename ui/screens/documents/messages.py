"""What the document screens say: the message labels (``say``, red for a refusal, green for a result) and a
refusal as a translated sentence (``describe``: a ``DocumentError``'s code and values through a template marked
for lupdate, never the domain's English parsed back).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from domain.imports.problems import Said
from domain.kernel.errors import BadInput
from domain.kernel.errors import DomainError
from domain.stock.documents import DocumentError
from ui.i18n import fill
from ui.refusals import field_problem_text
from ui.refusals import refusal_text

RED = "color: #9b1c1c;"
GREEN = "color: #1e6b2f; font-weight: bold;"



def say(label: QLabel, text: str) -> None:
    """Set a message label only when its text changes: each set relays out and repaints the screen.

    Labels marked ``collapse`` are hidden while empty, so they take no room until there is a message.
    """
    if label.text() != text:
        label.setText(text)
    if label.property("collapse"):
        label.setVisible(bool(text))


FIELDS = {
    "SKU": QT_TRANSLATE_NOOP("DocumentErrors", "SKU"),
    "quantity": QT_TRANSLATE_NOOP("DocumentErrors", "Quantity"),
    "unit cost": QT_TRANSLATE_NOOP("DocumentErrors", "Unit cost"),
    "counted quantity": QT_TRANSLATE_NOOP("DocumentErrors", "Counted quantity"),
    "reason": QT_TRANSLATE_NOOP("DocumentErrors", "Reason"),
    "reference": QT_TRANSLATE_NOOP("DocumentErrors", "Reference"),
    "partner": QT_TRANSLATE_NOOP("DocumentErrors", "Partner"),
    "date": QT_TRANSLATE_NOOP("DocumentErrors", "Date"),
    "warehouse": QT_TRANSLATE_NOOP("DocumentErrors", "Warehouse"),
    "to warehouse": QT_TRANSLATE_NOOP("DocumentErrors", "To warehouse"),
    "note": QT_TRANSLATE_NOOP("DocumentErrors", "Note"),
}


# Marked for lupdate with QT_TRANSLATE_NOOP; translated in ``describe`` when shown.
MESSAGES = {
    "insufficient_stock": QT_TRANSLATE_NOOP("DocumentErrors", "Not enough %1 (%2) in %3: %4 on hand, %5 asked."),
    "unknown_product": QT_TRANSLATE_NOOP("DocumentErrors", "No product has the SKU or barcode %1."),
    "unknown_warehouse": QT_TRANSLATE_NOOP("DocumentErrors", "No warehouse has the code %1."),
    "unknown_supplier": QT_TRANSLATE_NOOP("DocumentErrors", "No supplier has the code %1."),
    "unknown_customer": QT_TRANSLATE_NOOP("DocumentErrors", "No customer has the code %1."),
    "same_warehouse": QT_TRANSLATE_NOOP("DocumentErrors",
                                        "%1 is both the from and the to warehouse; choose another to warehouse."),
    "duplicate_line": QT_TRANSLATE_NOOP("DocumentErrors",
                                        "%1 is already counted on line %2; enter one counted quantity per product."),
    "no_lines": QT_TRANSLATE_NOOP("DocumentErrors",
                                  "Nothing to post: scan a barcode or type a SKU and press Enter to add a line."),
    "already_reversed": QT_TRANSLATE_NOOP("DocumentErrors", "Document %1 has already been reversed."),
    "not_found": QT_TRANSLATE_NOOP("DocumentErrors", "No posted document has the number %1."),
    "cannot_reverse": QT_TRANSLATE_NOOP("DocumentErrors", "Document %1 cannot be reversed: %2"),
    "required": QT_TRANSLATE_NOOP("DocumentErrors", "%1 is required."),
    "zero": QT_TRANSLATE_NOOP("DocumentErrors", "%1 must not be 0."),
    "bad_input": QT_TRANSLATE_NOOP("DocumentErrors", "%1: %2"),
    "refused": QT_TRANSLATE_NOOP("DocumentErrors", "Refused: %1"),
    "line": QT_TRANSLATE_NOOP("DocumentErrors", "Line %1: %2"),
    "failed": QT_TRANSLATE_NOOP("DocumentErrors", "Could not post: %1"),
}


def describe(exc: BaseException) -> str:
    """A refusal as a translated sentence for the clerk.

    The domain's message is English; a ``DocumentError`` also carries a code and the values,
    so the sentence is built here from a translated template. A field problem is said from its field check's code
    (``ui.import_problems``); one without a code keeps the domain's English after the translated field name, as
    does the English window, whose domain sentence also says what would be accepted.
    """

    def render(key: str, *args: object) -> str:
        return fill(QCoreApplication.translate("DocumentErrors", MESSAGES[key]), *args)

    if not isinstance(exc, DocumentError):  # e.g. refused by role, or a PO in a foreign currency without a rate
        return refusal_text(exc) if isinstance(exc, DomainError) else render("failed", exc)
    p, code = exc.params, exc.code
    cause = exc.cause if exc.cause is not None and exc.cause.code else None  # the ledger's refusal, as data
    if code == "insufficient_stock" and cause is not None and cause.code != "insufficient_stock":
        text = refusal_text(cause)  # e.g. a back-dated posting: the balance on that day, not today's
    elif code == "insufficient_stock":
        text = render(code, p["sku"], p["name"], p["warehouse"], p["on_hand"], p["asked"])
    elif code in ("unknown_product", "unknown_warehouse"):
        text = render(code, p["code"])
    elif code == "unknown_partner":
        text = render("unknown_supplier" if exc.field == "supplier" else "unknown_customer", p["code"])
    elif code == "same_warehouse":
        text = render(code, p["code"])
    elif code == "duplicate_line":
        text = render(code, p["sku"], p["other"])
    elif code == "no_lines":
        text = render(code)
    elif code in ("already_reversed", "not_found"):
        text = render(code, p["number"])
    elif code == "cannot_reverse":
        text = render(code, p["number"], refusal_text(cause) if cause is not None else p["message"])
    elif code == "bad_input":
        name = p.get("field", "")
        field = QCoreApplication.translate("DocumentErrors", FIELDS[name]) if name in FIELDS else name
        problem = p.get("problem", "")
        # the field check's own code when the refusal carries it ("is required; enter a number such as 12 or 2.50"
        # has the advice after the problem, so its English is no key); else a problem without values or advice
        said = cause.code if isinstance(cause, BadInput) else Said.of(problem).code
        if said in ("required", "zero"):
            text = render(said, field)
        elif isinstance(cause, BadInput):
            text = render("bad_input", field, field_problem_text(cause))
        else:
            text = render("bad_input", field, problem)
    else:
        text = render("refused", refusal_text(cause) if cause is not None else p.get("message", str(exc)))
    return render("line", exc.line, text) if exc.line is not None else text
