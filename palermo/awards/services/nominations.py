"""The call for nominations: partner organisations' staff (anyone holding awards.nominate)
nominate a person or an organisation with attachments; the secretariat checks eligibility
against the criteria in vocab/award_eligibility.yaml. Nominees are personal data: reading a
nomination is audited."""

from __future__ import annotations

import unicodedata
from typing import IO, TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit import services as audit
from palermo.awards.models import Attachment, Cycle, Juror, Nomination
from palermo.awards.services.common import in_state
from palermo.core.checks import require
from palermo.training.services import files
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

MAX_ATTACHMENTS = 5
MAX_TEXT = 10_000


def visible(user: User) -> QuerySet[Nomination]:
    """One's own nominations; every nomination for the secretariat; those of a cycle whose
    call has closed for its jurors."""
    require(user, "awards.nominate")
    query = Q(nominated_by=user)
    if user.has_perm("awards.manage"):
        query |= Q(pk__isnull=False)
    if user.has_perm("awards.jury"):
        sitting = Juror.objects.filter(user=user).values("cycle_id")
        query |= Q(cycle_id__in=sitting) & ~Q(cycle__state=Cycle.State.CALL)
    return Nomination.objects.filter(query).select_related("cycle", "nominating_agency")


def read(nomination: Nomination, *, actor: User,
         request: HttpRequest | None = None) -> Nomination:
    audit.record_read(actor, "nomination", nomination.pk, request=request)
    return nomination


def listing(nominations: QuerySet[Nomination], *, actor: User,
            request: HttpRequest | None = None) -> list[Nomination]:
    """Nominations shown in a list, each an audited read of the nominee's name."""
    found = list(nominations)
    audit.record_reads(actor, "nomination", [(n.pk, {"list": True}) for n in found],
                       request=request)
    return found


