"""``gunicorn -c site/gunicorn.conf.py plain.wsgi`` (with bench/ on PYTHONPATH)."""

import os

from django.core.wsgi import get_wsgi_application

# bench/run exports the portal's settings module for everything else; this project is always its own.
os.environ["DJANGO_SETTINGS_MODULE"] = "plain.settings"
application = get_wsgi_application()
