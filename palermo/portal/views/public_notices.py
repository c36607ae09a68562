"""Public notices on the portal: the list, one extract with the form to send information
to the issuing agency, and the extract's photo when the issuer allows it. No account."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from palermo.guards import public
from palermo.notices.services.publicity import Extract
from palermo.portal.services import language, public_notices, throttle
from palermo.portal.services.errors import PortalError
from palermo.portal.views.reports import field_errors

# Information about a public notice has its own count, so it never uses up a reporter's
# additions to their own report.
_THROTTLE = "notice_information"


# The label of each field, named beside its fault in the list atop the form.
LABELS = {"message": "notices.info.message", "contact": "notices.info.contact"}


class InformationForm(forms.Form):
    # Lengths are the service's to check, so that a too-long text is named with the others.
    message = forms.CharField(required=False)
    contact = forms.CharField(required=False)
    # A person never sees this field (it is hidden by the stylesheet); a robot fills it in.
    website = forms.CharField(required=False)


def _facts(extract: Extract, lang: str) -> list[tuple[str, str]]:
    facts = []
    for name, value in extract.fields.items():
        if value in (None, "", []):
            continue
        if name == "sex":
            shown = language.text(f"notices.sex.{value}", lang) \
                if language.has(f"notices.sex.{value}") else str(value)
        elif isinstance(value, list):
            shown = ", ".join(str(v) for v in value)
        elif isinstance(value, dt.date):
            shown = language.date_text(value, lang)
        else:
            shown = str(value)
        facts.append((language.text(f"notices.field.{name}", lang), shown))
    return facts


def _kind(colour: str, lang: str) -> str:
    key = f"notices.kind.{colour}"
    return language.text(key, lang) if language.has(key) else colour


@public
def notice_list(request: HttpRequest, lang: str) -> HttpResponse:
    colours = public_notices.colours()
    colour = request.GET.get("colour", "")
    colour = colour if colour in colours else ""
    return render(request, "portal/notice_list.html", {
        "extracts": [(extract, _kind(extract.colour, lang))
                     for extract in public_notices.listing(colour)],
        "colour": colour, "kinds": [(code, _kind(code, lang)) for code in colours]})


@public
@require_http_methods(["GET", "POST"])
def notice_detail(request: HttpRequest, lang: str, notice_id: int) -> HttpResponse:
    extract = public_notices.detail(notice_id)
    if extract is None:
        raise Http404
    form = InformationForm(request.POST or None)
    context = {"extract": extract, "kind": _kind(extract.colour, lang),
               "facts": _facts(extract, lang), "form": form, "errors": {}, "sent": False,
               "limits": {"message": public_notices.MAX_MESSAGE,
                          "contact": public_notices.MAX_CONTACT}}
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["website"]:
                raise PortalError("notices.info.error_form")
            if not throttle.allow(request, _THROTTLE):
                raise PortalError("notices.info.error_rate")
            public_notices.send_information(
                notice_id, message=form.cleaned_data["message"],
                contact=form.cleaned_data["contact"], code=lang, request=request)
        except PortalError as error:
            context["errors"] = field_errors(lang, error, labels=LABELS)
            status = 429 if error.key == "notices.info.error_rate" else 400
        else:
            context["sent"] = True
            context["form"] = InformationForm()
    return render(request, "portal/notice_detail.html", context, status=status)


@public
def notice_photo(request: HttpRequest, lang: str, notice_id: int) -> HttpResponse:
    found = public_notices.photo(notice_id)
    if found is None:
        raise Http404
    content, content_type = found
    return HttpResponse(content, content_type=content_type)
