from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/quotes.csv", views.export_quotes_csv, name="export"),
    path("api/search", views.search_api, name="api"),
]
