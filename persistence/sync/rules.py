"""The rule that settled a sync conflict, as data: a code, its values, and the English sentence made from them.

A conflict (``sync_conflicts``) keeps its rule as the English sentence (``rule``, what the command line prints and
what a conflict's id is made from on the hub) and, beside it, the code and values (``rule_code``, ``rule_params``
as JSON), from which the window says it in its reader's language (``ui.sync_reasons.RULES``); a test keeps the
two lists equal. A conflict kept before codes existed has none (NULL) and keeps showing its English.

``Rule`` is a ``str`` (the English) carrying ``code`` and ``params``, so the places that write a conflict take
it where they took the sentence.
"""

from __future__ import annotations

import json

ENGLISH: dict[str, str] = {
    # -- a record pushed to the hub that was changed there meanwhile (hub.adjudicate)
    "fact_kept": "a fact is never changed: the version first on the hub is kept",
    "deletion_loses": "deletion loses to an edit",
    "higher_version": "higher version wins",
    "same_version": "same version: first on hub wins",
    # -- a new record whose business key is taken (hub._settle_clashes, local.apply_record); ``label`` names the
    # fields of the key, joined by '/'
    "duplicate_merged": "duplicate {label}: merged into the record on the hub",
    "duplicate_dropped": "duplicate {label}: the record on the hub is kept",
    "renumbered": "number {number} taken: renumbered {renumbered}",
    "barcode_taken": "barcode {barcode} belongs to another product",
    # -- a movement reversed twice, on two desks offline (hub: the reversals pushed)
    "second_reversal": "movement already reversed on another device: this reversal is undone and kept as an "
                       "adjustment; correct it if it was the same mistake",
    # -- this desk (local.apply_record)
    "edited_during_sync": "edited here during a sync: the hub's version is kept",
    # -- receivables and payables (accounts)
    "over_allocated": "allocated beyond its amount on two desks offline: the later allocation is undone by {take}; "
                      "allocate what is open again",
    "invoice_bills_reversed": "invoice {invoice} of {supplier} bills receipt {receipt}, reversed on another desk: "
                              "the invoice stays owed and {take} waits as its credit; reverse it or ask for a "
                              "credit note",
    "paid_item_reversed": "{document} of {partner} was reversed on another desk after {credit} settled it here: "
                          "{take} of {credit} is {partner}'s credit again; allocate it to what is open, or refund it",
    "invoice_bills_reversed_receipt": "invoice {invoice} of {supplier} bills receipt {receipt}, reversed on another "
                                      "desk: the invoice stays owed (or paid) for goods no longer received; reverse "
                                      "it or ask for a credit note",
    "in_closed_month": "dated {day} in the closed month {month}: kept (it happened); the month's frozen figures "
                       "leave it out: reopen it if they must include it",
}


class Rule(str):
    """A conflict's rule: the English sentence, with ``code`` and ``params`` beside it."""

    code: str
    params: dict[str, str]

    def __new__(cls, text: str, code: str = "", params: dict[str, str] | None = None) -> Rule:
        self = super().__new__(cls, text)
        self.code, self.params = code, dict(params or {})
        return self


def rule(code: str, /, **params: object) -> Rule:
    """The rule ``code`` with its values (each kept as text) and its English sentence."""
    values = {k: str(v) for k, v in params.items()}
    return Rule(ENGLISH[code].format(**values), code, values)


def columns(text: str) -> dict[str, str | None]:
    """The values of ``sync_conflicts.rule_code`` and ``rule_params`` for a rule (NULL for plain text, as in a
    conflict kept before codes: such a record hashes as it did, ``records.LATER_COLUMNS``)."""
    if isinstance(text, Rule) and text.code:
        return {"rule_code": text.code, "rule_params": json.dumps(text.params, ensure_ascii=False, sort_keys=True)}
    return {"rule_code": None, "rule_params": None}


def params_of(text: str | None) -> dict[str, str]:
    """A stored ``rule_params`` ({} for none or anything unreadable)."""
    try:
        values = json.loads(text) if text else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {}
