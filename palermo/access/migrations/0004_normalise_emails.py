"""Store every email in the one spelling sign-in and the lockout compare (NFKC, casefolded,
no surrounding spaces), so an address saved before that rule still signs in."""

from typing import Any

from django.db import migrations


def normalise(apps: Any, schema_editor: Any) -> None:
    from palermo.access.models import normalise_email

    User = apps.get_model("access", "User")
    taken = set(User.objects.values_list("email", flat=True))
    for user in User.objects.only("pk", "email").iterator():
        spelled = normalise_email(user.email)
        # Two accounts that differ only in case cannot both keep their address: the second
        # keeps its old spelling (and cannot sign in) for an administrator to settle,
        # rather than a guess at which one is meant.
        if spelled != user.email and spelled not in taken:
            User.objects.filter(pk=user.pk).update(email=spelled)
            taken.discard(user.email)
            taken.add(spelled)


class Migration(migrations.Migration):

    dependencies = [
        ("access", "0003_role_mfa_exemption"),
    ]

    operations = [
        migrations.RunPython(normalise, migrations.RunPython.noop),
    ]
