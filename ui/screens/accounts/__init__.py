"""Receivables (应收) and payables (应付): the balances list with its ageing bars (``screen``), the receipt and
payment entry (``entry``), allocating credit later (``allocate``) and a partner's page with its statement
(``partner``); the words and table models they share are ``words``."""

from ui.screens.accounts.screen import BalancesScreen
from ui.screens.accounts.screen import PayablesScreen
from ui.screens.accounts.screen import ReceivablesScreen

__all__ = ["BalancesScreen", "PayablesScreen", "ReceivablesScreen"]
