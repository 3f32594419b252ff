"""
``articles.signals.content_changed``: sent for every write a public page is
built from, bulk writes included, at the write and again at commit.
"""

import pytest

from articles.models import Article, Source
from articles.signals import content_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    senders = []

    def receiver(sender, **kwargs):
        senders.append(sender)

    content_changed.connect(receiver)
    yield senders
    content_changed.disconnect(receiver)


def test_saves_and_deletes_are_announced_now_and_at_commit(
    heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        source = Source.objects.create(name="The Valley Ledger")
        assert heard == [Source]  # now: this transaction reads fresh state
    assert heard == [Source, Source]  # and at commit: every other connection does
    heard.clear()
    source.delete()
    assert heard == [Source]


def test_redating_in_bulk_is_announced(heard):
    source = Source.objects.create(name="The Valley Ledger", timezone="UTC")
    Article.objects.create(
        source=source, headline="Nurses walk out", paragraphs=["Nurses walked out."]
    )
    heard.clear()
    source.timezone = "America/Los_Angeles"
    source.save()  # re-dates its articles with a bulk update, which sends no model signal
    assert heard.count(Article) == 1
    assert Source in heard
