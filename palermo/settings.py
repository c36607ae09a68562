"""The one settings module, and the one place that reads the environment.

The one list of the environment variables, with their defaults and meanings, is the pair of
tables under "All variables" in docs/operations.md (section "3. Configuration"): the
server's variables, then those for benchmarks and the test suite. tests/test_settings.py
fails when code outside this module (and palermo/settings_test.py, which only pytest loads)
reads a variable, or when one read here is missing from those tables.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("PALERMO_DATA_DIR", "var")).resolve()


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Whatever umask the caller had, what Palermo writes (database, keys, documents, backups,
# the search index) is for its own user alone: new files 0600, new folders 0700. Set before
# anything below creates the data directory; palermo/core/files.py sets modes explicitly too.
os.umask(0o077)
# Django's file storage (collected static files) chmods to these itself, past the umask.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700


# Secrets only commands read: kept here so that settings.py is the one reader of the environment.
PALERMO_ADMIN_PASSWORD = os.environ.get("PALERMO_ADMIN_PASSWORD", "")
PALERMO_PASSWORD = os.environ.get("PALERMO_PASSWORD", "")
PALERMO_MESSAGE_KEY = os.environ.get("PALERMO_MESSAGE_KEY", "")
SECRET_KEY_FROM_ENVIRONMENT = bool(os.environ.get("PALERMO_SECRET_KEY"))


def _secret_key() -> str:
    key = os.environ.get("PALERMO_SECRET_KEY")
    if key:
        return key
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        # O_EXCL so two processes starting together cannot write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _flag("PALERMO_DEBUG", False)
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("PALERMO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "ninja",
    "palermo.vocab",
    "palermo.audit",
    "palermo.access",
    "palermo.web",
    "palermo.cases",
    "palermo.screening",
    "palermo.notices",
    "palermo.messaging",
    "palermo.library",
    "palermo.exchange",
    "palermo.training",
    "palermo.awards",
    "palermo.directory",
    "palermo.governance",
    "palermo.insights",
    "palermo.portal",
    "palermo.ops",
]

MIDDLEWARE = [
    "palermo.portal.middleware.PortalMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "palermo.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "palermo.web.middleware.BadInputMiddleware",
    "palermo.access.middleware.SessionLifetimeMiddleware",
    "palermo.access.middleware.UserTimezoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "palermo.access.middleware.MfaRequiredMiddleware",
    "palermo.access.middleware.DenyByDefaultMiddleware",
    "palermo.cases.middleware.ReasonRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Django's defaults, stated: a request body (other than uploaded files) of at most 2.5 MB and
# at most 1,000 query or form fields; BadInputMiddleware and the API answer 413 and 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

ROOT_URLCONF = "palermo.urls"
ASGI_APPLICATION = "palermo.asgi.application"
WSGI_APPLICATION = "palermo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "palermo.web.context.navigation_context",
            ],
        },
    },
]


def _database(url: str) -> dict[str, Any]:
    config: dict[str, Any] = dict(
        dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Django's backend, with writers of several processes queued by a lock file.
        config["ENGINE"] = "palermo.ops.sqlite"
        # IMMEDIATE takes the write lock when a transaction starts, so two writers of the
        # audit chain queue instead of both reading the same last entry.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


DATABASES = {
    "default": _database(
        os.environ.get("PALERMO_DATABASE_URL") or f"sqlite:///{DATA_DIR / 'palermo.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "access.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "palermo.access.backends.RolePermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if os.environ.get("PALERMO_BREACHED_PASSWORDS_FILE"):
    # A larger breached-password list (one password a line, optionally gzipped), e.g. one
    # derived from Have I Been Pwned, on top of Django's 20,000 most common passwords.
    AUTH_PASSWORD_VALIDATORS.append({
        "NAME": "django.contrib.auth.password_validation.CommonPasswordValidator",
        "OPTIONS": {"password_list_path": os.environ["PALERMO_BREACHED_PASSWORDS_FILE"]},
    })
LOGIN_URL = "access:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "access:login"

# Sessions: an idle user is signed out after 30 minutes, everyone after 12 hours.
PALERMO_SESSION_IDLE_SECONDS = int(os.environ.get("PALERMO_SESSION_IDLE_SECONDS", 30 * 60))
PALERMO_SESSION_ABSOLUTE_SECONDS = int(
    os.environ.get("PALERMO_SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
)
SESSION_COOKIE_AGE = PALERMO_SESSION_ABSOLUTE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
_secure_cookies = _flag("PALERMO_SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = _secure_cookies
CSRF_COOKIE_SECURE = _secure_cookies
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = _secure_cookies
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("PALERMO_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

# Lockout: five failed sign-ins for one account from one address lock it for ten minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1 / 6  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# HEALTH@…, Health@… and a full-width ｈｅａｌｔｈ@… count as one account, as sign-in treats them.
AXES_USERNAME_CALLABLE = "palermo.access.backends.lockout_username"
AXES_LOCKOUT_CALLABLE = "palermo.access.views.locked_out"
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
# How many reverse proxies stand in front (each adds itself to X-Forwarded-For); the client's
# address is read behind them, for the audit log and for the lockout alike.
PALERMO_PROXY_COUNT = int(os.environ.get("PALERMO_PROXY_COUNT", 0))
AXES_CLIENT_IP_CALLABLE = "palermo.audit.services.client_ip"

OTP_TOTP_ISSUER = "Palermo"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = int(os.environ.get("PALERMO_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if _flag("PALERMO_BEHIND_TLS_PROXY", False) else None
)
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "palermo.web.views.csrf_failure"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("he", "עברית")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# One way of writing dates per language (palermo/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["palermo.formats"]
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT: Path | None = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
WHITENOISE_USE_FINDERS = DEBUG

PALERMO_BENCH_ROUTES = _flag("PALERMO_BENCH_ROUTES", False)
# Tests only: screening hits' messages stay in the outbox (a crash before delivery).
PALERMO_OUTBOX_PAUSED = _flag("PALERMO_OUTBOX_PAUSED", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PALERMO_LOG_LEVEL", "WARNING")},
}
