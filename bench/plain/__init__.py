"""A plain one-view Django project: the denominator of bench/run's page figures (bench/README.md).

Django's ``startproject`` settings (its default middleware and apps), DEBUG off, a database that is never
opened, and one view returning "ok" -- served by bench/run under the same gunicorn configuration as the
portal (site/gunicorn.conf.py, the same workers and threads), on another 127.0.0.1 port.
"""
