"""
The domain's questions as QuerySet methods, asked of a small archive: what
is published and in which order, who is quoted most, which outlets have
coverage, which quotes need an editor's look.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import LOW_CONFIDENCE, Article, Person, Quote, Source, Strike

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture
def archive(add_quote):
    """Two outlets (one with only a draft), a strike, three articles and their quotes."""
    ledger = Source.objects.create(name="The Valley Ledger")
    wire = Source.objects.create(name="Valley Wire")
    strike = Strike.objects.create(name="Valley Nurses Strike", employer="Valley Health")
    ana = Person.objects.create(name="Ana Ruiz", side=Person.Side.LABOR)
    bo = Person.objects.create(name="Bo Chen", side=Person.Side.EMPLOYER)

    def article(source, headline, days_ago, **fields):
        published_at = None if days_ago is None else NOW - timedelta(days=days_ago)
        return Article.objects.create(
            source=source,
            strike=strike,
            headline=headline,
            published_at=published_at,
            paragraphs=["“We are out,” said Ana Ruiz.", "“We are open,” said Bo Chen."],
            **fields,
        )

    def quote(article, paragraph, speaker, **fields):
        words = "We are out" if paragraph == 1 else "We are open"
        return add_quote(article, words, paragraph=paragraph, speaker=speaker, **fields)

    old = article(ledger, "Nurses walk out", 60)
    new = article(ledger, "Nurses stay out", 2)
    undated = article(ledger, "Nurses, a history", None)
    draft = article(wire, "Draft", 1, status=Article.Status.DRAFT)
    quotes = {
        "old_ana": quote(old, 1, ana),
        "new_ana": quote(new, 1, ana),
        "new_bo": quote(new, 2, bo, confidence=LOW_CONFIDENCE - 0.1),
        "undated_nobody": quote(undated, 1, None),
        "draft_bo": quote(draft, 2, bo),
    }
    return {"ledger": ledger, "wire": wire, "strike": strike, "ana": ana, "bo": bo, **quotes} | {
        "old": old,
        "new": new,
        "undated": undated,
        "draft": draft,
    }


def test_quotes_newest_coverage_first_and_in_text_order_within_an_article(archive):
    quotes = list(Quote.objects.published().newest_first())
    assert quotes == [
        archive["new_ana"],
        archive["new_bo"],
        archive["old_ana"],
        archive["undated_nobody"],
    ]
    assert list(Quote.objects.published().oldest_first())[:2] == [
        archive["old_ana"],
        archive["new_ana"],
    ]


def test_articles_newest_first_with_undated_ones_last(archive):
    assert list(Article.objects.published().newest_first()) == [
        archive["new"],
        archive["old"],
        archive["undated"],
    ]


def test_quotes_that_need_review_have_no_speaker_or_a_low_unchecked_confidence(archive):
    assert set(Quote.objects.needs_review()) == {archive["new_bo"], archive["undated_nobody"]}
    Quote.objects.filter(pk=archive["new_bo"].pk).update(edited_by_editor=True)
    assert set(Quote.objects.needs_review()) == {archive["undated_nobody"]}
    assert set(Article.objects.with_quotes_to_review()) == {archive["undated"]}
    assert archive["undated"] not in Article.objects.without_quotes_to_review()


def test_review_counts_and_quote_counts_agree_with_needs_review(archive):
    counts = archive["new"].quotes.review_counts()
    assert counts == {"total": 2, "unattributed": 0, "low": 1, "checked": 0, "to_review": 1}
    new = Article.objects.with_quote_counts().get(pk=archive["new"].pk)
    assert (new.quote_count, new.review_count) == (2, 1)


def test_outlets_with_published_coverage_and_their_counts(archive):
    assert list(Source.objects.with_published_coverage()) == [archive["ledger"]]
    counts = dict(Source.objects.with_coverage_count().values_list("name", "article_count"))
    assert counts == {"The Valley Ledger": 3, "Valley Wire": 0}
    assert list(Source.objects.quoting(archive["bo"])) == [archive["ledger"]]
    assert Strike.objects.with_coverage_count().get().article_count == 3


def test_most_quoted_people_counts_published_quotes_only(archive):
    people = list(Person.objects.most_quoted())
    assert [(p.name, p.quote_count) for p in people] == [("Ana Ruiz", 2), ("Bo Chen", 1)]
    recent = Person.objects.most_quoted(since=NOW - timedelta(days=30))
    assert [(p.name, p.quote_count) for p in recent] == [("Ana Ruiz", 1), ("Bo Chen", 1)]
    assert set(Person.objects.quoted()) == {archive["ana"], archive["bo"]}


def test_quotes_and_people_by_side(archive):
    assert set(Quote.objects.published().from_side(Person.Side.EMPLOYER)) == {archive["new_bo"]}
    assert list(Person.objects.on_side(Person.Side.LABOR)) == [archive["ana"]]


def test_other_outlets_carrying_the_same_words(archive):
    carried = Quote.objects.published().carrying_the_words_of(archive["new_ana"])
    # Oldest coverage first, undated last.
    assert list(carried) == [archive["old_ana"], archive["undated_nobody"]]
    draft_words = Quote.objects.published().carrying_the_words_of(archive["new_bo"])
    assert list(draft_words) == []  # the draft carries them too, but is not public
    assert not Quote.objects.carrying_the_words_of(Quote(fingerprint=""))


def test_related_coverage_and_scheduled_articles(archive):
    assert set(Article.objects.published().related_to(archive["new"])) == {
        archive["old"],
        archive["undated"],
    }
    assert not Article.objects.related_to(Article(pk=0))
    later = Article.objects.create(
        source=archive["ledger"], headline="Vote tonight", published_at=NOW + timedelta(hours=3)
    )
    assert list(Article.objects.scheduled()) == [later]
    assert list(Article.objects.undated()) == [archive["undated"]]


def test_active_strikes_have_recent_coverage_a_recent_start_or_a_later_end():
    today = timezone.localdate()
    source = Source.objects.create(name="The Valley Ledger")

    def strike(name, *, covered_days_ago=None, **dates):
        made = Strike.objects.create(name=name, employer=name, **dates)
        if covered_days_ago is not None:
            Article.objects.create(
                source=source,
                strike=made,
                headline=f"{name} goes on",
                published_at=NOW - timedelta(days=covered_days_ago),
                paragraphs=["Pickets stayed out."],
            )
        return made

    covered = strike("Covered last week", covered_days_ago=7, start_date=today - timedelta(400))
    started = strike("Started last month", start_date=today - timedelta(30))
    ends_later = strike("Ends next week", end_date=today + timedelta(7), covered_days_ago=200)
    quiet = strike("Quiet", covered_days_ago=120, start_date=today - timedelta(400))
    never_covered = strike("Never covered", start_date=today - timedelta(200))
    ended = strike("Ended", end_date=today - timedelta(1), covered_days_ago=2)

    assert set(Strike.objects.active()) == {covered, started, ends_later}
    assert set(Strike.objects.without_recent_coverage()) == {quiet, never_covered}
    annotated = {s.name: s for s in Strike.objects.with_activity()}
    assert [annotated[s.name].is_active for s in (covered, quiet, ended)] == [True, False, False]
    assert annotated["Quiet"].last_covered == (NOW - timedelta(days=120)).date()
    assert annotated["Never covered"].last_covered is None
    # Coverage an editor has not published does not make a strike active.
    Article.objects.filter(strike=covered).update(status=Article.Status.DRAFT)
    assert covered not in Strike.objects.active()


def test_the_strikes_a_person_was_quoted_about(archive):
    assert list(Strike.objects.quoting(archive["ana"])) == [archive["strike"]]
    # Bo's only published quote is in the strike's coverage too; his draft one does not count.
    other = Strike.objects.create(name="Other strike", employer="Elsewhere")
    Article.objects.filter(pk=archive["draft"].pk).update(strike=other)
    assert list(Strike.objects.quoting(archive["bo"])) == [archive["strike"]]
