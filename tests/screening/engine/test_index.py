"""The candidate index: retrieval through keys, qualifiers, and no scanning."""

from __future__ import annotations

from palermo.screening.engine.index import PersonIndex, qualifier_adjustment
from palermo.screening.engine.names import DEFAULT_THRESHOLD


def _index() -> PersonIndex:
    index = PersonIndex()
    index.add("cohen", ["Moshe Cohen", "משה כהן"], "1970-03-02", ["ISR"], "M")
    index.add("levi", ["Moshe Levi"], "1981-05-05", ["ISR"], "M")
    index.add("putin", ["Vladimir Vladimirovich Putin"], "1952-10-07", ["RUS"], "M")
    index.add("abdullah", ["محمد عبد الله"], "1965", ["SAU"], "M")
    index.add("eriksson", ["Anna Maria Eriksson"], "1990-01-01", ["SWE"], "F")
    return index


def test_finds_people_across_scripts_and_spellings() -> None:
    index = _index()
    cases = {
        "משה כהן": "cohen",
        "Владимир Путин": "putin",
        "Mohammed Abdullah": "abdullah",
        "ERIKSSON ANNA MARIA": "eriksson",
        "A. M. Eriksson": "eriksson",
        "Moshe Levy": "levi",
    }
    for query, expected in cases.items():
        hits = index.search(query)
        assert hits, query
        assert hits[0][0] == expected, (query, hits)
        assert hits[0][1] >= DEFAULT_THRESHOLD, (query, hits)


def test_conflicting_birth_year_pushes_same_name_below_threshold() -> None:
    index = _index()
    assert index.search("Moshe Cohen", birth_date="1970-03-02")[0][1] >= DEFAULT_THRESHOLD
    hits = dict(index.search("Moshe Cohen", birth_date="1988"))
    assert hits["cohen"] < DEFAULT_THRESHOLD


def test_agreeing_qualifiers_lift_and_reorder() -> None:
    index = PersonIndex()
    index.add(1, ["Moshe Cohen"], "1970-03-02", ["ISR"], "M")
    index.add(2, ["Moshe Cohen"], "1985-07-09", ["USA"], "M")
    assert index.search("Moshe Cohen", birth_date="1985-07-09")[0][0] == 2
    assert index.search("Moshe Cohen", birth_date="1970-03-02")[0][0] == 1
    assert index.search("Moshe Cohen", nationality="usa")[0][0] == 2
    assert qualifier_adjustment("1970-03-02", frozenset(), None, "1970-03-02", None, None) > 0
    assert qualifier_adjustment(None, frozenset({"ISR"}), "F", None, "RUS", "M") < 0
    assert qualifier_adjustment(None, frozenset(), None, "1970", "USA", "F") == 0


def test_search_scores_only_key_candidates() -> None:
    index = PersonIndex()
    for number in range(3000):
        index.add(number, [f"Person{number:05d} Examplename{number % 97}"])
    index.add("target", ["Yitzhak Rabinovich"])
    hits = index.search("יצחק רבינוביץ")
    assert hits[0][0] == "target"
    # The 3,000 others share no key with the query: only the target is scored.
    assert index.last_scored <= 5
    assert len(index) == 3001
    index.search("Person00042 Examplename42")
    assert index.last_scored <= index.max_candidates < len(index)


def test_scan_agrees_with_search_on_top_hit() -> None:
    index = _index()
    for query in ("Moshe Cohen", "Vladimir Putin", "Anna Eriksson"):
        assert index.search(query)[0] == index.scan(query)[0]


def test_removed_and_changed_people_leave_the_index() -> None:
    from palermo.screening.engine.index import PersonIndex

    index = PersonIndex()
    index.add(1, ["Dmitri Volkov"], birth_date="1979-02-11")
    index.add(2, ["Maria Santos"])
    index.remove(1)
    assert [pid for pid, _ in index.search("Dmitri Volkov")] == []
    assert len(index) == 1
    index.remove(2)
    index.add(2, ["Olena Kovalenko"])
    assert [pid for pid, _ in index.search("Olena Kovalenko")] == [2]
    assert [pid for pid, _ in index.search("Maria Santos")] == []
