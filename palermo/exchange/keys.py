"""Each agency's Ed25519 signing key, kept under the data directory (never in the
database), made on first use with owner-only permissions."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)
from django.conf import settings

from palermo.exchange import message


def _path(agency_id: int) -> Path:
    return Path(settings.DATA_DIR) / "exchange" / f"agency-{agency_id}.pem"


def signing_key(agency_id: int) -> Ed25519PrivateKey:
    path = _path(agency_id)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first: use theirs
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
    loaded = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(loaded, Ed25519PrivateKey):
        raise ValueError(f"{path} does not hold an Ed25519 key")
    return loaded


def public_key_text(agency_id: int) -> tuple[str, str]:
    """(key id, public key in base64): what a partner enters in its trust store."""
    public = signing_key(agency_id).public_key()
    return message.key_id(public), base64.b64encode(message.public_bytes(public)).decode()
