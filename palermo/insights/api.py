"""Indicators, published tables, open data and global figures under /api/v1/insights/, through
the same services (and so the same disclosure control) as the pages."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["insights"])
