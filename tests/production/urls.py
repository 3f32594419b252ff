"""The project's URLs plus a view that fails, to see what a 500 looks like."""

from django.urls import path

from strikewatch.urls import urlpatterns as project_urlpatterns


def failing_view(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("stand-in/error/", failing_view, name="stand_in_error"), *project_urlpatterns]
