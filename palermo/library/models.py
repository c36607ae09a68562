"""The knowledge library: judicial decisions with SHERLOC's structured fields, expert
opinions and investigators' guides. Codes are plain strings checked against the
vocabularies in ``clean()``; the full text is searched through ``engine/``."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palermo.vocab import registry

# Model field -> vocabulary of its codes; list fields hold several codes.
DECISION_CODES = {"country": "countries", "court_level": "court_levels",
                  "legal_system": "legal_systems", "language": "languages",
                  "sector": "industries"}
DECISION_CODE_LISTS = {"acts": "palermo_acts", "means": "palermo_means",
                       "purposes": "palermo_purposes", "exploitation_types": "exploitation_types"}


def check_codes(record: models.Model, single: dict[str, str], lists: dict[str, str]) -> None:
    errors: dict[str, str] = {}
    for name, vocabulary in single.items():
        value = getattr(record, name)
        if value and value not in registry.get(vocabulary):
            errors[name] = _("“%(code)s” is not a known code.") % {"code": value}
    for name, vocabulary in lists.items():
        bad = [c for c in getattr(record, name) or [] if c not in registry.get(vocabulary)]
        if bad:
            errors[name] = _("“%(code)s” is not a known code.") % {"code": bad[0]}
    if errors:
        raise ValidationError(errors)


class Record(models.Model):
    """What every library record has: text, language, the file it came from, a version."""

    language = models.CharField(_("language"), max_length=8, blank=True)
    full_text = models.TextField(_("full text"), blank=True)
    source_file = models.CharField(_("source file"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True

    @property
    def is_rtl(self) -> bool:
        return self.language in ("he", "ar")


class JudicialDecision(Record):
    country = models.CharField(_("country"), max_length=3)
    court = models.CharField(_("court"), max_length=200)
    court_level = models.CharField(_("court level"), max_length=32, blank=True)
    legal_system = models.CharField(_("legal system"), max_length=32, blank=True)
    case_number = models.CharField(_("case number"), max_length=64, blank=True, db_index=True)
    # The case number as citations of it are matched (engine/citations.case_key).
    citation_key = models.CharField(max_length=120, blank=True, db_index=True, editable=False)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    parties = models.CharField(_("parties"), max_length=300, blank=True,
                               help_text=_("Victims by initials only."))
    previous_decision = models.ForeignKey("self", null=True, blank=True,
                                          on_delete=models.SET_NULL, related_name="appeals",
                                          verbose_name=_("decision appealed from"))
    # [{"defendant", "charge", "legislation", "verdict"}]
    charges = models.JSONField(_("charges"), default=list, blank=True)
    # [{"defendant", "prison_months", "fine", "compensation", "currency"}]
    sentences = models.JSONField(_("sentences"), default=list, blank=True)
    victims_count = models.PositiveIntegerField(_("victims"), null=True, blank=True)
    defendants_count = models.PositiveIntegerField(_("defendants"), null=True, blank=True)
    # {"victims": {"sex": [...], "age_group": "...", "nationalities": [...]}, "defendants": ...}
    people_summary = models.JSONField(_("victims and defendants"), default=dict, blank=True)
    acts = models.JSONField(_("acts"), default=list, blank=True)
    means = models.JSONField(_("means"), default=list, blank=True)
    purposes = models.JSONField(_("purposes"), default=list, blank=True)
    exploitation_types = models.JSONField(_("forms of exploitation"), default=list, blank=True)
    sector = models.CharField(_("sector"), max_length=32, blank=True)
    transnational = models.BooleanField(_("transnational"), null=True, blank=True)
    organised_crime = models.BooleanField(_("organised crime"), null=True, blank=True)
    summary = models.TextField(_("summary of facts"), blank=True)
    reasoning = models.TextField(_("legal reasoning"), blank=True)

    class Meta:
        ordering = ["-decision_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.court} {self.case_number}".strip()

    def verdicts(self) -> list[str]:
        return sorted({c.get("verdict", "") for c in self.charges if c.get("verdict")})

    def clean(self) -> None:
        check_codes(self, DECISION_CODES, DECISION_CODE_LISTS)
        bad = [c.get("verdict") for c in self.charges
               if c.get("verdict") and c.get("verdict") not in registry.get("verdicts")]
        if bad:
            raise ValidationError({"charges": _("“%(code)s” is not a known code.")
                                   % {"code": bad[0]}})


class ExpertOpinion(Record):
    author = models.CharField(_("author"), max_length=200)
    expertise = models.CharField(_("expertise"), max_length=200, blank=True)
    opinion_date = models.DateField(_("date"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    concerns = models.CharField(_("concerns"), max_length=200, blank=True,
                                help_text=_("The case or bill the opinion is about."))

    class Meta:
        ordering = ["-opinion_date", "-pk"]

    def __str__(self) -> str:
        return self.subject

    def clean(self) -> None:
        check_codes(self, {"language": "languages"}, {})


class InvestigatorGuide(Record):
    form = models.CharField(_("form of exploitation"), max_length=32)
    title = models.CharField(_("title"), max_length=300)
    version_number = models.CharField(_("version"), max_length=16, default="1.0")

    class Meta:
        ordering = ["form", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        check_codes(self, {"form": "guide_forms", "language": "languages"}, {})


class ChangeState(models.TextChoices):
    PENDING = "pending", _("waiting for review")
    APPROVED = "approved", _("approved and published")
    RETURNED = "returned", _("sent back")


class ProposedChange(models.Model):
    """An editor's change to a record, published only when a second editor approves it.
    ``fields`` holds the new values in JSON form (dates as ISO strings, the appealed decision
    by its id), ``previous`` the values they replace, so the review shows both."""

    kind = models.CharField(max_length=16)
    record_id = models.PositiveIntegerField()
    base_version = models.PositiveIntegerField()
    fields = models.JSONField(default=dict)
    previous = models.JSONField(default=dict)
    note = models.TextField(_("note for the reviewer"), blank=True)
    state = models.CharField(max_length=16, choices=ChangeState.choices,
                             default=ChangeState.PENDING)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        indexes = [models.Index(fields=["kind", "record_id"]), models.Index(fields=["state"])]

    def __str__(self) -> str:
        return f"change {self.pk} to {self.kind} {self.record_id}"


class RecordVersion(models.Model):
    """A published version of a record: every field's value as it was then (JSON form)."""

    kind = models.CharField(max_length=16)
    record_id = models.PositiveIntegerField()
    version = models.PositiveIntegerField()
    values = models.JSONField(default=dict)
    change = models.ForeignKey(ProposedChange, null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "record_id", "-version"]
        constraints = [models.UniqueConstraint(fields=["kind", "record_id", "version"],
                                               name="library_version_unique")]

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id} v{self.version}"


class Citation(models.Model):
    """A citation found in a decision's text; ``cited`` is the decision with that case number
    when the library holds it, else the citation stays unresolved with its text."""

    citing = models.ForeignKey(JudicialDecision, on_delete=models.CASCADE,
                               related_name="citations")
    cited = models.ForeignKey(JudicialDecision, null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="cited_by")
    text = models.CharField(max_length=120)  # as written in the decision
    key = models.CharField(max_length=120, db_index=True)  # the normalised case number
    form = models.CharField(max_length=16)  # israeli, icty, ecli, neutral, ...

    class Meta:
        ordering = ["citing", "pk"]
        constraints = [models.UniqueConstraint(fields=["citing", "key"],
                                               name="library_citation_unique")]

    def __str__(self) -> str:
        return self.text
