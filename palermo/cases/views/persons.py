"""Adding a person to a case, a person's page in a case, indicators and status."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from palermo.cases.forms import (
    AssessmentForm,
    DecideStatusForm,
    PersonForm,
    VictimContextForm,
)
from palermo.cases.models import CasePerson
from palermo.cases.services import assessment, duplicates, persons, reading
from palermo.cases.services.access import may_edit
from palermo.cases.services.errors import PossibleDuplicates, ServiceError
from palermo.cases.views.cases import posted, vocab_label
from palermo.guards import actor, requires
from palermo.web.forms import parse_int, show


@requires("cases.edit")
@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case, _sight = reading.get_openable(actor(request), case_id)
    form = PersonForm(posted(request), initial={"role": request.GET.get("role", "victim")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        documents = ([{"number": data["document_number"],
                       "issuing_country": data["document_country"]}]
                     if data["document_number"] else [])
        new = persons.NewPerson(
            names=data["names"].splitlines(), birth_date=data["birth_date"],
            estimated_age=data["estimated_age"], sex=data["sex"],
            nationalities=data["nationalities"], documents=documents,
            languages=data["languages"],
            contacts=[line.strip() for line in data["contacts"].splitlines() if line.strip()])
        try:
            case_person = persons.add_unless_known(
                case, new, data["role"], actor=actor(request),
                existing_id=parse_int(request.POST.get("existing", "")),
                confirm_new=request.POST.get("confirm") == "new",
                exploitation_started_on=data["exploitation_started_on"], request=request)
        except PossibleDuplicates as exc:
            return render(request, "cases/person_form.html",
                          {"form": form, "case": case, "candidates": exc.candidates})
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("%(label)s is added to case %(reference)s. Open their "
                                        "name in the list of persons to record more or refer "
                                        "them.")
                             % {"label": persons.pseudonym(case_person),
                                "reference": case.reference})
            return redirect("cases:case_detail", case_id=case.pk)
    return render(request, "cases/person_form.html", {"form": form, "case": case})


@requires("cases.view")
@require_GET
def person_detail(request: HttpRequest, case_person_id: int) -> HttpResponse:
    case_person, card = persons.get_visible(actor(request), case_person_id, request=request)
    user = actor(request)
    can_edit = may_edit(user, case_person.case)
    return render(request, "cases/person_detail.html", {
        "case": case_person.case, "card": card, "cp": case_person,
        "context": persons.victim_context(case_person),
        "assessments": case_person.assessments.select_related("assessed_by")[:5],
        "merges": duplicates.merges_of(case_person.person).filter(undone_at__isnull=True)
        if card.shows_identity else [],
        "can_edit": can_edit, "can_assess": user.has_perm("cases.assess"),
        "can_refer": user.has_perm("cases.refer"),
        "duplicates": duplicates.candidates(user, [card.name, *card.aliases], card.birth_date,
                                            exclude=case_person.person_id)
        # Merging asks sight of every record merged, not a part in this case.
        if card.shows_identity and card.name and user.has_perm("cases.edit") else [],
    })


def _person_form(request: HttpRequest, template: str, case_person: CasePerson,
                 card: persons.PersonCard, **context: Any) -> HttpResponse:
    return render(request, template, {"case": case_person.case, "cp": case_person,
                                      "card": card, **context})


@requires("cases.edit")
@require_http_methods(["GET", "POST"])
def person_context(request: HttpRequest, case_person_id: int) -> HttpResponse:
    user = actor(request)
    case_person, card = persons.get_visible(user, case_person_id, request=request)
    form = VictimContextForm(posted(request), initial={
        **{name: getattr(case_person, name) for name in persons.VICTIM_CONTEXT},
        "version": case_person.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            persons.update_victim_context(
                case_person, actor=user, version=data.pop("version"), request=request, **data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("The victim's context of %(person)s is saved. It goes "
                                        "into case reports (HTCDS) and the statistics.")
                             % {"person": _shown_name(card)})
            return redirect("cases:person_detail", case_person_id=case_person.pk)
    return _person_form(request, "cases/person_context.html", case_person, card, form=form)


@requires("cases.edit")
@require_POST
def person_merge(request: HttpRequest, case_person_id: int) -> HttpResponse:
    case_person, card = persons.get_visible(actor(request), case_person_id, request=request)
    other_id = request.POST.get("other", "")
    found = duplicates.candidates(actor(request), [card.name or "", *card.aliases],
                                  card.birth_date, exclude=case_person.person_id)
    other = next((c.person for c in found if str(c.person.pk) == other_id), None)
    try:
        if other is None:
            raise ServiceError(_("Choose one of the proposed persons."), field="other")
        duplicates.merge(case_person.person, other, actor=actor(request),
                         reason=request.POST.get("reason", ""), request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The two records are now one person. The merge can be "
                                    "undone from this page."))
    return redirect("cases:person_detail", case_person_id=case_person.pk)


@requires("cases.edit")
@require_POST
def person_unmerge(request: HttpRequest, case_person_id: int, merge_id: int) -> HttpResponse:
    case_person, _card = persons.get_visible(actor(request), case_person_id, request=request)
    record = get_object_or_404(duplicates.merges_of(case_person.person), pk=merge_id)
    try:
        duplicates.unmerge(record, actor=actor(request), request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The merge is undone."))
    return redirect("cases:person_detail", case_person_id=case_person.pk)


@requires("cases.assess")
@require_http_methods(["GET", "POST"])
def person_assess(request: HttpRequest, case_person_id: int) -> HttpResponse:
    case_person, card = persons.get_visible(actor(request), case_person_id, request=request)
    form = AssessmentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            result = assessment.assess(case_person, form.cleaned_data["indicators"],
                                       actor=actor(request), request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _(
                "Assessment of %(person)s recorded: score %(score).2f, proposing “%(status)s”. "
                "This is advice: decide the trafficking status yourself.") % {
                "person": _shown_name(card), "score": result.score,
                "status": vocab_label(result.proposed_status, "trafficking_statuses")})
            return redirect("cases:person_detail", case_person_id=case_person.pk)
    chosen = set(form["indicators"].value() or [])
    return _person_form(request, "cases/person_assess.html", case_person, card, form=form,
                        groups=assessment.indicator_groups(), chosen=chosen)


@requires("cases.assess")
@require_http_methods(["GET", "POST"])
def person_decide(request: HttpRequest, case_person_id: int) -> HttpResponse:
    case_person, card = persons.get_visible(actor(request), case_person_id, request=request)
    form = DecideStatusForm(posted(request),
                            initial={"status": case_person.trafficking_status})
    if request.method == "POST" and form.is_valid():
        try:
            persons.decide_status(case_person, form.cleaned_data["status"],
                                  actor=actor(request), reason=form.cleaned_data["reason"],
                                  request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _(
                "The trafficking status of %(person)s is now “%(status)s”. The decision is "
                "in the case's timeline with your name.") % {
                "person": _shown_name(card),
                "status": vocab_label(form.cleaned_data["status"], "trafficking_statuses")})
            return redirect("cases:person_detail", case_person_id=case_person.pk)
    return _person_form(request, "cases/person_decide.html", case_person, card, form=form,
                        latest=case_person.assessments.first())


def _shown_name(card: persons.PersonCard) -> str:
    return (card.name or card.label) if card.shows_identity else card.label
