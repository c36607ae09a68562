"""The person index in the database: every write path keeps the name keys in step, and the
next check anywhere sees the change (no build, no per-process copy)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from palermo.names.name_keys import informative, person_postings, word_text
from palermo.names.names import DEFAULT_THRESHOLD, parse_name
from palermo.screening import demo, person_keys, services, watchlists
from palermo.screening.importing import import_file
from palermo.screening.models import PersonNameKey, PersonWord, WatchedPerson
from palermo.screening.services import Query
from tests.access.factories import AgencyFactory

PERSONS = "names,birth_date,sex,nationalities,reason,action,source,source_id\n"


def expected_keys() -> set[tuple[int, int]]:
    """The keys every listed person should have, worked out again from the list itself."""
    words = dict(PersonWord.objects.values_list("text", "id"))
    keys = set()
    for pk, names in WatchedPerson.objects.values_list("id", "names"):
        aliases = [[words[word_text(t)] for t in informative(parse_name(n))] for n in names]
        keys.update((key, pk) for key in person_postings(aliases))
    return keys


def stored_keys() -> set[tuple[int, int]]:
    return set(PersonNameKey.objects.values_list("key", "person_id"))


def assert_in_step() -> None:
    stored = stored_keys()
    assert stored == expected_keys()
    assert PersonNameKey.objects.count() == len(stored)  # no key twice


def hit_names(officer: Any, name: str, **qualifiers: Any) -> list[list[str]]:
    result = services.check(officer, Query(name=name, **qualifiers))
    return [hit.record["names"] for hit in result.hits if hit.kind == "person"]


@pytest.fixture
def owner(db: Any) -> Any:
    return AgencyFactory(name="Police")


@pytest.fixture
def officer(user_with: Any) -> Any:
    return user_with("border_officer", agency=AgencyFactory(name="Border", kind="border"))


def _watch(owner_id: int, names: list[str]) -> int:
    return services.watch_person(names=names, birth_date=dt.date(1979, 2, 11), sex="M",
                                 nationalities=["RUS"], reason="wanted", action="",
                                 owner_agency_id=owner_id, source="interpol")


def _elsewhere(work: Callable[[], Any]) -> Any:
    """Run ``work`` on another database connection, committed, as another server would."""
    out: list[Any] = []

    def run() -> None:
        try:
            out.append(work())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out[0]


def test_listed_by_another_connection_is_found_at_the_next_check(
        committed_db: None, user_with: Any) -> None:
    owner = AgencyFactory(name="Police")
    officer = user_with("border_officer", agency=AgencyFactory(name="Border", kind="border"))
    assert hit_names(officer, "Dmitri Volkov") == []
    person_id = _elsewhere(lambda: _watch(owner.pk, ["Dmitri Volkov", "Дмитрий Волков"]))
    assert hit_names(officer, "Dmitry Volkov") == [["Dmitri Volkov", "Дмитрий Волков"]]
    _elsewhere(lambda: services.unwatch_person(person_id))
    assert hit_names(officer, "Dmitry Volkov") == []
    assert not PersonNameKey.objects.exists()


def test_delisted_persons_are_gone_with_their_keys(owner: Any, officer: Any,
                                                   user_with: Any) -> None:
    volkov = _watch(owner.pk, ["Dmitri Volkov"])
    haile = _watch(owner.pk, ["Yonas Haile"])
    assert hit_names(officer, "Yonas Haile") == [["Yonas Haile"]]
    services.unwatch_person(haile)
    assert hit_names(officer, "Yonas Haile") == []
    manager = user_with("investigator", agency=owner)
    watchlists.remove(manager, "persons", volkov, reason="Arrested.")
    assert hit_names(officer, "Dmitri Volkov") == []
    assert stored_keys() == set()


def test_an_edited_person_is_found_under_the_new_name_only(owner: Any, officer: Any) -> None:
    person = WatchedPerson.objects.get(pk=_watch(owner.pk, ["Anna Maria Eriksson"]))
    person.names = ["Ioana Marinescu"]
    person.save()
    assert hit_names(officer, "Ioana Marinescu") == [["Ioana Marinescu"]]
    assert hit_names(officer, "Anna Maria Eriksson") == []
    assert_in_step()
    # A save that leaves the names alone keeps the keys as they are.
    person.action = "Detain."
    person.save(update_fields=["action"])
    assert_in_step()


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="the planner's statistics are PostgreSQL's: this runs in the "
                           "PostgreSQL pass of the suite (CI runs both)")
def test_an_import_leaves_the_planner_statistics_of_the_keys(tmp_path: Path,
                                                              owner: Any) -> None:
    def analysed() -> set[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT tablename FROM pg_stats WHERE tablename IN "
                           "('screening_personword', 'screening_personwordkey', "
                           "'screening_personnamekey')")
            return {row[0] for row in cursor.fetchall()}

    assert analysed() == set()
    listed = tmp_path / "persons.csv"
    listed.write_text(PERSONS + "".join(
        f"Person{n} Family{n % 7},1980,M,ISR,wanted,,ip,P{n}\n" for n in range(50)),
        encoding="utf-8")
    assert import_file("persons", listed, owner_agency=owner).added == 50
    assert analysed() == {"screening_personword", "screening_personwordkey",
                          "screening_personnamekey"}


def test_import_writes_updates_and_removes_keys(tmp_path: Path, owner: Any,
                                                officer: Any) -> None:
    first = tmp_path / "persons.csv"
    first.write_text(PERSONS
                     + "Dmitri Volkov|Дмитрий Волков,1979-02-11,M,RUS,wanted,,ip,P1\n"
                     + "Yonas Haile,1981,M,ERI,convicted_trafficker,,ip,P2\n"
                     + "Madonna,,F,,wanted,,ip,P3\n", encoding="utf-8")
    assert import_file("persons", first, owner_agency=owner).added == 3
    assert_in_step()
    assert hit_names(officer, "Дмитрий Волков") == [["Dmitri Volkov", "Дмитрий Волков"]]
    assert hit_names(officer, "Madonna") == [["Madonna"]]
    delta = tmp_path / "delta.jsonl"
    delta.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in (
        {"source": "ip", "source_id": "P1", "names": ["Ivan Petrov"], "reason": "wanted"},
        {"source": "ip", "source_id": "P2", "op": "remove"},
        {"source": "ip", "source_id": "P4", "names": ["Noa Mizrahi"], "reason": "missing"},
    )), encoding="utf-8")
    report = import_file("persons", delta, owner_agency=owner, mode="batches", batch_size=2)
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    assert_in_step()
    assert hit_names(officer, "Ivan Petrov") == [["Ivan Petrov"]]
    assert hit_names(officer, "Dmitri Volkov") == []
    assert hit_names(officer, "Yonas Haile") == []
    assert hit_names(officer, "נועה מזרחי") == [["Noa Mizrahi"]]


def test_a_refused_import_leaves_no_keys(tmp_path: Path, owner: Any) -> None:
    path = tmp_path / "persons.csv"
    path.write_text(PERSONS + "Dmitri Volkov,1979-02-11,M,RUS,wanted,,ip,P1\n"
                    + ",1981,M,ERI,wanted,,ip,P2\n", encoding="utf-8")
    assert import_file("persons", path, owner_agency=owner).refused
    assert not WatchedPerson.objects.exists() and not PersonNameKey.objects.exists()


def test_demo_persons_are_found(db: Any, officer: Any) -> None:
    from palermo.access.services import agencies

    agencies.listing().get_or_create(name="Israel Police", defaults={"kind": "police",
                                                                     "country": "ISR"})
    demo.seed(lambda line: None)
    assert_in_step()
    assert hit_names(officer, "Noa Mizrahi") == [["נועה מזרחי", "Noa Mizrahi"]]


def test_refiling_everything_gives_the_same_keys(owner: Any) -> None:
    for names in (["Moshe Cohen", "משה כהן"], ["Vladimir Vladimirovich Putin"], ["Madonna"]):
        _watch(owner.pk, names)
    before = stored_keys()
    from palermo.screening.models import PersonWordKey

    person_keys.refile_all(WatchedPerson, PersonWord, PersonWordKey, PersonNameKey, connection)
    assert stored_keys() == before == expected_keys()


def test_at_most_a_hundred_namesakes_are_scored_and_the_birth_date_picks_one(
        owner: Any) -> None:
    for day in range(1, 29):
        for month in range(1, 12):
            WatchedPerson.objects.create(names=["Moshe Cohen"], reason="wanted",
                                         birth_date=dt.date(1950 + month, month, day),
                                         owner_agency=owner)
    target = WatchedPerson.objects.create(names=["Moshe Cohen"], reason="wanted",
                                          birth_date=dt.date(1985, 12, 9), owner_agency=owner)
    found = person_keys.search("משה כהן", birth_date="1985-12-09")
    assert found.scored == person_keys.MAX_CANDIDATES < WatchedPerson.objects.count()
    assert found.hits[0][0] == target.pk and found.hits[0][1] >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(("query", "listed"), [
    ("משה כהן", "Moshe Cohen"),
    ("Владимир Путин", "Vladimir Vladimirovich Putin"),
    ("Mohammed Abdullah", "محمد عبد الله"),
    ("ERIKSSON ANNA MARIA", "Anna Maria Eriksson"),
    ("A. M. Eriksson", "Anna Maria Eriksson"),
    ("Moshe Levy", "Moshe Levi"),
    ("Madona", "Madonna"),
])
def test_found_across_scripts_spellings_and_one_part_names(owner: Any, query: str,
                                                           listed: str) -> None:
    people = {}
    for name in ("Moshe Cohen", "Moshe Levi", "Vladimir Vladimirovich Putin", "محمد عبد الله",
                 "Anna Maria Eriksson", "Madonna"):
        people[name] = WatchedPerson.objects.create(names=[name], reason="wanted",
                                                    owner_agency=owner).pk
    hits = person_keys.search(query).hits
    assert hits[0][0] == people[listed] and hits[0][1] >= DEFAULT_THRESHOLD


def test_a_check_reaches_the_database_in_few_statements(owner: Any) -> None:
    # Each round trip costs a check its time on PostgreSQL: the vocabulary, the postings and
    # the word counts together, the followed word's postings, the names (the qualifiers too
    # when more than a hundred persons could be scored).
    for day in range(1, 29):
        WatchedPerson.objects.create(names=["Moshe Cohen"], reason="wanted",
                                     birth_date=dt.date(1960, 1, day), owner_agency=owner)
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        found = person_keys.search("Moshe Kohen", birth_date="1960-01-09")
    assert found.hits and len(queries) <= 4


def test_a_query_too_long_for_one_statement_finds_the_same(owner: Any,
                                                          monkeypatch: Any) -> None:
    for name in ("Moshe Cohen", "Moshe Levi", "Anna Maria Eriksson", "محمد عبد الله"):
        WatchedPerson.objects.create(names=[name], reason="wanted", owner_agency=owner)
    queries = ("Moshe Kohen", "משה לוי", "Eriksson Anna", "Mohammed Abdullah")
    together = [person_keys.search(q).hits for q in queries]
    # Postings and word counts that would not fit one statement are fetched apart.
    monkeypatch.setattr(person_keys, "_CHUNK", 3)
    apart = [person_keys.search(q).hits for q in queries]
    assert apart == together and all(together)
