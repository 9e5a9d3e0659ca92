"""Demand forecasting: censored weekly history, demand classes, vectorised methods, statsmodels models,
rolling-origin model selection and forecast quantiles.

numpy, scipy, pandas and statsmodels are imported by the submodules only, never here, so importing
``domain`` (or ``domain.planning.forecasting``) stays cheap for the CLI and the GUI start-up. Call
``domain.planning.forecasting.api.forecast_series`` or ``forecast_many``.
"""
