"""Edges of the application: the Qt desktop (``ui.app`` and friends) and the headless CLI
(``ui.cli``). Importing this package imports no Qt."""
