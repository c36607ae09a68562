from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0005_statistics_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="document",
            name="concerns",
            field=models.ManyToManyField(blank=True, related_name="+", to="cases.caseperson"),
        ),
        migrations.AddField(
            model_name="event",
            name="concerns",
            field=models.ManyToManyField(blank=True, related_name="+", to="cases.caseperson"),
        ),
    ]
