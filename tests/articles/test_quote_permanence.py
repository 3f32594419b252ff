"""
Quotes keep their ids, and so their URLs, through re-extraction, re-imports
of a changed file and editors' corrections (``articles.quote_sync``); a quote
whose words went answers 301 to the quote it became, or 410 with what it was.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.importer import import_article_bytes
from articles.models import Article, Quote, Withdrawal
from articles.quote_sync import sync_quotes
from tests.conftest import KCRA_SEED

pytestmark = pytest.mark.django_db


def quote_ids(article):
    return {quote.text: quote.pk for quote in article.quotes.all()}


def reimport(text):
    return import_article_bytes(text.encode(), key=KCRA_SEED.name).article


def test_reextraction_keeps_every_quote_and_its_id(seeded):
    kcra, bee = seeded
    before = {article.pk: quote_ids(article) for article in (kcra, bee)}
    call_command("reextract_quotes", "--all", verbosity=0)
    assert {article.pk: quote_ids(article) for article in (kcra, bee)} == before


def test_a_correction_elsewhere_in_the_text_keeps_the_quotes_ids(seeded):
    kcra, _ = seeded
    before = quote_ids(kcra)
    text = KCRA_SEED.read_text().replace("156 access complaints", "165 access complaints")
    # A paragraph added at the top moves every quote down one: they move with their words.
    text = text.replace(
        "\n\nNearly 40% of Kaiser",
        "\n\nThe strike began on Sept. 10.\n\nNearly 40% of Kaiser",
        1,
    )
    kcra = reimport(text)
    assert quote_ids(kcra) == before
    soroken = Quote.objects.get(pk=before[next(t for t in before if t.startswith("Currently"))])
    assert soroken.paragraph == 7
    assert kcra.paragraphs[6][soroken.start : soroken.end].startswith("Currently our patients")


def test_a_quote_whose_words_were_corrected_keeps_its_id_and_takes_the_new_words(seeded):
    kcra, _ = seeded
    old = Quote.objects.get(article=kcra, text__startswith="Even with that benefit")
    text = KCRA_SEED.read_text().replace("Kaiser needs to do better", "Kaiser must do better")
    kcra = reimport(text)
    corrected = Quote.objects.get(pk=old.pk)
    assert "Kaiser must do better" in corrected.text
    assert corrected.speaker == old.speaker
    assert corrected.version == old.version + 1


def test_an_editors_change_to_the_text_keeps_the_quotes_ids(seeded):
    kcra, _ = seeded
    before = quote_ids(kcra)
    kcra.paragraphs = [p.replace("seven weeks", "eight weeks") for p in kcra.paragraphs]
    kcra.save()
    sync_quotes(kcra)
    assert quote_ids(kcra) == before


def test_a_quote_whose_words_are_gone_answers_410_with_what_it_said(client, seeded):
    kcra, _ = seeded
    gone = Quote.objects.get(article=kcra, text__startswith="For all patients")
    url = gone.get_absolute_url()
    assert client.get(url).status_code == 200
    paragraph = kcra.paragraphs[gone.paragraph - 1]
    text = KCRA_SEED.read_text().replace(
        paragraph, "Kaiser did not say how many therapists were out."
    )
    reimport(text)

    response = client.get(url)
    assert response.status_code == 410
    page = response.content.decode()
    assert "For all patients whose appointments are affected" in page
    assert "The article was corrected and no longer carries these words." in page
    assert f'href="{kcra.get_absolute_url()}"' in page
    assert "Kaiser Permanente" in page  # who said it
    withdrawal = Withdrawal.objects.get(path=url)
    assert f"{withdrawal.withdrawn_at:%Y}" in page
    assert '<meta name="robots" content="noindex">' in page


def test_a_quote_split_in_two_answers_301_to_the_part_that_kept_most_of_it(client, seeded):
    kcra, _ = seeded
    whole = Quote.objects.get(article=kcra, text__startswith="Currently our patients")
    url = whole.get_absolute_url()
    paragraph = kcra.paragraphs[whole.paragraph - 1]
    split = paragraph.replace(
        "get better and in some cases, this really becomes a life or death issue and this",
        "get better,” Soroken said.\n\n“In some cases, this really becomes a life or death "
        "issue and this",
    )
    assert split != paragraph
    kcra = reimport(KCRA_SEED.read_text().replace(paragraph, split))

    assert not Quote.objects.filter(pk=whole.pk).exists()
    response = client.get(url)
    assert response.status_code == 301
    heir = Quote.objects.get(article=kcra, text__contains="life or death issue")
    assert response["Location"] == heir.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_a_speaker_no_longer_quoted_anywhere_answers_410(client, seeded):
    kcra, _ = seeded
    sako = Quote.objects.get(article=kcra, text__startswith="Even with that benefit")
    person_url = sako.speaker.get_absolute_url()
    assert client.get(person_url).status_code == 200
    paragraph = kcra.paragraphs[sako.paragraph - 1]
    reimport(KCRA_SEED.read_text().replace(paragraph, "Sako declined to say more."))
    response = client.get(person_url)
    assert response.status_code == 410
    assert "Corrine McIntosh Sako" in response.content.decode()


def test_a_quote_an_editor_deletes_answers_410(client, seeded):
    kcra, _ = seeded
    quote = kcra.quotes.order_by("paragraph").first()
    url = quote.get_absolute_url()
    quote.delete()
    response = client.get(url)
    assert response.status_code == 410
    assert "An editor removed this quote from the archive." in response.content.decode()


def test_an_unpublished_article_and_its_quotes_answer_410_with_a_short_note(client, seeded):
    kcra, _ = seeded
    urls = [kcra.get_absolute_url(), *(q.get_absolute_url() for q in kcra.quotes.all())]
    kcra.status = Article.Status.DRAFT
    kcra.save()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 410, url
        page = response.content.decode()
        assert "withdrawn" in page
        assert kcra.headline not in page  # the editors stopped showing it: the note only
    kcra.status = Article.Status.PUBLISHED
    kcra.save()
    assert all(client.get(url).status_code == 200 for url in urls)


def test_a_deleted_article_strike_and_a_renamed_person_never_answer_404(client, seeded, strikes):
    kcra, bee = seeded
    article_url, strike_url = bee.get_absolute_url(), strikes.get_absolute_url()
    person = kcra.quotes.exclude(speaker=None).first().speaker
    person_url = person.get_absolute_url()
    bee.delete()
    strikes.delete()
    person.slug = "sarah-soroken-lcsw"
    person.save()
    assert client.get(article_url).status_code == 410
    assert client.get(strike_url).status_code == 410
    moved = client.get(person_url)
    assert moved.status_code == 301
    assert moved["Location"] == reverse("articles:person_detail", args=["sarah-soroken-lcsw"])
