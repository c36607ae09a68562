"""The tables of the portal, one module per concept; each is re-exported here."""
from palermo.portal.models.pages import InfoPage, PageVersion  # noqa: F401
from palermo.portal.models.reports import (  # noqa: F401
    ClientCount,
    Report,
    ReportEntry,
    ReportImage,
)
