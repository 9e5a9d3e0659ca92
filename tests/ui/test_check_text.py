"""Each kind of difference the check finds says plainly what disagrees with what (``ui.check_text``), in English
and in Chinese, whichever check made it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.stock.readmodels import CheckProblem
from ui.check_text import cli_translator
from ui.check_text import describe

D = Decimal
CASES = [
    (CheckProblem("A", "MAIN", "on_hand", D(10), D(20)),
     "A in MAIN: the stock balance says 20 on hand, but its movements add up to 10",
     "A 在 MAIN：库存余额显示现存 20，但库存流水合计为 10"),
    (CheckProblem("A", "MAIN", "value", D("25.5"), D(30)),
     "A in MAIN: the stock balance's value is 30, but its movements' values add up to 25.5",
     "A 在 MAIN：库存余额的金额为 30，但库存流水的金额合计为 25.5"),
    (CheckProblem("A", "MAIN", "reserved", D(2), D(3)),
     "A in MAIN: the stock balance says 3 reserved, but confirmed sales orders still have 2 open",
     "A 在 MAIN：库存余额显示已预留 3，但已确认销售订单的未发数量为 2"),
    (CheckProblem("A", "MAIN", "on_order", D(5), D(0)),
     "A in MAIN: the stock balance says 0 on order, but issued purchase orders still expect 5",
     "A 在 MAIN：库存余额显示在途 0，但已下达采购订单的未到数量为 5"),
    (CheckProblem("*", "*", "movements without a valuation", D(4), D(0)),
     "4 stock movement(s) have no value", "有 4 条库存流水没有金额"),
    (CheckProblem("WID", "*", "sales line SD-2026-00001/2 cost", D(50), D(40)),
     "SD-2026-00001 line 2 (WID): the line's cost is 40, but its stock movement's cost in the ledger is 50",
     "SD-2026-00001 第 2 行（WID）：单据行成本为 40，但其库存流水在账上的成本为 50"),
    (CheckProblem("A", "MAIN", "stock_months 2026-09 pair value", D(100), D(90)),
     "A in MAIN: the reports' monthly row for 2026-09 keeps value as 90, but the movements give 100",
     "A 在 MAIN：报表 2026-09 的月度数据中 value 为 90，但按库存流水应为 100"),
    (CheckProblem("WID", "MAIN", "customer return SR-2026-00001 value", D("37.5"), D(25)),
     "WID in MAIN: the customer return SR-2026-00001 brings back 25, but its share of its sale's cost in the ledger "
     "is 37.5", "WID 在 MAIN：销售退货 SR-2026-00001 退回成本 25，但其在原销售账上成本中应占的份额为 37.5"),
    (CheckProblem("SD-2026-00001", "AR ACME", "open amount", D(120), D(100)),
     "SD-2026-00001 (AR ACME): the open amount kept is 100, but the item less its allocations is 120",
     "SD-2026-00001（AR ACME）：记录的未结金额为 100，但按单据金额减去核销应为 120"),
    (CheckProblem("SD-2026-00001", "AR ACME", "open amount missing", D(120), D(0)),
     "SD-2026-00001 (AR ACME): no open amount is kept, but the item less its allocations is 120",
     "SD-2026-00001（AR ACME）：没有记录未结金额，但按单据金额减去核销应为 120"),
]


@pytest.mark.parametrize(("problem", "english", "chinese"), CASES, ids=[c[0].field for c in CASES])
def test_each_difference_names_what_is_kept_and_what_it_disagrees_with(problem, english, chinese):
    assert describe(problem, cli_translator("en")) == english
    assert describe(problem, cli_translator("zh_CN")) == chinese
    assert "in the balance" not in english
