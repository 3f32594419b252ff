"""
/healthz as a load balancer sees it (the database-down case runs against a
real gunicorn in test_gunicorn).
"""

import json

import pytest

from strikewatch import health


@pytest.mark.django_db
def test_health_reports_the_database_and_the_search_index(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["database"]["ok"] is True
    assert isinstance(body["database"]["latency_ms"], float)
    assert set(body["search"]) >= {"ok"}
    assert body["status"] == ("degraded" if body["search"]["ok"] is False else "ok")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_never_cached_or_rate_limited(client, settings):
    settings.STRIKEWATCH_RATE_LIMITS = {"search": "1/m", "api": "1/m"}
    assert [client.get("/healthz").status_code for _ in range(5)] == [200] * 5


@pytest.mark.django_db
def test_health_only_answers_reads(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200


@pytest.mark.django_db
def test_a_missing_search_index_is_degraded_but_keeps_the_host_in_rotation(
    client, settings, tmp_path
):
    """The balancer must not pull every host while their indexes rebuild: pages still work."""
    settings.STRIKEWATCH_INDEX_DIR = tmp_path / "no-index-here"
    search = health.search_status()
    if search["ok"] is None:
        pytest.skip(f"search reports no state yet: {search['detail']}")
    response = client.get("/healthz")
    body = json.loads(response.content)
    assert response.status_code == 200
    if settings.SEARCH_BACKEND == "whoosh":
        assert body["search"]["ok"] is False
        assert body["status"] == "degraded"


@pytest.mark.django_db
def test_load_balancers_may_probe_a_host_by_its_address(client):
    """Probes send the host's address as Host; ALLOWED_HOSTS does not list it; pages refuse it."""
    probe = client.get("/healthz", headers={"host": "10.0.3.17:8000"})
    assert probe.status_code == 200
    assert json.loads(probe.content)["database"]["ok"] is True
    assert probe["X-Frame-Options"] == "DENY"
    assert client.get("/", headers={"host": "10.0.3.17:8000"}).status_code == 400
