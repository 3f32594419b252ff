"""
StrikeWatch settings.

Every value that differs between machines comes from the environment, with a
default that works on a developer's machine. The README's configuration table
documents each variable; keep the two in step.
"""

from pathlib import Path
from urllib.parse import unquote

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)

_DEV_SECRET_KEY = "django-insecure-strikewatch-development-only"
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "strikewatch.apps.EditorsAdminConfig",  # django.contrib.admin with sign-in limits
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "simple_history",
    "django_tasks_db",
    "articles",
    "search",
    "strikewatch.apps.SiteConfig",  # site-wide concerns: page cache, rate limits, sign-in throttle
]

# Order matters: security headers wrap everything (static files and cached
# pages included); /healthz answers before Host validation (load balancers
# probe by address); conditional GETs wrap the page cache so cached pages
# answer 304; rate limits and the page cache answer before session/CSRF/auth;
# while the database is down, cached pages are still served and the rest
# answers 503 at once (database faults).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "strikewatch.health.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "strikewatch.rate_limits.RateLimitMiddleware",
    "strikewatch.page_cache.PageCacheMiddleware",
    "strikewatch.database_faults.DatabaseFaultMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "articles.middleware.RedirectFallbackMiddleware",
]

ROOT_URLCONF = "strikewatch.urls"
WSGI_APPLICATION = "strikewatch.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: PostgreSQL only (array fields, full-text search, constraints).
DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/strikewatch"),
}
# Django's PostgreSQL backend, opening no connection while the database is
# known to be down (strikewatch/database_backend/).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "strikewatch.database_backend"
# A Unix-socket directory may be given percent-encoded as the host (libpq URI style).
DATABASES["default"]["HOST"] = unquote(DATABASES["default"].get("HOST") or "")
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Fail fast (and let /healthz say so) when the database host does not answer.
DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
    "connect_timeout", env.int("DB_CONNECT_TIMEOUT", default=3)
)
# Seconds one statement of a web request may run (PostgreSQL's statement_timeout,
# set by strikewatch/wsgi.py, so management commands run unbounded); a second
# later the request's connection is cut even if the server does not answer at
# all (strikewatch/db_watchdog.py). 0: no bound.
STRIKEWATCH_DB_STATEMENT_TIMEOUT = env.float("DB_STATEMENT_TIMEOUT", default=5.0)
# Lets several checkouts (or helpers) run their suites side by side.
DATABASES["default"]["TEST"] = {"NAME": env.str("STRIKEWATCH_TEST_DB", default=None)}

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://strikewatch")}
# Counts every worker and host must share (rate limits, the sign-in throttle;
# strikewatch/shared_counts.py): the cache above when it is shared (Redis,
# Memcached), else a table in the database, which `migrate` creates.
if CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache")):
    CACHES["counts"] = {
        "BACKEND": "strikewatch.shared_counts.DatabaseCache",
        "LOCATION": "strikewatch_counts",  # shared_counts.COUNTS_TABLE
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
else:
    CACHES["counts"] = CACHES["default"]
CACHE_MIDDLEWARE_SECONDS = env.int("CACHE_SECONDS", default=600)
# With the per-process local-memory cache, the page-cache generation lives in
# this file so that all gunicorn workers on the machine see an edit (see strikewatch/page_cache.py).
STRIKEWATCH_PAGE_GENERATION_FILE = env.path(
    "PAGE_GENERATION_FILE", default=BASE_DIR / "var" / "page-generation"
)
# Rendered pages each worker keeps in memory when CACHE_URL is shared (Redis):
# only the generation then makes a network round trip.
STRIKEWATCH_PAGE_CACHE_ENTRIES = env.int("PAGE_CACHE_ENTRIES", default=500)

# Requests per client to search and the search API ("60/m", "100/30s", "off"),
# over a sliding window. Counted in the shared counts above, so the limit holds
# across all workers and hosts (strikewatch/rate_limits.py).
STRIKEWATCH_RATE_LIMITS = {
    "search": env.str("RATE_LIMIT_SEARCH", default="60/m"),
    "api": env.str("RATE_LIMIT_API", default="120/m"),
}
# Addresses or networks never limited. Loopback by default: that is this
# machine (health checks, benchmarks, scripts), or a local proxy whose
# clients are only told apart once TRUSTED_PROXY_COUNT is set.
STRIKEWATCH_RATE_LIMIT_EXEMPT = env.list("RATE_LIMIT_EXEMPT", default=["127.0.0.1", "::1"])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
# The site is written in English only. With translation off, every lookup of the
# current language (each URL reversed, each number and date formatted: hundreds
# on a page of results) reads this setting instead of a per-request context variable.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads: articles are text; anything bigger than this is refused, not truncated.
STRIKEWATCH_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = STRIKEWATCH_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = STRIKEWATCH_MAX_UPLOAD_BYTES + 1024 * 1024

# Fetching coverage by URL and from feeds (articles/fetch/). Loopback, private,
# link-local and metadata addresses are never fetched, except the host names or
# addresses listed here (development, tests). Fetched pages are kept as WARC files
# in the archive directory.
FETCH_ALLOWED_HOSTS = env.list("FETCH_ALLOWED_HOSTS", default=[])
FETCH_USER_AGENT = env.str(
    "FETCH_USER_AGENT",
    default="StrikeWatch/1.0 (news archive of strike coverage; obeys robots.txt)",
)
FETCH_TIMEOUT = env.float("FETCH_TIMEOUT", default=20.0)
FETCH_MAX_BYTES = env.int("FETCH_MAX_BYTES", default=STRIKEWATCH_MAX_UPLOAD_BYTES)
FETCH_MAX_REDIRECTS = env.int("FETCH_MAX_REDIRECTS", default=5)
STRIKEWATCH_ARCHIVE_DIR = env.path("STRIKEWATCH_ARCHIVE_DIR", default=BASE_DIR / "var" / "archive")

# Background work (fetching what an editor added by URL): Django's Tasks framework
# with django-tasks-db's database backend; `manage.py db_worker` runs the tasks.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Search.
STRIKEWATCH_INDEX_DIR = env.path("STRIKEWATCH_INDEX_DIR", default=BASE_DIR / "var" / "index")
SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="whoosh")
# A web process that finds the index missing or unreadable rebuilds it in a background thread.
SEARCH_AUTO_REBUILD = env.bool("SEARCH_AUTO_REBUILD", default=True)
# Load the index as a web process starts (unset: in gunicorn workers only).
SEARCH_WARM_ON_START = env.bool("SEARCH_WARM_ON_START", default=None)
# PostgreSQL backend: rank only the newest 10,000 matches of larger result sets.
SEARCH_POSTGRES_RANK_WINDOW = env.bool("SEARCH_POSTGRES_RANK_WINDOW", default=True)

