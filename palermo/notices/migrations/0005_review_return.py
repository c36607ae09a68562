"""Travel alerts to act on, as screening's alerts: acknowledge, take over, close with an
outcome, version-checked."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STATES = [("open", "to act on"), ("acknowledged", "acknowledged"), ("taken", "taken over"),
          ("closed", "closed")]


def acknowledged(apps, schema_editor):
    """Alerts acknowledged before steps existed stand as acknowledged, not open."""
    TravelAlert = apps.get_model("notices", "TravelAlert")
    TravelAlert.objects.filter(acknowledged_at__isnull=False).update(state="acknowledged")


def _user():
    return models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                             related_name="+", to=settings.AUTH_USER_MODEL)


class Migration(migrations.Migration):

    dependencies = [
        ("notices", "0004_public_extract"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField("travelalert", "state",
                            models.CharField(choices=STATES, default="open", max_length=16)),
        migrations.AddField("travelalert", "taken_by", _user()),
        migrations.AddField("travelalert", "taken_at",
                            models.DateTimeField(blank=True, null=True)),
        migrations.AddField("travelalert", "closed_by", _user()),
        migrations.AddField("travelalert", "closed_at",
                            models.DateTimeField(blank=True, null=True)),
        migrations.AddField("travelalert", "outcome",
                            models.CharField(blank=True, max_length=32, verbose_name="outcome")),
        migrations.AddField("travelalert", "outcome_note",
                            models.TextField(blank=True, verbose_name="note")),
        migrations.AddField("travelalert", "version", models.PositiveIntegerField(default=1)),
        migrations.RunPython(acknowledged, migrations.RunPython.noop),
    ]
