"""Health probes for the containers and the orchestrator, outside the login (django-health-check).

- ``/_healthz/livez``: the process answers (nothing else is checked: a liveness probe that fails on a database
  outage would restart every web container for nothing).
- ``/_healthz/readyz``: the database, the cache (Redis when configured), the private storage (disk or S3) and, when
  tasks go to a queue, a Celery worker answering a ping. 200 when all are fine, 503 otherwise.

The answer names each check and says "ok" or "niet beschikbaar"; the error itself (which may name a host or a
user) goes to the log, never into the response.
"""

import datetime
import logging

from django.conf import settings
from django.http import JsonResponse
from health_check.checks import Cache, Database, Storage
from health_check.views import HealthCheckView

logger = logging.getLogger(__name__)


def readiness_checks() -> list:
    checks = [
        (Database, {}),
        (Cache, {}),
        (Storage, {"alias": "private"}),
    ]
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        from health_check.contrib.celery import Ping

        from vs_portal.celery import app

        checks.append((Ping, {"app": app, "timeout": datetime.timedelta(seconds=2), "limit": 1}))
    return checks


NAMES = {"Database": "database", "Cache": "cache", "Storage": "opslag", "Ping": "celery"}


class ReadinessView(HealthCheckView):
    def get_checks(self):
        for check, options in readiness_checks():
            yield check(**options)

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            import asyncio

            self.results = await asyncio.gather(*(check.get_result(executor) for check in self.get_checks()))
        body = {}
        for result in self.results:
            name = NAMES.get(type(result.check).__name__, type(result.check).__name__.lower())
            if result.error:
                logger.warning("Gereedheidscontrole %s mislukt: %s", name, result.error)
            body[name] = "niet beschikbaar" if result.error else "ok"
        healthy = not any(result.error for result in self.results)
        return JsonResponse(
            {"status": "ok" if healthy else "niet beschikbaar", "checks": body}, status=200 if healthy else 503
        )


class LivenessView(HealthCheckView):
    async def get(self, request, *args, **kwargs):
        return JsonResponse({"status": "ok"})