# Security headers. Defaults are strict; STRIKEWATCH_HTTPS turns on what only
# makes sense behind TLS.
STRIKEWATCH_HTTPS = env.bool("STRIKEWATCH_HTTPS", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Reverse proxies in front of gunicorn that append the client to
# X-Forwarded-For; rate limits count the address they saw. 0: REMOTE_ADDR.
STRIKEWATCH_TRUSTED_PROXIES = env.int("TRUSTED_PROXY_COUNT", default=1 if STRIKEWATCH_HTTPS else 0)
if STRIKEWATCH_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # Load balancers probe hosts over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO").upper()},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

LOGIN_URL = "admin:login"

# Admin sign-in limits (strikewatch/sign_in_throttle.py): after this many failed
# attempts for one username from one address, or from one address in all,
# within the window, the login page answers 429 until the window ends.
STRIKEWATCH_LOGIN_FAILURES_PER_USER = env.int("LOGIN_FAILURES_PER_USER", default=5)
STRIKEWATCH_LOGIN_FAILURES_PER_ADDRESS = env.int("LOGIN_FAILURES_PER_ADDRESS", default=20)
STRIKEWATCH_LOGIN_WINDOW = env.int("LOGIN_WINDOW_SECONDS", default=900)

# History is shown with its changes; reverting from it would bypass the
# change form's locking, locks and correction notes, so it is off.
SIMPLE_HISTORY_REVERT_DISABLED = True
