"""Forms of the public report pages. Lengths are checked by the service, so a too-long text
gets the portal's own message (in the visitor's language) naming the field."""

from __future__ import annotations

from django import forms


class ReportForm(forms.Form):
    what = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}))
    where = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    when = forms.CharField(required=False)
    who = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    contact = forms.CharField(required=False)
    # The honeypot: hidden from people by the stylesheet, filled in by form robots.
    website = forms.CharField(required=False)


class ReturnForm(forms.Form):
    reference = forms.CharField(required=False)
    phrase = forms.CharField(required=False)


class AdditionForm(forms.Form):
    access = forms.CharField(required=False, widget=forms.HiddenInput)
    addition = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    website = forms.CharField(required=False)
