"""Palermo: a counter-trafficking coordination platform."""

__version__ = "0.1.0"
