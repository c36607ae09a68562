from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from palermo.access.services.errors import ServiceError
from palermo.core.choices import vocab
from palermo.messaging.models import LINK_TYPES
from palermo.messaging.services import rules
from palermo.messaging.services.sending import Recipients, recipient_choices
from palermo.web import forms as web_forms
from palermo.web.widgets import SearchableCheckboxes


def limited(message: Any, **values: Callable[[], object]) -> Any:
    """A help text with numbers in it, translated when shown (the numbers may come from the
    settings, read then too)."""
    return lazy(lambda: str(message) % {name: value() for name, value in values.items()},
                str)()


def attachment_mb() -> int:
    return rules.max_attachment_bytes() // (1024 * 1024)


def link_choices() -> list[tuple[str, Any]]:
    labels = {"case": _("a case"), "notice": _("a notice"), "referral": _("a referral")}
    return [("", _("nothing")), *((code, labels[code]) for code in LINK_TYPES)]


class ContentForm(forms.Form):
    """What every message carries: its words, handling code and evaluation."""

    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}),
                           error_messages={"required": _("Write the message.")},
                           help_text=limited(_("At most %(n)s characters."),
                                             n=lambda: f"{rules.MAX_BODY:,}"))
    handling_code = forms.ChoiceField(
        label=_("Handling code"), choices=vocab("handling_codes"), initial="H0",
        help_text=_("What the recipients may do with the information. H2: they may not pass "
                    "it on without your permission."))
    restriction = forms.CharField(label=_("Restriction (for H3)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text=limited(_("Required with H3: the restriction, "
                                                      "stated. At most %(n)s characters."),
                                                    n=lambda: f"{rules.MAX_TEXT:,}"))
    reliability = forms.ChoiceField(label=_("Source reliability"),
                                    choices=vocab("source_reliability"), initial="X")
    accuracy = forms.ChoiceField(label=_("Information accuracy"),
                                 choices=vocab("information_accuracy"), initial="4")
    ack_due = forms.DateField(label=_("Acknowledgement requested by"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}),
                              help_text=_("Today or a later day. Leave empty if no "
                                          "acknowledgement is needed."))
    attachment = forms.FileField(label=_("Attachment"), required=False,
                                 help_text=limited(_("One file, at most %(mb)s MB."),
                                                   mb=attachment_mb))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The earliest day the browser's date picker offers: today, where the writer is.
        self.fields["ack_due"].widget.attrs["min"] = timezone.localdate().isoformat()

    def clean_attachment(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("attachment")
        limit = rules.max_attachment_bytes()
        if upload is not None and upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                _("The attachment “%(name)s” is larger than %(mb)d MB.")
                % {"name": upload.name, "mb": limit // (1024 * 1024)})
        return upload

    def content(self) -> rules.Content:
        """What the writer gave; a field the form refused counts as not given, so that the
        service still names every other fault."""
        data = self.cleaned_data
        upload = data.get("attachment")
        attachments = [(upload.name or "", upload.read())] if upload is not None else []
        return rules.Content(body=data.get("body", ""),
                             handling_code=data.get("handling_code", "H0"),
                             restriction=data.get("restriction", ""),
                             reliability=data.get("reliability", "X"),
                             accuracy=data.get("accuracy", "4"), ack_due=data.get("ack_due"),
                             attachments=attachments)


class RecipientsMixin(forms.Form):
    users = forms.TypedMultipleChoiceField(label=_("People"), required=False, coerce=int,
                                           widget=SearchableCheckboxes)
    agencies = forms.TypedMultipleChoiceField(label=_("Agencies"), required=False, coerce=int,
                                              widget=SearchableCheckboxes,
                                              help_text=_("Everyone in the agency may read "
                                                          "and answer."))
    groups = forms.TypedMultipleChoiceField(label=_("Partner groups"), required=False,
                                            coerce=int, widget=SearchableCheckboxes)

    recipient_errors: list[str]

    def set_recipients(self, actor: Any) -> None:
        self.recipient_errors = []
        users, agencies, groups = recipient_choices(actor)
        fields: dict[str, Any] = self.fields
        fields["users"].choices = [(u.pk, f"{u.full_name} ({u.agency.name})")
                                        for u in users]
        fields["agencies"].choices = [(a.pk, a.name) for a in agencies]
        fields["groups"].choices = [(g.pk, g.name) for g in groups]

    def recipients(self) -> Recipients:
        data = self.cleaned_data
        return Recipients(users=data.get("users", []), agencies=data.get("agencies", []),
                          groups=data.get("groups", []))

    def recipient_names(self) -> list[str]:
        """The names of the chosen people, agencies and groups, as the form lists them."""
        names = []
        for name in ("users", "agencies", "groups"):
            chosen = set(self.cleaned_data.get(name) or [])
            names += [str(label) for value, label in self.fields[name].choices  # type: ignore[attr-defined]
                      if value in chosen]
        return names


class ComposeForm(RecipientsMixin, ContentForm):
    subject = forms.CharField(label=_("Subject"), max_length=rules.MAX_SUBJECT,
                              error_messages={"required": _("Give the message a subject.")},
                              help_text=limited(_("At most %(n)s characters."),
                                                n=lambda: f"{rules.MAX_SUBJECT:,}"))
    link_type = forms.ChoiceField(label=_("About"), required=False, choices=link_choices)
    link_ref = forms.CharField(label=_("Reference"), required=False, max_length=rules.MAX_REF,
                               help_text=limited(_("The case, notice or referral reference. At "
                                                   "most %(n)s characters."),
                                                 n=lambda: rules.MAX_REF))
    field_order = ["users", "agencies", "groups", "subject", "link_type", "link_ref", "body",
                   "handling_code", "restriction", "reliability", "accuracy", "ack_due",
                   "attachment"]

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_recipients(actor)


class ReplyForm(ContentForm):
    pass


class ForwardForm(RecipientsMixin):
    note = forms.CharField(label=_("Note to the recipients"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=limited(_("At most %(n)s characters."),
                                             n=lambda: f"{rules.MAX_TEXT:,}"))

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_recipients(actor)


class PermissionForm(forms.Form):
    reason = forms.CharField(label=_("To whom and why"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


def show(form: forms.Form, error: ServiceError) -> None:
    """Put each fault of a refusal next to its field, where the form has not already found
    one there; a fault about the recipients goes with the recipients' fieldset."""
    for fault in rules.each(error):
        if fault.field not in form.fields and fault.field == "recipients" and \
                isinstance(form, RecipientsMixin):
            form.recipient_errors.append(fault.message)
        elif fault.field not in form.fields or fault.field not in form.errors:
            web_forms.show(form, fault)
