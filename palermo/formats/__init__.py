"""One way of writing dates per language (Django's FORMAT_MODULE_PATH points here): English
pages write "7 Dec 2026" (the day first and the month in words, so nobody reads 12/07 as
July), Hebrew pages "07/12/2026" as Israelis write it. A template's DATE_FORMAT and
SHORT_DATE_FORMAT are the same, so every page of a language writes a day the same way."""
