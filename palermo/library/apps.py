from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "palermo.library"
    label = "library"
    verbose_name = "Library"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from palermo.cases.services import panels
        from palermo.library.services import case_guides
        from palermo.web.navigation import NavEntry, add_entry

        add_entry(NavEntry(_("Library"), "library:search", "library.view"))
        panels.register("library_guides", _("Investigators' guides for this case"),
                        case_guides.case_panel)
