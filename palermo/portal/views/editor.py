"""The information pages' editor, inside the application: the list of pages with their
state in each portal language, writing a version, and one version with what changed, its
submission and its review by a second person."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.portal.models import InfoPage, PageVersion
from palermo.portal.services import language, page_markup, pages
from palermo.web.forms import query_int, show


class PageForm(forms.Form):
    slug = forms.SlugField(label=gettext_lazy("Address"), max_length=80,
                           help_text=gettext_lazy("Lower-case letters, digits and hyphens; "
                                                  "the page is at /public/<language>/pages/"
                                                  "<address>/."))
    position = forms.IntegerField(label=gettext_lazy("Position in the list"), min_value=0,
                                  max_value=1000, initial=100)


class VersionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=pages.MAX_TITLE)
    body = forms.CharField(
        label=gettext_lazy("Text"), max_length=pages.MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=gettext_lazy("A blank line between paragraphs. “# ” or “## ” starts a "
                               "heading, “- ” a list item, **bold**. Links: [text](/public/...)"
                               ", [text](tel:+972...) or [text](mailto:...); nothing else."))


def _language(request: HttpRequest) -> str:
    code = request.GET.get("language") or request.POST.get("language") or "en"
    return code if code in language.LANGUAGES else "en"


@requires("portal.edit_pages")
@require_http_methods(["GET", "POST"])
def page_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    form = PageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            page = pages.create_page(actor=user, request=request, **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Page created. Write its first version."))
            return redirect("portal_editor:page", info_page_id=page.pk)
    rows = []
    for page in pages.listing(user):
        states: dict[str, dict[str, PageVersion | None]] = {}
        for item in page.versions.all():
            entry = states.setdefault(item.language, {"published": None, "open": None})
            if item.state == PageVersion.State.PUBLISHED:
                shown = entry["published"]
                if shown is None or item.number > shown.number:
                    entry["published"] = item
            else:
                entry["open"] = item
        rows.append({"page": page, "languages": [(code, states.get(code))
                                                 for code in language.LANGUAGES]})
    queue = list(pages.review_queue(user)) if user.has_perm("portal.publish_pages") else []
    return render(request, "portal/editor_list.html", {
        "rows": rows, "form": form, "queue": queue, "languages": language.LANGUAGES})


def _page(request: HttpRequest, info_page_id: int) -> InfoPage:
    return get_object_or_404(pages.listing(actor(request)), pk=info_page_id)


@requires("portal.edit_pages")
def page_detail(request: HttpRequest, info_page_id: int) -> HttpResponse:
    page = _page(request, info_page_id)
    return render(request, "portal/editor_page.html", {
        "page": page, "languages": [
            (code, name, pages.current(page, code), pages.open_version(page, code),
             pages.history(page, code)) for code, name in language.LANGUAGES.items()]})


@requires("portal.edit_pages")
@require_http_methods(["GET", "POST"])
def version_edit(request: HttpRequest, info_page_id: int) -> HttpResponse:
    user = actor(request)
    page = _page(request, info_page_id)
    code = _language(request)
    draft = pages.open_version(page, code)
    source = draft or pages.current(page, code)
    initial = {"title": source.title, "body": source.body} if source else {}
    if request.method == "GET" and request.GET.get("campaigns") == "1":
        initial["body"] = "\n\n".join(p for p in (initial.get("body", ""),
                                                  pages.campaigns_text(user)) if p)
    form = VersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = query_int(request, "version", None, minimum=1, source=request.POST)
        try:
            saved = pages.save_draft(page, code, actor=user, version=version, request=request,
                                     **form.cleaned_data)
            if request.POST.get("then") == "submit":
                pages.submit(saved, actor=user, version=saved.version, request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Submitted for review.")
                             if request.POST.get("then") == "submit" else _("Draft saved."))
            return redirect("portal_editor:version", page_version_id=saved.pk)
    return render(request, "portal/editor_form.html", {
        "page": page, "code": code, "language_name": language.LANGUAGES[code],
        "direction": language.direction(code), "form": form, "draft": draft,
        "locked": draft is not None and draft.state == PageVersion.State.SUBMITTED})


def _version(request: HttpRequest, page_version_id: int) -> PageVersion:
    return get_object_or_404(pages.versions(actor(request)), pk=page_version_id)


@requires("portal.edit_pages")
def version_detail(request: HttpRequest, page_version_id: int) -> HttpResponse:
    user = actor(request)
    item = _version(request, page_version_id)
    return render(request, "portal/editor_version.html", {
        "item": item, "html": page_markup.render(item.body), "diff": pages.diff(item),
        "previous": pages.previous_published(item),
        "direction": language.direction(item.language),
        "language_name": language.LANGUAGES.get(item.language, item.language),
        "may_review": (user.has_perm("portal.publish_pages") and user.pk not in item.authors
                       and item.state == PageVersion.State.SUBMITTED)})


@requires("portal.edit_pages")
@require_POST
def version_step(request: HttpRequest, page_version_id: int) -> HttpResponse:
    user = actor(request)
    item = _version(request, page_version_id)
    step = request.POST.get("step", "")
    read = query_int(request, "version", 0, source=request.POST)
    try:
        if step == "submit":
            pages.submit(item, actor=user, version=read, request=request)
            messages.success(request, _("Submitted for review."))
        elif step == "publish":
            pages.publish(item, actor=user, version=read, request=request)
            messages.success(request, _("Published on the portal."))
        elif step == "return":
            pages.return_to_authors(item, actor=user, version=read,
                                    note=request.POST.get("note", ""), request=request)
            messages.success(request, _("Returned to the authors."))
        else:
            raise ServiceError(_("Unknown step."), field="step")
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("portal_editor:version", page_version_id=item.pk)
