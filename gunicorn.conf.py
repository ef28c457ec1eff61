"""gunicorn's settings (read from the working directory by every `gunicorn` started in /app or the repository).

Access log to stdout, with the secret tokens in addresses masked (vs_portal/logs.py); the worker count from
WEB_CONCURRENCY (gunicorn reads it itself)."""

accesslog = "-"
logger_class = "vs_portal.logs.RedactingGunicornLogger"
# The address the request came from, as the reverse proxy passed it on.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
