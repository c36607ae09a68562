"""GLOTIP as UNODC publishes it: the publisher line of the file's preamble, rows read once
that repeat a figure, and country codes for parts of a country (GBR_E_W)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("insights", "0002_global_figures"),
    ]

    operations = [
        migrations.AddField(
            model_name="globalrelease",
            name="publisher",
            field=models.CharField(blank=True, max_length=200, verbose_name="publisher"),
        ),
        migrations.AddField(
            model_name="globalrelease",
            name="repeated_rows",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name="globalfigure",
            name="iso3",
            field=models.CharField(blank=True, max_length=16),
        ),
    ]
