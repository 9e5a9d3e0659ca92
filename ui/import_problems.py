"""The import report in the reader's language: each ``domain.imports.problems.Said`` from its template here.

The domain gives every problem of an import (and what would be accepted instead) as a code with
its values; ``TEMPLATES`` has the same sentence for each code with ``%1``, ``%2``… for the values,
marked for translation in the context ``ImportProblems``. A test keeps the codes and the English of
both lists equal, so a sentence added in the domain cannot go untranslated unnoticed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from domain.imports.problems import Said
from ui import i18n

CONTEXT = "ImportProblems"

TEMPLATES = {
    "required": QT_TRANSLATE_NOOP("ImportProblems", "is required"),
    "not_a_number": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a number"),
    "ambiguous_number": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is ambiguous: a comma may only separate thousands (as in 1,250.5) and decimals take a "
                          "point"),
    "not_european_number": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a number in the European format: a comma before the decimals and a point only "
                          "between groups of three digits"),
    "too_many_places": QT_TRANSLATE_NOOP("ImportProblems", "%1 has more than %2 decimal places"),
    "negative": QT_TRANSLATE_NOOP("ImportProblems", "%1 is negative"),
    "zero": QT_TRANSLATE_NOOP("ImportProblems", "must not be 0"),
    "too_large": QT_TRANSLATE_NOOP("ImportProblems", "%1 is too large"),
    "too_long": QT_TRANSLATE_NOOP("ImportProblems", "is %1 characters long"),
    "contains_spaces": QT_TRANSLATE_NOOP("ImportProblems", "%1 contains spaces"),
    "formula_start": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 starts with %2, which a spreadsheet takes for the start of a formula"),
    "not_a_date": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a date"),
    "split_row": QT_TRANSLATE_NOOP(
        "ImportProblems", "has more cells than the header row's %1: a value holding the delimiter (a comma) without "
                          "quotes was split in two, and the cells after it moved one column on"),
    "serial_date": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is a number, not a date; formatted as a date in Excel it would show %2"),
    "serial_date_text": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is a day number as Excel counts days, not a date: that day is %2"),
    "scientific_number": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is written in scientific notation, which would read as %2; Excel writes a long number so "
                          "when it shortens it, its last digits lost"),
    "currency_sign": QT_TRANSLATE_NOOP("ImportProblems", "%1 has a currency sign %2"),
    "date_cell": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is a date in Excel, not text: Excel turns a code such as 1-5 or 3/12 typed in a cell "
                          "into a date"),
    "scientific_code": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is a long number as Excel shows it in scientific notation, its last digits lost"),
    "not_a_day": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a day of the calendar"),
    "lead_time_range": QT_TRANSLATE_NOOP("ImportProblems", "%1 is out of range"),
    "not_an_ageing_basis": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a basis; age by due (days past the due date) or date "
        "(days since the document's date)"),
    "bands_not_days": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a list of days; give whole days, rising, separated by /, "
                    "such as 30/60/90/180"),
    "bands_too_many": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 has %2 bands' ends; at most %3"),
    "bands_out_of_range": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1: each end is from 1 to %2 days; give whole days, rising, separated by /, "
                    "such as 30/60/90/180"),
    "report_bands_not_days": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a list of days; give whole days, rising, separated by commas or /, such as "
                          "30,60,90,180,365 or 30/60/90"),
    "report_bands_not_rising": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a list of rising days of 1 or more; give whole days, rising, separated by "
                          "commas or /, such as 30,60,90,180,365 or 30/60/90"),
    "bands_not_rising": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 does not rise; give whole days, rising, separated by /, "
                    "such as 30/60/90/180"),
    "expected_day_needed": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is issued; give the day its goods are expected (now %2), such as 2027-01-15"),
    "lead_time_not_days": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a number of whole days; enter whole days such as 7 or 21"),
    "not_a_currency": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a three-letter currency code such as CNY or USD"),
    "below_min": QT_TRANSLATE_NOOP("ImportProblems", "%1 is below the min level %2"),
    "password_unchanged": QT_TRANSLATE_NOOP("ImportProblems", "is the current password"),
    "not_a_price_level": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a price level"),
    "not_a_payment_basis": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a payment basis"),
    "not_a_side": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a side"),
    "not_a_percent": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a percent from 0 to 100"),
    "not_whole": QT_TRANSLATE_NOOP("ImportProblems",
                                   "%1 is not a whole number: %2 is counted in whole %3; enter %4 or %5"),
    "not_whole_one": QT_TRANSLATE_NOOP("ImportProblems",
                                       "%1 is not a whole number: %2 is counted in whole %3; enter %4"),
    "holds_fraction": QT_TRANSLATE_NOOP("ImportProblems", "%1 holds %2 %3 in %4; count it to a whole number first"),
    "fraction_on_po": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 has %2 %3 still to receive on purchase order %4; make that line a whole number (or "
                          "receive or close it) first"),
    "fraction_on_so": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 has %2 %3 still to ship on sales order %4; make that line a whole number (or ship or "
                          "cancel it) first"),
    "fraction_in_terms": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is bought in steps of %2 %3 from supplier %4 (pack size, minimum order or order "
                          "multiple); make those terms whole numbers first"),
    "not_yes_no": QT_TRANSLATE_NOOP("ImportProblems", "%1 is neither yes nor no"),
    "in_closed_period": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is in a closed month (every month up to %2 is closed)"),
    "due_before_date": QT_TRANSLATE_NOOP("ImportProblems", "the due date %1 is before the date %2"),
    "not_an_email": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not an e-mail address"),
    "own_substitute": QT_TRANSLATE_NOOP("ImportProblems", "%1 is the product itself"),
    "listed_twice": QT_TRANSLATE_NOOP("ImportProblems", "%1 is listed twice"),
    "over_returnable": QT_TRANSLATE_NOOP("ImportProblems", "%1 of %2 is more than can go back; enter at most %3"),
    "duplicate_sku": QT_TRANSLATE_NOOP("ImportProblems", "SKU %1 is also on row %2"),
    "invisible_character": QT_TRANSLATE_NOOP("ImportProblems", "contains an invisible character (%1)"),
    "direction_override": QT_TRANSLATE_NOOP("ImportProblems", "contains a direction override (%1)"),
    "control_character": QT_TRANSLATE_NOOP("ImportProblems", "contains a control character or line break (%1)"),
    "not_normal_form": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not in its normal form %2 (full-width letters, a Unicode dash or an invisible "
                          "character)"),
    "outside_dates": QT_TRANSLATE_NOOP("ImportProblems", "%1 is outside the accepted dates, %2 to %3"),
    "crossed_sku": QT_TRANSLATE_NOOP("ImportProblems", "%1 is the SKU on row %2"),
    "sku_is_barcode": QT_TRANSLATE_NOOP("ImportProblems", "%1 is already the barcode of product %2"),
    "crossed_barcode": QT_TRANSLATE_NOOP("ImportProblems", "%1 is the barcode on row %2"),
    "duplicate_barcode": QT_TRANSLATE_NOOP("ImportProblems", "barcode %1 is also on row %2"),
    "duplicate_supplier": QT_TRANSLATE_NOOP("ImportProblems", "supplier code %1 is also on row %2"),
    "duplicate_customer": QT_TRANSLATE_NOOP("ImportProblems", "customer code %1 is also on row %2"),
    "duplicate_terms": QT_TRANSLATE_NOOP("ImportProblems", "supplier and product %1 is also on row %2"),
    "barcode_listed_twice": QT_TRANSLATE_NOOP("ImportProblems", "the same barcode is listed twice"),
    "pack_listed_twice": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is listed twice; each unit of a product has its own name"),
    "pack_name_is_base": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is the product's own unit; name the pack that holds several (箱, 盒, carton…)"),
    "pack_not_above_one": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not above 1; a pack holds more than one %2"),
    "barcode_taken": QT_TRANSLATE_NOOP("ImportProblems", "%1 is already the barcode or SKU of product %2"),
    "unknown_supplier": QT_TRANSLATE_NOOP("ImportProblems", "no supplier has the code %1"),
    "unknown_product": QT_TRANSLATE_NOOP("ImportProblems", "no product has the SKU or barcode %1"),
    "unknown_warehouse": QT_TRANSLATE_NOOP("ImportProblems", "no warehouse has the code %1"),
    "unknown_customer": QT_TRANSLATE_NOOP("ImportProblems", "no customer has the code %1"),
    "duplicate_stock": QT_TRANSLATE_NOOP("ImportProblems", "%1 in warehouse %2 is also on row %3"),
    "history_runs_until": QT_TRANSLATE_NOOP("ImportProblems", "the imported sales history of %1 in %2 runs until %3"),
    "in_future": QT_TRANSLATE_NOOP("ImportProblems", "%1 is in the future"),
    "in_closed_month": QT_TRANSLATE_NOOP("ImportProblems",
                                         "%1 is in %2, which is closed (every month up to %3 is closed)"),
    "stock_before_history": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 in %2 already has %3 on hand before %4, and imported sales history must not mix with "
                          "real stock"),
    "movements_within_history": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 in %2 already has stock movements from %3, within the history's days %4 … %5"),
    "not_a_role": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a role; use one of %2"),
    "password_too_short": QT_TRANSLATE_NOOP("ImportProblems", "is %1 characters long; use at least %2"),
    "password_too_long": QT_TRANSLATE_NOOP("ImportProblems", "is %1 characters long; at most %2 are accepted"),
    "wrong_password": QT_TRANSLATE_NOOP("ImportProblems", "is not the password you signed in with; enter it again"),
    "not_a_month": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a month; use YYYY-MM such as 2026-11"),
    "amount_and_lines": QT_TRANSLATE_NOOP("ImportProblems", "give the invoice's amount or its lines, not both"),
    "due_before_invoice_date": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is before the invoice's date %2; enter a due date on or after it"),
    "foreign_po_and_receipts": QT_TRANSLATE_NOOP(
        "ImportProblems", "purchase order %1 is in %2 and receipts are valued in %3; enter one invoice for the order "
                          "and another for the receipts"),
    "not_ar_or_ap": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a side; enter AR (customers) or AP (suppliers)"),
    "not_a_money_kind": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not accepted; enter receipt, payment or refund"),
    "on_both_sides": QT_TRANSLATE_NOOP("ImportProblems", "%1 is on both sides; say AR (customers) or AP (suppliers)"),
    "allocate_nothing": QT_TRANSLATE_NOOP(
        "ImportProblems", "name at least one document to allocate to, as DOC or DOC:AMOUNT"),
    "from_after_to": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is after to (%2); the period runs from its first day to its last, so give a from date "
                          "on or before the to date"),
    "not_an_accounts_side": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a side of the accounts; use AR (a customer) or AP (a supplier)"),
    "side_of_partner_id": QT_TRANSLATE_NOOP("ImportProblems", "give the side (AR or AP) of the partner's id"),
    "give_partner_code": QT_TRANSLATE_NOOP("ImportProblems", "give a customer or supplier code"),
    "barcode_is_own_sku": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is the product's own SKU; a barcode must differ from it"),
    "not_above_zero": QT_TRANSLATE_NOOP("ImportProblems", "must be greater than 0"),
    "not_iso_currency": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a three-letter ISO 4217 currency code such as CNY, USD or EUR"),
    "currency_not_in_use": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not an ISO 4217 currency code in use; enter one such as CNY, USD or EUR"),
    "not_a_moment": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a date and time; use ISO form 2026-03-01T14:30"),
    "not_an_abc_basis": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a basis; give value or volume"),
    "not_a_service_target": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a percentage; give a number above 50 and at most 99.99 with up to 2 decimals "
                          "(e.g. 97.5), or leave it blank for the ABC class's target"),
    "service_target_range": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 % is out of range; give a percentage above 50 and at most 99.99, or leave it blank for "
                          "the ABC class's target"),
    "not_review_days": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not accepted; give a whole number of days from 1 to %2, or leave it blank for the "
                          "default"),
    "not_whole_days": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a whole number of days; give 1 to %2, such as %3"),
    "days_out_of_range": QT_TRANSLATE_NOOP("ImportProblems", "%1 days is out of range; give 1 to %2, such as %3"),
    "not_a_service_rule": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a rule; give class or cost"),
    "not_a_service_percent": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a percentage; give %2 to %3, such as 99"),
    "not_an_order_cost": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not an order cost; give an amount from 0 (off) to "
                                                             "%2, such as 20"),
    "not_a_holding_rate": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a holding rate; give a percentage of the unit "
                                                              "cost a year from %2 to %3, such as 25"),
    "service_percent_out_of_range": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 % is out of range; give %2 to %3, such as 99"),
    "rate_not_above_zero": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not above 0; enter how many units of the company currency one unit of the foreign "
                          "currency is worth, such as 7.1234"),
    "rate_too_large": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is too large; at most 9,999,999,999.99999999 is accepted"),
    "not_a_price_choice": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not accepted; enter convert or keep"),
    "no_rate_for_change": QT_TRANSLATE_NOOP(
        "ImportProblems", "there is no exchange rate for %1 on %2; enter the rate (1 %3 = how many %4) or add a rate "
                          "for %1"),
    "change_rate_not_positive": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not above 0; enter how many %2 make 1 %3, such as 7.2"),
    "rate_for_company_currency": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is the company currency; rates are entered for other currencies, such as USD or EUR"),
    "no_terms_enter_price": QT_TRANSLATE_NOOP("ImportProblems", "%1 has no terms with this supplier; enter the price"),
    "quantity_or_price": QT_TRANSLATE_NOOP("ImportProblems", "give a new quantity, a new price or both"),
    "not_price_per": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not accepted; enter 'unit' or 'pack'"),
    "break_listed_twice": QT_TRANSLATE_NOOP(
        "ImportProblems", "the same quantity is listed twice; give each break its own quantity"),
    "percent_out_of_range": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is out of range; enter a percentage from 0 to %2, such as 13 or 2.5"),
    "not_cover_days": QT_TRANSLATE_NOOP("ImportProblems", "%1 is not a number of days; give 1 or more"),
    "return_source": QT_TRANSLATE_NOOP(
        "ImportProblems", "name the sale (a shipment number), the sales order, or the customer and the warehouse of "
                          "a free return; exactly one of them"),
    "free_return_customer": QT_TRANSLATE_NOOP("ImportProblems", "is required for a free return (with the warehouse)"),
    "free_return_warehouse": QT_TRANSLATE_NOOP("ImportProblems", "is required for a free return (with the customer)"),
    "no_lines": QT_TRANSLATE_NOOP("ImportProblems", "add at least one line"),
    "moment_in_future": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is in the future; give the time the customer asked, now or earlier"),
    "day_in_future": QT_TRANSLATE_NOOP("ImportProblems", "%1 is in the future; enter today or an earlier day"),
    "backups_to_keep": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not accepted; enter a whole number from 1 to %2, such as %3"),
    "backup_is_the_database": QT_TRANSLATE_NOOP("ImportProblems", "%1 is the database itself; choose a backup of it"),
    "backup_missing": QT_TRANSLATE_NOOP("ImportProblems", "%1 does not exist; choose a backup file (.sqlite3)"),
    "backup_not_sqlite": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a SQLite database; choose a Stockroom backup (.sqlite3)"),
    "backup_unreadable": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 cannot be read as a SQLite database (%2); choose another backup"),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 fails SQLite's integrity check (%2); choose another backup"),
    "backup_not_stockroom": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is a SQLite database but not a Stockroom database; choose a Stockroom backup"),
    "backup_too_new": QT_TRANSLATE_NOOP(
        "ImportProblems", "its schema %1 is newer than this version of Stockroom knows (%2); restore it with a newer "
                          "version"),
    "backup_of_server": QT_TRANSLATE_NOOP(
        "ImportProblems", "backups are made of a local SQLite database file, not of a server database"),
    "accept_code": QT_TRANSLATE_NOOP(
        "ImportProblems", "letters (Chinese too), digits and signs such as - _ . /, without spaces, not starting with "
                          "=, + or @"),
    "accept_date_written": QT_TRANSLATE_NOOP("ImportProblems", "the date written as a date, such as %1"),
    "accept_plain_number": QT_TRANSLATE_NOOP(
        "ImportProblems", "the number in plain digits, such as %1 if that is the number meant; a number Excel "
                          "shortened has lost digits: import the workbook (.xlsx) itself, or in Excel format the "
                          "column as Number before saving as CSV"),
    "accept_qty": QT_TRANSLATE_NOOP(
        "ImportProblems", "a number greater than 0 with at most 4 decimals, such as 12 or 2.5"),
    "accept_date": QT_TRANSLATE_NOOP("ImportProblems", "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日"),
    "accept_date_or_today": QT_TRANSLATE_NOOP(
        "ImportProblems", "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, blank for today"),
    "accept_money": QT_TRANSLATE_NOOP("ImportProblems", "0 or more, such as 4.20"),
    "accept_full_digits": QT_TRANSLATE_NOOP(
        "ImportProblems", "all its digits: import the workbook (.xlsx) itself, or in Excel format the column as Text "
                          "or as the number format 0 before saving as CSV"),
    "accept_quoted": QT_TRANSLATE_NOOP(
        "ImportProblems", "a value that holds a comma in double quotes (\"1,200\"), as Excel writes it when it saves "
                          "a CSV"),
    "accept_text_cell": QT_TRANSLATE_NOOP(
        "ImportProblems", "text: in Excel format the column as Text, then type the values again (or type an "
                          "apostrophe before each, as '1-5)"),
    "accept_amount_alone": QT_TRANSLATE_NOOP(
        "ImportProblems", "the number alone, such as 1200.50, without a currency sign (in Excel, format the column as "
                          "Number before saving as CSV)"),
    "accept_amount_alone_workbook": QT_TRANSLATE_NOOP(
        "ImportProblems", "the number alone, such as 1200.50, without a currency sign (in Excel, remove the sign "
                          "from the cells with Find and Replace, then format the column as Number)"),
    "accept_qty_european": QT_TRANSLATE_NOOP(
        "ImportProblems", "a number greater than 0 with at most 4 decimals, such as 12 or 2,5"),
    "accept_stock_qty_european": QT_TRANSLATE_NOOP(
        "ImportProblems", "0 or more with at most 4 decimals, such as 12 or 2,5"),
    "accept_money_european": QT_TRANSLATE_NOOP("ImportProblems", "0 or more, such as 4,20"),
    "accept_european_number": QT_TRANSLATE_NOOP(
        "ImportProblems", "a number in the European format, such as 2,5 or 1.234,5"),
    "accept_point_or_european": QT_TRANSLATE_NOOP(
        "ImportProblems", "a decimal point, such as 2.5; or, if the file writes decimals with a comma, the European "
                          "number format (1.234,5)"),
    "accept_any_text": QT_TRANSLATE_NOOP("ImportProblems", "any text up to 200 characters"),
    "accept_text_16": QT_TRANSLATE_NOOP("ImportProblems", "text up to 16 characters, such as pcs"),
    "accept_whole_qty": QT_TRANSLATE_NOOP("ImportProblems", "a whole number such as 12: %1 is counted in whole units"),
    "accept_no_while_fraction": QT_TRANSLATE_NOOP("ImportProblems", "no (否) until what %1 holds is in whole numbers"),
    "accept_yes_no": QT_TRANSLATE_NOOP(
        "ImportProblems", "yes or no (是 or 否); blank: yes unless the unit is a measure such as kg or 米"),
    "accept_barcodes": QT_TRANSLATE_NOOP("ImportProblems", "barcodes without spaces, several separated by ',' or ';'"),
    "accept_text_64": QT_TRANSLATE_NOOP("ImportProblems", "text up to 64 characters"),
    "accept_level": QT_TRANSLATE_NOOP("ImportProblems", "0 or more, blank for none"),
    "accept_max_level": QT_TRANSLATE_NOOP("ImportProblems", "0 or more and not below the min level, blank for none"),
    "accept_text_200": QT_TRANSLATE_NOOP("ImportProblems", "text up to 200 characters"),
    "accept_currency": QT_TRANSLATE_NOOP("ImportProblems", "a three-letter code such as CNY or USD"),
    "accept_lead_time": QT_TRANSLATE_NOOP("ImportProblems", "whole days from 0 to 3650"),
    "accept_text_500": QT_TRANSLATE_NOOP("ImportProblems", "text up to 500 characters"),
    "accept_known_supplier": QT_TRANSLATE_NOOP("ImportProblems", "the code of a supplier already in Stockroom"),
    "accept_known_product": QT_TRANSLATE_NOOP("ImportProblems", "the SKU or barcode of a product already in Stockroom"),
    "accept_zero_or_more": QT_TRANSLATE_NOOP("ImportProblems", "0 or more"),
    "accept_lead_time_or_supplier": QT_TRANSLATE_NOOP(
        "ImportProblems", "whole days from 0 to 3650, blank for the supplier's"),
    "accept_known_warehouse": QT_TRANSLATE_NOOP("ImportProblems", "the code of a warehouse already in Stockroom"),
    "accept_known_warehouse_or_only": QT_TRANSLATE_NOOP(
        "ImportProblems", "the code of a warehouse already in Stockroom; blank (or no column) when it has only one"),
    "accept_stock_qty": QT_TRANSLATE_NOOP("ImportProblems", "0 or more with at most 4 decimals, such as 12 or 2.5"),
    "accept_known_customer_or_blank": QT_TRANSLATE_NOOP(
        "ImportProblems", "the code of a customer already in Stockroom, or blank"),
    "accept_at_least": QT_TRANSLATE_NOOP("ImportProblems", "%1 or more"),
    "accept_each_sku_once": QT_TRANSLATE_NOOP("ImportProblems", "each SKU on one row of the file"),
    "accept_unused_code": QT_TRANSLATE_NOOP("ImportProblems", "a code no other row uses"),
    "accept_sku_not_a_barcode": QT_TRANSLATE_NOOP("ImportProblems", "a SKU no product has as its barcode"),
    "accept_each_barcode_once": QT_TRANSLATE_NOOP("ImportProblems", "each barcode on one row of the file"),
    "accept_each_supplier_once": QT_TRANSLATE_NOOP("ImportProblems", "each supplier code on one row of the file"),
    "accept_each_customer_once": QT_TRANSLATE_NOOP("ImportProblems", "each customer code on one row of the file"),
    "accept_each_terms_once": QT_TRANSLATE_NOOP("ImportProblems", "each supplier and product on one row of the file"),
    "accept_free_barcode": QT_TRANSLATE_NOOP("ImportProblems", "a barcode no other product has"),
    "accept_import_suppliers_first": QT_TRANSLATE_NOOP(
        "ImportProblems", "the code of a supplier already in Stockroom (import suppliers first)"),
    "accept_import_products_first": QT_TRANSLATE_NOOP(
        "ImportProblems", "the SKU or barcode of a product already in Stockroom (import products first)"),
    "accept_add_warehouse_first": QT_TRANSLATE_NOOP(
        "ImportProblems", "the code of a warehouse already in Stockroom (add it first in Settings › Warehouses)"),
    "accept_each_product_once_per_warehouse": QT_TRANSLATE_NOOP(
        "ImportProblems", "each product once per warehouse in an opening stock file"),
    "accept_date_after": QT_TRANSLATE_NOOP("ImportProblems", "a date after %1"),
    "accept_date_up_to": QT_TRANSLATE_NOOP("ImportProblems", "a date up to %1"),
    "accept_import_customers_first": QT_TRANSLATE_NOOP(
        "ImportProblems", "the code of a customer already in Stockroom (import customers first), or blank"),
    "accept_dates_before_stock": QT_TRANSLATE_NOOP(
        "ImportProblems", "dates before the first stock of this product in this warehouse"),
    "accept_dates_before": QT_TRANSLATE_NOOP(
        "ImportProblems", "dates before %1, or import the sales history before the opening stock"),
    "accept_side": QT_TRANSLATE_NOOP("ImportProblems", "customer (AR, 应收) or supplier (AP, 应付)"),
    "accept_known_partner": QT_TRANSLATE_NOOP(
        "ImportProblems", "the code of a customer or supplier already in Stockroom"),
    "accept_signed_money": QT_TRANSLATE_NOOP(
        "ImportProblems",
        "an amount other than 0: + what is owed, - a credit or prepayment, such as 1200.50 or -300"),
    "accept_due_date": QT_TRANSLATE_NOOP(
        "ImportProblems",
        "a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, blank for the partner's payment terms"),
    "accept_import_customers_first_code": QT_TRANSLATE_NOOP(
        "ImportProblems", "the code of a customer already in Stockroom (import customers first)"),
    "accept_due_on_or_after": QT_TRANSLATE_NOOP(
        "ImportProblems", "a date on or after %1, or blank for the partner's payment terms"),
    "hidden_row": QT_TRANSLATE_NOOP("ImportProblems", "hidden in the workbook; left out"),
    "note_row": QT_TRANSLATE_NOOP("ImportProblems", "a note, not a record; passed over"),
    "file_missing": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 does not exist or is not a file; choose a .csv or .xlsx file"),
    "file_xls": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is an old Excel 97-2003 workbook; open it in Excel and save it as an Excel workbook "
                          "(.xlsx) or as CSV"),
    "file_encrypted": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is protected by a password to open it; in Excel remove the password (File › Info › "
                          "Protect Workbook › Encrypt with Password, then clear it), save, then import again"),
    "file_empty": QT_TRANSLATE_NOOP("ImportProblems", "%1 is empty; choose a file with a header row and data rows"),
    "file_utf16": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is UTF-16 text, which is not read; save it from Excel as \"CSV UTF-8 (comma delimited)\" "
                          "or as an Excel workbook (.xlsx)"),
    "file_binary": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is not a spreadsheet: neither text (CSV) nor an Excel workbook; choose the .xlsx or .csv "
                          "file"),
    "file_encoding": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 is neither UTF-8 nor GB18030/GBK text (the encodings Excel saves CSV in), so its "
                          "characters cannot be read; save it from Excel as \"CSV UTF-8 (comma delimited)\" or as an "
                          "Excel workbook (.xlsx)"),
    "file_not_excel": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 cannot be read as an Excel workbook (%2); save it from Excel as \"CSV UTF-8 (comma "
                          "delimited)\" or as an Excel workbook (.xlsx)"),
    "file_formulas": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 has formulas in %2; Stockroom imports values, never runs formulas: in Excel copy those "
                          "cells and paste them as values, then import again"),
    "file_many_formulas": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 has formulas in %2 and %3 more; Stockroom imports values, never runs formulas: in "
                          "Excel copy those cells and paste them as values, then import again"),
    "file_error_values": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 has Excel error values such as %2 in %3, which are no values; in Excel correct or clear "
                          "those cells, then import again"),
    "file_no_rows": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 has a header row but no data rows below it; add a row per record under the headers"),
    "file_too_many_rows": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 has more than %2 rows (rows left empty but formatted count too); import at most %2 rows "
                          "at a time: split the file, or delete the rows below the data"),
    "file_too_large": QT_TRANSLATE_NOOP(
        "ImportProblems", "%1 unpacks to %2 MB, more than a file of %3 rows holds (at most %4 MB): it may be damaged "
                          "or made to fill the memory; open it in Excel, save it again, and split it if it is that "
                          "large"),
    "text": QT_TRANSLATE_NOOP("ImportProblems", "%1"),
}


def said_text(said: Said) -> str:
    """The sentence in the current language, its values put in (the domain's English where no template is known)."""
    template = TEMPLATES.get(said.code)
    if template is None:
        return said.english()
    text = QCoreApplication.translate(CONTEXT, template)
    return fill(text, said.values)


def fill(text: str, values) -> str:
    """``%1``, ``%2``… of ``text`` replaced by ``values`` in one pass (``ui.i18n.fill`` with a sequence)."""
    return i18n.fill(text, *values)


def problem_text(exc: BaseException) -> str | None:
    """A ``BadInput`` of an import (the file, a field check) in the current language; None when it has no code."""
    code = getattr(exc, "code", "")
    if code not in TEMPLATES or code == "text":
        return None
    return said_text(Said(code, tuple(str(v) for v in getattr(exc, "values", ()))))
