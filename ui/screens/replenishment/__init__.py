"""Replenishment: run planning, read the reorder alerts and their reasons, turn suggestions into draft POs.

The screen is ``screen.ReplenishmentScreen`` (the run, its progress and cancel, the filters, the detail panel with
the selected line's explanation and forecast chart, and creating draft POs). Beside it: ``model`` (the table:
``ReplenishmentModel``, the ticks and edited quantities), ``detail`` (the words: severities, demand classes,
models, rounding steps, formulas and the explanation as HTML) and ``run`` (what runs on the task runner:
``run_plan``, the drafts per supplier and the message listing the drafts made). The chart itself is
``ui.widgets.forecast_chart``. The names the window and the tests import from ``ui.screens.replenishment`` are
re-exported here; the modules import each other, never this package.
"""

from ui.screens.replenishment.detail import EXPLANATION
from ui.screens.replenishment.detail import FORMULAS
from ui.screens.replenishment.detail import explanation_html
from ui.screens.replenishment.detail import model_text
from ui.screens.replenishment.detail import rounding_text
from ui.screens.replenishment.detail import value_text
from ui.screens.replenishment.model import ReplenishmentModel
from ui.screens.replenishment.model import orderable
from ui.screens.replenishment.model import ordered
from ui.screens.replenishment.run import THOROUGH_BUDGET_SECONDS
from ui.screens.replenishment.run import PlanResult
from ui.screens.replenishment.run import confirmation_html
from ui.screens.replenishment.run import created_html
from ui.screens.replenishment.run import draft_labels
from ui.screens.replenishment.run import run_plan
from ui.screens.replenishment.screen import TICK_CRITICAL_SETTING
from ui.screens.replenishment.screen import ReplenishmentScreen

__all__ = [
    "EXPLANATION",
    "FORMULAS",
    "THOROUGH_BUDGET_SECONDS",
    "TICK_CRITICAL_SETTING",
    "PlanResult",
    "ReplenishmentModel",
    "ReplenishmentScreen",
    "confirmation_html",
    "created_html",
    "draft_labels",
    "explanation_html",
    "model_text",
    "orderable",
    "ordered",
    "rounding_text",
    "run_plan",
    "value_text",
]
