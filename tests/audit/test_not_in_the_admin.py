"""A superuser sees no audit entry anywhere: the log is not in the Django admin at all (being
a superuser grants no Palermo permission, and the log needs ``audit.view`` from a role)."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.audit import services as audit

pytestmark = pytest.mark.django_db


def test_a_verified_superuser_finds_no_audit_log_in_the_django_admin(signed_in: Any) -> None:
    client = signed_in("administrator", is_superuser=True, is_staff=True)
    event = audit.record("probe.secret", object_type="person", object_id=7)
    index = client.get("/django-admin/")
    assert index.status_code == 200  # the admin is open to them: the log is not in it
    assert "Agencies" in index.content.decode()
    page = index.content.decode().lower()
    assert "audit" not in page
    for path in ("/django-admin/audit/", "/django-admin/audit/auditevent/",
                 f"/django-admin/audit/auditevent/{event.pk}/change/"):
        assert client.get(path).status_code == 404, path
    # Nor through the site's own pages: the superuser's roles do not grant audit.view.
    assert client.get("/audit/").status_code == 403
