from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("notices", "0003_notice_photo"),
    ]

    operations = [
        migrations.AddField(
            model_name="notice",
            name="public_extract",
            field=models.BooleanField(default=False, verbose_name="extract public on the portal"),
        ),
        migrations.AddField(
            model_name="notice",
            name="public_photo",
            field=models.BooleanField(default=False, verbose_name="photo in the public extract"),
        ),
    ]
