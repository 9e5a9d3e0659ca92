"""The sentences of an import's validation report, as codes with values.

A report is read by a clerk in their language, so the domain does not hand out finished English
only: each problem and each "what would be accepted" is a ``Said`` — a code and the values the
sentence names (a cell's text, a row number, a SKU). ``ENGLISH`` holds each code's English template
(``{0}``, ``{1}``… stand for the values), which the command line prints and which ``RowProblem``
keeps as its ``problem`` and ``accepted`` texts; the window says the same code from its own
translated template (``ui.import_problems``), and a test keeps the two lists equal.

A field check of ``domain.kernel.validate`` raises ``BadInput`` with a code and values (``BadInput.code``);
``said_of`` turns it into a ``Said``. A problem without a known code (none is expected) keeps the
domain's English as the single value of ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.catalog.units import FRACTION_ENGLISH
from domain.kernel.errors import BadInput

SAVE_AS = "save it from Excel as \"CSV UTF-8 (comma delimited)\" or as an Excel workbook (.xlsx)"
ENGLISH: dict[str, str] = {
    # -- problems of one cell (the checks of domain.kernel.validate and the import's own)
    "required": "is required",
    "not_a_number": "{0} is not a number",
    "ambiguous_number": "{0} is ambiguous: a comma may only separate thousands (as in 1,250.5) and decimals take "
                        "a point",
    "not_european_number": "{0} is not a number in the European format: a comma before the decimals and a point "
                           "only between groups of three digits",
    "too_many_places": "{0} has more than {1} decimal places",
    "negative": "{0} is negative",
    "zero": "must not be 0",
    "too_large": "{0} is too large",
    "too_long": "is {0} characters long",
    "contains_spaces": "{0} contains spaces",
    "formula_start": "{0} starts with {1}, which a spreadsheet takes for the start of a formula",
    "not_a_date": "{0} is not a date",
    "split_row": "has more cells than the header row's {0}: a value holding the delimiter (a comma) without quotes "
                 "was split in two, and the cells after it moved one column on",
    "serial_date": "{0} is a number, not a date; formatted as a date in Excel it would show {1}",
    "serial_date_text": "{0} is a day number as Excel counts days, not a date: that day is {1}",
    "scientific_number": "{0} is written in scientific notation, which would read as {1}; Excel writes a long number "
                         "so when it shortens it, its last digits lost",
    "currency_sign": "{0} has a currency sign {1}",
    "date_cell": "{0} is a date in Excel, not text: Excel turns a code such as 1-5 or 3/12 typed in a cell into a "
                 "date",
    "scientific_code": "{0} is a long number as Excel shows it in scientific notation, its last digits lost",
    "not_a_day": "{0} is not a day of the calendar",
    "lead_time_range": "{0} is out of range",
    "not_an_ageing_basis": "{0} is not a basis; age by due (days past the due date) or date "
                           "(days since the document's date)",
    "bands_not_days": "{0} is not a list of days; give whole days, rising, separated by /, "
                    "such as 30/60/90/180",
    "bands_too_many": "{0} has {1} bands' ends; at most {2}",
    "bands_out_of_range": "{0}: each end is from 1 to {1} days; give whole days, rising, separated by /, "
                    "such as 30/60/90/180",
    "report_bands_not_days": "{0} is not a list of days; give whole days, rising, separated by commas or /, such as "
                             "30,60,90,180,365 or 30/60/90",
    "report_bands_not_rising": "{0} is not a list of rising days of 1 or more; give whole days, rising, separated by "
                               "commas or /, such as 30,60,90,180,365 or 30/60/90",
    "bands_not_rising": "{0} does not rise; give whole days, rising, separated by /, "
                    "such as 30/60/90/180",
    "expected_day_needed": "{0} is issued; give the day its goods are expected (now {1}), such as 2027-01-15",
    "lead_time_not_days": "{0} is not a number of whole days; enter whole days such as 7 or 21",
    "not_a_currency": "{0} is not a three-letter currency code such as CNY or USD",
    "below_min": "{0} is below the min level {1}",
    "password_unchanged": "is the current password",  # (not in an import: a user's new password)
    # (not in an import: the price and terms master data of domain.sales.price_master)
    "not_a_price_level": "{0} is not a price level",
    "not_an_order_cost": "{0} is not an order cost; give an amount from 0 (off) to {1}, such as 20",
    "not_a_holding_rate": ("{0} is not a holding rate; give a percentage of the unit cost a year from {1} to {2}, "
                           "such as 25"),
    "not_a_payment_basis": "{0} is not a payment basis",
    "not_a_side": "{0} is not a side",
    "not_a_percent": "{0} is not a percent from 0 to 100",  # (not in an import: a sales line's discount)
    # (a fraction of a product counted in whole units, domain.catalog.units)
    "not_whole": "{0} is not a whole number: {1} is counted in whole {2}; enter {3} or {4}",
    "not_whole_one": "{0} is not a whole number: {1} is counted in whole {2}; enter {3}",
    # (turning whole units on for a product that holds a fraction, domain.catalog.units.refuse_fraction_held)
    **FRACTION_ENGLISH,
    "not_yes_no": "{0} is neither yes nor no",
    "in_closed_period": "{0} is in a closed month (every month up to {1} is closed)",
    "due_before_date": "the due date {0} is before the date {1}",
    "not_an_email": "{0} is not an e-mail address",
    "own_substitute": "{0} is the product itself",
    "listed_twice": "{0} is listed twice",
    # (not in an import: a quantity to return to the supplier, domain.purchasing.returns.chosen_lines)
    "over_returnable": "{0} of {1} is more than can go back; enter at most {2}",
    "invisible_character": "contains an invisible character ({0})",
    "direction_override": "contains a direction override ({0})",
    "control_character": "contains a control character or line break ({0})",
    # (not in an import: a code pulled by sync that a clerk could not have typed, persistence.sync.checks)
    "not_normal_form": "{0} is not in its normal form {1} (full-width letters, a Unicode dash or an invisible "
                       "character)",
    "outside_dates": "{0} is outside the accepted dates, {1} to {2}",
    "crossed_sku": "{0} is the SKU on row {1}",
    "crossed_barcode": "{0} is the barcode on row {1}",
    "duplicate_sku": "SKU {0} is also on row {1}",
    "duplicate_barcode": "barcode {0} is also on row {1}",
    "duplicate_supplier": "supplier code {0} is also on row {1}",
    "duplicate_customer": "customer code {0} is also on row {1}",
    "duplicate_terms": "supplier and product {0} is also on row {1}",
    "barcode_listed_twice": "the same barcode is listed twice",
    "pack_listed_twice": "{0} is listed twice; each unit of a product has its own name",
    "pack_name_is_base": "{0} is the product's own unit; name the pack that holds several (箱, 盒, carton…)",
    "pack_not_above_one": "{0} is not above 1; a pack holds more than one {1}",
    "barcode_taken": "{0} is already the barcode or SKU of product {1}",
    "sku_is_barcode": "{0} is already the barcode of product {1}",
    "unknown_supplier": "no supplier has the code {0}",
    "unknown_product": "no product has the SKU or barcode {0}",
    "unknown_warehouse": "no warehouse has the code {0}",
    "unknown_customer": "no customer has the code {0}",
    "duplicate_stock": "{0} in warehouse {1} is also on row {2}",
    "history_runs_until": "the imported sales history of {0} in {1} runs until {2}",
    "in_future": "{0} is in the future",
    "in_closed_month": "{0} is in {1}, which is closed (every month up to {2} is closed)",
    "stock_before_history": "{0} in {1} already has {2} on hand before {3}, and imported sales history must not "
                            "mix with real stock",
    "movements_within_history": "{0} in {1} already has stock movements from {2}, within the history's days "
                                "{3} … {4}",
    # -- the problems of fields the screens and the command line check, not an import: said with their advice, as a
    # screen has no column for it (tests/ui/test_refusals.py walks the source: a BadInput without a code fails it)
    "not_a_role": "{0} is not a role; use one of {1}",
    "password_too_short": "is {0} characters long; use at least {1}",
    "password_too_long": "is {0} characters long; at most {1} are accepted",
    "wrong_password": "is not the password you signed in with; enter it again",
    "not_a_month": "{0} is not a month; use YYYY-MM such as 2026-11",
    "amount_and_lines": "give the invoice's amount or its lines, not both",
    "due_before_invoice_date": "{0} is before the invoice's date {1}; enter a due date on or after it",
    "foreign_po_and_receipts": "purchase order {0} is in {1} and receipts are valued in {2}; enter one invoice for "
                               "the order and another for the receipts",
    "not_ar_or_ap": "{0} is not a side; enter AR (customers) or AP (suppliers)",
    "not_a_money_kind": "{0} is not accepted; enter receipt, payment or refund",
    "on_both_sides": "{0} is on both sides; say AR (customers) or AP (suppliers)",
    "allocate_nothing": "name at least one document to allocate to, as DOC or DOC:AMOUNT",
    "from_after_to": "{0} is after to ({1}); the period runs from its first day to its last, so give a from date on "
                     "or before the to date",
    "not_an_accounts_side": "{0} is not a side of the accounts; use AR (a customer) or AP (a supplier)",
    "side_of_partner_id": "give the side (AR or AP) of the partner's id",
    "give_partner_code": "give a customer or supplier code",
    "barcode_is_own_sku": "{0} is the product's own SKU; a barcode must differ from it",
    "not_above_zero": "must be greater than 0",
    "not_iso_currency": "{0} is not a three-letter ISO 4217 currency code such as CNY, USD or EUR",
    "currency_not_in_use": "{0} is not an ISO 4217 currency code in use; enter one such as CNY, USD or EUR",
    "not_a_moment": "{0} is not a date and time; use ISO form 2026-03-01T14:30",
    "not_an_abc_basis": "{0} is not a basis; give value or volume",
    "not_a_service_target": "{0} is not a percentage; give a number above 50 and at most 99.99 with up to 2 decimals "
                            "(e.g. 97.5), or leave it blank for the ABC class's target",
    "service_target_range": "{0} % is out of range; give a percentage above 50 and at most 99.99, or leave it blank "
                            "for the ABC class's target",
    "not_review_days": "{0} is not accepted; give a whole number of days from 1 to {1}, or leave it blank for the "
                       "default",
    "not_whole_days": "{0} is not a whole number of days; give 1 to {1}, such as {2}",
    "days_out_of_range": "{0} days is out of range; give 1 to {1}, such as {2}",
    "not_a_service_rule": "{0} is not a rule; give class or cost",
    "not_a_service_percent": "{0} is not a percentage; give {1} to {2}, such as 99",
    "service_percent_out_of_range": "{0} % is out of range; give {1} to {2}, such as 99",
    "rate_not_above_zero": "{0} is not above 0; enter how many units of the company currency one unit of the foreign "
                           "currency is worth, such as 7.1234",
    "rate_too_large": "{0} is too large; at most 9,999,999,999.99999999 is accepted",
    # (not in an import: a supplier's new currency, domain.catalog.supplier_currency)
    "not_a_price_choice": "{0} is not accepted; enter convert or keep",
    "no_rate_for_change": "there is no exchange rate for {0} on {1}; enter the rate (1 {2} = how many {3}) or add a "
                          "rate for {0}",
    "change_rate_not_positive": "{0} is not above 0; enter how many {1} make 1 {2}, such as 7.2",
    "rate_for_company_currency": "{0} is the company currency; rates are entered for other currencies, such as USD or "
                                 "EUR",
    "no_terms_enter_price": "{0} has no terms with this supplier; enter the price",
    "quantity_or_price": "give a new quantity, a new price or both",
    "not_price_per": "{0} is not accepted; enter 'unit' or 'pack'",
    "break_listed_twice": "the same quantity is listed twice; give each break its own quantity",
    "percent_out_of_range": "{0} is out of range; enter a percentage from 0 to {1}, such as 13 or 2.5",
    "not_cover_days": "{0} is not a number of days; give 1 or more",
    "return_source": "name the sale (a shipment number), the sales order, or the customer and the warehouse of a free "
                     "return; exactly one of them",
    "free_return_customer": "is required for a free return (with the warehouse)",
    "free_return_warehouse": "is required for a free return (with the customer)",
    "no_lines": "add at least one line",
    "moment_in_future": "{0} is in the future; give the time the customer asked, now or earlier",
    "day_in_future": "{0} is in the future; enter today or an earlier day",
    "backups_to_keep": "{0} is not accepted; enter a whole number from 1 to {1}, such as {2}",
    "backup_is_the_database": "{0} is the database itself; choose a backup of it",
    "backup_missing": "{0} does not exist; choose a backup file (.sqlite3)",
    "backup_not_sqlite": "{0} is not a SQLite database; choose a Stockroom backup (.sqlite3)",
    "backup_unreadable": "{0} cannot be read as a SQLite database ({1}); choose another backup",
    "backup_damaged": "{0} fails SQLite's integrity check ({1}); choose another backup",
    "backup_not_stockroom": "{0} is a SQLite database but not a Stockroom database; choose a Stockroom backup",
    "backup_too_new": "its schema {0} is newer than this version of Stockroom knows ({1}); restore it with a newer "
                      "version",
    "backup_of_server": "backups are made of a local SQLite database file, not of a server database",
    # -- what would be accepted
    "accept_code": "letters (Chinese too), digits and signs such as - _ . /, without spaces, not starting with =, + "
                   "or @",
    "accept_qty": "a number greater than 0 with at most 4 decimals, such as 12 or 2.5",
    "accept_date": "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日",
    "accept_date_or_today": "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, blank for today",
    "accept_money": "0 or more, such as 4.20",
    "accept_full_digits": "all its digits: import the workbook (.xlsx) itself, or in Excel format the column as Text "
                          "or as the number format 0 before saving as CSV",
    "accept_quoted": "a value that holds a comma in double quotes (\"1,200\"), as Excel writes it when it saves a CSV",
    "accept_date_written": "the date written as a date, such as {0}",
    "accept_plain_number": "the number in plain digits, such as {0} if that is the number meant; a number Excel "
                           "shortened has lost digits: import the workbook (.xlsx) itself, or in Excel format the "
                           "column as Number before saving as CSV",
    "accept_text_cell": "text: in Excel format the column as Text, then type the values again (or type an apostrophe "
                        "before each, as '1-5)",
    "accept_amount_alone": "the number alone, such as 1200.50, without a currency sign (in Excel, format the column "
                           "as Number before saving as CSV)",
    "accept_amount_alone_workbook": "the number alone, such as 1200.50, without a currency sign (in Excel, remove "
                                    "the sign from the cells with Find and Replace, then format the column as "
                                    "Number)",
    "accept_qty_european": "a number greater than 0 with at most 4 decimals, such as 12 or 2,5",
    "accept_stock_qty_european": "0 or more with at most 4 decimals, such as 12 or 2,5",
    "accept_money_european": "0 or more, such as 4,20",
    "accept_european_number": "a number in the European format, such as 2,5 or 1.234,5",
    "accept_point_or_european": "a decimal point, such as 2.5; or, if the file writes decimals with a comma, the "
                                "European number format (1.234,5)",
    "accept_any_text": "any text up to 200 characters",
    "accept_text_16": "text up to 16 characters, such as pcs",
    "accept_whole_qty": "a whole number such as 12: {0} is counted in whole units",
    "accept_no_while_fraction": "no (否) until what {0} holds is in whole numbers",
    "accept_yes_no": "yes or no (是 or 否); blank: yes unless the unit is a measure such as kg or 米",
    "accept_barcodes": "barcodes without spaces, several separated by ',' or ';'",
    "accept_text_64": "text up to 64 characters",
    "accept_level": "0 or more, blank for none",
    "accept_max_level": "0 or more and not below the min level, blank for none",
    "accept_text_200": "text up to 200 characters",
    "accept_currency": "a three-letter code such as CNY or USD",
    "accept_lead_time": "whole days from 0 to 3650",
    "accept_text_500": "text up to 500 characters",
    "accept_known_supplier": "the code of a supplier already in Stockroom",
    "accept_known_product": "the SKU or barcode of a product already in Stockroom",
    "accept_zero_or_more": "0 or more",
    "accept_lead_time_or_supplier": "whole days from 0 to 3650, blank for the supplier's",
    "accept_known_warehouse": "the code of a warehouse already in Stockroom",
    "accept_known_warehouse_or_only":
        "the code of a warehouse already in Stockroom; blank (or no column) when it has only one",
    "accept_stock_qty": "0 or more with at most 4 decimals, such as 12 or 2.5",
    "accept_known_customer_or_blank": "the code of a customer already in Stockroom, or blank",
    "accept_at_least": "{0} or more",
    "accept_each_sku_once": "each SKU on one row of the file",
    "accept_unused_code": "a code no other row uses",
    "accept_sku_not_a_barcode": "a SKU no product has as its barcode",
    "accept_each_barcode_once": "each barcode on one row of the file",
    "accept_each_supplier_once": "each supplier code on one row of the file",
    "accept_each_customer_once": "each customer code on one row of the file",
    "accept_each_terms_once": "each supplier and product on one row of the file",
    "accept_free_barcode": "a barcode no other product has",
    "accept_import_suppliers_first": "the code of a supplier already in Stockroom (import suppliers first)",
    "accept_import_products_first": "the SKU or barcode of a product already in Stockroom (import products first)",
    "accept_add_warehouse_first":
        "the code of a warehouse already in Stockroom (add it first in Settings › Warehouses)",
    "accept_each_product_once_per_warehouse": "each product once per warehouse in an opening stock file",
    "accept_date_after": "a date after {0}",
    "accept_date_up_to": "a date up to {0}",
    "accept_import_customers_first": "the code of a customer already in Stockroom (import customers first), or "
                                     "blank",
    "accept_dates_before_stock": "dates before the first stock of this product in this warehouse",
    "accept_dates_before": "dates before {0}, or import the sales history before the opening stock",
    "accept_side": "customer (AR, 应收) or supplier (AP, 应付)",
    "accept_known_partner": "the code of a customer or supplier already in Stockroom",
    "accept_signed_money": "an amount other than 0: + what is owed, - a credit or prepayment, such as 1200.50 or -300",
    "accept_due_date": "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, blank for the partner's payment terms",
    "accept_import_customers_first_code": "the code of a customer already in Stockroom (import customers first)",
    "accept_due_on_or_after": "a date on or after {0}, or blank for the partner's payment terms",
    # -- rows an import leaves out, said in its report beside the problems
    "hidden_row": "hidden in the workbook; left out",
    "note_row": "a note, not a record; passed over",
    # -- the file as a whole (ui.spreadsheets reads it; domain.imports.run finds no data rows)
    "file_missing": "{0} does not exist or is not a file; choose a .csv or .xlsx file",
    "file_xls": "{0} is an old Excel 97-2003 workbook; open it in Excel and save it as an Excel workbook (.xlsx) "
                "or as CSV",
    "file_encrypted": "{0} is protected by a password to open it; in Excel remove the password (File › Info › "
                      "Protect Workbook › Encrypt with Password, then clear it), save, then import again",
    "file_empty": "{0} is empty; choose a file with a header row and data rows",
    "file_utf16": "{0} is UTF-16 text, which is not read; " + SAVE_AS,
    "file_binary": "{0} is not a spreadsheet: neither text (CSV) nor an Excel workbook; choose the .xlsx or .csv "
                   "file",
    "file_encoding": "{0} is neither UTF-8 nor GB18030/GBK text (the encodings Excel saves CSV in), so its "
                     "characters cannot be read; " + SAVE_AS,
    "file_not_excel": "{0} cannot be read as an Excel workbook ({1}); " + SAVE_AS,
    "file_formulas": "{0} has formulas in {1}; Stockroom imports values, never runs formulas: in Excel copy those "
                     "cells and paste them as values, then import again",
    "file_many_formulas": "{0} has formulas in {1} and {2} more; Stockroom imports values, never runs formulas: in "
                          "Excel copy those cells and paste them as values, then import again",
    "file_error_values": "{0} has Excel error values such as {1} in {2}, which are no values; in Excel correct or "
                         "clear those cells, then import again",
    "file_no_rows": "{0} has a header row but no data rows below it; add a row per record under the headers",
    "file_too_many_rows": "{0} has more than {1} rows (rows left empty but formatted count too); import at most {1} "
                          "rows at a time: split the file, or delete the rows below the data",
    "file_too_large": "{0} unpacks to {1} MB, more than a file of {2} rows holds (at most {3} MB): it may be damaged "
                      "or made to fill the memory; open it in Excel, save it again, and split it if it is that "
                      "large",
    # -- a sentence of the domain that has no code of its own: its English is the value
    "text": "{0}",
}

_BY_ENGLISH = {english: code for code, english in ENGLISH.items() if "{" not in english}


@dataclass(frozen=True)
class Said:
    """One sentence of the report: a code of ``ENGLISH`` and the values it names, in order.

    Attributes:
        code: a key of ``ENGLISH``.
        values: the values, as text, for ``{0}``, ``{1}``…
    """

    code: str
    values: tuple[str, ...] = ()

    def english(self) -> str:
        return ENGLISH[self.code].format(*self.values)

    @classmethod
    def of(cls, english: str) -> Said:
        """The sentence whose English is ``english`` (a fixed text such as a field's accepted values)."""
        code = _BY_ENGLISH.get(english)
        return cls(code) if code is not None else cls("text", (english,))


def file_error(code: str, *values: object) -> BadInput:
    """A problem of the file as a whole (``file_*``), in English and as a code with its values."""
    texts = tuple(str(v) for v in values)
    return BadInput("file", Said(code, texts).english(), code=code, values=texts)


def said_of(exc: BadInput) -> Said:
    """The problem of a field check's ``BadInput``, without its advice (the report has a column for that)."""
    if exc.code in ENGLISH:
        return Said(exc.code, tuple(str(v) for v in exc.values))
    return Said("text", (exc.problem.split("; ")[0],))
