import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palermo.settings")
application = get_wsgi_application()

# A server process also tells owners of screening hits after the answer (screening/outbox.py).
from palermo.screening import outbox  # noqa: E402 -- needs the apps loaded above

outbox.start()
