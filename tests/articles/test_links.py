"""
Addresses kept in the process (``articles.links.url_for``): always the one
``reverse`` gives now, for the slug, the script prefix and the URL
configuration in force.
"""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, get_script_prefix, reverse, set_script_prefix

from articles.links import url_for
from articles.models import Article, Person, Quote, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def quote():
    source = Source.objects.create(name="KCRA 3", kind=Source.Kind.TV)
    speaker = Person.objects.create(name="Ana Ruiz")
    article = Article.objects.create(
        source=source, headline="Nurses strike", paragraphs=["“We are out,” Ana Ruiz said."]
    )
    return Quote.objects.create(
        article=article,
        paragraph=1,
        start=1,
        end_paragraph=1,
        end=11,
        text="We are out",
        speaker=speaker,
    )


def test_each_record_links_to_the_address_django_reverses(quote):
    article, speaker, source = quote.article, quote.speaker, quote.article.source
    for record, name, kwargs in [
        (quote, "articles:quote_detail", {"pk": quote.pk}),
        (article, "articles:article_detail", {"slug": article.slug}),
        (speaker, "articles:person_detail", {"slug": speaker.slug}),
        (source, "articles:source_detail", {"slug": source.slug}),
    ]:
        assert record.get_absolute_url() == reverse(name, kwargs=kwargs)
        assert record.get_absolute_url() == record.get_absolute_url()  # kept, and still the same


def test_a_changed_slug_links_to_its_new_address(quote):
    person = quote.speaker
    before = person.get_absolute_url()
    person.slug = "ana-ruiz-rn"
    person.save()
    assert before == "/people/ana-ruiz/"
    assert person.get_absolute_url() == "/people/ana-ruiz-rn/"


def test_the_script_prefix_in_force_is_part_of_the_address(quote):
    path = quote.get_absolute_url()
    kept = get_script_prefix()
    set_script_prefix("/strikewatch/")
    try:
        assert quote.get_absolute_url() == f"/strikewatch{path}"
    finally:
        set_script_prefix(kept)
    assert quote.get_absolute_url() == path


def test_another_url_configuration_is_followed(quote):
    with pytest.raises(NoReverseMatch):
        url_for("stand_in_error")
    with override_settings(ROOT_URLCONF="tests.production.urls"):
        assert url_for("stand_in_error") == "/stand-in/error/"
        assert url_for("articles:quote_detail", pk=quote.pk) == quote.get_absolute_url()
    with pytest.raises(NoReverseMatch):
        url_for("stand_in_error")
