"""The Celery application. Without REDIS_URL the settings make every task run eagerly in the web process."""

import os

from celery import Celery
from django_structlog.celery.steps import DjangoStructLogInitStep

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vs_portal.settings")

app = Celery("vs_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Every log line a task writes carries its task id (django-structlog), in the same format as the web's lines.
app.steps["worker"].add(DjangoStructLogInitStep)
