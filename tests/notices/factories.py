"""Notices for tests: a green notice drafted by an author and, with ``published``, reviewed
by someone else."""

from __future__ import annotations

import datetime as dt
from typing import Any

from palermo.notices.models import Notice
from palermo.notices.services import notices
from palermo.vocab import registry

ALL_PASS = {t.code: True for t in registry.get("notice_review_checks")}


def green(author: Any, **fields: Any) -> Notice:
    values = {"colour": "green", "subject_names": ["Arkadi Gold"],
              "birth_date": dt.date(1968, 8, 8), "nationalities": ["ISR"],
              "reasons": "Convicted of sexual offences against children, 2019.",
              "legal_basis": "Tel Aviv District Court judgment 1234-05-18",
              "requested_action": "Inform the issuing agency of any trip.", **fields}
    return notices.draft(actor=author, **values)


def published(author: Any, reviewer: Any, **fields: Any) -> Notice:
    notice = notices.submit(green(author, **fields), actor=author)
    return notices.review(notice, ALL_PASS, actor=reviewer)
