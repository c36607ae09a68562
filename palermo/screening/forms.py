"""The frontline officer's post, and closing an alert with its outcome."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from palermo.core.choices import vocab
from palermo.screening.alerts import MAX_NOTE, MAX_POST
from palermo.vocab import registry


class PostForm(forms.Form):
    post = forms.CharField(
        label=gettext_lazy("Your post this shift"), max_length=MAX_POST,
        error_messages={"required": gettext_lazy("Name the post you check from, e.g. the "
                                                 "crossing or terminal.")},
        help_text=gettext_lazy("The crossing, terminal or desk you check from, e.g. “Allenby "
                               "Bridge, lane 3”. Asked once a shift; every hit you get says "
                               "where it was made."))


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=vocab(
        "alert_outcomes", blank=True), error_messages={
        "required": gettext_lazy("Choose how the alert ended.")})
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        needing = [f"“{t.label(language)}”" for t in registry.get("alert_outcomes")
                   if t.extra.get("needs_note")]
        self.fields["note"].help_text = _(
            "What was done, and by whom; at most %(n)d characters. Needed for %(outcomes)s.") \
            % {"n": MAX_NOTE, "outcomes": ", ".join(needing)}
