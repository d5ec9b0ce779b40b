"""The old reference columns and their history table, copied by 0004, are dropped."""

from django.conf import settings
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0004_references_to_versions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveField(
            model_name='reference',
            name='author_was_paid_consultant',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='authors',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='clinical_trial_id',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='doi',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='funded_by_manufacturer',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='issue',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='journal',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='pages',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='pmid',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='title',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='volume',
        ),
        migrations.RemoveField(
            model_name='reference',
            name='year',
        ),
        migrations.DeleteModel(
            name='HistoricalReference',
        ),
    ]
