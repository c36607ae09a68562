"""The ``palermo`` command: Django's management commands with Palermo's settings.

``palermo --help`` lists them all; Palermo's own (init, demo, serve, createuser, token,
audit, backup, restore) come first.
"""

from __future__ import annotations

import os
import sys

OWN_COMMANDS = {
    "init": "migrate the database and create the first administrator",
    "demo": "seed demo agencies, users and records (idempotent)",
    "serve": "serve Palermo with a production HTTP server (Granian)",
    "createuser": "create a user in an agency with roles",
    "token": "create, list or revoke API tokens",
    "audit": "verify the audit chain",
    "backup": "write a consistent backup of the database to a file",
    "restore": "restore the database from a backup file",
    "check": "check the configuration and the vocabularies",
    "screening": "import watch lists, or check a passport, document, vehicle or name",
    "messaging": "rotate the key that encrypts messages, or make one for the environment",
    "library": "rebuild the knowledge library's search index",
    "exchange": "keys, the trust store and case-report files for the cross-border exchange",
    "notices": "daily sweep (expiry, lapsed suspensions); INTERPOL-format import and export",
    "insights": "import GLOTIP global figures, write the k-anonymised open data",
}


def _help() -> str:
    width = max(map(len, OWN_COMMANDS))
    lines = ["usage: palermo COMMAND [options]", "", "Palermo commands:"]
    lines += [f"  {name.ljust(width)}  {text}" for name, text in OWN_COMMANDS.items()]
    lines += ["", "Every Django management command works too (palermo migrate, palermo shell…);",
              "'palermo COMMAND --help' explains one. 'palermo help --all' lists them all."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palermo.settings")
    if len(argv) < 2 or argv[1] in {"-h", "--help"}:
        print(_help())
        return
    if argv[1:3] == ["help", "--all"]:
        argv = [argv[0], "help"]
    from django.core.management import execute_from_command_line

    execute_from_command_line(["palermo", *argv[1:]])


if __name__ == "__main__":
    main()
