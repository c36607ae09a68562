"""Information pages: the office writes them in the application, a second person publishes
them, and the portal shows the last published version in the visitor's language.

One version per page and language is in the works at a time (draft, awaiting review or
returned); it is edited in place until submitted. Whoever wrote in a version may not publish
it. A published version is locked; the next change starts a new version from its text, so
every published text stays readable with what changed from the one before.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.portal.models import InfoPage, PageVersion
from palermo.portal.services import language, page_markup

if TYPE_CHECKING:
    from palermo.access.models import User

State = PageVersion.State
OPEN = (State.DRAFT, State.SUBMITTED, State.RETURNED)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TITLE = 200
MAX_BODY = 50_000


def _audit(action: str, actor: User | None, request: HttpRequest | None, page: InfoPage,
           **detail: object) -> None:
    audit.record(f"portal_page.{action}", actor=actor, request=request,
                 object_type="portal_page", object_id=page.pk,
                 actor_label="" if actor else "system", detail={"slug": page.slug, **detail})


def _language(code: str) -> str:
    if code not in language.LANGUAGES:
        raise ServiceError(_("“%(code)s” is not a portal language; choose one of %(codes)s.")
                           % {"code": code, "codes": ", ".join(language.LANGUAGES)},
                           field="language")
    return code


# The office's side -------------------------------------------------------------------------

def listing(user: User) -> QuerySet[InfoPage]:
    require(user, "portal.edit_pages")
    return InfoPage.objects.prefetch_related("versions")


def versions(user: User) -> QuerySet[PageVersion]:
    """Every version of every page, for the office: writers and publishers."""
    if not (user.has_perm("portal.edit_pages") or user.has_perm("portal.publish_pages")):
        raise NotAllowed(_("Your roles do not allow this."))
    return PageVersion.objects.select_related("page", "written_by", "reviewed_by")


def review_queue(user: User) -> QuerySet[PageVersion]:
    require(user, "portal.publish_pages")
    return (PageVersion.objects.filter(state=State.SUBMITTED).select_related("page",
                                                                             "written_by")
            .order_by("submitted_at"))


def create_page(*, actor: User | None, slug: str, position: int = 100,
                request: HttpRequest | None = None) -> InfoPage:
    """``actor`` None is the shipped starting content (``palermo demo``)."""
    if actor is not None:
        require(actor, "portal.edit_pages")
    slug = (slug or "").strip().lower()
    if not SLUG.match(slug) or len(slug) > 80:
        raise ServiceError(_("The address is lower-case letters, digits and hyphens, "
                             "e.g. get-help."), field="slug")
    if InfoPage.objects.filter(slug=slug).exists():
        raise ServiceError(_("A page with the address %(slug)s exists already.")
                           % {"slug": slug}, field="slug")
    with transaction.atomic():
        page = InfoPage.objects.create(slug=slug, position=position, created_by=actor)
        _audit("create", actor, request, page)
    return page


def open_version(page: InfoPage, code: str) -> PageVersion | None:
    return page.versions.filter(language=code, state__in=OPEN).first()


def current(page: InfoPage, code: str) -> PageVersion | None:
    """The version the public reads: the last one published."""
    return page.versions.filter(language=code, state=State.PUBLISHED).order_by(
        "-number").first()


def history(page: InfoPage, code: str) -> list[PageVersion]:
    return list(page.versions.filter(language=code).select_related("written_by",
                                                                    "reviewed_by")
                .order_by("-number"))


def _check(title: str, body: str) -> tuple[str, str]:
    title = (title or "").strip()
    body = (body or "").replace("\r\n", "\n").strip()
    if not title:
        raise ServiceError(_("Give the page a title."), field="title")
    if len(title) > MAX_TITLE:
        raise ServiceError(_("A title has at most %(n)d characters.") % {"n": MAX_TITLE},
                           field="title")
    if not body:
        raise ServiceError(_("Write the text of the page."), field="body")
    if len(body) > MAX_BODY:
        raise ServiceError(_("A page has at most %(n)d characters.") % {"n": MAX_BODY},
                           field="body")
    fault = next(iter(page_markup.faults(body)), None)
    if fault is not None:
        raise ServiceError(_("Line %(line)d: the link to “%(target)s” is not allowed. Links "
                             "go to portal pages (/public/...), tel: or mailto: only.")
                           % {"line": fault.line, "target": fault.target}, field="body")
    return title, body


def save_draft(page: InfoPage, code: str, *, actor: User | None, title: str, body: str,
               version: int | None = None, request: HttpRequest | None = None) -> PageVersion:
    """Write the version in the works, starting it if there is none."""
    if actor is not None:
        require(actor, "portal.edit_pages")
    code = _language(code)
    title, body = _check(title, body)
    who = [actor.pk] if actor is not None else []
    draft = open_version(page, code)
    if draft is None:
        number = (page.versions.filter(language=code).aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            with transaction.atomic():
                draft = PageVersion.objects.create(page=page, language=code, number=number,
                                                   title=title, body=body, authors=who,
                                                   written_by=actor)
                _audit("draft", actor, request, page, language=code, number=number)
        except IntegrityError:
            raise StaleWrite(_("Someone else started a version of this page meanwhile. "
                               "Reload the page.")) from None
        return draft
    if draft.state == State.SUBMITTED:
        raise ServiceError(_("This version awaits review; it can be changed once the "
                             "reviewer returns it."), field="body")
    read = draft.version if version is None else version
    authors = sorted({*draft.authors, *who})
    return _save(draft, read, (State.DRAFT, State.RETURNED), actor, request, "update",
                 {"title": title, "body": body, "authors": authors, "written_by": actor,
                  "written_at": timezone.now()},
                 _("Someone else changed this version meanwhile. Reload the page."))


def _move(item: PageVersion, expected: tuple[str, ...], *, version: int, actor: User | None,
          request: HttpRequest | None, action: str, **fields: object) -> PageVersion:
    return _save(item, version, expected, actor, request, action, fields,
                 _("This version changed after you read it. Reload the page."))


def _save(item: PageVersion, version: int, expected: tuple[str, ...], actor: User | None,
          request: HttpRequest | None, action: str, fields: dict[str, object],
          stale: str) -> PageVersion:
    """A versioned write of a page's version while it is still in one of the ``expected``
    states, audited under the page (a page's history is read page by page)."""
    return save_versioned(item, version, fields, actor=actor, request=request,
                          action=f"portal_page.{action}", object_type="portal_page",
                          object_id=item.page_id, actor_label="" if actor else "system",
                          detail={"slug": item.page.slug, "language": item.language,
                                  "number": item.number},
                          where={"state__in": expected}, stale=stale)


def submit(item: PageVersion, *, actor: User, version: int,
           request: HttpRequest | None = None) -> PageVersion:
    require(actor, "portal.edit_pages")
    if item.state not in (State.DRAFT, State.RETURNED):
        raise ServiceError(_("Only a draft or a returned version is submitted."),
                           field="state")
    return _move(item, (State.DRAFT, State.RETURNED), version=version, actor=actor,
                 request=request, action="submit", state=State.SUBMITTED,
                 submitted_at=timezone.now())


def _may_review(item: PageVersion, actor: User) -> None:
    require(actor, "portal.publish_pages")
    if actor.pk in item.authors:
        raise NotAllowed(_("A page is published by someone who did not write it."))
    if item.state != State.SUBMITTED:
        raise ServiceError(_("Only a version awaiting review is published or returned."),
                           field="state")


def publish(item: PageVersion, *, actor: User, version: int,
            request: HttpRequest | None = None) -> PageVersion:
    _may_review(item, actor)
    now = timezone.now()
    return _move(item, (State.SUBMITTED,), version=version, actor=actor, request=request,
                 action="publish", state=State.PUBLISHED, reviewed_by=actor, reviewed_at=now,
                 published_at=now, review_note="")


def return_to_authors(item: PageVersion, *, actor: User, version: int, note: str,
                      request: HttpRequest | None = None) -> PageVersion:
    _may_review(item, actor)
    note = (note or "").strip()
    if not note:
        raise ServiceError(_("Say what the authors must change."), field="note")
    return _move(item, (State.SUBMITTED,), version=version, actor=actor, request=request,
                 action="return", state=State.RETURNED, reviewed_by=actor,
                 reviewed_at=timezone.now(), review_note=note[:5000])


def seed_published(page: InfoPage, code: str, *, title: str, body: str) -> PageVersion:
    """The shipped starting content: published as it comes with Palermo, by nobody, and
    audited as the system's. Every later change goes through review."""
    draft = save_draft(page, code, actor=None, title=title, body=body)
    now = timezone.now()
    return _move(draft, (State.DRAFT,), version=draft.version, actor=None, request=None,
                 action="seed", state=State.PUBLISHED, published_at=now, submitted_at=now)


def previous_published(item: PageVersion) -> PageVersion | None:
    return (item.page.versions.filter(language=item.language, state=State.PUBLISHED,
                                      number__lt=item.number).order_by("-number").first())


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added" or "removed"
    text: str


def diff(item: PageVersion) -> list[DiffLine]:
    """What changed from the previous published version, line by line."""
    before = previous_published(item)
    old = [before.title, "", *before.body.splitlines()] if before else []
    new = [item.title, "", *item.body.splitlines()]
    kinds = {" ": "same", "+": "added", "-": "removed"}
    return [DiffLine(kinds[line[0]], line[2:]) for line in difflib.ndiff(old, new)
            if line[0] in kinds]


# The public's side -------------------------------------------------------------------------

@dataclass(frozen=True)
class PublicPage:
    slug: str
    language: str
    version: PageVersion | None  # None: not written in this language
    available: list[str]  # the languages it is published in
    # When it is not written in this language: its title in the first language it is in.
    fallback_title: str = ""
    fallback_language: str = ""


def _public(page: InfoPage, code: str, available: list[str]) -> PublicPage:
    version = current(page, code)
    if version is not None:
        return PublicPage(page.slug, code, version, available)
    other = current(page, available[0])
    return PublicPage(page.slug, code, None, available, other.title if other else "",
                      available[0])


def _published_languages(page: InfoPage) -> list[str]:
    found = set(page.versions.filter(state=State.PUBLISHED).values_list("language",
                                                                        flat=True))
    return [code for code in language.LANGUAGES if code in found]


def public_page(slug: str, code: str) -> PublicPage | None:
    """The page as the public reads it, or None when no version of it is published at all."""
    page = InfoPage.objects.filter(slug=slug).first()
    if page is None:
        return None
    available = _published_languages(page)
    if not available:
        return None
    return _public(page, code, available)


def public_index(code: str) -> list[PublicPage]:
    """Every page with something published, in the office's order."""
    pages = []
    for page in InfoPage.objects.all():
        available = _published_languages(page)
        if available:
            pages.append(_public(page, code, available))
    return pages


def campaigns_text(actor: User) -> str:
    """The awareness campaigns as page text for the news page, read through training's
    services; the writer edits it, and it is reviewed like any other text."""
    require(actor, "portal.edit_pages")
    from palermo.training.services import campaigns

    try:
        found = list(campaigns.campaigns(actor).order_by("-starts_on")[:20])
    except NotAllowed:
        return ""
    lines = []
    for campaign in found:
        when = campaign.starts_on.isoformat() + (
            f" – {campaign.ends_on.isoformat()}" if campaign.ends_on else "")
        about = " ".join(campaign.description.split())
        lines.append(f"- **{campaign.title}** ({when})" + (f": {about}" if about else ""))
    return "\n".join(lines)
