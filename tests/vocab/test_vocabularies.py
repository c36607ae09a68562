"""Vocabularies are data: checked at start-up, faults named by file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from palermo.vocab import registry
from palermo.vocab.loader import VocabularyError, load_directory, load_file

GOOD_TERM = """  - code: {code}
    labels: {{en: {code} label, he: תווית}}
    definition: A term.
"""


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"name: {name}\ndescription: test\nterms:\n{body}", encoding="utf-8")
    return path


def test_shipped_vocabularies_load_with_english_and_hebrew_labels() -> None:
    vocabularies = registry.load()
    for name in ("agency_kinds", "permissions", "roles", "professions", "palermo_acts",
                 "palermo_means", "palermo_purposes", "exploitation_types",
                 "methods_of_control", "countries"):
        vocabulary = vocabularies[name]
        assert len(vocabulary) > 0
        for term in vocabulary:
            assert term.labels["en"].strip() and term.labels["he"].strip(), (name, term.code)


def test_htcds_exploitation_types_are_complete() -> None:
    assert registry.get("exploitation_types").codes() == [
        "ForcedLabour", "SexualExploitation", "ChildLabour", "ForcedMarriage", "Servitude",
        "ForcedMilitaryByNonStateActors", "OrganRemoval", "ForcedBegging", "ForcedAdoption",
        "Surrogacy", "Other",
    ]


def test_every_role_grants_only_known_permissions_and_the_right_ones_need_mfa() -> None:
    permissions = registry.get("permissions")
    for role in registry.get("roles"):
        assert set(role.extra["permission_codes"]) <= set(permissions.codes())
    assert "audit.view" in registry.get("roles").get("auditor").extra["permission_codes"]


def test_countries_are_iso_alpha3_from_pycountry_with_hebrew_names() -> None:
    countries = registry.get("countries")
    assert len(countries) >= 249
    assert countries.get("ISR").label("en") == "Israel"
    assert countries.get("ISR").label("he") == "ישראל"
    assert countries.get("DEU").extra["alpha_2"] == "DE"


def test_duplicate_code_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "things", GOOD_TERM.format(code="a") + GOOD_TERM.format(code="a"))
    with pytest.raises(VocabularyError) as caught:
        load_file(path)
    assert str(caught.value) == "things.yaml:7: duplicate code 'a' (first at line 4)"


def test_missing_hebrew_label_names_the_term_and_line(tmp_path: Path) -> None:
    body = GOOD_TERM.format(code="a") + "  - code: b\n    labels: {en: B}\n    definition: x\n"
    with pytest.raises(VocabularyError, match=r"things.yaml:7: term 'b' has no 'he' label"):
        load_file(write(tmp_path, "things", body))


def test_unknown_field_and_bad_yaml_are_named(tmp_path: Path) -> None:
    body = GOOD_TERM.format(code="a") + "    colour: red\n"
    with pytest.raises(VocabularyError, match=r"things.yaml:4: unknown field 'colour'"):
        load_file(write(tmp_path, "things", body))
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: broken\nterms: [\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"broken.yaml:\d+: not valid YAML"):
        load_file(broken)


def test_unknown_referenced_code_names_file_line_and_code(tmp_path: Path) -> None:
    write(tmp_path, "colours", GOOD_TERM.format(code="red"))
    (tmp_path / "things.yaml").write_text(
        "name: things\ndescription: t\nfields: [colour_codes]\n"
        "refers: {colour_codes: colours}\nterms:\n"
        + GOOD_TERM.format(code="apple") + "    colour_codes: [red, blue]\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError,
                       match=r"things.yaml:6: term 'apple': unknown colours code 'blue'"):
        load_directory(tmp_path)


def test_a_term_in_an_undeclared_group_names_file_line_and_group(tmp_path: Path) -> None:
    path = tmp_path / "things.yaml"
    path.write_text(
        "name: things\ndescription: t\nfields: [group]\ngroups:\n"
        + GOOD_TERM.format(code="fruit") + "terms:\n"
        + GOOD_TERM.format(code="apple") + "    group: fruit\n"
        + GOOD_TERM.format(code="kale") + "    group: vegetable\n", encoding="utf-8")
    with pytest.raises(VocabularyError,
                       match=r"things.yaml:13: term 'kale': unknown group 'vegetable'"):
        load_file(path)
    path.write_text(path.read_text(encoding="utf-8").replace("vegetable", "fruit"),
                    encoding="utf-8")
    assert list(load_file(path).groups) == ["fruit"]


def test_palermo_check_reports_a_broken_vocabulary(tmp_path: Path, monkeypatch: Any) -> None:
    from palermo.vocab import checks

    write(tmp_path, "things", GOOD_TERM.format(code="a") + GOOD_TERM.format(code="a"))
    monkeypatch.setattr(registry, "VOCAB_DIR", tmp_path)
    errors = checks.check_vocabularies()
    assert [e.msg for e in errors] == ["things.yaml:7: duplicate code 'a' (first at line 4)"]


@pytest.mark.django_db
def test_vocabularies_are_served_by_the_api(client: Any, user_with: Any) -> None:
    from tests.access.factories import api_token

    _token, raw = api_token(user_with("border_officer"))
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    listing = client.get("/api/v1/vocab/", **headers).json()
    assert {"name": "palermo_means", "description": registry.get("palermo_means").description,
            "size": len(registry.get("palermo_means"))} in listing
    means = client.get("/api/v1/vocab/palermo_acts", **headers).json()
    assert [t["code"] for t in means["terms"]] == registry.get("palermo_acts").codes()
    assert client.get("/api/v1/vocab/nonsense", **headers).status_code == 404
