"""The portal's information pages, for anyone: the list and one page in the chosen language.
A page not written in that language says so in that language and links the languages it is
written in; it is never blank."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from palermo.guards import public
from palermo.portal.services import language, page_markup, pages


def _languages(slug: str, codes: list[str]) -> list[dict[str, str]]:
    return [{"code": c, "name": language.LANGUAGES[c], "direction": language.direction(c),
             "url": reverse("portal:page", kwargs={"lang": c, "slug": slug})} for c in codes]


@public
def page_index(request: HttpRequest, lang: str) -> HttpResponse:
    entries = [{
        "slug": p.slug,
        "title": p.version.title if p.version else None,
        "summary": page_markup.plain(p.version.body) if p.version else "",
        "url": reverse("portal:page", kwargs={"lang": lang, "slug": p.slug}),
        "fallback_title": p.fallback_title, "fallback_language": p.fallback_language,
        "fallback_direction": language.direction(p.fallback_language or lang),
        "others": _languages(p.slug, p.available) if p.version is None else [],
    } for p in pages.public_index(lang)]
    return render(request, "portal/page_index.html", {"entries": entries})


@public
def page_detail(request: HttpRequest, lang: str, slug: str) -> HttpResponse:
    found = pages.public_page(slug, lang)
    if found is None:
        raise Http404
    context = {"slug": slug, "version": found.version,
               "others": _languages(slug, [c for c in found.available if c != lang])}
    if found.version is not None:
        context["html"] = page_markup.render(found.version.body)
    return render(request, "portal/page_detail.html", context)
