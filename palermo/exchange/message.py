"""The HST case-report message as bytes and as a dictionary: reading with errors that say
where (byte, line and column, JSON path), validation against the versioned JSON Schema, and
the Ed25519 signature over its canonical form. Pure Python: no Django here (badinput is
pure Python too)."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from jsonschema import Draft202012Validator, FormatChecker

from palermo.web import badinput

FORMAT = "palermo-hst"
RECEIPT = "palermo-hst-receipt"
SCHEMAS = {FORMAT: "hst", RECEIPT: "receipt"}
VERSIONS = ("1.0",)
CURRENT = "1.0"
MAX_BYTES = 20 * 1024 * 1024
MAX_ERRORS = 50


class MessageError(Exception):
    """A message refused, with where it is wrong (a JSON path such as ``$.case.persons[2]``)."""

    def __init__(self, reason: str, path: str = "", errors: list[str] | None = None) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.reason, self.path, self.errors = reason, path, errors or []


@cache
def schema(version: str, kind: str = FORMAT) -> dict[str, Any]:
    if version not in VERSIONS:
        raise MessageError(f"version {version!r} is not known here; this installation reads "
                           f"{', '.join(VERSIONS)}", "$.version")
    text = resources.files("palermo.exchange").joinpath(
        f"schema/{SCHEMAS.get(kind, 'hst')}-{version}.json")
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return loaded


def parse(raw: bytes, formats: tuple[str, ...] = (FORMAT,)) -> dict[str, Any]:
    """Bytes to a message (or receipt) dictionary whose format and version are known."""
    if len(raw) > MAX_BYTES:
        raise MessageError(f"the message is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MessageError(f"not UTF-8 at byte {exc.start}") from None
    try:
        data = badinput.loads(text)
    except json.JSONDecodeError as exc:
        raise MessageError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column "
                           f"{exc.colno}") from None
    except badinput.BadJson as exc:
        raise MessageError(str(exc)) from None
    # Text the database cannot store, or a number no column holds, is refused here, where
    # the path can still be named.
    found = next(badinput.problems(data), None)
    if found is not None:
        raise MessageError(found[1], _path(found[0]))
    if not isinstance(data, dict):
        raise MessageError("a message is a JSON object", "$")
    if data.get("format") not in formats:
        raise MessageError(f"format must be {' or '.join(map(repr, formats))}", "$.format")
    schema(str(data.get("version")))  # an unknown version is refused before anything else
    return data


def _path(parts: Any) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def validate(message: Mapping[str, Any]) -> None:
    """Refuse a message that does not follow its version's schema, naming every place."""
    validator = Draft202012Validator(
        schema(str(message.get("version")), str(message.get("format", FORMAT))),
        format_checker=FormatChecker())
    found = sorted(validator.iter_errors(message), key=lambda e: list(map(str, e.path)))
    if found:
        errors = [f"{_path(e.absolute_path)}: {e.message}" for e in found[:MAX_ERRORS]]
        first = found[0]
        raise MessageError(first.message, _path(first.absolute_path), errors)


def canonical(message: Mapping[str, Any]) -> bytes:
    """What is signed: the message without its signature, keys sorted, no spaces, UTF-8."""
    unsigned = {k: v for k, v in message.items() if k != "signature"}
    return json.dumps(unsigned, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    """A short, stable name for a public key: the start of its SHA-256, URL-safe."""
    digest = hashlib.sha256(public_bytes(key)).digest()
    return base64.urlsafe_b64encode(digest[:12]).decode().rstrip("=")


def public_key_from_text(text: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        raise MessageError("not an Ed25519 public key (32 bytes in base64)") from None


def sign(message: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    signature = key.sign(canonical(message))
    return {**message, "signature": {"alg": "Ed25519", "key_id": key_id(key.public_key()),
                                     "value": base64.b64encode(signature).decode()}}


def verify(message: Mapping[str, Any], trusted: Mapping[str, Ed25519PublicKey]) -> str:
    """The key id that signed the message, or why it cannot be trusted."""
    signature = message.get("signature")
    if not isinstance(signature, dict) or not signature.get("value"):
        raise MessageError("the message is not signed", "$.signature")
    key = trusted.get(str(signature.get("key_id")))
    if key is None:
        raise MessageError(f"signed with key {signature.get('key_id')!r}, which is not in the "
                           "trust store", "$.signature.key_id")
    try:
        key.verify(base64.b64decode(str(signature["value"])), canonical(message))
    except (InvalidSignature, ValueError):
        raise MessageError("the signature does not match: the message was changed after it "
                           "was signed, or signed with another key", "$.signature") from None
    return str(signature["key_id"])


def sign_bytes(body: bytes, key: Ed25519PrivateKey) -> str:
    return base64.b64encode(key.sign(body)).decode()


def verify_bytes(body: bytes, signature: str, key: Ed25519PublicKey) -> bool:
    try:
        key.verify(base64.b64decode(signature), body)
    except (InvalidSignature, ValueError):
        return False
    return True
