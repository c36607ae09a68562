"""Information pages: written in the application, published by a second person, versioned,
shown to the public in its language, or saying plainly that the language is missing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.portal.models import PageVersion
from palermo.portal.services import page_markup, pages

pytestmark = pytest.mark.django_db


def _published(author: Any, reviewer: Any, slug: str = "get-help", code: str = "en",
               title: str = "Get help", body: str = "Call the hotline.") -> PageVersion:
    page = pages.create_page(actor=author, slug=slug)
    draft = pages.save_draft(page, code, actor=author, title=title, body=body)
    draft = pages.submit(draft, actor=author, version=draft.version)
    return pages.publish(draft, actor=reviewer, version=draft.version)


def test_the_author_cannot_publish_a_second_person_must(user_with: Any) -> None:
    author, reviewer = user_with("coordinator"), user_with("coordinator")
    page = pages.create_page(actor=author, slug="get-help")
    draft = pages.save_draft(page, "en", actor=author, title="Get help", body="Call 1202.")
    draft = pages.submit(draft, actor=author, version=draft.version)
    with pytest.raises(NotAllowed):
        pages.publish(draft, actor=author, version=draft.version)
    assert pages.current(page, "en") is None
    published = pages.publish(draft, actor=reviewer, version=draft.version)
    assert published.state == "published"
    assert published.reviewed_by == reviewer
    assert pages.current(page, "en") == published
    actions = list(AuditEvent.objects.filter(object_type="portal_page")
                   .values_list("action", flat=True))
    assert actions == ["portal_page.create", "portal_page.draft", "portal_page.submit",
                       "portal_page.publish"]


def test_someone_who_edited_the_draft_cannot_publish_it(user_with: Any) -> None:
    first, second, third = (user_with("coordinator") for _ in range(3))
    page = pages.create_page(actor=first, slug="signs")
    draft = pages.save_draft(page, "en", actor=first, title="Signs", body="One.")
    draft = pages.save_draft(page, "en", actor=second, title="Signs", body="One. Two.",
                             version=draft.version)
    draft = pages.submit(draft, actor=first, version=draft.version)
    with pytest.raises(NotAllowed):
        pages.publish(draft, actor=second, version=draft.version)
    assert pages.publish(draft, actor=third, version=draft.version).state == "published"


def test_a_draft_is_not_public_and_a_submitted_one_is_locked(user_with: Any) -> None:
    author = user_with("coordinator")
    page = pages.create_page(actor=author, slug="rights")
    draft = pages.save_draft(page, "en", actor=author, title="Rights", body="Text.")
    assert pages.public_page("rights", "en") is None
    pages.submit(draft, actor=author, version=draft.version)
    with pytest.raises(ServiceError, match="awaits review"):
        pages.save_draft(page, "en", actor=author, title="Rights", body="Changed.")


def test_a_returned_version_says_why_and_can_be_changed(user_with: Any) -> None:
    author, reviewer = user_with("coordinator"), user_with("coordinator")
    page = pages.create_page(actor=author, slug="rights")
    draft = pages.save_draft(page, "en", actor=author, title="Rights", body="Text.")
    draft = pages.submit(draft, actor=author, version=draft.version)
    with pytest.raises(ServiceError, match="must change"):
        pages.return_to_authors(draft, actor=reviewer, version=draft.version, note=" ")
    returned = pages.return_to_authors(draft, actor=reviewer, version=draft.version,
                                       note="Add the hotline number.")
    assert returned.state == "returned"
    again = pages.save_draft(page, "en", actor=author, title="Rights",
                             body="Text. Call 1202.", version=returned.version)
    assert again.pk == returned.pk and again.body == "Text. Call 1202."


def test_every_published_version_is_kept_with_what_changed(user_with: Any) -> None:
    author, reviewer = user_with("coordinator"), user_with("coordinator")
    first = _published(author, reviewer, body="Call the hotline.\nIt is free.")
    page = first.page
    second = pages.save_draft(page, "en", actor=author, title="Get help",
                              body="Call the hotline.\nIt is free and open day and night.")
    assert second.number == 2 and second.pk != first.pk
    second = pages.submit(second, actor=author, version=second.version)
    second = pages.publish(second, actor=reviewer, version=second.version)
    first.refresh_from_db()
    assert first.state == "published" and first.body == "Call the hotline.\nIt is free."
    assert pages.current(page, "en") == second
    assert [v.number for v in pages.history(page, "en")] == [2, 1]
    changes = {(line.kind, line.text) for line in pages.diff(second)}
    assert ("removed", "It is free.") in changes
    assert ("added", "It is free and open day and night.") in changes
    assert ("same", "Call the hotline.") in changes


def test_a_stale_edit_is_refused(user_with: Any) -> None:
    author = user_with("coordinator")
    page = pages.create_page(actor=author, slug="news")
    draft = pages.save_draft(page, "en", actor=author, title="News", body="One.")
    pages.save_draft(page, "en", actor=author, title="News", body="Two.",
                     version=draft.version)
    with pytest.raises(ServiceError, match="Someone else changed"):
        pages.save_draft(page, "en", actor=author, title="News", body="Three.",
                         version=draft.version)


def test_only_the_page_permissions_may_write_or_publish(user_with: Any) -> None:
    coordinator, investigator = user_with("coordinator"), user_with("investigator")
    with pytest.raises(NotAllowed):
        pages.create_page(actor=investigator, slug="x")
    page = pages.create_page(actor=coordinator, slug="x")
    draft = pages.save_draft(page, "en", actor=coordinator, title="X", body="Y.")
    draft = pages.submit(draft, actor=coordinator, version=draft.version)
    with pytest.raises(NotAllowed):
        pages.publish(draft, actor=investigator, version=draft.version)


@pytest.mark.parametrize(("body", "line"), [
    ("Fine.\n\nSee [this](https://example.org/).", 3),
    ("[call](javascript:alert(1))", 1),
    ("One\nTwo\n[x](//evil.example/public/)", 3),
])
def test_a_link_off_the_portal_is_refused_naming_its_line(user_with: Any, body: str,
                                                          line: int) -> None:
    author = user_with("coordinator")
    page = pages.create_page(actor=author, slug="links")
    with pytest.raises(ServiceError, match=f"Line {line}:") as refused:
        pages.save_draft(page, "en", actor=author, title="Links", body=body)
    assert refused.value.field == "body"
    assert not PageVersion.objects.exists()


def test_scripts_in_page_text_are_shown_as_text_never_run(user_with: Any) -> None:
    author, reviewer = user_with("coordinator"), user_with("coordinator")
    _published(author, reviewer, slug="what-is-trafficking",
               title="<script>alert('t')</script>Trafficking",
               body="<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                    "- [hotline](tel:+972-1202)\n- [page](/public/en/pages/get-help/)")
    html = Client().get("/public/en/pages/what-is-trafficking/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert '<a href="tel:+972-1202">hotline</a>' in html
    assert '<a href="/public/en/pages/get-help/">page</a>' in html


def test_the_marks_make_headings_lists_and_paragraphs() -> None:
    html = page_markup.render("# Signs\n\nWork with **no pay**.\nNo papers.\n\n- one\n- two"
                              "\n\n1. first\n2. second")
    assert html == ("<h2>Signs</h2>\n<p>Work with <strong>no pay</strong>.<br>No papers.</p>"
                    "\n<ul><li>one</li><li>two</li></ul>\n<ol><li>first</li><li>second</li>"
                    "</ol>")


def test_the_public_reads_the_page_in_its_language(user_with: Any) -> None:
    author, reviewer = user_with("coordinator"), user_with("coordinator")
    _published(author, reviewer, title="Get help", body="Call the hotline.")
    page = pages.public_page("get-help", "en")
    assert page is not None and page.version is not None
    response = Client().get("/public/en/pages/get-help/")
    assert response.status_code == 200
    assert "Call the hotline." in response.content.decode()
    assert "Get help" in Client().get("/public/en/pages/").content.decode()


def test_a_page_missing_in_a_language_says_so_there_and_offers_the_others(
        user_with: Any) -> None:
    author, reviewer = user_with("coordinator"), user_with("coordinator")
    english = _published(author, reviewer, title="Get help", body="Call the hotline.")
    hebrew = pages.save_draft(english.page, "he", actor=author, title="לקבל עזרה",
                              body="התקשרו לקו החם.")
    hebrew = pages.submit(hebrew, actor=author, version=hebrew.version)
    pages.publish(hebrew, actor=reviewer, version=hebrew.version)
    response = Client().get("/public/ti/pages/get-help/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ነዚ ገጽ እዚ ገና ብትግርኛ ኣይጸሓፍናዮን" in html
    assert 'href="/public/en/pages/get-help/"' in html
    assert 'href="/public/he/pages/get-help/"' in html
    assert "Call the hotline." not in html
    index = Client().get("/public/ti/pages/").content.decode()
    assert "ገና ብትግርኛ የለን" in index and "Get help" in index


def test_an_unknown_or_unpublished_page_is_not_found(user_with: Any) -> None:
    author = user_with("coordinator")
    page = pages.create_page(actor=author, slug="draft-only")
    pages.save_draft(page, "en", actor=author, title="Draft", body="Secret draft.")
    assert Client().get("/public/en/pages/draft-only/").status_code == 404
    assert Client().get("/public/en/pages/nothing/").status_code == 404


def test_the_editor_review_flow_through_the_pages(signed_in: Any) -> None:
    author, reviewer = signed_in("coordinator"), signed_in("coordinator")
    response = author.post("/portal-pages/", {"slug": "signs", "position": 10})
    assert response.status_code == 302
    page_url = response["Location"]
    page_id = int(page_url.rstrip("/").split("/")[-1])
    response = author.post(f"/portal-pages/{page_id}/write/?language=he",
                           {"language": "he", "title": "סימנים", "then": "submit",
                            "body": "## סימנים\n\n- אין דרכון"})
    assert response.status_code == 302
    version_url = response["Location"]
    version = PageVersion.objects.get()
    assert version.state == "submitted" and version.language == "he"
    refused = author.post(f"{version_url}step/", {"step": "publish",
                                                  "version": version.version})
    assert refused.status_code == 302
    assert PageVersion.objects.get().state == "submitted"
    reviewer.post(f"{version_url}step/", {"step": "publish", "version": version.version})
    assert PageVersion.objects.get().state == "published"
    public = Client().get("/public/he/pages/signs/").content.decode()
    assert "<h3>סימנים</h3>" in public and "<li>אין דרכון</li>" in public


def test_the_editor_shows_a_refused_link_on_the_text_field(signed_in: Any) -> None:
    author = signed_in("coordinator")
    page = pages.create_page(actor=author.user, slug="contacts")
    response = author.post(f"/portal-pages/{page.pk}/write/?language=en",
                           {"language": "en", "title": "Contacts", "then": "save",
                            "body": "[x](http://example.org)"})
    assert response.status_code == 200
    assert "Line 1:" in response.content.decode()
    assert not PageVersion.objects.exists()
