"""Delivery to another installation's inbox: the body signed with the sending agency's key
in the headers the inbox checks (``X-Palermo-Key``, ``X-Palermo-Signature``)."""

from __future__ import annotations

import urllib.request

from palermo.exchange import keys, message

TIMEOUT = 20


def post(endpoint: str, body: bytes, *, agency_id: int) -> None:
    """Raises ``urllib.error.URLError`` or ``OSError`` when the partner cannot be reached or
    refuses the delivery."""
    key = keys.signing_key(agency_id)
    request = urllib.request.Request(  # noqa: S310 (partners.add admits only http(s) addresses)
        endpoint, data=body, method="POST",
        headers={"Content-Type": "application/json",
                 "X-Palermo-Key": message.key_id(key.public_key()),
                 "X-Palermo-Signature": message.sign_bytes(body, key)})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:  # noqa: S310
        answer.read()