def _key(name: str) -> str:
    """A name as two spellings of it compare: case, accents' composition, spacing and
    punctuation set aside."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def same_nominee(cycle: Cycle, nominee_name: str, nominee_email: str = "",
                 exclude: int | None = None) -> QuerySet[Nomination]:
    """Nominations of the cycle that name the same nominee, by name or by email."""
    key, email = _key(nominee_name), nominee_email.strip().lower()
    others = Nomination.objects.filter(cycle=cycle)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    found = [n.pk for n in others.only("pk", "nominee_name", "nominee_email")
             if (key and _key(n.nominee_name) == key)
             or (email and n.nominee_email.lower() == email)]
    return Nomination.objects.filter(pk__in=found).select_related("nominating_agency")


class AlreadyNominated(ServiceError):
    """The nominee has a nomination in the cycle; a second goes in once confirmed."""


def _warn_if_nominated(cycle: Cycle, actor: User, name: str, email: str) -> None:
    earlier = list(same_nominee(cycle, name, email))
    if not earlier:
        return
    mine = next((n for n in earlier if n.nominated_by_id == actor.pk), None)
    if mine is not None:
        message = _("You nominated %(name)s already in this cycle, on %(day)s. Tick “Nominate "
                    "anyway” only to send a second, separate nomination.") % {
            "name": mine.nominee_name,
            "day": formats.date_format(mine.submitted_at, "SHORT_DATE_FORMAT")}
    else:
        message = _("%(name)s is already nominated in this cycle. The jury reads every "
                    "nomination of the same nominee together; tick “Nominate anyway” to add "
                    "yours.") % {"name": name}
    raise AlreadyNominated(message, field="nominee_name")


def submit(cycle: Cycle, *, actor: User, nominee_name: str, achievements: str,
           nominee_organisation: str = "", nominee_email: str = "",
           attachments: list[tuple[str, IO[bytes]]] | None = None,
           confirm_duplicate: bool = False,
           request: HttpRequest | None = None) -> Nomination:
    require(actor, "awards.nominate")
    in_state(cycle, Cycle.State.CALL, field="cycle")
    if timezone.localdate() > cycle.closes_on:
        raise ServiceError(_("Nominations closed on %(day)s.")
                           % {"day": cycle.closes_on.isoformat()}, field="cycle")
    nominee_name = nominee_name.strip()
    if not nominee_name:
        raise ServiceError(_("Name the person or organisation you nominate."),
                           field="nominee_name")
    achievements = achievements.strip()
    if not achievements:
        raise ServiceError(_("Say what they did and why it deserves the award."),
                           field="achievements")
    if len(achievements) > MAX_TEXT:
        raise ServiceError(_("At most %(n)d characters.") % {"n": MAX_TEXT},
                           field="achievements")
    nominee_email = nominee_email.strip().lower()
    if nominee_email:
        try:
            validate_email(nominee_email)
        except ValidationError:
            raise ServiceError(_("Enter a valid email address."),
                               field="nominee_email") from None
    if not confirm_duplicate:
        _warn_if_nominated(cycle, actor, nominee_name, nominee_email)
    attachments = attachments or []
    if len(attachments) > MAX_ATTACHMENTS:
        raise ServiceError(_("At most %(n)d attachments.") % {"n": MAX_ATTACHMENTS},
                           field="attachments")
    # Every file is checked before anything is recorded: all or nothing.
    stored = [files.store(f"awards/{cycle.year}", name, stream, field="attachments")
              for name, stream in attachments]
    with transaction.atomic():
        nomination = Nomination.objects.create(
            cycle=cycle, nominee_name=nominee_name, achievements=achievements,
            nominee_organisation=nominee_organisation.strip()[:200],
            nominee_email=nominee_email, nominated_by=actor,
            nominating_agency=actor.agency)
        Attachment.objects.bulk_create(
            Attachment(nomination=nomination, name=f.name, content_type=f.content_type,
                       size=f.size, sha256=f.sha256, stored_as=f.stored_as) for f in stored)
        audit.record("nomination.create", actor=actor, request=request,
                     object_type="nomination", object_id=nomination.pk,
                     detail={"cycle": cycle.year, "attachments": [f.sha256 for f in stored],
                             **({"confirmed_duplicate": True} if confirm_duplicate else {})})
    return nomination


def check_eligibility(nomination: Nomination, checks: dict[str, bool], *, actor: User,
                      note: str = "", request: HttpRequest | None = None) -> Nomination:
    require(actor, "awards.manage")
    in_state(nomination.cycle, Cycle.State.CALL, Cycle.State.JURY)
    expected = registry.get("award_eligibility").codes()
    if sorted(checks) != sorted(expected):
        raise ServiceError(_("Record every criterion."), field="checks")
    eligible = all(checks.values())
    if not eligible and not note.strip():
        raise ServiceError(_("Say why the nomination is not eligible."), field="note")
    if nomination.scores.exists() and not eligible:
        raise ServiceError(_("The jury has scored this nomination already."), field="checks")
    with transaction.atomic():
        nomination.eligibility, nomination.eligible = checks, eligible
        nomination.eligibility_note, nomination.checked_by = note.strip(), actor
        nomination.save(update_fields=["eligibility", "eligible", "eligibility_note",
                                       "checked_by"])
        audit.record("nomination.eligibility", actor=actor, request=request,
                     object_type="nomination", object_id=nomination.pk,
                     detail={"eligible": eligible, "checks": checks}, reason=note.strip())
    return nomination


def open_attachment(attachment: Attachment, *, actor: User,
                    request: HttpRequest | None = None) -> IO[bytes]:
    if not visible(actor).filter(pk=attachment.nomination_id).exists():
        raise NotAllowed(_("You may not see this nomination."))
    audit.record("nomination.attachment_read", actor=actor, request=request,
                 object_type="nomination", object_id=attachment.nomination_id,
                 detail={"attachment": attachment.pk})
    return files.open_stored(attachment.stored_as)
