"""Access routes: who am I, agencies, users, my tokens."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from palermo.access.models import User
from palermo.access.permissions import Permission
from palermo.access.schemas import AgencyOut, MeOut, TokenOut, UserOut
from palermo.access.services import agencies, mfa, tokens, users
from palermo.core.api import acting_user

router = Router(tags=["access"])


def _user_out(user: User) -> dict:
    return {
        "id": user.pk, "email": user.email, "full_name": user.full_name,
        "agency": user.agency, "roles": [role.code for role in user.roles.all()],
        "is_active": user.is_active, "language": user.language,
        "time_zone": user.time_zone, "version": user.version,
    }


@router.get("/me", response=MeOut, auth=Permission("access.view_own_profile"))
def me(request: HttpRequest) -> dict:
    user: User = acting_user(request)
    return {**_user_out(user), "permissions": sorted(user.palermo_permissions()),
            "second_factor": mfa.has_device(user)}


@router.get("/agencies", response=list[AgencyOut], auth=Permission("access.manage_agencies"))
def agency_list(request: HttpRequest) -> object:
    return agencies.listing()


@router.get("/users", response=list[UserOut], auth=Permission("access.manage_users"))
def user_list(request: HttpRequest) -> list[dict]:
    return [_user_out(user) for user in users.listing()]


@router.get("/users/{user_id}", response=UserOut, auth=Permission("access.manage_users"))
def user_detail(request: HttpRequest, user_id: int) -> dict:
    return _user_out(get_object_or_404(users.listing(), pk=user_id))


@router.get("/tokens", response=list[TokenOut], auth=Permission("access.use_api"))
def token_list(request: HttpRequest) -> object:
    return tokens.owned_by(acting_user(request))


@router.post("/tokens/{token_id}/revoke", response=TokenOut, auth=Permission("access.use_api"))
def token_revoke(request: HttpRequest, token_id: int) -> object:
    token = get_object_or_404(tokens.owned_by(acting_user(request)), pk=token_id)
    return tokens.revoke(token, actor=acting_user(request), request=request)
