"""Sealing a signed message to the recipient: X25519 with a fresh key for each message,
HKDF-SHA256, AES-256-GCM. Only the holder of the recipient's private key opens it; the
signature inside still says who sent it. Pure Python: no Django here."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from palermo.exchange.message import MessageError

SEALED = "palermo-hst-sealed"
INFO = b"palermo-hst-sealed-1.0"


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(key: X25519PublicKey) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(_raw(key)).digest()[:12]).decode()


def public_key_from_text(text: str) -> X25519PublicKey:
    try:
        return X25519PublicKey.from_public_bytes(base64.b64decode(text.strip(), validate=True))
    except ValueError:
        raise MessageError("not an X25519 public key (32 bytes in base64)") from None


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=INFO).derive(shared)


def seal(plain: bytes, recipient: X25519PublicKey) -> dict[str, Any]:
    ephemeral = X25519PrivateKey.generate()
    eph_raw, rcpt_raw = _raw(ephemeral.public_key()), _raw(recipient)
    nonce = os.urandom(12)
    box = AESGCM(_key(ephemeral.exchange(recipient), eph_raw, rcpt_raw))
    b64 = base64.b64encode
    return {"format": SEALED, "version": "1.0", "recipient_key_id": key_id(recipient),
            "ephemeral_key": b64(eph_raw).decode(), "nonce": b64(nonce).decode(),
            "ciphertext": b64(box.encrypt(nonce, plain, INFO)).decode()}


def is_sealed(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == SEALED


def open_sealed(data: dict[str, Any], keys: dict[str, X25519PrivateKey]) -> bytes:
    """The plain message bytes, with the private key the envelope names."""
    private = keys.get(str(data.get("recipient_key_id")))
    if private is None:
        raise MessageError("sealed to a key this installation does not hold",
                           "$.recipient_key_id")
    try:
        ephemeral = base64.b64decode(str(data["ephemeral_key"]), validate=True)
        nonce = base64.b64decode(str(data["nonce"]), validate=True)
        ciphertext = base64.b64decode(str(data["ciphertext"]), validate=True)
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        box = AESGCM(_key(shared, ephemeral, _raw(private.public_key())))
        return box.decrypt(nonce, ciphertext, INFO)
    except (KeyError, ValueError, InvalidTag):
        raise MessageError("the sealed message does not open: it was changed or sealed to "
                           "another key", "$.ciphertext") from None


def as_bytes(envelope: dict[str, Any]) -> bytes:
    return json.dumps(envelope).encode("utf-8")
