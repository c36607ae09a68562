"""The candidate index: retrieval through keys, qualifiers, and no scanning."""

from __future__ import annotations

from palermo.names.index import PersonIndex, qualifier_adjustment
from palermo.names.names import DEFAULT_THRESHOLD, score_names


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
    from palermo.names.index import PersonIndex

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


def test_full_birth_dates_that_differ_make_namesakes_different_people() -> None:
    index = PersonIndex()
    index.add("listed", ["Jennifer Jones"], "1975-04-02", ["USA"], "F")
    # Same year, another day: two people, even with the name, nationality and sex alike.
    hits = dict(index.search("Jennifer Jones", birth_date="1975-07-10", nationality="USA",
                             sex="F"))
    assert hits["listed"] < DEFAULT_THRESHOLD
    # A missing middle name and a year apart: not a hit either.
    hits = dict(index.search("Connie Jennifer Jones", birth_date="1976-01-20"))
    assert hits["listed"] < DEFAULT_THRESHOLD
    # One slip of the pen (day and month swapped, one digit) leaves the exact name a hit...
    for slip in ("1975-02-04", "1975-04-03", "1976-04-02"):
        assert index.search("Jennifer Jones", birth_date=slip)[0][1] >= DEFAULT_THRESHOLD
    # ...but not a name that is only close (0.86 here).
    assert 0.8 < score_names("Jenifer Jonas Smith", "Jennifer Jones") < 0.88
    hits = dict(index.search("Jenifer Jonas Smith", birth_date="1975-02-04"))
    assert hits["listed"] < DEFAULT_THRESHOLD
    # A 1 January on the list stands for "born in 1975".
    index.add("year only", ["Maria Ortega"], "1975-01-01")
    assert index.search("Maria Ortega", birth_date="1975-06-30")[0][1] >= DEFAULT_THRESHOLD


def test_qualifier_slips() -> None:
    def date_delta(a: str, b: str) -> float:
        return qualifier_adjustment(a, frozenset(), None, b, None, None)

    assert date_delta("1980-05-17", "1980-05-17") > 0
    assert date_delta("1980-05-17", "1980-05-18") == date_delta("1980-05-17", "1980-17-05")
    assert date_delta("1980-05-17", "1980-05-71") == date_delta("1980-05-17", "1980-05-18")
    assert date_delta("1980-05-17", "1980-05-18") > date_delta("1980-05-17", "1980-09-29")
    assert date_delta("1980-05-17", "1980") > 0
    assert date_delta("1980-05-17", "1983") < date_delta("1980-05-17", "1981") < 0


def test_planted_variants_are_found_among_hundreds_of_namesakes() -> None:
    index = PersonIndex()
    for number in range(500):
        born = f"{1940 + number % 60}-{1 + number % 12:02d}-{2 + number % 27:02d}"
        index.add(number, ["Moshe David Cohen" if number % 2 else "Moshe Cohen"], born)
    index.add("target", ["Moshe David Cohen"], "1971-08-30")
    assert len(index) == 501
    # More namesakes than are scored: the birth date ranks the right one in.
    for query in ("Cohen Moshe David", "Moshe Cohen", "Moshe Davd Cohen", "משה כהן"):
        hits = index.search(query, birth_date="1971-08-30", limit=3)
        assert hits[0] == ("target", hits[0][1]), (query, hits)
        assert hits[0][1] >= DEFAULT_THRESHOLD
        assert index.last_scored <= index.max_candidates < len(index)
    # Without the birth date, the namesakes are all hits; with another one, none is.
    assert index.search("Moshe Cohen", birth_date="2003-03-03")[0][1] < DEFAULT_THRESHOLD


def test_one_letter_slips_in_short_hebrew_and_arabic_names_are_found() -> None:
    index = PersonIndex()
    index.add("ilai", ["עילאי מרדכי"])
    index.add("bahia", ["بهية خندف"])
    index.add("rima", ["רימא אמארה"])
    for number in range(2000):
        index.add(number, [f"Name{number:04d} Other{number % 50}"])
    assert index.search("עליאי מרדכי")[0][0] == "ilai"
    assert index.search("بهة خندف")[0][0] == "bahia"
    assert index.search("רימא אארה")[0][0] == "rima"
    assert index.last_scored <= 5


def test_a_stored_word_gives_back_the_very_part_the_matcher_parsed() -> None:
    from palermo.names.name_keys import informative, word_text, word_token
    from palermo.names.names import parse_name

    for name in ("Abd al-Aziz bin Saud", "עבד אל עזיז", "عبد العزيز", "Дмитрий Волков",
                 "Jan van der Berg", "O'Neil 2nd", "משה כ\"ץ"):
        for token in informative(parse_name(name)):
            assert word_token(word_text(token)) == token, (name, token)


def test_postings_pair_the_parts_of_one_name_only() -> None:
    from palermo.names.name_keys import pair_key, person_postings, single_key

    keys = person_postings([[1, 2, 3], [4]])
    assert keys == {1, 2, 3, 4, pair_key(1, 2), pair_key(1, 3), pair_key(2, 3), single_key(4)}
    assert pair_key(2, 1) == pair_key(1, 2) and pair_key(1, 4) not in keys
