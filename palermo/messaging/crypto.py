"""Encryption at rest of message content, with keys kept outside the database.

The keys come from ``PALERMO_MESSAGE_KEY`` (``id:key,id:key``, the first one current; a bare
key gets the id ``env``) or else from ``<data dir>/message_keys.json`` (mode 0600), made on
first use. Each key is 32 random bytes for AES-256-GCM. A row stores the id of the key that
sealed it beside its ciphertexts, so a key can be replaced (see ``rotation.py``) while rows
sealed with the old one stay readable.

A sealed value is the 12-byte nonce followed by the ciphertext and tag. The associated data
names the column (``messaging.message.body``), so a ciphertext copied into another column
does not decrypt there.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

ENV = "PALERMO_MESSAGE_KEY"
NONCE_BYTES = 12


class KeyMissing(RuntimeError):
    """A row was sealed with a key that is no longer in the keyring."""


@dataclass(frozen=True)
class Keyring:
    current: str
    keys: dict[str, bytes]
    from_environment: bool

    def seal(self, text: str | bytes, purpose: str, key_id: str | None = None) -> bytes:
        key_id = key_id or self.current
        data = text.encode("utf-8") if isinstance(text, str) else text
        nonce = os.urandom(NONCE_BYTES)
        return nonce + AESGCM(self.keys[key_id]).encrypt(nonce, data, purpose.encode())

    def open_bytes(self, blob: bytes | memoryview, key_id: str, purpose: str) -> bytes:
        key = self.keys.get(key_id)
        if key is None:
            raise KeyMissing(f"message key {key_id!r} is not in the keyring")
        blob = bytes(blob)
        try:
            return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], purpose.encode())
        except InvalidTag:
            raise KeyMissing(f"a ciphertext does not decrypt with key {key_id!r}") from None

    def open(self, blob: bytes | memoryview, key_id: str, purpose: str) -> str:
        return self.open_bytes(blob, key_id, purpose).decode("utf-8")


def key_path() -> Path:
    return Path(settings.DATA_DIR) / "message_keys.json"


def new_key_id() -> str:
    return f"k{timezone.now():%Y%m%d%H%M%S}{secrets.token_hex(2)}"


def new_key_bytes() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def new_key_text() -> str:
    return base64.urlsafe_b64encode(new_key_bytes()).decode()


def _decode(text: str, where: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip().encode())
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ImproperlyConfigured(f"{where}: a message key is 32 bytes in URL-safe base64 "
                                   "(make one with 'palermo messaging new-key')")
    return key


def _from_environment(value: str) -> Keyring:
    keys: dict[str, bytes] = {}
    order: list[str] = []
    for number, item in enumerate(part for part in value.split(",") if part.strip()):
        key_id, _sep, text = item.strip().rpartition(":")
        key_id = key_id or "env"
        keys[key_id] = _decode(text, f"{ENV} entry {number + 1}")
        order.append(key_id)
    if not order:
        raise ImproperlyConfigured(f"{ENV} is set but holds no key")
    return Keyring(order[0], keys, from_environment=True)


def write_file(keyring: Keyring) -> None:
    """Replace the key file in one step, so a reader sees the old or the new keyring."""
    path = key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"current": keyring.current,
            "keys": {k: base64.urlsafe_b64encode(v).decode() for k, v in keyring.keys.items()}}
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(data, handle, indent=1)
    os.replace(temporary, path)


def _from_file() -> Keyring:
    path = key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key_id = new_key_id()
        data = json.dumps({"current": key_id, "keys": {key_id: new_key_text()}})
        # O_EXCL so two processes starting together cannot make two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(data)
    try:
        data = json.loads(path.read_text())
        keys = {k: _decode(v, f"{path} key {k}") for k, v in data["keys"].items()}
        current = data["current"]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ImproperlyConfigured(f"{path} is not a message keyring: {exc}") from None
    if current not in keys:
        raise ImproperlyConfigured(f"{path}: the current key {current!r} is missing")
    return Keyring(current, keys, from_environment=False)


_cache: dict[tuple[object, ...], Keyring] = {}


def keyring() -> Keyring:
    """The keyring now. Read again whenever the file changes, so every server process picks
    up a rotation without a restart."""
    value = settings.PALERMO_MESSAGE_KEY
    if value:
        marker: tuple[object, ...] = ("env", value)
    else:
        path = key_path()
        try:
            stat = path.stat()
            marker = (str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except FileNotFoundError:
            marker = (str(path), None)
    found = _cache.get(marker)
    if found is None:
        found = _from_environment(value) if value else _from_file()
        _cache.clear()
        if marker[-1] is not None:
            _cache[marker] = found
    return found
