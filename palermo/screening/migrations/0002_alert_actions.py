"""Alerts to act on: what was hit and read at the check, and the steps an owning agency
takes (acknowledge, take over, close with an outcome), version-checked."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STATES = [("open", "to act on"), ("acknowledged", "acknowledged"), ("taken", "taken over"),
          ("closed", "closed")]


def acknowledged(apps, schema_editor):
    """Alerts acknowledged before steps existed stand as acknowledged, not open."""
    Alert = apps.get_model("screening", "Alert")
    Alert.objects.filter(acknowledged_at__isnull=False).update(state="acknowledged")


def _user():
    return models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                             related_name="+", to=settings.AUTH_USER_MODEL)


class Migration(migrations.Migration):

    dependencies = [
        ("screening", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField("alert", "record", models.JSONField(blank=True, default=dict)),
        migrations.AddField("alert", "query", models.JSONField(blank=True, default=dict)),
        migrations.AddField("alert", "notice_id", models.BigIntegerField(blank=True, null=True)),
        migrations.AddField("alert", "check_seq", models.BigIntegerField(blank=True, null=True)),
        migrations.AddField("alert", "state", models.CharField(choices=STATES, default="open",
                                                               max_length=16)),
        migrations.AddField("alert", "taken_by", _user()),
        migrations.AddField("alert", "taken_at", models.DateTimeField(blank=True, null=True)),
        migrations.AddField("alert", "closed_by", _user()),
        migrations.AddField("alert", "closed_at", models.DateTimeField(blank=True, null=True)),
        migrations.AddField("alert", "outcome", models.CharField(blank=True, max_length=32,
                                                                 verbose_name="outcome")),
        migrations.AddField("alert", "outcome_note", models.TextField(blank=True,
                                                                      verbose_name="note")),
        migrations.AddField("alert", "version", models.PositiveIntegerField(default=1)),
        migrations.AddIndex("alert", models.Index(fields=["agency", "state"],
                                                  name="screening_alert_agency_state")),
        migrations.RunPython(acknowledged, migrations.RunPython.noop),
    ]
