"""Pages of the access capability, split by who uses them."""

from palermo.access.views.signin import locked_out

__all__ = ["locked_out"]
