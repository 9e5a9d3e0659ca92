"""Sales orders (销售订单): the list and the order editor (``screen``), its actions (``actions``), the stockout
panel (``shortage``), the backorder list (``backorders``), printing (``printing``) and the words they share
(``words``). The names the window and the tests import are re-exported here; the modules never import this
package."""

from ui.screens.sales.screen import SalesOrdersScreen

__all__ = ["SalesOrdersScreen"]
