"""The project's URLs plus views that meet a database fault, to see what a client gets."""

from django.db import OperationalError
from django.urls import path

from strikewatch.urls import handler500  # noqa: F401 (the project's, looked up here by Django)
from strikewatch.urls import urlpatterns as project_urlpatterns


def database_fault(request):
    raise OperationalError("connection to server failed: Connection refused")


urlpatterns = [
    path("stand-in/database-fault/", database_fault),
    path("api/stand-in/database-fault/", database_fault),
    *project_urlpatterns,
]
