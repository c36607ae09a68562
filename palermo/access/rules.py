"""Predicates for object permissions (the ``rules`` package).

Later capabilities build need-to-know from these, e.g.
``rules.add_perm("cases.view_case", role_grants("cases.view") & takes_part_in_case)``.
"""

from __future__ import annotations

from typing import Any

import rules


def role_grants(permission: str) -> Any:
    """True when one of the user's roles grants ``permission``."""

    @rules.predicate(name=f"role_grants({permission})")
    def predicate(user: Any) -> bool:
        return bool(
            user is not None and user.is_authenticated and user.is_active
            and permission in user.palermo_permissions()
        )

    return predicate


@rules.predicate
def same_agency(user: Any, obj: Any) -> bool:
    """The object belongs to the user's own agency."""
    return bool(obj is not None and getattr(obj, "agency_id", None) == user.agency_id)
