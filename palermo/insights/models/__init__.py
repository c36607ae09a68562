"""The tables of insights, one module per concept; each is re-exported here."""

from palermo.insights.models.global_figures import GlobalFigure, GlobalRelease
from palermo.insights.models.publications import Publication

__all__ = ["GlobalFigure", "GlobalRelease", "Publication"]
