"""The rules of the annual award, in modules by concept: ``cycles`` (the year's cycle and its
jury), ``nominations`` (the call, attachments, eligibility), ``jury`` (conflicts, scores,
ranking, deliberation, laureates) and ``ceremony`` (programme and invitations)."""
