"""The rules of the case-report exchange: ``partners`` (the trust store), ``outbound``
(building, exporting and sending a case), ``inbound`` (receiving, reviewing, accepting),
``access`` (what each user may see of a report, and the reason a restricted one asks for)
and ``ftm`` (FollowTheMoney entities for Aleph)."""
