"""Suppliers and customers (``domain.catalog.model.Supplier`` / ``Customer`` rows)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.models.table import Column
from ui.models.table import RowTableModel


class SupplierTableModel(RowTableModel):
    CONTEXT = "PartnerTableModel"
    CODE, NAME, CONTACT, CURRENCY, LEAD_TIME, ADDRESS = range(6)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("PartnerTableModel", "Code"), lambda r: r.code),
        Column(QT_TRANSLATE_NOOP("PartnerTableModel", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("PartnerTableModel", "Contact"), lambda r: r.contact),
        Column(QT_TRANSLATE_NOOP("PartnerTableModel", "Currency"), lambda r: r.currency),
        Column(QT_TRANSLATE_NOOP("PartnerTableModel", "Lead time (days)"), lambda r: r.lead_time_days, str, True),
        Column(QT_TRANSLATE_NOOP("PartnerTableModel", "Address"), lambda r: r.address),
    )


class CustomerTableModel(RowTableModel):
    CONTEXT = "PartnerTableModel"
    CODE, NAME, CONTACT = range(3)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("PartnerTableModel", "Code"), lambda r: r.code),
        Column(QT_TRANSLATE_NOOP("PartnerTableModel", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("PartnerTableModel", "Contact"), lambda r: r.contact),
    )
