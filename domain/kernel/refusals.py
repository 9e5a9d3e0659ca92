"""Every refusal of a business rule as a code, its English, and how to raise it with its values.

A refusal is data: ``code`` names what was refused and ``params`` hold the values it names (a SKU, a
purchase order, a number already formatted as the domain formats it). ``ENGLISH`` gives each code's
sentence (``{name}`` for a value, ``{name!r}`` where the sentence quotes it), which ``str(exc)`` is
and the command line prints. A screen says the same code from its own translatable template
(``ui.refusals``); a test keeps the two lists equal, so a code added here cannot go unsaid there.

``OWN`` lists the codes whose exception class builds its sentence itself (its facts are attributes
too): a refusal by role, a sign-in refused, a missing exchange rate, a company currency change that
needs confirming. Field problems (``BadInput``) have codes of their own, those of
``domain.imports.problems`` (a field check reads the same in an import report).
"""

from __future__ import annotations

from typing import TypeVar

from domain.kernel.errors import DomainError

E = TypeVar("E", bound=DomainError)

ENGLISH: dict[str, str] = {
    # -- catalog: products, warehouses, suppliers, customers
    "duplicate_barcode": "barcode {barcode!r} is already used by product {sku}",
    "pack_barcode_taken": "barcode {barcode!r} is already used by product {sku} (its unit {unit})",
    "pack_unit_exists": "product {sku} already has a unit {name!r}; remove it first or choose another name",
    "pack_unit_unknown": "product {sku} has no unit {name!r}",
    "sku_taken": "SKU {sku!r} is already used by another product",
    "sku_taken_as": "SKU {sku!r} is already used by another product (as {taken!r}; SKUs are compared without "
                    "regard to case)",
    "sku_is_a_barcode": "SKU {sku!r} is already the barcode of product {product}; scanning it would find that "
                        "product",
    "unknown_sku": "SKU {sku!r}: no product has this SKU",
    "changed_since_opened": "product {sku} was changed by someone else since you opened it (you opened version "
                            "{opened}, it is now version {stored}); reopen it and make your change again",
    "warehouse_taken": "warehouse code {code!r} is already used",
    "supplier_taken": "supplier code {code!r} is already used",
    "customer_taken": "customer code {code!r} is already used",
    "unknown_supplier_code": "supplier code {code!r}: no supplier has this code",
    "unknown_customer_code": "customer code {code!r}: no customer has this code",
    "supplier_currency_blocked": "currency: supplier {supplier} cannot change from {old} to {new} while it has open "
                                 "purchase orders ({orders}) or unsettled payables ({payables}) in {old}; receive, "
                                 "close or cancel the orders and settle the payables first",
    "supplier_currency_needs_choice": "prices: supplier {supplier} has {prices} term price(s) in {old}; changing its "
                                      "currency to {new} needs a choice: convert them at a rate (1 {new} = rate "
                                      "{old}) or keep the numbers; nothing was changed",
    "unknown_customer_walk_in": "customer {code!r}: no customer has this code; leave it empty for a walk-in",
    # -- price levels (domain.sales.levels)
    "no_free_level": "all {most} extra price levels are in use; retire one before adding another",
    "level_not_in_use": "price level {level} is not in use; add a level instead",
    "level_built_in": "retail and wholesale are built in: they cannot be renamed or retired (the extra levels can)",
    "level_name_taken": "{name!r} is already the name of another price level; choose another name",
    "level_in_use": "price level {name!r} is in use: {prices} product(s) have a list price at it and {customers} "
                    "customer(s) buy at it; move them to another level first, then retire it",
    # -- purchasing
    "invoice_differs": "invoice {number} differs from what was ordered and received: {lines}; it comes to {amount} "
                       "{currency} with tax against {expected} expected ({difference}); nothing was posted: check "
                       "it with the supplier, or post it accepting the differences",
    "unknown_po": "purchase order {ref!r}: no PO has this number or draft id",
    "sku_not_on_po": "SKU {sku!r} is not on purchase order {po}",
    "po_line_exists": "{sku} is already on line {line} of {po}; change that line",
    "below_received": "quantity: {sku} has {received} received already; enter {received} or more",
    "line_received": "{sku} on {po} has {received} received; it cannot be removed (lower its quantity to what was "
                     "received instead)",
    "last_line": "{sku} is the last line of {po}; cancel the PO instead",
    "issue_not_draft": "purchase order {po} is {state}; only a draft can be issued",
    "issue_no_lines": "purchase order {po} has no lines; add at least one before issuing",
    "no_rate_needed": "purchase order {po} is in {currency}, the company currency; it needs no exchange rate",
    "cancel_partly_received": "purchase order {po} is partly received; close it short instead of cancelling",
    "po_not_editable": "purchase order {po} is {state}; it can no longer be changed",
    "receive_not_issued": "purchase order {po} is {state}; cannot receive against it (issue it first)",
    "receive_not_open": "purchase order {po} is {state}; cannot receive against it (nothing is expected any more)",
    "close_not_issued": "purchase order {po} is {state}; cannot close it short (issue it first)",
    "close_not_open": "purchase order {po} is {state}; cannot close it short (nothing is expected any more)",
    "over_receipt": "{sku} on {po}: {ordered} ordered, {received} received so far; receiving {qty} more would "
                    "exceed the over-receipt tolerance of {tolerance}% (at most {room} more accepted)",
    "no_rate_dated": "date: {currency} has no rate dated {day}; see `stockroom rate list {currency}`",
    # -- sales: orders, shipments, returns
    "unknown_so": "sales order {ref!r}: no sales order has this number",
    "so_add_not_draft": "sales order {so} is {state}; lines can be added to a draft only",
    "so_confirm_not_draft": "sales order {so} is {state}; only a draft can be confirmed",
    "so_no_lines": "sales order {so} has no lines; add at least one before confirming",
    "so_line_exists": "{sku} is already on line {line} of {so}",
    "sku_not_on_so": "SKU {sku!r} is not on sales order {so}",
    "so_short": "sales order {so} asks for more than is available: {detail}; confirm with override to "
                "promise it anyway",
    "so_not_open": "sales order {so} is {state}; it is not open (confirm it first; a shipped or cancelled "
                   "order is closed)",
    "so_cancel_closed": "sales order {so} is {state}; it can no longer be cancelled",
    "credit_limit_exceeded": "sales order {so} would take customer {customer} to {exposure}, over its credit limit "
                             "of {limit} by {over} (balance {balance}, open orders {open_orders}, this order "
                             "{this_order}); a manager can confirm it with override",
    "credit_limit_needs_manager": "sales order {so} would take customer {customer} to {exposure}, over its credit "
                                  "limit of {limit} by {over} (balance {balance}, open orders {open_orders}, this "
                                  "order {this_order}); only a manager may confirm it past the limit",
    "sale_credit_limit_exceeded": "a sale on account would take customer {customer} to {exposure}, over its credit "
                                  "limit of {limit} by {over} (balance {balance}, open orders {open_orders}, this "
                                  "sale {this_sale}); a manager can post it with override, or it is paid at once",
    "sale_credit_limit_needs_manager": "a sale on account would take customer {customer} to {exposure}, over its "
                                       "credit limit of {limit} by {over} (balance {balance}, open orders "
                                       "{open_orders}, this sale {this_sale}); only a manager may post it past the "
                                       "limit, or it is paid at once",
    "credit_overdue_90": "customer {customer} has {amount} more than 90 days overdue (the oldest due {due})",
    "so_nothing_open": "{sku} on {so} has nothing open",
    "so_cut_over_open": "{sku} on {so}: {open} open; cannot cut {qty}",
    "so_ship_over_open": "{sku} on {so}: {open} open; shipping {qty} would be more than was ordered",
    "so_ship_unavailable": "{sku} on {so}: {available} can leave {warehouse} for this order now (on hand not "
                           "reserved for other orders), {qty} asked",
    "so_nothing_to_ship": "sales order {so}: nothing can be shipped now; no stock is available for its open lines",
    "no_sale_price": "{sku}: no price is known for this customer; enter the price",
    "sale_short": "{sku} ({name}) in {warehouse}: {available} available (on hand less reserved), {asked} "
                  "asked; nothing was sold and the {short} short was recorded as unfilled demand",
    "unknown_sale": "document {number!r}: no sale has this number",
    "unknown_return": "document {number!r}: no customer or supplier return has this number",
    "not_a_sale": "document {number} is a {kind}, not a sale; a customer return goes against a sale",
    "sale_reversed": "sale {number} has been reversed; nothing on it can be returned",
    "sku_not_on_sale": "SKU {sku!r} is not on sale {number}",
    "return_over_shipped": "{sku} on {ref}: {shipped} shipped, {returned} returned already; at most {room} "
                           "more can be returned",
    "sale_has_returns": "sale {number} has goods returned against it; reverse those returns first",
    "return_reversal_reserved": "{sku} in {warehouse}: taking the returned goods out again would leave "
                                "{on_hand} on hand for {reserved} reserved for confirmed orders",
    # -- purchasing: returns to the supplier (domain.purchasing.returns)
    "unknown_receipt": "receipt {number!r}: no goods receipt has this number",
    "receipt_reversed": "receipt {number} has been reversed; nothing it brought in can be returned against it",
    "return_other_supplier": "{ref} came from supplier {theirs}, not {supplier}; return it to {theirs}",
    "return_other_warehouse": "{ref} came into warehouse {theirs}, not {warehouse}; return it from {theirs}",
    "sku_not_on_receipt": "SKU {sku!r} is not on receipt {receipt}",
    "return_over_receipt": "{sku}: receipt {receipt} brought in {received} and {returned} went back against it "
                           "already; returning {qty} is more than the {room} left",
    "return_po_nothing_received": "purchase order {po} is {state}; nothing was received against it",
    "return_po_other_supplier": "purchase order {po} is another supplier's; return against it to its supplier",
    "return_po_other_warehouse": "purchase order {po} was received into another warehouse than {warehouse}; return "
                                 "it from that warehouse",
    "return_over_po": "{sku} on {po}: {received} received; returning {qty} is more than that",
    # -- purchasing: reversing a delivery received against a PO (domain.stock.documents.reverse_document)
    "receipt_has_returns": "receipt {number} has goods returned to the supplier against it; reverse those returns "
                           "first",
    "delivery_not_here": "the goods received on {number} are not all in this ledger yet; synchronise and try again",
    "delivery_returned": "{sku} on {po}: {received} received, less than the {qty} of {number}; reverse the return "
                         "to the supplier first",
    "delivery_link_wrong": "{number} line {line} names movement {movement}, which is not that line's receipt "
                           "against {po}; it is left as it is",
    # -- stock: the ledger
    "ledger_unknown_product": "{field} {code!r}: no product has this SKU or barcode",
    "ledger_unknown_warehouse": "{field} {code!r}: no warehouse has this code",
    "transfer_same_warehouse": "to warehouse: {code} is also the from warehouse; choose another",
    "unknown_movement": "movement id {movement!r}: no such movement",
    "reverse_reversal": "movement {movement} is itself a reversal; post a new movement instead",
    "movement_already_reversed": "movement {movement} has already been reversed",
    "insufficient_stock": "{sku} ({name}) in {warehouse}: {on_hand} on hand, {asked} asked; the warehouse does not "
                          "allow negative stock",
    "reserved_stock": "{sku} ({name}) in {warehouse}: {on_hand} on hand, {reserved} of it reserved for confirmed sales "
                      "orders, {asked} asked; ship it against its order, or cut or cancel the order first",
    "insufficient_stock_back_dated": "{sku} ({name}) in {warehouse}: this back-dated posting would leave {on_hand} "
                                     "on hand on {when}; the warehouse does not allow negative stock",
    "value_too_large": "{sku} ({name}) in {warehouse}: a value of {value} is too large; values up to "
                       "99,999,999,999,999.99 are kept",
    "on_hand_too_large": "{sku} ({name}) in {warehouse}: {on_hand} on hand is too large; a warehouse keeps at most "
                         "9,999,999,999,999.9999 of a product",
    # -- demo
    "demo_warehouse_exists": "warehouse {code} already exists: the demo fills an empty database only",
    "demo_product_exists": "product {sku} already exists: the demo fills an empty database only",
    # -- sync
    "hub_changed": "this computer syncs with another shared database (hub {known}); {url} is hub {hub}. An admin "
                   "can start over with it: sync --hub URL --start-over",
    "hub_url_changed": "this computer syncs with {remembered}, not {url}. An admin can start over with the new one: "
                       "sync --hub URL --start-over",
    "hub_login_not_a_desk": "the hub login {login} is not a desk of this hub; its owner adds one with: "
                            "sync hub-add-desk NAME",
    "hub_login_other_desk": "the hub login {login} is the desk {desk}'s; this computer is {device}. The hub's owner "
                            "gives this desk a login of its own: sync hub-add-desk NAME",
    # -- sync: reaching the hub (persistence.sync.common.HubUnavailable, SyncCancelled: errors, not rules, said alike)
    "hub_unreachable": "cannot reach the hub: {reason}",
    "hub_tables_older": "the hub's tables are older than this version of Stockroom and this login may not change "
                        "them; the hub's owner brings them up to date with: sync hub-setup",
    "hub_tables_not_prepared": "cannot prepare the hub's tables: {reason}",
    "hub_schema_newer": "the hub's schema {revision} is newer than this version of Stockroom knows ({head}); update "
                        "Stockroom on this computer",
    "hub_lost_during_sync": "the connection to the hub was lost during the sync ({reason}); nothing is lost, sync "
                            "again to finish",
    "hub_lost": "the connection to the hub was lost: {reason}",
    "hub_refused_during_sync": "the hub refused a step of the sync: {reason}; nothing is lost, sync again once "
                               "that is put right",
    "sync_stopped_pushing": "sync stopped; what was pushed is kept",
    "sync_stopped_pulling": "sync stopped; what was pulled is kept",
    "sync_defect": "the sync stopped on an unexpected error (a fault of Stockroom, not of your data); what it "
                   "finished is kept; sync again, and if the error comes back, report it with the words below",
    # -- sync: why the database driver failed (persistence.sync.causes): the {reason} of the sentences above, said
    # in their place; the driver's own words go along as the value ``detail``, a line under the sentence
    "hub_cause_unreachable": "the server does not answer at this address (check the host, the port, the network and "
                             "that the server runs)",
    "hub_cause_timeout": "the server did not answer in time",
    "hub_cause_wrong_password": "the hub refused this user name or password",
    "hub_cause_password_missing": "the hub asks for a password and none was given",
    "hub_cause_login_refused": "the hub's server does not let this login in from this computer (its pg_hba.conf)",
    "hub_cause_database_missing": "the server has no database of this name",
    "hub_cause_permission_denied": "this login may not do this on the hub",
    "hub_cause_disk_full": "the hub's server has no disk space left",
    "hub_cause_read_only": "the hub is read-only (a standby server, or set read-only)",
    "hub_cause_too_many_connections": "the hub has too many connections open; try again in a while",
    "hub_cause_tls": "the encrypted connection (TLS) could not be set up as the TLS mode asks",
    "hub_cause_other": "the database server reported an error",
    # -- sync: the hub's address (persistence.sync.address, engine.hub_url: BadHubUrl, said alike)
    "hub_url_unreadable": "hub URL: {url} is not a database URL; give one such as {example}",
    "hub_url_not_postgresql": "hub URL: {driver!r} is not PostgreSQL; give a URL such as {example}",
    "hub_url_two_ats": "hub URL: it has more than one '@'; write an '@' in the user name or password as {escaped}, "
                       "or better give the URL without a password, such as {example}",
    "hub_url_sslpassword": "hub URL: sslpassword (the passphrase of a TLS client key) is not kept in the hub URL; "
                           "remove it and use a client key without a passphrase",
    "hub_url_two_passwords": "hub URL: it gives two different passwords; give the URL without a password, such as "
                             "{example}, and the password in PGPASSWORD or where the window asks for it",
    "hub_url_not_pairs": "hub URL: {url} is neither a URL nor key=value pairs; give one such as {example}",
    "hub_url_quote_open": "hub URL: the quoted value of {key} is not closed; end it with '",
    # -- sync: reviewing a conflict
    "unknown_conflict": "conflict {conflict!r}: no such conflict",
    "conflict_reviewed": "conflict {conflict}: already reviewed by {user}",
    "conflict_loser_deleted": "this conflict's losing version was a deletion; there are no values to apply",
    "conflict_renumbered": "a renumbered document keeps its new number; there are no values to apply",
    "conflict_fact": "an open item, an allocation or a period event is never changed; there are no values to "
                     "apply (correct it with a reversal)",
    "conflict_loser_refused": "the losing version cannot be applied: {reason}",
    # -- sync: setting up a hub and its logins
    "hub_setup_refused": "cannot set up the hub's roles with this login (use the hub owner's, who owns its tables "
                         "and may create roles): {reason}",
    "hub_login_not_made": "cannot make the login {name} with this login (use the hub owner's, who may create "
                          "roles): {reason}",
    "hub_device_not_an_id": "device: {device!r} is not a device id; give the device id 'sync status' shows on that "
                            "desk, or run this on the desk itself",
    "hub_login_name": "login name: {name!r} is not accepted; use lower-case letters, digits and _ (up to 63, not "
                      "starting with a digit), e.g. desk_front",
    "hub_not_set_up": "the hub has no desk roles yet: its owner runs sync hub-setup first",
    "hub_login_not_ours": "login name: {name} is a role of this server that is not a Stockroom login; choose another "
                          "name",
    "hub_device_taken": "device {device} is the desk of login {owner} already; give that login a new password with: "
                        "sync hub-add-desk {owner}",
    # -- sync: approving a held-back user
    "approve_merge_waits": "{table} {key}: the merge waits for user {merged}, which is not here",
    "approve_last_admin": "{table} {key}: this computer's last active admin is not merged into another user",
    "approve_nothing_held": "{table} {key}: nothing is held for approval under this key",
    "approve_not_a_user": "{table} {key}: only a well-formed user record waits for an admin's approval; this one "
                          "was refused because {reason}",
    "approve_missing_reference": "{table} {key}: {reason}",
    # -- accounts: the period close
    "period_closed": "the date {day} is in {month}, which is closed (every month up to {through} is closed); date "
                     "it after {through}, or ask an admin to reopen {month}",
    # -- accounts: statements (domain.accounts.statement)
    "unknown_partner": "partner code {code!r}: no customer or supplier has this code",
    "unknown_partner_id": "partner id {id!r}: no customer or supplier has this id",
    "partner_ambiguous": "code {code!r} is both a customer's and a supplier's; say whose statement you want: the "
                         "customer's (--customer) or the supplier's (--supplier)",
    "period_closed_reversal": "movement {movement} is dated {day}, in {month}, which is closed: it cannot be "
                              "reversed; correct it with a new posting dated after {through}, or ask an admin to "
                              "reopen {month}",
    "period_not_ended": "{month} has not ended yet; it can be closed from {first} on",
    "period_already_closed": "{month} is already closed (every month up to {through} is closed)",
    "period_not_closed": "{month} is not closed; there is nothing to reopen",
    "period_not_latest": "{month} cannot be reopened while a later month is closed; reopen {latest} first",
    # -- accounts: receivables and payables
    "item_reversed": "{number} has been reversed already (or is a reversal); nothing was changed",
    "allocation_not_open": "allocate to {number}: {partner} has nothing open under this number; name a document "
                           "of {partner} that is still open",
    "allocation_twice": "allocate to {number}: it is named twice; name each document once",
    "allocation_over_open": "allocate to {number}: {amount} is more than is open on it ({open}); allocate at most "
                            "{open}",
    "allocation_over_amount": "allocate to {number}: {amount} is more than is left to allocate ({left})",
    "refund_over_credit": "refund of {amount} to {partner}: more than its credit of {credit}; refund at most {credit}",
    "refund_over_advance_paid": "refund of {amount} from {partner}: more than was paid to it in advance ({credit}); "
                                "take back at most {credit}",
    "unknown_payment_method": "method {method!r}: not a payment method; use one of {known}, or add it with: "
                              "payment-method add CODE NAME",
    "unknown_account_item": "{number}: no receipt, payment, refund or document of receivables or payables has this "
                            "number",
    "nothing_to_allocate": "{number} has nothing left to allocate",
    "allocation_not_found": "{credit} is not allocated to {debit}; there is nothing to undo",
    "unknown_money": "{number}: no receipt, payment, refund or write-off has this number",
    "write_off_undo": "{number} is a write-off: its allocation is not undone on its own (it would stay as credit the "
                      "partner never paid); reverse the write-off instead",
    "payment_method_built_in": "method {method!r} is built in and cannot be changed; choose another code",
    "exchange_difference_undo": "{number} booked the exchange difference {difference} as it settled; its allocations "
                                "are not undone on their own (the difference would stay); reverse {number} instead",
    "money_currency_not_partners": "currency: {partner} is paid in {theirs}, not {currency}; enter the amount in "
                                   "{theirs} or in {company}",
    "money_currency_places": "amount {amount} {currency}: {currency} has {places} decimal place(s); enter at most "
                             "{places}",
    "money_no_rate": "rate: no exchange rate for {currency} on or before {day}; type the rate, or enter the day's "
                     "with: rate set {currency} RATE --date {day}",
    "money_rate_without_currency": "rate {rate}: the amount is in {company}, which needs no rate; give the "
                                   "supplier's currency with the rate, or leave the rate out",
    # -- accounts: supplier invoices (domain.accounts.invoices)
    "supplier_invoice_exists": "invoice {number!r} of {supplier} was entered before; a supplier's number is entered "
                               "once (reverse that invoice to enter it again under another number)",
    "unknown_supplier_invoice": "invoice {number!r}: {supplier} has no invoice with this number",
    "supplier_invoice_reversed": "invoice {number} of {supplier} has been reversed already; nothing was changed",
    "invoice_po_other_supplier": "purchase order {po} is not {supplier}'s; name one of {supplier}'s orders",
    "invoice_receipt_other_supplier": "receipt {receipt} came from {theirs}, not from {supplier}; name {supplier}'s "
                                      "receipts",
    "invoice_receipt_reversed": "receipt {number} has been reversed; there is nothing on it to invoice",
    "invoice_sku_not_covered": "{sku} is on none of {sources}; invoice only what the order or the receipts hold",
    "invoice_tax_rates_differ": "the invoice's sources were taxed at different rates ({sources}); enter one invoice "
                                "for each rate",
    "receipt_invoiced": "the receipt of {sku} on {po} is billed by invoice {invoice} of {supplier}; reverse the "
                        "invoice first (supplier-invoice reverse {supplier} {invoice}), then the receipt",
    "free_receipt_invoiced": "receipt {number} is billed by invoice {invoice} of {supplier}; reverse the invoice "
                             "first (supplier-invoice reverse {supplier} {invoice}), then the receipt",
    # -- access: users
    "unknown_user": "user name {username!r}: no user has this name",
    "first_user_admin": "role: the first user turns sign-in on and must be an admin, so that someone can manage "
                        "users; add {username} as admin, or add an admin first",
    "username_taken": "user name {username!r} is already taken (perhaps by a deactivated user); choose another",
    "no_password_to_change": "nobody is signed in, so there is no password to change; sign in first",
    "last_admin_role": "{username} is the last active admin and stays admin, so that someone can manage users; "
                       "make another user admin first",
    "last_admin_deactivate": "{username} is the last active admin and cannot be deactivated, so that someone can "
                             "manage users; make another user admin first",
    "already_deactivated": "user {username} is already deactivated",
    "already_active": "user {username} is active already",
}

OWN = (
    "not_signed_in",  # domain.kernel.errors.Forbidden: user, role, needed, permission
    "inactive_user",
    "forbidden",
    "sign_in_failed",  # domain.access.users.SignInFailed
    "sign_in_throttled",  # domain.access.users.SignInThrottled: username, failures, seconds
    "no_exchange_rate",  # domain.purchasing.exchange.NoExchangeRate: currency, day, po
    "currency_change_needs_confirmation",  # domain.purchasing.terms.CurrencyChangeNeedsConfirmation
    "storage_locked",  # domain.kernel.errors.StorageProblem (persistence.errors.explain): kind
    "storage_full",
    "storage_io",
    "storage_read_only",
)

CODES = frozenset(ENGLISH) | frozenset(OWN)


def refusal(kind: type[E], code: str, /, **params: object) -> E:
    """The exception ``kind`` for ``code``: its English from ``ENGLISH`` with ``params`` put in, and the data."""
    return kind(ENGLISH[code].format(**params), code=code, params=params)
