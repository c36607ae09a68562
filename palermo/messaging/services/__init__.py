"""The rules of messaging, split by concept: ``rules`` (who may write to whom, what a
message must carry), ``access`` (who sees which thread, message and forward request),
``sending``, ``reading`` and ``forwarding``. Other capabilities call only what is
re-exported here, e.g. ``messaging.services.notify_agency``."""

from palermo.messaging.services.access import forward_status, get_message, visible_threads
from palermo.messaging.services.forwarding import (
    ask_permission,
    decidable,
    decide,
    forward,
    get_request,
)
from palermo.messaging.services.reading import (
    acknowledge,
    attachment,
    awaiting_acknowledgement,
    inbox,
    open_thread,
    unread_count,
)
from palermo.messaging.services.rules import Content, Refusals, check_content
from palermo.messaging.services.sending import (
    Recipients,
    check_new,
    notify_agency,
    reply,
    start,
)

__all__ = [
    "Content", "Recipients", "Refusals", "acknowledge", "ask_permission", "attachment",
    "awaiting_acknowledgement", "check_content", "check_new", "decidable", "decide",
    "forward", "forward_status",
    "get_message", "get_request", "inbox", "notify_agency", "open_thread", "reply", "start",
    "unread_count", "visible_threads",
]
