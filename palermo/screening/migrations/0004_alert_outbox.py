"""The alert as the outbox of the owner's message (issue 19): ``owner_told_at`` marks the
alerts whose message is sent. Alerts raised before this were told in the check's own
transaction, so they are marked told when they were checked."""

from django.db import migrations, models
from django.db.models import F


def mark_told(apps, schema_editor):
    apps.get_model("screening", "Alert").objects.update(owner_told_at=F("checked_at"))


class Migration(migrations.Migration):
    dependencies = [("screening", "0003_person_name_keys")]

    operations = [
        migrations.AddField(
            model_name="alert", name="owner_told_at",
            field=models.DateTimeField(blank=True, null=True)),
        migrations.RunPython(mark_told, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="alert",
            index=models.Index(condition=models.Q(("owner_told_at__isnull", True)),
                               fields=["id"], name="screening_alert_untold")),
    ]
