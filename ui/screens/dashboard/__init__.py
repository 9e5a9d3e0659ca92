"""The dashboard screen (``screen``), its charts (``charts``) and the lists its figures open (``lists``)."""

from __future__ import annotations

from ui.screens.dashboard.screen import DashboardScreen

__all__ = ["DashboardScreen"]
