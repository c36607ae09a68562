"""The library's rules: ``records`` (reading, creating, searching, uploads), ``review`` (a
change published only after a second editor approves it, with its versions), ``citations``
(links between decisions found in their texts), ``analytics`` (sentences by charge or form of
exploitation), ``bulk`` (importing a folder or a CSV with files) and ``case_guides`` (the guides
shown beside cases)."""

from palermo.library.services.records import (
    DECISION_FIELDS,
    FIELDS,
    GUIDE_FIELDS,
    MAX_PAGE,
    OPINION_FIELDS,
    Upload,
    create_decision,
    create_guide,
    create_opinion,
    decisions,
    guides,
    hit_target,
    opinions,
    read,
    read_upload,
    reindex,
    search,
)

__all__ = ["DECISION_FIELDS", "FIELDS", "GUIDE_FIELDS", "MAX_PAGE", "OPINION_FIELDS", "Upload",
           "create_decision", "create_guide", "create_opinion", "decisions", "guides",
           "hit_target", "opinions", "read", "read_upload", "reindex", "search"]
