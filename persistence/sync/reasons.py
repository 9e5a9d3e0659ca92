"""Why sync kept a record aside, as data: a code, its values, and the English sentence made from them.

A pulled record that fails the checks (``checks``, ``gate``) is quarantined with its reason
(``sync_quarantine``: ``reason`` the English sentence, ``code`` and ``params`` the data). ``ENGLISH``
gives each code's sentence with ``{name}`` for a value; values that the sentence quotes are put in
already quoted (``repr`` of the first characters), as the checks always said them. The window says
the same code from its own translatable template (``ui.sync_reasons``); a test keeps the two lists
equal. A row kept before codes existed has code '' and keeps showing its English.

``Reason`` is a ``str`` (the English), so every check still returns '' or a sentence; it also carries
``code`` and ``params``, which ``local.quarantine`` stores.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # -- a value of one column (checks.check_value, the raw checks of movements)
    "missing": "{name} is missing",
    "not_number": "{name}: {value} is not a number",
    "not_finite": "{name}: {value} is not a finite number",
    "too_large": "{name}: {value} is too large; at most {limit} is accepted",
    "too_many_places": "{name}: {value} has more than {places} decimal places",
    "not_instant": "{name}: {value} is not a point in time",
    "outside": "{name}: {value} is outside {first}..{last}",
    "too_far_ahead": "{name}: {value} is more than a year after today on this computer; dates from {first} to {last} "
                     "are accepted",
    "not_date": "{name}: {value} is not a date such as 2026-03-01",
    "not_bool": "{name}: {value} is not true or false",
    "not_whole": "{name}: {value} is not a whole number",
    "out_of_range": "{name}: {value} is out of range",
    "not_text": "{name}: {value} is not text",
    "too_long": "{name} is {length} characters long; at most {limit} are accepted",
    "control_characters": "{name} contains control characters",
    "nul_character": "{name} contains a NUL character",
    "lone_surrogate": "{name} contains half of a character (a lone UTF-16 surrogate), which no text can hold",
    "not_an_id": "{name}: {value} is not an id",
    "not_a_device_id": "{name}: {value} is not a device id",
    # -- the shape of a record (checks.check_row, check_record, check_key)
    "row_not_object": "{table}: the row is not an object",
    "unknown_field": "{table}: unknown field {field}",
    "record_not_object": "the record is not an object",
    "key_mismatch": "the record's key {key} is not the logged key",
    "children_not_object": "_children is not an object",
    "child_not_list": "{child} is not a list",
    "child_of_another": "{child}: a row belongs to another record",
    "child_twice": "{child}: {pk} appears twice",
    "malformed_record": "malformed record ({error})",
    "malformed_row": "malformed row",
    "key_not_text": "the key is not text",
    "key_not_id": "the key {key} is not an id",
    "key_not_of": "the key {key} is not a key of {table}",
    "not_json": "the logged record is not valid JSON",
    "record_empty": "the logged record is empty",
    "unknown_table": "unknown table {table}",
    # -- the domain's rules (checks._rules, _account_rules, fact_checker)
    "field_rule": "{text}",
    "not_positive": "{name}: {value} must be greater than 0",
    "negative": "{name}: {value} must be 0 or more",
    "not_one_of": "{name}: {value} is not one of {allowed}",
    "not_percent": "{name}: {value} is not a percent between 0 and 100",
    "not_between": "{name}: {value} is not between {low} and {high}",
    "not_above": "{name}: {value} must be greater than {low}",
    "max_below_min": "max_level {high} is below min_level {low}",
    "not_currency": "{name}: {value} is not a three-letter currency code",
    "own_substitute": "substitute_id: a product cannot be its own substitute",
    "link_not_delivery": "document_lines: line {line} of a {kind} names a movement; only a receipt against a "
                         "purchase order's lines do",
    "link_twice": "document_lines: movement {movement} is named by two lines",
    "line_exceeds_order": "sales_order_lines: line {line} shipped {shipped} and cut {cut} exceed the ordered {qty}",
    "money_too_large": "{name}: {value} is too large; an amount stays below {limit}",
    "not_month": "{name}: {value} is not a month such as 2026-11",
    "item_side": "kind: a {kind} item belongs to {sides}, not {side}",
    "wrong_sign": "amount: {amount} has the wrong sign for a {kind} item ({sign} expected)",
    "zero_money": "amount: a {kind} of 0",
    "item_fx_together": "fx_currency, fx_amount and fx_rate go together; some are missing",
    "item_fx_kind": "fx_currency: a {kind} item of {side} keeps no amount in a currency; only a supplier's payment, "
                    "refund or their reversal does",
    "item_fx_sign": "fx_amount: {fx_amount} is 0 or of another sign than the amount {amount}",
    "due_before": "due_on: {due} is before the business date {day}",
    "reversal_names": "reverses_id: a reversal names the item it reverses, and only a reversal does",
    "reverses_itself": "reverses_id: an item cannot reverse itself",
    "year_and_seq": "year and seq go together",
    "number_seq": "number: {number} does not end in its seq {seq} (RC-2026-00001 is seq 1)",
    "year_outside": "year: {year} is outside the years a business date may fall in",
    "allocation_zero": "amount: an allocation of 0",
    "allocation_negative": "amount: {amount} is negative but the allocation undoes nothing (undoes_id)",
    "undo_positive": "amount: {amount} undoes an allocation, so it is negative",
    "settles_itself": "credit_item_id: an item cannot settle itself",
    "undoes_itself": "undoes_id: an allocation cannot undo itself",
    "closed_without_time": "closed_at: a closed month says when it was closed",
    "reopen_reason": "reason: a month is reopened only with a reason",
    "qty_zero": "qty must not be 0",
    "qty_wrong_sign": "qty: {qty} has the wrong sign for a movement of kind {movement} ({sign} expected)",
    "is_negative": "{name} is negative",
    "reversal_names_none": "a reversal names no movement it reverses",
    "leg_no_transfer": "a transfer leg has no transfer id",
    "qty_not_positive": "qty must be greater than 0",
    "fx_together": "fx_currency, fx_unit_price, fx_rate and unit_cost go together; some are missing",
    "fx_rate": "fx_rate must be greater than 0",
    # -- what is here already (gate)
    "missing_reference": "{column} refers to {target} {value} which is not here",
    "fact_reference": "{column} refers to a {target} {value} which is not here",
    "sku_other_case": "sku: {sku} is the SKU {other} of another product here, in another case",
    "sku_is_barcode": "sku: {sku} is the barcode of another product here",
    "barcode_is_sku": "barcode: {barcode} is the SKU of another product here",
    "still_referenced": "deleted on the hub, but {table} here still refer to it",
    "merged_missing": "merged on the hub into {table} {key}, which is not here: not renamed",
    "second_reversal": "said on the hub to be a second reversal of movement {original}, but it reverses {reverses}",
    "held_reference": "{column} refers to {target} {value}, which is held back",
    "currency_change_open": "currency: supplier {supplier} changes from {old} to {new} on the hub, but here it has "
                            "open purchase orders ({orders}) or unsettled payables ({payables}) in {old}; the "
                            "change comes in once they are received, settled or cancelled",
    "price_waits_for_currency": "a price of supplier {supplier} waits for the supplier's change of currency, which "
                                "is kept aside here",
    "users_need_admin": "user records go to the hub only with an admin's hub login (see sync hub-add-admin); this "
                        "desk's own login may not write them",
    # -- receivables and payables beside what is here (accounts)
    "reversed_other_partner": "reverses_id: the reversed item is another partner's",
    "not_opposite": "amount: {amount} is not the opposite of the reversed item's {original}",
    "items_apart": "credit_item_id: the two items are not of one side and partner",
    "debit_not_owed": "debit_item_id: the item's amount {amount} does not raise what is owed",
    "credit_settles_nothing": "credit_item_id: the item's amount {amount} does not settle anything",
    "undo_of_undo": "undoes_id: the undone allocation is an undo, or joins other items",
    "fact_deleted": "a {table} row is never deleted",
    "fact_changed": "a {table} row is never changed, and the hub's differs from the one here",
    # -- users: what waits for an admin of this desk (gate.user_authority)
    "user_no_users_yet": "new user {username} ({role}): this computer has no users yet and takes them from the hub "
                         "only in its first sync with it; approve it here to let it in",
    "user_new": "new user {username} ({role}): an admin of this computer must approve it",
    "user_changed": "user {username}: a change of role, password, name or reactivation made elsewhere; an admin "
                    "of this computer must approve it",
    "user_merged": "user {username} merged on the hub into user {into}: an admin of this computer must approve it",
    "user_deleted": "a user deleted on the hub; users are deactivated, never deleted",
    "user_last_admin": "user {username} is this computer's last active admin and keeps that role",
}

# The codes of records an admin of this desk may let in (``sync approve``, the Conflicts screen's Approve…).
APPROVAL = frozenset({"user_no_users_yet", "user_new", "user_changed", "user_merged"})


class Reason(str):
    """A reason a record is kept aside: the English sentence, with ``code`` and ``params`` beside it."""

    code: str
    params: dict[str, str]

    def __new__(cls, text: str, code: str = "", params: dict[str, str] | None = None) -> Reason:
        self = super().__new__(cls, text)
        self.code, self.params = code, dict(params or {})
        return self

    def prefixed(self, prefix: str) -> Reason:
        """The same reason with ``prefix`` before its English (a held-back push says where it stopped)."""
        return Reason(prefix + self, self.code, self.params)


def reason(code: str, /, **params: object) -> Reason:
    """The reason ``code`` with its values (each kept as text) and its English sentence."""
    values = {k: str(v) for k, v in params.items()}
    return Reason(ENGLISH[code].format(**values), code, values)


def code_of(text: str) -> tuple[str, dict[str, str]]:
    """(code, params) of a reason; ('', {}) for plain text (a database error, a row kept before codes)."""
    if isinstance(text, Reason):
        return text.code, text.params
    return "", {}


def waits_for_approval(table: str, code: str, english: str) -> bool:
    """Whether a kept-aside entry is a user (or a merge of users) an admin of this desk may let in.

    A row kept before codes is known by its English, which then always said so.
    """
    if table not in ("users", "alias:users"):
        return False
    return code in APPROVAL if code else "must approve" in english or "approve it here" in english
