"""
Copies of one story (``articles.syndication``): two outlets' copies of one
wire story are linked when imported, whatever their headlines; the article
page lists "Also carried by" with each outlet; their quotes are linked by
their words; a follow-up that reuses background paragraphs is not a copy; a
correction that makes the text another story removes the link.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.importer import import_article_file, import_article_files
from articles.models import Article, Quote, SyndicatedCopy, TextSignature
from articles.syndication import link_copies

GOLD = Path(__file__).resolve().parents[2] / "benchmarks" / "gold"

pytestmark = pytest.mark.django_db


def wire_file(tmp_path, name, outlet, gold):
    """A gold article (or copy) as a file with its outlet in the header, as editors import them."""
    text = (GOLD / gold).read_text(encoding="utf-8")
    if not text.startswith("Source:"):
        text = f"Source: {outlet}\n\n{text}"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def wire_copies(tmp_path):
    original = import_article_file(
        wire_file(tmp_path, "ap.txt", "Associated Press", "quotes/ap_autoworkers.txt")
    ).article
    copy = import_article_file(
        wire_file(
            tmp_path, "blade.txt", "", "syndication/articles/ap_autoworkers__toledo_blade.txt"
        )
    ).article
    return original, copy


def test_two_outlets_copies_of_one_wire_story_are_linked_on_import(wire_copies):
    original, copy = wire_copies
    assert original.source.name == "The Associated Press" and copy.source.name == "The Toledo Blade"
    assert original.headline != copy.headline
    link = SyndicatedCopy.objects.get()
    assert {link.article_id, link.other_id} == {original.pk, copy.pk}
    assert link.similarity > 0.9
    assert list(Article.objects.copies_of(original)) == [copy]
    assert list(Article.objects.copies_of(copy)) == [original]


def test_the_article_page_lists_the_other_outlets(client, wire_copies):
    original, copy = wire_copies
    page = client.get(original.get_absolute_url()).content.decode()
    assert "Also carried by" in page
    assert f'<a href="{copy.source.get_absolute_url()}">The Toledo Blade</a>' in page
    assert f'<a href="{copy.get_absolute_url()}">{copy.headline}</a>' in page


def test_a_draft_copy_is_not_listed(client, wire_copies):
    original, copy = wire_copies
    Article.objects.filter(pk=copy.pk).update(status=Article.Status.DRAFT)
    assert "Also carried by" not in client.get(original.get_absolute_url()).content.decode()


def test_the_quotes_of_the_copies_are_linked_by_their_words(client, wire_copies):
    original, copy = wire_copies
    quote = original.quotes.get(text__startswith="We're not going to wait around")
    (same_words,) = Quote.objects.carrying_the_words_of(quote)
    assert same_words.article == copy
    page = client.get(quote.get_absolute_url()).content.decode()
    assert same_words.get_absolute_url() in page and "The Toledo Blade" in page


def test_a_follow_up_reusing_background_paragraphs_is_not_a_copy(tmp_path):
    import_article_file(wire_file(tmp_path, "port.txt", "Reuters", "quotes/reuters_port.txt"))
    import_article_file(
        wire_file(
            tmp_path, "day3.txt", "", "syndication/articles/reuters_port__day_three_followup.txt"
        )
    )
    assert TextSignature.objects.count() == 2
    assert not SyndicatedCopy.objects.exists()


def test_a_correction_that_makes_it_another_story_removes_the_link(wire_copies):
    original, copy = wire_copies
    copy.paragraphs = [
        "A different story entirely: the city council met on Tuesday to discuss road repairs "
        "and voted to spend more on potholes across the east side of town this year."
    ]
    copy.save()
    link_copies(copy)
    assert not SyndicatedCopy.objects.exists()


def test_link_copies_finds_copies_already_in_the_archive(wire_copies):
    SyndicatedCopy.objects.all().delete()
    TextSignature.objects.all().delete()
    out = io.StringIO()
    call_command("link_copies", stdout=out)
    assert out.getvalue() == "2 articles compared; 1 pairs of copies linked\n"


def test_copies_imported_in_one_batch_are_linked_as_when_imported_one_by_one(tmp_path):
    files = [
        wire_file(tmp_path, "ap.txt", "Associated Press", "quotes/ap_autoworkers.txt"),
        wire_file(
            tmp_path, "blade.txt", "", "syndication/articles/ap_autoworkers__toledo_blade.txt"
        ),
    ]

    results = dict(import_article_files(files, batch_size=2))

    original, copy = (results[path].article for path in files)
    link = SyndicatedCopy.objects.get()
    assert (link.article_id, link.other_id) == tuple(sorted((original.pk, copy.pk)))
    assert link.similarity > 0.9
    assert TextSignature.objects.count() == 2
    one_by_one = link_copies(copy, force=True)
    assert [(c.article_id, c.other_id, c.similarity) for c in one_by_one] == [
        (link.article_id, link.other_id, link.similarity)
    ]


def test_a_copy_in_a_later_batch_is_linked_to_the_story_of_an_earlier_one(tmp_path):
    files = [
        wire_file(tmp_path, "1-ap.txt", "Associated Press", "quotes/ap_autoworkers.txt"),
        wire_file(tmp_path, "2-other.txt", "Associated Press", "quotes/ap_writers_guild.txt"),
        wire_file(
            tmp_path, "3-blade.txt", "", "syndication/articles/ap_autoworkers__toledo_blade.txt"
        ),
    ]

    results = dict(import_article_files(files, batch_size=2))

    original, other, copy = (results[path].article for path in files)
    link = SyndicatedCopy.objects.get()
    assert (link.article_id, link.other_id) == tuple(sorted((original.pk, copy.pk)))
    assert link.similarity > 0.9
    assert not SyndicatedCopy.objects.involving(other).exists()
