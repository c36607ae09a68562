"""What a public report brings into a case: its text, every addition the reporter made and
every photo, in the order they came, as the case's notes and documents.

They go through the cases services (``timeline.add_note``, ``documents.attach``), concerning
no one person: the case's need-to-know applies to them as to any note or document about the
whole case. The reporter's contact details never go. Each addition and photo remembers the
case it was carried into, so an addition made after the report reached a case is offered
again, and nothing is carried twice into the same case.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from palermo.cases.services import documents, timeline
from palermo.portal.models import Report, ReportEntry, ReportImage
from palermo.portal.services import images

if TYPE_CHECKING:
    from palermo.access.models import User
    from palermo.cases.models import Case

# What the portal stores for an addition that was only photos.
PHOTOS_ONLY = "—"


@dataclass(frozen=True)
class Carried:
    """How much of the reporter's material went into the case."""

    additions: int
    photos: int

    def __bool__(self) -> bool:
        return bool(self.additions or self.photos)

    def describe(self) -> str:
        """"2 additions and 1 photo from the reporter", for a confirmation."""
        additions = ngettext("%(count)d addition", "%(count)d additions",
                             self.additions) % {"count": self.additions}
        photos = ngettext("%(count)d photo", "%(count)d photos",
                          self.photos) % {"count": self.photos}
        if self.additions and self.photos:
            return _("%(additions)s and %(photos)s from the reporter") % {
                "additions": additions, "photos": photos}
        return _("%(what)s from the reporter") % {
            "what": additions if self.additions else photos}


def summary(report: Report) -> str:
    """The report as the reporter first sent it, without their contact details."""
    parts = [_("Public report %(reference)s, received %(date)s.")
             % {"reference": report.reference, "date": report.received_at.date().isoformat()},
             report.what]
    for label, value in ((_("Where"), report.where), (_("When"), report.when),
                         (_("Who"), report.who)):
        if value:
            parts.append(f"{label}: {value}")
    return "\n\n".join(parts)


def _not_in(case_id: int | None) -> Q:
    return Q(in_case_id__isnull=True) | ~Q(in_case_id=case_id)


def _additions(report: Report, case_id: int | None) -> QuerySet[ReportEntry]:
    return report.entries.filter(from_office=False).filter(_not_in(case_id))


def pending(report: Report) -> Carried:
    """What the reporter sent that is not yet in the report's case (nothing without one)."""
    if report.case_id is None:
        return Carried(0, 0)
    additions = _additions(report, report.case_id).exclude(text=PHOTOS_ONLY).count()
    photos = report.images.filter(_not_in(report.case_id)).count()
    return Carried(additions, photos)


def has_pending() -> Exists:
    """A filter for reports in a case to which the reporter added something since."""
    added = ReportEntry.objects.filter(
        report=OuterRef("pk"), report__case_id__isnull=False, from_office=False).filter(
        Q(in_case_id__isnull=True) | ~Q(in_case_id=OuterRef("case_id")))
    return Exists(added)


def with_pending(reports: QuerySet[Report]) -> QuerySet[Report]:
    """``reports``, each marked ``has_pending`` (see ``has_pending``)."""
    return reports.annotate(has_pending=has_pending())


def _photo(case: Case, report: Report, image: ReportImage, number: int, *, actor: User,
           request: HttpRequest | None) -> None:
    extension = ".png" if image.content_type == "image/png" else ".jpg"
    documents.attach(case, f"{report.reference}-photo-{number}{extension}",
                     io.BytesIO(images.read(image.stored_as)), actor=actor, request=request)


def carry(report: Report, case: Case, *, actor: User, with_report: bool,
          request: HttpRequest | None = None) -> Carried:
    """Put into ``case`` what of the report is not there yet, in the order it came: the
    report itself as a note when ``with_report`` (a case opened from the report has it as
    its summary instead), its first photos, then each addition and its photos. The caller
    holds the transaction."""
    if with_report:
        timeline.add_note(case, summary(report), actor=actor, request=request)
    numbers = {image.pk: n for n, image in enumerate(report.images.all(), start=1)}
    photos = report.images.filter(_not_in(case.pk))
    first = [image for image in photos if image.entry_id is None]
    for image in first:
        _photo(case, report, image, numbers[image.pk], actor=actor, request=request)
    additions = 0
    for entry in _additions(report, case.pk).prefetch_related("images"):
        if entry.text != PHOTOS_ONLY:
            timeline.add_note(case, _("Public report %(reference)s: the reporter added on "
                                      "%(date)s:") % {"reference": report.reference,
                                                      "date": entry.at.date().isoformat()}
                              + "\n\n" + entry.text, actor=actor, request=request)
            additions += 1
        for image in entry.images.all():
            _photo(case, report, image, numbers[image.pk], actor=actor, request=request)
    carried = Carried(additions, len(photos))
    _additions(report, case.pk).update(in_case_id=case.pk)
    report.images.filter(_not_in(case.pk)).update(in_case_id=case.pk)
    return carried
