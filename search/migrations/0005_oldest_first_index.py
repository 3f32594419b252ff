from django.db import migrations, models


class Migration(migrations.Migration):
    """
    The PostgreSQL backend's oldest-first searches walk an index of their own
    order: the newest-first index read backwards puts undated documents first,
    so a page of the oldest matches of a common word sorted every match.
    """

    dependencies = [
        ("search", "0004_speaker_words"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(
                models.F("kind"),
                models.OrderBy(models.F("published_at"), nulls_last=True),
                name="search_doc_kind_oldest_idx",
            ),
        ),
    ]
