from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.cases.forms import vocab


class NoticeForm(forms.Form):
    colour = forms.ChoiceField(label=_("Type"), choices=vocab("notice_types"))
    subject_names = forms.CharField(label=_("Subject's names"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text=_("One name a line, in any script."))
    birth_date = forms.DateField(label=_("Birth date"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    sex = forms.ChoiceField(label=_("Sex"), required=False, choices=[
        ("", _("unknown")), ("F", _("female")), ("M", _("male")), ("X", _("other"))])
    nationalities = forms.MultipleChoiceField(label=_("Nationalities"), required=False,
                                              choices=vocab("countries"))
    case_reference = forms.CharField(label=_("Case"), required=False, max_length=32)
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea)
    legal_basis = forms.CharField(label=_("Legal basis"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    charges = forms.CharField(label=_("Charges"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    penalty_months = forms.IntegerField(label=_("Maximum penalty (months)"), required=False,
                                        min_value=0)
    requested_action = forms.CharField(label=_("Requested action"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 2}))
    identifying_marks = forms.CharField(label=_("Identifying marks"), required=False)

    def clean_subject_names(self) -> list[str]:
        return [n.strip() for n in self.cleaned_data["subject_names"].splitlines() if n.strip()]
