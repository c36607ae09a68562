from django.urls import path

from palermo.access.views import manage, profile, signin

app_name = "access"

urlpatterns = [
    path("login/", signin.login, name="login"),
    path("logout/", signin.logout, name="logout"),
    path("mfa/", signin.mfa_verify, name="mfa_verify"),
    path("mfa/setup/", signin.mfa_setup, name="mfa_setup"),
    path("me/", profile.profile, name="profile"),
    path("me/tokens/", profile.token_create, name="token_create"),
    path("me/tokens/<int:token_id>/revoke/", profile.token_revoke, name="token_revoke"),
    path("users/", manage.user_list, name="user_list"),
    path("users/new/", manage.user_create, name="user_create"),
    path("users/<int:user_id>/", manage.user_edit, name="user_edit"),
    path("users/<int:user_id>/disable/", manage.user_disable, name="user_disable"),
    path("users/<int:user_id>/enable/", manage.user_enable, name="user_enable"),
    path("users/<int:user_id>/mfa-reset/", manage.user_mfa_reset, name="user_mfa_reset"),
    path("users/<int:user_id>/tokens/<int:token_id>/revoke/", manage.user_token_revoke,
         name="user_token_revoke"),
    path("agencies/", manage.agency_list, name="agency_list"),
    path("roles/", manage.role_list, name="role_list"),
    path("roles/<int:role_id>/", manage.role_edit, name="role_edit"),
    path("roles/<int:role_id>/mfa-exemption/", manage.role_mfa_exemption,
         name="role_mfa_exemption"),
    path("security/", manage.security, name="security"),
]
