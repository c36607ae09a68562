"""The offline copy of the watch lists for a border post without a connection (the MIND idea).

One file: a first line naming the format, a JSON header line (when it was made, how many
records, the Ed25519 signature), then the gzip-compressed records. The post holds only the
public key: a copy changed after it was made, or made with another key, does not load.
The checks are the server's own: the same document normalisation and confusables, the same
PersonIndex and threshold.
"""

from __future__ import annotations

import base64
import gzip
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from palermo.names.index import PersonIndex
from palermo.names.names import DEFAULT_THRESHOLD
from palermo.screening.engine.documents import confusable_variants, normalise

MAGIC = b"PALERMO-OFFLINE-WATCHLISTS 1\n"


class OfflineCopyError(ValueError):
    """The file is not an offline copy, or its signature does not hold."""


def new_private_key_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())


def public_key_pem(private_pem: bytes) -> bytes:
    key = serialization.load_pem_private_key(private_pem, password=None)
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def pack(records: dict[str, list[dict[str, Any]]], made_at: str, private_pem: bytes) -> bytes:
    key = serialization.load_pem_private_key(private_pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise OfflineCopyError("the signing key is not an Ed25519 key")
    body = gzip.compress(json.dumps({"made_at": made_at, "records": records},
                                    ensure_ascii=False, sort_keys=True).encode("utf-8"),
                         mtime=0)
    header = {"made_at": made_at, "counts": {k: len(v) for k, v in records.items()},
              "signature": base64.b64encode(key.sign(body)).decode("ascii")}
    return MAGIC + json.dumps(header, sort_keys=True).encode("utf-8") + b"\n" + body


@dataclass(frozen=True)
class OfflineHit:
    kind: str
    score: float
    record: dict[str, Any]


class OfflineList:
    def __init__(self, made_at: str, records: dict[str, list[dict[str, Any]]]) -> None:
        self.made_at = made_at
        self.documents: dict[str, list[dict[str, Any]]] = {}
        for document in records.get("documents", []):
            self.documents.setdefault(document["number"], []).append(document)
        self.vehicles: dict[str, list[dict[str, Any]]] = {}
        for vehicle in records.get("vehicles", []):
            for key in (vehicle.get("vin"), vehicle.get("plate")):
                if key:
                    self.vehicles.setdefault(key, []).append(vehicle)
        self.persons = {person["id"]: person for person in records.get("persons", [])}
        self.index = PersonIndex()
        for person in self.persons.values():
            self.index.add(person["id"], person["names"], birth_date=person.get("birth_date"),
                           nationalities=person.get("nationalities") or (),
                           sex=person.get("sex") or None)

    @classmethod
    def load(cls, data: bytes, public_pem: bytes) -> OfflineList:
        if not data.startswith(MAGIC):
            raise OfflineCopyError("not an offline watch-list copy (wrong first line)")
        header_line, _, body = data[len(MAGIC):].partition(b"\n")
        try:
            header = json.loads(header_line)
            signature = base64.b64decode(header["signature"])
        except (ValueError, KeyError) as exc:
            raise OfflineCopyError(f"the header line is damaged: {exc}") from None
        key = serialization.load_pem_public_key(public_pem)
        if not isinstance(key, Ed25519PublicKey):
            raise OfflineCopyError("the public key is not an Ed25519 key")
        try:
            key.verify(signature, body)
        except InvalidSignature:
            raise OfflineCopyError("the signature does not hold: the copy was changed after "
                                   "it was made, or made with another key") from None
        content = json.loads(gzip.decompress(body))
        return cls(content["made_at"], content["records"])

    def check(self, *, document: str = "", vin: str = "", plate: str = "", name: str = "",
              birth_date: str | None = None, nationality: str | None = None,
              sex: str | None = None) -> list[OfflineHit]:
        hits: list[OfflineHit] = []
        if document:
            number = normalise(document)
            hits += [OfflineHit("document", 1.0, r) for r in self.documents.get(number, [])]
            for near in confusable_variants(number):
                hits += [OfflineHit("document", 0.8, r) for r in self.documents.get(near, [])]
        for key in (normalise(vin), normalise(plate)):
            if key:
                hits += [OfflineHit("vehicle", 1.0, r) for r in self.vehicles.get(key, [])]
        if name:
            for person_id, score in self.index.search(name, birth_date=birth_date,
                                                      nationality=nationality, sex=sex):
                if score >= DEFAULT_THRESHOLD:
                    hits.append(OfflineHit("person", score, self.persons[person_id]))
        return sorted(hits, key=lambda h: -h.score)
