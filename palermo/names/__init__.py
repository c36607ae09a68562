"""The person-name matcher: names split into parts, read across scripts (Latin, Cyrillic,
Hebrew, Arabic, …) and compared by spelling, sound and how foreign names are written by ear,
plus the keys a name is filed under and the in-memory reference index. Plain Python with no
Django, so it runs and is tested anywhere. Screening checks watch lists with it (its person
index in the database and the signed offline copy), and cases finds duplicate persons with
it."""
