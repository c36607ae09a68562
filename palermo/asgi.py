import os
import warnings

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palermo.settings")
# whitenoise and the audit CSV export stream from synchronous iterators; Django runs them in a
# thread, which is what we want, and warns about it on every static file.
warnings.filterwarnings(
    "ignore", message="StreamingHttpResponse must consume synchronous iterators",
    category=Warning, module="django.core.handlers.asgi",
)
application = get_asgi_application()
