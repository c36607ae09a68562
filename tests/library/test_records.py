"""Records through the services: checked against the vocabularies, version-checked, audited,
indexed on commit and searchable with facet counts and highlighted snippets."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite
from palermo.audit.models import AuditEvent
from palermo.library import indexing, services
from palermo.library.engine.backend import SearchRequest
from palermo.library.services import review
from tests.library.factories import decision, guide, indexed, opinion

pytestmark = pytest.mark.django_db


def found(user: Any, text: str = "", **kwargs: Any) -> list[str]:
    result = services.search(user, SearchRequest(text=text, **kwargs))
    return [h.key for h in result.hits]


def test_records_are_indexed_on_commit_and_found(editor: Any, reader: Any) -> None:
    he = decision(editor, language="he", full_text="הנאשם הורשע בעבירה של סחר בבני אדם "
                  "והסחר נעשה לשם עבודת כפייה.")
    op = opinion(editor, full_text="Confiscating passports is a strong indicator.")
    gd = guide(editor, title="Investigating organ removal", form="organ_removal")
    assert found(reader, "סחר") == [f"decision:{he.pk}"]
    assert found(reader, "passport") == [f"opinion:{op.pk}"]
    assert found(reader, "organ") == [f"guide:{gd.pk}"]
    assert indexing.backend().count() == 3


def test_nothing_reaches_the_index_before_commit(editor: Any, reader: Any) -> None:
    services.create_decision(actor=editor, country="ISR", court="Haifa District Court",
                             full_text="An uncommitted decision.")
    assert found(reader, "uncommitted") == []


def test_codes_are_checked_and_nothing_is_saved(editor: Any) -> None:
    with pytest.raises(ServiceError) as caught:
        services.create_decision(actor=editor, country="XXX", court="Court")
    assert caught.value.field == "country"
    with pytest.raises(ServiceError) as caught:
        services.create_decision(actor=editor, country="ISR", court="Court",
                                 exploitation_types=["Slavery2"])
    assert caught.value.field == "exploitation_types"
    with pytest.raises(ServiceError) as caught:
        services.create_decision(actor=editor, country="ISR", court="Court",
                                 charges=[{"charge": "x", "verdict": "guilty-ish"}])
    assert caught.value.field == "charges"
    with pytest.raises(ServiceError) as caught:
        services.create_decision(actor=editor, country="ISR", court="")
    assert caught.value.field == "court"
    assert not AuditEvent.objects.filter(action="decision.create").exists()


def test_reading_needs_the_view_and_writing_the_edit_permission(user_with: Any,
                                                                 reader: Any) -> None:
    with pytest.raises(NotAllowed):
        services.search(user_with("social_worker"), SearchRequest(text="x"))
    with pytest.raises(NotAllowed):
        services.create_opinion(actor=reader, author="A", subject="B")


def test_approved_change_is_version_checked_reindexed_and_audited(
        editor: Any, user_with: Any, reader: Any) -> None:
    second = user_with("coordinator")
    first = decision(editor, full_text="Workers were recruited in Moldova.")
    appeal = decision(editor, court="Supreme Court", court_level="supreme",
                      full_text="The appeal is dismissed.")
    change = review.propose("decision", appeal, actor=editor, version=1,
                            fields={"previous_decision": first, "full_text":
                                    "The appeal against the Moldova judgment fails."})
    with indexed():
        review.approve(change.pk, actor=second)
    assert sorted(found(reader, "moldova")) == sorted([f"decision:{first.pk}",
                                                        f"decision:{appeal.pk}"])
    assert list(first.appeals.all()) == [appeal]
    with pytest.raises(StaleWrite):
        review.propose("decision", appeal, actor=editor, version=1, fields={"summary": "late"})
    with pytest.raises(ServiceError):
        review.propose("decision", first, actor=editor, version=1, fields={
            "previous_decision": first})
    entry = AuditEvent.objects.filter(action="decision.update").get()
    assert entry.actor == second
    assert entry.detail == {"changed": ["full_text", "previous_decision"],
                            "change": change.pk, "proposed_by": editor.pk}


def test_facet_counts_and_filters(editor: Any, reader: Any) -> None:
    decision(editor, country="ISR", exploitation_types=["ForcedLabour"], transnational=True)
    decision(editor, country="ISR", exploitation_types=["SexualExploitation"],
             charges=[{"charge": "Trafficking", "verdict": "acquitted"}])
    decision(editor, country="MDA", language="ru", exploitation_types=["SexualExploitation"],
             full_text="Суд признал подсудимого виновным в торговле людьми.")
    opinion(editor)
    result = services.search(reader, SearchRequest())
    facets = {name: dict(values) for name, values in result.facets.items()}
    assert facets["kind"] == {"decision": 3, "opinion": 1}
    assert facets["country"] == {"ISR": 2, "MDA": 1}
    assert facets["exploitation"] == {"ForcedLabour": 1, "SexualExploitation": 2}
    assert facets["verdict"] == {"convicted": 2, "acquitted": 1}
    assert facets["transnational"] == {"yes": 1}
    assert facets["language"] == {"en": 3, "ru": 1}
    narrowed = services.search(reader, SearchRequest(filters={
        "exploitation": ["SexualExploitation"], "country": ["ISR"]}))
    assert narrowed.total == 1
    assert dict(narrowed.facets["verdict"]) == {"acquitted": 1}
    assert found(reader, "торговля", filters={"country": ["MDA"]}) != []


def test_snippets_highlight_and_escape(editor: Any, reader: Any) -> None:
    decision(editor, full_text="Before <script>alert(1)</script> the recruiters "
             "trafficked the workers & kept their passports.")
    (hit,) = services.search(reader, SearchRequest(text="trafficking")).hits
    assert "<mark>trafficked</mark>" in hit.snippet
    assert "&lt;script&gt;" in hit.snippet and "&amp;" in hit.snippet
    assert "<script>" not in hit.snippet


def test_searches_and_reads_are_audited(editor: Any, reader: Any) -> None:
    record = decision(editor)
    services.search(reader, SearchRequest(text="deception"))
    services.read("decision", record.pk, actor=reader)
    search = AuditEvent.objects.get(action="library.search")
    assert search.detail["q"] == "deception" and search.detail["results"] == 1
    assert AuditEvent.objects.filter(action="decision.read", object_id=str(record.pk),
                                     actor=reader).exists()
    assert AuditEvent.objects.filter(action="decision.create", actor=editor).exists()


def test_reindex_command_rebuilds_from_the_database(editor: Any, reader: Any) -> None:
    decision(editor, full_text="Kept in the database.")
    indexing.backend().clear()
    assert found(reader, "database") == []
    out = io.StringIO()
    call_command("library", "reindex", stdout=out)
    assert out.getvalue().startswith("library index rebuilt: 1 records")
    assert len(found(reader, "database")) == 1
    assert AuditEvent.objects.filter(action="library.reindex").get().detail == {"documents": 1}
