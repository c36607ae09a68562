"""No string shown to a user carries a code name: every {% translate %}, {% blocktranslate %}
and gettext/_() literal under palermo/ is free of snake_case words (``rejection_reason``,
``penalty_months``), placeholders aside. A user reads field labels and sentences, never the
names the code gives things."""

from __future__ import annotations

import re

from palermo.web import messages

# %(name)s and {name} placeholders, and what templatize leaves of {{ var }}.
PLACEHOLDER = re.compile(r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[sdifrxX]|\{\{.*?\}\}|\{[^{}\s]*\}")
SNAKE_CASE = re.compile(r"(?<![\w.@/-])[a-z]+_[a-z_]+(?![\w(@])")

# Words that are not our code names although they look like one, each with its reason.
ALLOWED = {
    # The name under which Eurostat publishes its trafficking tables, cited as Eurostat
    # writes it so a reader can find them.
    "crim_thb": "Eurostat's dataset name",
    # UNODC's file of global figures, named as UNODC publishes it: the user downloads that file.
    "data_glotip": "UNODC's file name",
}


def code_names(text: str) -> list[str]:
    return [word for word in SNAKE_CASE.findall(PLACEHOLDER.sub(" ", text))
            if word not in ALLOWED]


def test_the_scan_sees_code_names_and_spares_placeholders() -> None:
    assert code_names("Still needed before review: subject_names, penalty_months") == [
        "subject_names", "penalty_months"]
    assert code_names("“” is not a known code for rejection_reason.") == ["rejection_reason"]
    assert code_names("Sent to %(agency_name)s on %(sent_at)s by {{ user_name }}.") == []
    assert code_names("Write to intake@example.org or see /cases/new_case/.") == []
    assert code_names("Eurostat's crim_thb tables.") == []


def test_no_translatable_string_shows_a_code_name() -> None:
    found = []
    for message in messages.extract():
        if not message.id:
            continue
        texts = message.id if isinstance(message.id, tuple | list) else (message.id,)
        for text in texts:
            if words := code_names(text):
                where = ", ".join(f"{path}:{line}" for path, line in message.locations)
                found.append(f"{where}: {', '.join(words)} in {text[:80]!r}")
    assert found == [], "code names in strings users read:\n" + "\n".join(found)
