"""Notices and diffusions: INTERPOL-style notices reviewed before publication."""
