"""Template helpers of access: a role's name in the page's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.utils.translation import get_language

from palermo.access.services import roles

if TYPE_CHECKING:
    from palermo.access.models import Role

register = template.Library()


@register.filter
def role_label(role: Role) -> str:
    """``{{ role|role_label }}``"""
    return roles.label(role, get_language() or "en")
