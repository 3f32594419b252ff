"""
The admin sign-in throttle: Django's admin site, with failed sign-ins limited.

Django builds the default admin site from ``EditorsAdminSite`` (INSTALLED_APPS
names ``strikewatch.apps.EditorsAdminConfig``), and the apps' admin modules
register their models on it; this module registers none itself.
"""

import hashlib
import time

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from .requests import client_address, client_key


class LoginThrottle:
    """
    Failed admin sign-ins, counted in the cache over a fixed window: per
    username from one address (guessing one account's password) and per
    address whatever the username (trying many accounts). Past either limit the
    login page answers 429 until the window that started with the first
    failure ends; a successful sign-in clears the username's count.

    Settings (environment variables, defaults): STRIKEWATCH_LOGIN_FAILURES_PER_USER
    (LOGIN_FAILURES_PER_USER, 5), STRIKEWATCH_LOGIN_FAILURES_PER_ADDRESS
    (LOGIN_FAILURES_PER_ADDRESS, 20), STRIKEWATCH_LOGIN_WINDOW
    (LOGIN_WINDOW_SECONDS, 900). The address is the client's as the rate
    limits see it (``strikewatch.requests.client_address``, honouring
    TRUSTED_PROXY_COUNT). With the local-memory cache each gunicorn worker
    counts on its own; with Redis (CACHE_URL) the counts are shared.
    """

    def __init__(self, request):
        address = client_key(client_address(request.META, settings.STRIKEWATCH_TRUSTED_PROXIES))
        username = request.POST.get("username", "").strip().casefold()
        self.window = settings.STRIKEWATCH_LOGIN_WINDOW
        self.counters = [
            (
                self._key("user", f"{username}\n{address}"),
                settings.STRIKEWATCH_LOGIN_FAILURES_PER_USER,
            ),
            (self._key("address", address), settings.STRIKEWATCH_LOGIN_FAILURES_PER_ADDRESS),
        ]

    @staticmethod
    def _key(kind, value):
        return f"admin-login:{kind}:{hashlib.sha256(value.encode()).hexdigest()}"

    def retry_after(self):
        """Seconds until another attempt is allowed, or None if one is allowed now."""
        now = time.time()
        waits = []
        for key, limit in self.counters:
            count = cache.get(key) or 0
            if count >= limit:
                until = cache.get(f"{key}:until") or now + self.window
                waits.append(max(1, int(until - now + 0.999)))
        return max(waits) if waits else None

    def failed(self):
        for key, _limit in self.counters:
            if cache.add(key, 1, timeout=self.window):
                cache.set(f"{key}:until", time.time() + self.window, timeout=self.window)
                continue
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.set(key, 1, timeout=self.window)
                cache.set(f"{key}:until", time.time() + self.window, timeout=self.window)

    def succeeded(self):
        key, _limit = self.counters[0]
        cache.delete_many([key, f"{key}:until"])


class EditorsAdminSite(admin.AdminSite):
    site_header = "StrikeWatch editors"
    site_title = "StrikeWatch admin"
    index_title = "Coverage and corrections"

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request, extra_context=None):
        if request.method != "POST":
            return super().login(request, extra_context)
        throttle = LoginThrottle(request)
        wait = throttle.retry_after()
        if wait is not None:
            context = {
                **self.each_context(request),
                "title": "Too many failed sign-ins",
                "minutes": (wait + 59) // 60,
                "failures_per_user": throttle.counters[0][1],
                "window_minutes": throttle.window // 60,
            }
            response = TemplateResponse(
                request, "admin/login_rate_limited.html", context, status=429
            )
            response["Retry-After"] = str(wait)
            return response
        response = super().login(request, extra_context)
        if response.status_code == 302 and request.user.is_authenticated:
            throttle.succeeded()
        else:
            throttle.failed()
        return response
