"""Form widgets shared by the capabilities' forms."""

from __future__ import annotations

from typing import Any

from django import forms


class SearchableCheckboxes(forms.CheckboxSelectMultiple):
    """A long list to choose several from (countries, nationalities): every choice is a
    checkbox in a scrolling box, so it works without JavaScript and with a keyboard, and no
    one has to Ctrl-click a multiple select. The box is headed by what is chosen; a filter
    field above it (static palermo/picker.js, a progressive enhancement) shows only the
    choices that match what is typed, by name or by code."""

    template_name = "web/widgets/searchable_checkboxes.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen = {str(v) for v in context["widget"]["value"]}
        context["widget"]["chosen"] = [str(label) for code, label in self.choices
                                       if str(code) in chosen]
        return context
