"""Forms for adding library records. An upload fills the form from the file; the user checks
every field before anything is saved."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from palermo.core.choices import vocab
from palermo.library.engine.extract import MAX_BYTES
from palermo.library.models import JudicialDecision
from palermo.library.services.bulk import OPTIONAL, REQUIRED
from palermo.vocab import registry
from palermo.web.widgets import SearchableCheckboxes, SearchableRadios

TEXT_LANGUAGES = ("he", "en", "ar", "ru", "fr", "es")
SEXES = [("F", _("female")), ("M", _("male")), ("X", _("other"))]
YES_NO = [("", _("unknown")), ("true", _("yes")), ("false", _("no"))]


def text_languages() -> list[tuple[str, str]]:
    return [("", "—"), *((code, registry.label("languages", code)) for code in TEXT_LANGUAGES)]


def _rows(text: str, names: tuple[str, ...]) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > len(names):
            raise forms.ValidationError(
                _("Line %(line)d has more than %(count)d parts separated by |.")
                % {"line": number, "count": len(names)})
        rows.append(dict(zip(names, cells + [""] * (len(names) - len(cells)), strict=True)))
    return rows


def _number(value: str, line: int) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise forms.ValidationError(_("Line %(line)d: “%(value)s” is not a number.")
                                    % {"line": line, "value": value}) from None


class UploadFields(forms.Form):
    file = forms.FileField(label=_("File"), required=False,
                           help_text=_("PDF, DOCX, HTML or text, at most %(mb)d MB. Its text "
                                       "and the fields that can be read from it fill the form.")
                           % {"mb": MAX_BYTES // 2**20})
    language = forms.ChoiceField(label=_("Language of the text"), required=False,
                                 choices=text_languages)
    full_text = forms.CharField(label=_("Full text"), required=False,
                                widget=forms.Textarea(attrs={"rows": 12}))
    source_file = forms.CharField(required=False, widget=forms.HiddenInput, max_length=255)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tail = ["language", "full_text", "source_file"]
        self.order_fields(["file", *(n for n in self.fields if n not in tail and n != "file"),
                           *tail])

    def record_fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("file", "note")}


class DecisionForm(UploadFields):
    country = forms.ChoiceField(label=_("Country"), choices=vocab("countries", blank=True),
                                widget=SearchableRadios)
    court = forms.CharField(label=_("Court"), max_length=200)
    court_level = forms.ChoiceField(label=_("Court level"), required=False,
                                    choices=vocab("court_levels", blank=True))
    legal_system = forms.ChoiceField(label=_("Legal system"), required=False,
                                     choices=vocab("legal_systems", blank=True))
    case_number = forms.CharField(label=_("Case number"), required=False, max_length=64)
    decision_date = forms.DateField(label=_("Decision date"), required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}))
    parties = forms.CharField(label=_("Parties"), required=False, max_length=300,
                              help_text=_("Victims by their initials only."))
    previous_decision = forms.ModelChoiceField(
        label=_("Appeal from"), required=False, queryset=JudicialDecision.objects.all())
    charges = forms.CharField(
        label=_("Charges"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: defendant | charge | legislation | verdict code."))
    sentences = forms.CharField(
        label=_("Sentences"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: defendant | prison months | fine | compensation."))
    victims_count = forms.IntegerField(label=_("Number of victims"), required=False, min_value=0)
    defendants_count = forms.IntegerField(label=_("Number of defendants"), required=False,
                                          min_value=0)
    acts = forms.MultipleChoiceField(label=_("Acts"), required=False,
                                     choices=vocab("palermo_acts"),
                                     widget=SearchableCheckboxes)
    means = forms.MultipleChoiceField(label=_("Means"), required=False,
                                      choices=vocab("palermo_means"),
                                      widget=SearchableCheckboxes)
    purposes = forms.MultipleChoiceField(label=_("Purposes"), required=False,
                                         choices=vocab("palermo_purposes"),
                                         widget=SearchableCheckboxes)
    exploitation_types = forms.MultipleChoiceField(label=_("Forms of exploitation"),
                                                   required=False,
                                                   choices=vocab("exploitation_types"),
                                                   widget=SearchableCheckboxes)
    sector = forms.ChoiceField(label=_("Sector"), required=False,
                               choices=vocab("industries", blank=True))
    transnational = forms.TypedChoiceField(label=_("Transnational"), required=False,
                                           choices=YES_NO, coerce=lambda v: v == "true",
                                           empty_value=None)
    organised_crime = forms.TypedChoiceField(label=_("Organised crime"), required=False,
                                             choices=YES_NO, coerce=lambda v: v == "true",
                                             empty_value=None)
    summary = forms.CharField(label=_("Summary of facts"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    reasoning = forms.CharField(label=_("Legal reasoning"), required=False,
                                widget=forms.Textarea(attrs={"rows": 4}))

    def clean_charges(self) -> list[dict[str, Any]]:
        rows = _rows(self.cleaned_data["charges"],
                     ("defendant", "charge", "legislation", "verdict"))
        for number, row in enumerate(rows, start=1):
            if row["verdict"] and row["verdict"] not in registry.get("verdicts"):
                raise forms.ValidationError(_("Line %(line)d: “%(code)s” is not a verdict code.")
                                            % {"line": number, "code": row["verdict"]})
        return rows

    def clean_sentences(self) -> list[dict[str, Any]]:
        rows = _rows(self.cleaned_data["sentences"],
                     ("defendant", "prison_months", "fine", "compensation"))
        for number, row in enumerate(rows, start=1):
            for name in ("prison_months", "fine", "compensation"):
                row[name] = _number(row[name], number)
        return rows


class OpinionForm(UploadFields):
    author = forms.CharField(label=_("Author"), max_length=200)
    expertise = forms.CharField(label=_("Expertise"), required=False, max_length=200)
    opinion_date = forms.DateField(label=_("Date"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}))
    subject = forms.CharField(label=_("Subject"), max_length=300)
    concerns = forms.CharField(label=_("Concerns"), required=False, max_length=200,
                               help_text=_("The case or bill the opinion is about."))


class GuideForm(UploadFields):
    form = forms.ChoiceField(label=_("Form of exploitation"), choices=vocab("guide_forms"))
    title = forms.CharField(label=_("Title"), max_length=300)
    version_number = forms.CharField(label=_("Version"), max_length=16, initial="1.0")


FORMS: dict[str, type[UploadFields]] = {"decision": DecisionForm, "opinion": OpinionForm,
                                        "guide": GuideForm}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def initial_from(record: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """A record's fields as the form shows them, for editing."""
    initial: dict[str, Any] = {}
    for name in names:
        value: Any = getattr(record, name, None)
        if name == "charges":
            value = "\n".join(" | ".join(_cell(row.get(k)) for k in (
                "defendant", "charge", "legislation", "verdict")) for row in value)
        elif name == "sentences":
            value = "\n".join(" | ".join(_cell(row.get(k)) for k in (
                "defendant", "prison_months", "fine", "compensation")) for row in value)
        elif name in ("transnational", "organised_crime"):
            value = "" if value is None else ("true" if value else "false")
        elif name == "previous_decision":
            value = record.previous_decision_id
        initial[name] = value
    return initial


def edit_form(kind: str, *args: Any, **kwargs: Any) -> UploadFields:
    """The add form without its file, with a note for the reviewer."""
    form = FORMS[kind](*args, **kwargs)
    del form.fields["file"]
    form.fields["note"] = forms.CharField(
        label=_("Note for the reviewer"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}))
    return form


class ReviewForm(forms.Form):
    reason = forms.CharField(label=_("Reason (to send the change back)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class _Files(forms.ClearableFileInput):
    allow_multiple_selected = True


class _FilesField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", _Files())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(_FilesField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


def _import_columns() -> str:
    # The column names are the file's own headers, written as the file must have them: they
    # stay out of the translated sentence.
    return gettext("Columns %(required)s (required); %(optional)s.") % {
        "required": ", ".join(REQUIRED), "optional": ", ".join(OPTIONAL)}


class ImportForm(forms.Form):
    csv = forms.FileField(label=_("CSV of metadata"), help_text=lazy(_import_columns, str)())
    documents = _FilesField(label=_("The files the CSV names"), required=False)
