"""The owner's message of a screening hit, sent after the answer from an outbox (issue 19).

The alerts committed with the check are the outbox: an alert whose ``owner_told_at`` is empty
has not been told yet. Delivering claims one check's alerts for one agency (sets
``owner_told_at``) and writes the message in the same transaction, so a message is sent once
or not at all: a second deliverer finds nothing left to claim, and a delivery that fails
rolls its claim back and is tried again. Delivery is at least once because every server
process runs a deliverer (:func:`start`, from palermo/wsgi.py): it tells the owners of each
hit right after the check answers, and at start and every few seconds it catches up what a
crash, or another process, left untold. ``palermo screening deliver`` does the same once.

Outside a server (a command, a shell, a test) nothing runs in the background: a check's
alerts are told as soon as they are committed, before the check returns.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone, translation

from palermo.screening import alerts
from palermo.screening.models import Alert

logger = logging.getLogger(__name__)

# How often a server process looks for alerts left untold.
SWEEP_SECONDS = 5.0
# Alerts told per transaction: a backlog after an outage is worked off in passes this size,
# each short enough not to hold up the checks waiting to write (a message holds the writer
# lock about 3 ms; 100 at a time raised the p99 of checks at 20% hits to 560 ms).
BATCH = 10

_lock = threading.Lock()
_queue: list[int] = []
_wake = threading.Event()
# The process whose deliverer thread runs: a forked worker starts its own.
_running_in: int | None = None


def paused() -> bool:
    """Only for tests of a crash between a hit's commit and its message: the alerts stay in
    the outbox until a deliverer that is not paused (another start, the command) tells
    them."""
    return bool(getattr(settings, "PALERMO_OUTBOX_PAUSED", False))


def deliver(alert_ids: Iterable[int] | None = None) -> int:
    """Tell the owners of the untold alerts (of ``alert_ids``, or up to BATCH of any), one
    message per check and owning agency; return how many messages were sent. A message that
    fails leaves its alerts untold, and is logged; the others are still sent."""
    pending = Alert.objects.filter(owner_told_at__isnull=True)
    if alert_ids is not None:
        pending = pending.filter(pk__in=list(alert_ids))
    ids = list(pending.order_by("id").values_list("id", flat=True)[:BATCH])
    if not ids:
        return 0
    now = timezone.now()
    sent = 0
    # The message is stored as written: in the installation's language, not in the language
    # of whichever officer or process happens to deliver it.
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        # Every claim first, the messages (and the audit chain's lock) after: a deliverer
        # that waits for the chain then holds no claim another one waits for.
        Alert.objects.filter(pk__in=ids, owner_told_at__isnull=True).update(owner_told_at=now)
        groups: dict[tuple[int, int], list[Alert]] = {}
        for alert in (Alert.objects.filter(pk__in=ids, owner_told_at=now)
                      .select_related("checked_by__agency").order_by("id")):
            check = alert.check_seq if alert.check_seq is not None else -alert.pk
            groups.setdefault((check, alert.agency_id), []).append(alert)
        for group in groups.values():
            try:
                with transaction.atomic():
                    alerts.tell_owner(group)
                sent += 1
            except Exception:
                logger.exception("screening alerts %s: the owner's message failed; they "
                                 "stay in the outbox", [a.pk for a in group])
                Alert.objects.filter(pk__in=[a.pk for a in group]).update(owner_told_at=None)
    return sent


def hand_over(alert_ids: list[int]) -> None:
    """A check committed these alerts: have their owner told. In a server process the
    deliverer thread does it after the answer; inside a caller's transaction, or where no
    deliverer runs, it is done here and now."""
    if not alert_ids or paused():
        return
    if _running_in != os.getpid() or transaction.get_connection().in_atomic_block:
        deliver(alert_ids)
        return
    with _lock:
        _queue.extend(alert_ids)
    _wake.set()


def start() -> None:
    """Run this process's deliverer thread (once). It tells what is handed over as soon as
    it is, and catches up on every untold alert at start and every SWEEP_SECONDS."""
    global _running_in
    with _lock:
        if paused() or _running_in == os.getpid():
            return
        _running_in = os.getpid()
    threading.Thread(target=_run, name="screening-outbox", daemon=True).start()


def untold() -> int:
    return Alert.objects.filter(owner_told_at__isnull=True).count()


def catch_up() -> int:
    """Tell every untold alert, pass after pass; return how many messages were sent."""
    sent = total = deliver()
    while sent:
        sent = deliver()
        total += sent
    return total


def _run() -> None:
    sweep_due = time.monotonic()  # at start, at once
    while True:
        _wake.wait(max(0.0, sweep_due - time.monotonic()))
        _wake.clear()
        with _lock:
            handed = _queue[:]
            _queue.clear()
        close_old_connections()
        try:
            for first in range(0, len(handed), BATCH):
                deliver(handed[first:first + BATCH])
            if time.monotonic() >= sweep_due:
                sweep_due = time.monotonic() + SWEEP_SECONDS
                catch_up()
        except Exception:
            # The database may be away for a moment: the next sweep tries again.
            logger.exception("the screening outbox's deliverer failed a pass")
