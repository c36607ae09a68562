"""Screening: one query (an MRZ, a document number, a VIN or plate, a name) against every
watch list, with an explanation per hit, an audit entry per check, and an alert per hit for
the agency that owns the record.

The services are split by concept: ``query`` (what is asked and answered), ``lookups`` (the
document and vehicle lists), ``persons`` (the person list), ``checking`` (the check and its
audit and alerts) and ``registries`` (what other capabilities plug in). Callers import the
names below from here."""

from palermo.screening.services.checking import check
from palermo.screening.services.persons import unwatch_person, watch_person
from palermo.screening.services.query import (
    MAX_NAME,
    MAX_QUERY,
    Hit,
    Query,
    Result,
    birth_date,
    interpret,
)
from palermo.screening.services.registries import (
    notice_of,
    register_hit_listener,
    register_notice_lookup,
)

__all__ = ["MAX_NAME", "MAX_QUERY", "Hit", "Query", "Result", "birth_date", "check",
           "interpret", "notice_of", "register_hit_listener", "register_notice_lookup",
           "unwatch_person", "watch_person"]
