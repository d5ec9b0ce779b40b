"""References become versioned content: the version table and its history (issue 15)."""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0002_historicalreference'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalReferenceContent',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('authors', models.CharField(help_text="e.g. 'Wardlaw D, Cummings SR'", max_length=500, verbose_name='authors')),
                ('title', models.CharField(max_length=500, verbose_name='title')),
                ('journal', models.CharField(max_length=200, verbose_name='journal or publisher')),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('volume', models.CharField(blank=True, max_length=20, verbose_name='volume')),
                ('issue', models.CharField(blank=True, max_length=20, verbose_name='issue')),
                ('pages', models.CharField(blank=True, max_length=30, verbose_name='pages')),
                ('pmid', models.CharField(blank=True, max_length=9, validators=[django.core.validators.RegexValidator('^[1-9]\\d{0,8}$', 'A PubMed ID is a number such as 22543412.')], verbose_name='PubMed ID')),
                ('doi', models.CharField(blank=True, max_length=200, validators=[django.core.validators.RegexValidator('^10\\.\\d{4,9}/[-._;()/:A-Za-z0-9<>]+$', 'Enter a DOI such as 10.1016/S1470-2045(11)70008-0.')], verbose_name='DOI')),
                ('clinical_trial_id', models.CharField(blank=True, max_length=11, validators=[django.core.validators.RegexValidator('^NCT\\d{8}$', 'A ClinicalTrials.gov ID looks like NCT00211211.')], verbose_name='ClinicalTrials.gov ID')),
                ('author_was_paid_consultant', models.BooleanField(default=False, verbose_name='an author was a paid consultant of the manufacturer')),
                ('funded_by_manufacturer', models.BooleanField(default=False, verbose_name='funded in part or whole by the manufacturer')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('reference', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pages.reference', verbose_name='reference')),
            ],
            options={
                'verbose_name': 'historical reference version',
                'verbose_name_plural': 'historical reference versions',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ReferenceContent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('authors', models.CharField(help_text="e.g. 'Wardlaw D, Cummings SR'", max_length=500, verbose_name='authors')),
                ('title', models.CharField(max_length=500, verbose_name='title')),
                ('journal', models.CharField(max_length=200, verbose_name='journal or publisher')),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('volume', models.CharField(blank=True, max_length=20, verbose_name='volume')),
                ('issue', models.CharField(blank=True, max_length=20, verbose_name='issue')),
                ('pages', models.CharField(blank=True, max_length=30, verbose_name='pages')),
                ('pmid', models.CharField(blank=True, max_length=9, validators=[django.core.validators.RegexValidator('^[1-9]\\d{0,8}$', 'A PubMed ID is a number such as 22543412.')], verbose_name='PubMed ID')),
                ('doi', models.CharField(blank=True, max_length=200, validators=[django.core.validators.RegexValidator('^10\\.\\d{4,9}/[-._;()/:A-Za-z0-9<>]+$', 'Enter a DOI such as 10.1016/S1470-2045(11)70008-0.')], verbose_name='DOI')),
                ('clinical_trial_id', models.CharField(blank=True, max_length=11, validators=[django.core.validators.RegexValidator('^NCT\\d{8}$', 'A ClinicalTrials.gov ID looks like NCT00211211.')], verbose_name='ClinicalTrials.gov ID')),
                ('author_was_paid_consultant', models.BooleanField(default=False, verbose_name='an author was a paid consultant of the manufacturer')),
                ('funded_by_manufacturer', models.BooleanField(default=False, verbose_name='funded in part or whole by the manufacturer')),
                ('reference', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contents', to='pages.reference', verbose_name='reference')),
            ],
            options={
                'verbose_name': 'reference version',
                'verbose_name_plural': 'reference versions',
            },
        ),
    ]
