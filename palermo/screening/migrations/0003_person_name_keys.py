"""The watch list's name keys in the database (issue 19): candidate generation for a person
check is one indexed query, kept in step with every change to the list."""

import django.db.models.deletion
from django.db import migrations, models

from palermo.screening.person_keys import refile_all


def _file_existing(apps, schema_editor):  # type: ignore[no-untyped-def]
    # Persons listed before this migration get their keys, from the historical models.
    refile_all(apps.get_model("screening", "WatchedPerson"),
               apps.get_model("screening", "PersonWord"),
               apps.get_model("screening", "PersonWordKey"),
               apps.get_model("screening", "PersonNameKey"),
               schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("screening", "0002_alert_actions")]

    operations: list[migrations.operations.base.Operation] = [
        migrations.CreateModel(
            name="PersonWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                           serialize=False, verbose_name="ID")),
                ("text", models.CharField(max_length=1000, unique=True)),
            ],
        ),
        migrations.CreateModel(
            name="PersonNameKey",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                           serialize=False, verbose_name="ID")),
                ("key", models.BigIntegerField()),
                ("person", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                             related_name="+",
                                             to="screening.watchedperson")),
            ],
            options={
                "indexes": [models.Index(fields=["key", "person"], name="person_name_key")],
            },
        ),
        migrations.CreateModel(
            name="PersonWordKey",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                           serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=1000)),
                ("word", models.ForeignKey(db_index=False,
                                           on_delete=django.db.models.deletion.CASCADE,
                                           related_name="+", to="screening.personword")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("key", "word"),
                                                        name="person_word_key_once")],
            },
        ),
        migrations.RunPython(_file_existing, migrations.RunPython.noop),
    ]
