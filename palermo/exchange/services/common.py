"""The exchange's permission check is the one every capability uses."""

from palermo.core.checks import require

__all__ = ["require"]
