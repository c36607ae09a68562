"""Form widgets shared by the capabilities' forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

# Up to this many choices a list is read at a glance: a filter above it would only be in the way.
SHORT_LIST = 8


class _Picker(forms.widgets.ChoiceWidget):
    """What both pickers add to Django's list of inputs: the names of what is chosen, for the
    line above the box, and whether the list is long enough to want a filter."""

    template_name = "web/widgets/searchable_checkboxes.html"
    option_template_name = "web/widgets/picker_option.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen = {str(v) for v in context["widget"]["value"]}
        choices = list(self.choices)
        context["widget"]["chosen"] = [str(label) for code, label in choices
                                       if code != "" and str(code) in chosen]
        context["widget"]["searchable"] = len(choices) > SHORT_LIST
        return context


class SearchableCheckboxes(_Picker, forms.CheckboxSelectMultiple):
    """A list to choose several from (countries, people, agencies, permissions): every choice
    is a checkbox in a scrolling box, so it works without JavaScript and with a keyboard, and
    no one has to Ctrl-click a multiple select. The box is headed by what is chosen; above a
    list longer than SHORT_LIST, a filter field (static palermo/picker.js, a progressive
    enhancement) shows only the choices that match what is typed, by name or by code.
    Each choice's name is isolated (``<bdi>``): a person's or agency's name keeps its own
    direction in a page of the other."""


class SearchableRadios(_Picker, forms.RadioSelect):
    """A long list to choose one from (countries, time zones): radio buttons in the same
    scrolling box under the same filter, for lists too long to scroll through in a drop-down
    on a phone. The choice made is named above the box. The list's empty choice, a dash in a
    drop-down, is named for what it means where the answer may be left out, and left out
    where it may not: a required radio that can be set to nothing only invites an error."""

    def optgroups(self, name: str, value: Any,
                  attrs: dict[str, Any] | None = None) -> list[Any]:
        groups = []
        for group, options, index in super().optgroups(name, value, attrs):
            kept = []
            for option in options:
                if option["value"] == "":
                    if self.is_required:
                        continue
                    option["label"] = _("Not given")
                kept.append(option)
            groups.append((group, kept, index))
        return groups
