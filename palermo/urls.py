from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from palermo.api import api
from palermo.web import views as web_views

urlpatterns: list[URLPattern | URLResolver] = [
    # First: the API carries the border's checks, and Django tries the patterns in order.
    path("api/v1/", api.urls),
    path("", include("palermo.web.urls")),
    path("access/", include("palermo.access.urls")),
    path("audit/", include("palermo.audit.urls")),
    path("cases/", include("palermo.cases.urls")),
    path("screening/", include("palermo.screening.urls")),
    path("notices/", include("palermo.notices.urls")),
    path("messaging/", include("palermo.messaging.urls")),
    path("library/", include("palermo.library.urls")),
    path("exchange/", include("palermo.exchange.urls")),
    path("training/", include("palermo.training.urls")),
    path("awards/", include("palermo.awards.urls")),
    path("directory/", include("palermo.directory.urls")),
    path("governance/", include("palermo.governance.urls")),
    path("insights/", include("palermo.insights.urls")),
    path("portal-pages/", include("palermo.portal.editor_urls")),
    path("public/", include("palermo.portal.urls")),
    path("triage/", include("palermo.portal.urls_triage")),
    path("django-admin/", admin.site.urls),
]

if settings.PALERMO_BENCH_ROUTES:
    urlpatterns.append(path("_bench/bare", web_views.bench_bare, name="bench_bare"))

handler400 = "palermo.web.views.bad_request"
handler403 = "palermo.web.views.forbidden"
handler404 = "palermo.web.views.not_found"
handler500 = "palermo.web.views.server_error"
