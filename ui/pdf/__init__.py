"""Printed documents rendered with reportlab into bytes (no Qt here, so they render in any thread or process)."""
