from django.apps import AppConfig
from django.http import HttpRequest


class AuditConfig(AppConfig):
    name = "palermo.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        from palermo import guards
        from palermo.audit import signals  # noqa: F401  (connects the sign-in receivers)

        guards.register(record_refusal=_record_refusal)


def _record_refusal(request: HttpRequest, permission: str) -> None:
    """A page or API call refused for want of ``permission``. It raises if the entry cannot
    be written, so that the request fails rather than go unrecorded."""
    from palermo.audit import services as audit

    audit.record(
        "access.denied", request=request, outcome="denied",
        object_type="url", object_id=request.path[:64], detail={"permission": permission},
    )
