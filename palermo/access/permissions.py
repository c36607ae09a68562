"""How every page and API route declares the permission it needs.

Pages: ``@requires("audit.view")``, ``@signed_in`` or ``@public`` on the view function; the
DenyByDefaultMiddleware refuses any page view that carries none of them.
API: ``auth=Permission("audit.view")`` on each operation; the API's default ``auth`` refuses
every operation that declares nothing. ``tests/access/test_route_permissions.py`` walks every
URL and fails for one without a declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from ninja.security import HttpBearer
from ninja.utils import check_csrf

from palermo.audit import services as audit
from palermo.core.errors import error_response
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

PUBLIC = "public"
SIGNED_IN = "signed-in"
# URL namespaces whose views guard themselves: the admin (superuser with a verified second
# factor, see access.admin) and the API (a Permission per operation, see below).
SELF_GUARDED_NAMESPACES = {"admin", "api"}

View = TypeVar("View", bound=Callable[..., HttpResponseBase])


class ApiForbidden(Exception):
    """An authenticated API caller lacks the permission the route declares."""

    def __init__(self, permission: str) -> None:
        self.permission = permission
        super().__init__(f"this request needs the permission {permission!r}")


def _known(permission: str) -> str:
    if permission not in registry.get("permissions"):
        raise ValueError(f"{permission!r} is not in vocab/permissions.yaml")
    return permission


def _deny(request: HttpRequest, permission: str) -> None:
    audit.record(
        "access.denied", request=request, outcome="denied",
        object_type="url", object_id=request.path[:64], detail={"permission": permission},
    )


def requires(permission: str) -> Callable[[View], View]:
    """The view needs a signed-in user whose roles grant ``permission``."""
    _known(permission)

    def decorator(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                _deny(request, permission)
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
                response = error_response(401, "unauthenticated", "send a valid token in "
                                          "the Authorization: Bearer header, or sign in")
                response["WWW-Authenticate"] = "Bearer"
                return response
            return view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    guarded.palermo_permission = SIGNED_IN  # type: ignore[attr-defined]
    return guarded  # type: ignore[return-value]


def _bearer_user(request: HttpRequest) -> Any:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    from palermo.access.services import tokens

    return tokens.authenticate(token.strip(), request=request)


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
            _deny(request, self.permission)
            raise ApiForbidden(self.permission)
        return user

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from palermo.access.services import tokens

        return tokens.authenticate(token, request=request)


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
