"""How every page and API route declares the permission it needs.

Pages: ``@requires("audit.view")``, ``@signed_in`` or ``@public`` on the view function; the
DenyByDefaultMiddleware refuses any page view that carries none of them.
API: ``auth=Permission("audit.view")`` on each operation; the API's default ``auth`` refuses
every operation that declares nothing. ``tests/access/test_route_permissions.py`` walks every
URL and fails for one without a declaration.

The guards sit beneath every app, the foundations included (audit's and vocab's own pages
take them), so they import nothing of Palermo's. What they need from the apps is handed to
them in ``AppConfig.ready()`` through ``register``: vocab says which permission names exist,
audit records a refusal, access checks a bearer token. Until an app has done so the guards
refuse: an unknown permission name, no token accepted, a refusal that cannot be recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from ninja.security import HttpBearer
from ninja.utils import check_csrf

if TYPE_CHECKING:
    from palermo.access.models import User

PUBLIC = "public"
SIGNED_IN = "signed-in"
# URL namespaces whose views guard themselves: the admin (superuser with a verified second
# factor, see access.admin) and the API (a Permission per operation, see below).
SELF_GUARDED_NAMESPACES = {"admin", "api"}

View = TypeVar("View", bound=Callable[..., HttpResponseBase])

# Whether a permission name is declared (vocab/permissions.yaml).
PermissionKnown = Callable[[str], bool]
# Writes the refusal of ``permission`` for this request to the audit log; raises if it cannot.
RefusalRecorder = Callable[[HttpRequest, str], None]
# The user a bearer token acts for, or None for a token that is unknown, expired or revoked.
TokenAuthenticator = Callable[[str, HttpRequest], "User | None"]


def _no_permission_known(permission: str) -> bool:
    return False


def _no_refusal_recorder(request: HttpRequest, permission: str) -> None:
    # Fail closed: a refusal that leaves no trace in the audit log fails the request.
    raise ImproperlyConfigured("no app has registered how refusals are recorded")


def _no_token_accepted(token: str, request: HttpRequest) -> User | None:
    return None


@dataclass
class _Hooks:
    permission_known: PermissionKnown = _no_permission_known
    record_refusal: RefusalRecorder = _no_refusal_recorder
    authenticate_token: TokenAuthenticator = _no_token_accepted


_hooks = _Hooks()


def register(*, permission_known: PermissionKnown | None = None,
             record_refusal: RefusalRecorder | None = None,
             authenticate_token: TokenAuthenticator | None = None) -> None:
    """Called by the owning app in its ``AppConfig.ready()``: vocab, audit and access."""
    if permission_known is not None:
        _hooks.permission_known = permission_known
    if record_refusal is not None:
        _hooks.record_refusal = record_refusal
    if authenticate_token is not None:
        _hooks.authenticate_token = authenticate_token


class ApiForbidden(Exception):
    """An authenticated API caller lacks the permission the route declares."""

    def __init__(self, permission: str) -> None:
        self.permission = permission
        super().__init__(f"this request needs the permission {permission!r}")


def _known(permission: str) -> str:
    if not _hooks.permission_known(permission):
        raise ValueError(f"{permission!r} is not in vocab/permissions.yaml")
    return permission


def requires(permission: str) -> Callable[[View], View]:
    """The view needs a signed-in user whose roles grant ``permission``."""
    _known(permission)

    def decorator(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                _hooks.record_refusal(request, permission)
                raise PermissionDenied(permission)
            return view(request, *args, **kwargs)

        guarded.palermo_permission = permission  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorator


def signed_in(view: View) -> View:
    """Any signed-in user may use the view (sign-out, own second factor)."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    guarded.palermo_permission = SIGNED_IN  # type: ignore[attr-defined]
    return guarded  # type: ignore[return-value]


def signed_in_or_token(view: View) -> View:
    """Any signed-in user, or any valid bearer token (the API's own description: a program
    that holds a token reads it the way a person reads the documentation page)."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.headers.get("Authorization"):
            # As for the operations: a request that presents a token is judged by it alone.
            if _bearer_user(request) is None:
                return _unauthenticated()
            return view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    guarded.palermo_permission = SIGNED_IN  # type: ignore[attr-defined]
    return guarded  # type: ignore[return-value]


def _unauthenticated() -> JsonResponse:
    # The API's one error shape (core.errors.error_response), written out here because core
    # leans on audit and vocab, whose own routes these guards protect.
    response = JsonResponse({"error": {
        "code": "unauthenticated",
        "message": "send a valid token in the Authorization: Bearer header, or sign in",
        "fields": {},
    }}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


def _bearer_user(request: HttpRequest) -> User | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return _hooks.authenticate_token(token.strip(), request)


def public(view: View) -> View:
    """Anyone may use the view, signed in or not (sign-in page, health check)."""
    view.palermo_permission = PUBLIC  # type: ignore[attr-defined]
    return view


def declared_permission(view: Callable[..., Any]) -> str | None:
    return getattr(view, "palermo_permission", None)


class Permission(HttpBearer):
    """API authentication and authorisation in one: a bearer token or a signed-in session
    (with its CSRF token for writes), then the declared permission."""

    def __init__(self, permission: str) -> None:
        self.permission = _known(permission)
        super().__init__()

    def __call__(self, request: HttpRequest) -> Any:
        if request.headers.get(self.header):
            # A request that presents a token is judged by the token alone.
            user = super().__call__(request)
            if user is None:
                return None
        else:
            session_user = getattr(request, "user", None)
            if session_user is None or not session_user.is_authenticated:
                return None
            if not getattr(request, "_ninja_csrf_exempt", False):
                failure = check_csrf(request)
                if failure is not None:
                    raise PermissionDenied("CSRF check failed")
            if session_user.requires_mfa and not session_user.is_verified():
                return None
            user = session_user
        if not user.has_perm(self.permission):
            _hooks.record_refusal(request, self.permission)
            raise ApiForbidden(self.permission)
        return user

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return _hooks.authenticate_token(token, request)


class Published(HttpBearer):
    """An API operation anyone may call, declared on purpose (a published schema); the
    route test lists every one of them by name."""

    permission = PUBLIC

    def __call__(self, request: HttpRequest) -> Any:
        return PUBLIC

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return PUBLIC


class DenyUndeclared(HttpBearer):
    """The API's default: an operation that declares no Permission is refused."""

    def __call__(self, request: HttpRequest) -> Any:
        raise ApiForbidden("(none declared)")

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return None


def actor(request: HttpRequest) -> User:
    """The signed-in user of a request that passed ``requires`` or ``signed_in``."""
    return cast("User", request.user)
