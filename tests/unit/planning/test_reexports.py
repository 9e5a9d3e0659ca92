"""The rooms split apart in issue 14 keep the names their callers import: ``domain.planning.forecasting.api`` and
``domain.planning.run`` hand out the very objects their new modules define (not copies that could drift apart)."""

from __future__ import annotations

from domain.planning import drafts as planning_drafts
from domain.planning import history as planning_history
from domain.planning import model as planning_model
from domain.planning import run as planning
from domain.planning import terms as planning_terms
from domain.planning.forecasting import api
from domain.planning.forecasting import quantiles
from domain.planning.forecasting import result
from domain.planning.forecasting import selection


def test_the_forecasting_entry_points_hand_out_the_objects_of_their_modules():
    assert api.ForecastResult is result.ForecastResult
    assert api.lead_time_demand is result.lead_time_demand
    assert api.lead_time_quantile is result.lead_time_quantile
    assert api.service_quantile is result.service_quantile
    assert api.bootstrap_cumulative is quantiles.bootstrap_cumulative
    assert api.VECTOR_METHODS is selection.VECTOR_METHODS
    assert api.TREND_METHODS is selection.TREND_METHODS
    assert api.SEASONAL_NAIVE == selection.SEASONAL_NAIVE
    assert all(hasattr(api, name) for name in api.__all__)


def test_planning_hands_out_the_objects_of_its_pieces():
    for module in (planning_model, planning_history, planning_terms, planning_drafts):
        for name in planning.__all__:
            if name in vars(module):
                assert getattr(planning, name) is vars(module)[name], name
    assert planning.PlanningHistory is planning_model.PlanningHistory
    assert planning.window is planning_history.window
    assert planning.choose_terms is planning_terms.choose_terms
    assert planning.create_drafts is planning_drafts.create_drafts
    assert all(hasattr(planning, name) for name in planning.__all__)
