"""Palermo's SQLite backend: Django's, with writers of separate processes queued by the
kernel (see base.py)."""
