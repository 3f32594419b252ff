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
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from .requests import client_address, client_key
from .shared_counts import count, store, uncount


class LoginThrottle:
    """
    Admin sign-in attempts, counted in the shared counts store
    (``strikewatch.shared_counts``: every worker and host counts in one place)
    over a fixed window: per username from one address (guessing one account's
    password) and per address whatever the username (trying many accounts).
    Past either limit the login page answers 429 until the window that started
    with the first failure ends; a successful sign-in clears the username's
    count and is not held against the address.

    Each attempt is counted before the password is checked, atomically, so
    attempts sent at once to several workers cannot slip past the limit
    together; a refused attempt is taken back (it tried no password).

    Settings (environment variables, defaults): STRIKEWATCH_LOGIN_FAILURES_PER_USER
    (LOGIN_FAILURES_PER_USER, 5), STRIKEWATCH_LOGIN_FAILURES_PER_ADDRESS
    (LOGIN_FAILURES_PER_ADDRESS, 20), STRIKEWATCH_LOGIN_WINDOW
    (LOGIN_WINDOW_SECONDS, 900). The address is the client's as the rate
    limits see it (``strikewatch.requests.client_address``, honouring
    TRUSTED_PROXY_COUNT).
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

    def attempt(self):
        """
        Counts this attempt. Returns None if it may go ahead, else the seconds
        until another is allowed (the attempt is then not counted).
        """
        now = time.time()
        cache = store()
        waits = []
        for key, limit in self.counters:
            attempts = count(key, self.window)
            if attempts == 1:
                cache.set(f"{key}:until", now + self.window, timeout=self.window)
            if attempts > limit:
                until = cache.get(f"{key}:until") or now + self.window
                waits.append(max(1, int(until - now + 0.999)))
        if not waits:
            return None
        for key, _limit in self.counters:
            uncount(key)
        return max(waits)

    def succeeded(self):
        (user_key, _limit), (address_key, _limit) = self.counters
        store().delete_many([user_key, f"{user_key}:until"])
        uncount(address_key)


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
        wait = throttle.attempt()
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
        return response
