"""The errors the case services raise; pages and the API show them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from palermo.access.services.errors import NotAllowed, ServiceError, StaleWrite

if TYPE_CHECKING:
    from palermo.cases.services.duplicates import Candidate

__all__ = ["NotAllowed", "PossibleDuplicates", "ServiceError", "StaleWrite"]


class PossibleDuplicates(ServiceError):
    """The person to be added is likely someone known already: the caller chooses one of
    the ``candidates`` or confirms that this is someone new, before a second record exists."""

    code = "possible_duplicates"

    def __init__(self, candidates: list[Candidate]) -> None:
        super().__init__(_("This may be someone already known. Choose the same person, or "
                           "confirm that this is someone new."), field="existing_person_id")
        self.candidates = candidates
