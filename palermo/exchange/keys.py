"""Each agency's keys, kept under the data directory (never in the database), made on first
use with owner-only permissions: an Ed25519 key that signs what the agency sends, and an
X25519 key that opens what partners seal for it."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)
from django.conf import settings

from palermo.exchange import message, sealing


def _load(path: Path, make: Callable[[], Any]) -> Any:
    """The private key in ``path``, made with ``make`` the first time."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        pem = make().private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first: use theirs
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
    return load_pem_private_key(path.read_bytes(), password=None)


def _directory() -> Path:
    return Path(settings.DATA_DIR) / "exchange"


def signing_key(agency_id: int) -> Ed25519PrivateKey:
    key = _load(_directory() / f"agency-{agency_id}.pem", Ed25519PrivateKey.generate)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"the signing key of agency {agency_id} is not an Ed25519 key")
    return key


def _sealing_key(path: Path) -> X25519PrivateKey:
    key = _load(path, X25519PrivateKey.generate)
    if not isinstance(key, X25519PrivateKey):
        raise ValueError(f"{path} does not hold an X25519 key")
    return key


def sealing_key(agency_id: int) -> X25519PrivateKey:
    return _sealing_key(_directory() / f"agency-{agency_id}.x25519.pem")


def sealing_keys() -> dict[str, X25519PrivateKey]:
    """Every sealing key of this installation's agencies, by key id."""
    found = {}
    for path in _directory().glob("agency-*.x25519.pem"):
        key = _sealing_key(path)
        found[sealing.key_id(key.public_key())] = key
    return found


def public_key_text(agency_id: int) -> tuple[str, str]:
    """(key id, public key in base64): what a partner enters in its trust store."""
    public = signing_key(agency_id).public_key()
    return message.key_id(public), base64.b64encode(message.public_bytes(public)).decode()


def sealing_key_text(agency_id: int) -> str:
    """The public key partners seal messages to, in base64."""
    public = sealing_key(agency_id).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(public).decode()
