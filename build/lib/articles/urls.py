from django.urls import path, register_converter

from . import feeds, views

app_name = "articles"


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class MonthConverter:
    """Two-digit months only: /archive/2022/08/ (and 13 is not a month)."""

    regex = "0[1-9]|1[0-2]"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(YearConverter, "yyyy")
register_converter(MonthConverter, "mm")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("feed/", feeds.CoverageFeed(), name="latest_feed"),
    path("feed/atom/", feeds.CoverageAtomFeed(), name="latest_atom"),
    # Archive by date.
    path("archive/", views.ArchiveView.as_view(), name="archive"),
    path("archive/<yyyy:year>/", views.YearView.as_view(), name="archive_year"),
    path("archive/<yyyy:year>/<mm:month>/", views.MonthView.as_view(), name="archive_month"),
    # Articles and quotes: permanent URLs.
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path(
        "articles/<slug:slug>/archived/<int:pk>/",
        views.ArchivedCopyView.as_view(),
        name="archived_copy",
    ),
    path(
        "articles/<slug:slug>/cite/<str:fmt>/",
        views.ArticleCitationView.as_view(),
        name="article_cite",
    ),
    path("quotes/", views.QuoteListView.as_view(), name="quote_list"),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote_detail"),
    path("quotes/<int:pk>/cite/<str:fmt>/", views.QuoteCitationView.as_view(), name="quote_cite"),
    # People, outlets, strikes.
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<slug:slug>/feed/", feeds.PersonFeed(), name="person_feed"),
    path("people/<slug:slug>/feed/atom/", feeds.PersonAtomFeed(), name="person_atom"),
    path("sources/", views.SourceListView.as_view(), name="source_list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source_detail"),
    path("sources/<slug:slug>/feed/", feeds.SourceFeed(), name="source_feed"),
    path("sources/<slug:slug>/feed/atom/", feeds.SourceAtomFeed(), name="source_atom"),
    path("strikes/", views.StrikeListView.as_view(), name="strike_list"),
    path("strikes/<slug:slug>/", views.StrikeDetailView.as_view(), name="strike_detail"),
    path("strikes/<slug:slug>/feed/", feeds.StrikeFeed(), name="strike_feed"),
    path("strikes/<slug:slug>/feed/atom/", feeds.StrikeAtomFeed(), name="strike_atom"),
]
