"""Generalisation hierarchies for the CTDC quasi-identifiers, for :mod:`kanon`. Each builder
takes its mapping (from the vocabularies) and returns the steps from the recorded value to
the most general one, ``ANY``. An unknown value ("" or an empty list) stays unknown until
the last step, since it is already as vague as a generalised one."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

ANY = "*"
Step = Callable[[object], object]


def _any(_value: object) -> object:
    return ANY


def sex() -> list[Step]:
    return [_any]


def age(group_of_band: Mapping[str, str]) -> list[Step]:
    """Age band -> age group (child/adult) -> any; a value already a group stays one."""
    def group(value: object) -> object:
        text = str(value or "")
        return group_of_band.get(text, text)

    return [group, _any]


def country(region_of_country: Mapping[str, str]) -> list[Step]:
    """ISO alpha-3 -> UN M49 region -> any; a code with no region becomes "other"."""
    def region(value: object) -> object:
        text = str(value or "")
        return region_of_country.get(text, "other") if text else ""

    return [region, _any]


def year(width: int = 5) -> list[Step]:
    """Year -> period of ``width`` years, aligned on multiples of it ("2020-2024") -> any."""
    def period(value: object) -> object:
        if not isinstance(value, int):
            return value
        start = value - value % width
        return f"{start}-{start + width - 1}"

    return [period, _any]


def forms(group_of_form: Mapping[str, str]) -> list[Step]:
    """Forms of exploitation (a list) -> their broad groups (a list) -> any."""
    def groups(value: object) -> object:
        if not isinstance(value, Sequence) or isinstance(value, str):
            return value
        return sorted({group_of_form.get(str(code), "other") for code in value})

    return [groups, _any]
