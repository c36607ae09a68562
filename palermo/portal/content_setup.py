"""What the content part of the portal adds at start-up: the information pages, public
notices and statistics in the portal's header, and the page editor's entry inside the
application."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from palermo.portal.services import language


def register() -> None:
    from palermo.web.navigation import NavEntry, add_entry

    language.add_nav("pages.nav", "portal:pages")
    language.add_nav("notices.nav", "portal:notices")
    language.add_nav("statistics.nav", "portal:statistics")
    add_entry(NavEntry(_("Portal pages"), "portal_editor:list", "portal.edit_pages"))
