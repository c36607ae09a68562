from django.apps import AppConfig


class VocabConfig(AppConfig):
    name = "palermo.vocab"
    label = "vocab"
    verbose_name = "Vocabularies"

    def ready(self) -> None:
        from palermo import guards
        from palermo.vocab import checks, registry  # noqa: F401  (registers the system check)

        # A broken vocabulary stops start-up with the file and line at fault.
        registry.load()
        guards.register(permission_known=_permission_known)


def _permission_known(permission: str) -> bool:
    from palermo.vocab import registry

    return permission in registry.get("permissions")
