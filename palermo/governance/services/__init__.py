"""The rules of governance, by concept: ``committees``, ``meetings`` (with attendees),
``documents`` (files of a meeting), ``minutes`` (versioned, locked when approved),
``actions`` (decisions and the action items they become), ``plan`` (the national action plan
and its progress), ``legislation`` and ``calendar`` (month grid and ICS)."""
