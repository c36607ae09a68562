"""Access routes: who am I, agencies, users, my tokens. The answers are the schemas of
``schemas.py``, built from what the services return."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from palermo.access.models import User
from palermo.access.schemas import AgencyOut, MeOut, TokenOut, UserOut
from palermo.access.services import agencies, tokens, users
from palermo.core.api import acting_user
from palermo.guards import Permission

router = Router(tags=["access"])


@router.get("/me", response=MeOut, auth=Permission("access.view_own_profile"))
def me(request: HttpRequest) -> User:
    return acting_user(request)


@router.get("/agencies", response=list[AgencyOut], auth=Permission("access.manage_agencies"))
def agency_list(request: HttpRequest) -> object:
    return agencies.listing()


@router.get("/users", response=list[UserOut], auth=Permission("access.manage_users"))
def user_list(request: HttpRequest) -> list[User]:
    return list(users.listing())


@router.get("/users/{user_id}", response=UserOut, auth=Permission("access.manage_users"))
def user_detail(request: HttpRequest, user_id: int) -> User:
    return get_object_or_404(users.listing(), pk=user_id)


@router.get("/tokens", response=list[TokenOut], auth=Permission("access.use_api"))
def token_list(request: HttpRequest) -> object:
    return tokens.owned_by(acting_user(request))


@router.post("/tokens/{token_id}/revoke", response=TokenOut, auth=Permission("access.use_api"))
def token_revoke(request: HttpRequest, token_id: int) -> object:
    token = get_object_or_404(tokens.owned_by(acting_user(request)), pk=token_id)
    return tokens.revoke(token, actor=acting_user(request), request=request)
