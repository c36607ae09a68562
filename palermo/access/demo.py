"""Demo agencies and one user for each role. The password is made once per data directory
and printed on every run, so no password lives in the repository."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

from palermo.access.models import Role, User
from palermo.access.services import agencies, roles, users

AGENCIES = [
    ("National Anti-Trafficking Coordinator", "coordinator", "ISR"),
    ("Israel Police", "police", "ISR"),
    ("Israel Prison Service", "prison", "ISR"),
    ("State Attorney's Office", "prosecution", "ISR"),
    ("Ministry of Welfare and Social Affairs", "welfare", "ISR"),
    ("Ministry of Health", "health", "ISR"),
    ("Population and Immigration Authority", "immigration", "ISR"),
    ("Ministry of Foreign Affairs", "foreign_affairs", "ISR"),
    ("Shelter for Survivors (NGO)", "ngo", "ISR"),
]
# (email local part, full name, agency, role)
USERS = [
    ("coordinator", "Noa Coordinator", "National Anti-Trafficking Coordinator", "coordinator"),
    ("admin", "Avi Administrator", "National Anti-Trafficking Coordinator", "administrator"),
    ("auditor", "Dana Auditor", "National Anti-Trafficking Coordinator", "auditor"),
    ("trainer", "Tamar Trainer", "National Anti-Trafficking Coordinator", "trainer"),
    ("investigator", "Yossi Investigator", "Israel Police", "investigator"),
    ("liaison", "Lior Liaison", "Israel Police", "liaison_officer"),
    ("prison", "Moshe Prison", "Israel Prison Service", "prison_officer"),
    ("prosecutor", "Rina Prosecutor", "State Attorney's Office", "prosecutor"),
    ("social", "Shira Social", "Ministry of Welfare and Social Affairs", "social_worker"),
    ("health", "Hila Health", "Ministry of Health", "health_worker"),
    ("border", "Boaz Border", "Population and Immigration Authority", "border_officer"),
    ("ngo", "Nadia NGO", "Shelter for Survivors (NGO)", "ngo_case_worker"),
]
DOMAIN = "demo.palermo.test"


def demo_password() -> str:
    path = Path(settings.DATA_DIR) / "demo_password"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write("demo-" + secrets.token_urlsafe(12))
    return path.read_text().strip()


# The demo shows an exemption as an office would record one; `palermo init` exempts nothing.
BORDER_EXEMPTION = ("Shared frontline terminals at the crossings; officers carry no phones "
                    "on duty (demo data).")


def seed(say: Callable[[str], None]) -> None:
    roles.sync_defaults()
    by_name = {name: agencies.get_or_create(name=name, kind=kind, country=country)
               for name, kind, country in AGENCIES}
    password = demo_password()
    created = []
    for local, full_name, agency_name, role_code in USERS:
        email = f"{local}@{DOMAIN}"
        if not User.objects.filter(email=email).exists():
            created.append(users.create(
                actor=None, email=email, full_name=full_name, agency=by_name[agency_name],
                roles=list(Role.objects.filter(code=role_code)), password=password,
                is_superuser=role_code == "administrator",
            ).email)
    border = Role.objects.get(code="border_officer")
    if f"border@{DOMAIN}" in created and not border.mfa_exempt:
        # Only when the demo first makes its border officer: an administrator who later
        # ends the exemption is not overruled by running the demo again.
        roles.set_mfa_exemption(border, exempt=True, reason=BORDER_EXEMPTION,
                                actor=User.objects.get(email=f"admin@{DOMAIN}"),
                                version=border.version)
    lines = []
    for local, _full_name, _agency_name, role_code in USERS:
        user = User.objects.get(email=f"{local}@{DOMAIN}")
        marker = (" (sets up a second factor at first sign-in)" if user.requires_mfa
                  else " (password only: role exempt from the second factor)")
        lines.append(f"  {user.email:<32} {role_code}{marker}")
    say("Demo users (password for all: " + password + "):")
    for line in lines:
        say(line)
