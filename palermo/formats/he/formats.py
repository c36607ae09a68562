"""Dates on Hebrew pages: "07/12/2026", "07/12/2026 14:05"; numbers grouped as "2,000" where
they are grouped at all (see palermo/formats)."""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = DATE_FORMAT
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j בF"
# Date fields are <input type="date">, which sends ISO 8601; the others are typed by hand.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M",
                          "%d/%m/%Y %H:%M"]
# Israel groups thousands with a comma, as English does (Django's own Hebrew sets no grouping).
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
