"""The rules of the case-report exchange: ``partners`` (the trust store), ``outbound``
(building, exporting and sending a case), ``inbound`` (receiving, reviewing, accepting) and
``ftm`` (FollowTheMoney entities for Aleph)."""
