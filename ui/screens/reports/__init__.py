"""The Reports screen: the 进销存 reports on screen (``screen``), their table (``model``) and chart (``chart``)."""

from ui.screens.reports.screen import ReportsScreen

__all__ = ["ReportsScreen"]
