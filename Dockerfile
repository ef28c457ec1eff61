# VS-portaal's production image: one image for the web process (gunicorn), the Celery worker and Celery beat.
# docker-compose.yml says which of the three a container runs. Settings come from the environment (.env).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Pango (+ HarfBuzz subsetting and a font) for WeasyPrint's PDFs; gettext to compile the English catalogue.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so that a change in the code does not reinstall them: exactly the versions and files of the
# hashed lock (make lock), transitive ones included, so two builds a month apart install the same software. The
# code runs from /app.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY . .

# Translations and static files are built into the image. The SECRET_KEY here exists only for this build step;
# the running containers get theirs from the environment.
RUN DEBUG=true python manage.py compilemessages --ignore=.venv --verbosity 0 \
    && DEBUG=false SECRET_KEY=build-only-not-a-secret-collectstatic ALLOWED_HOSTS=localhost \
       python manage.py collectstatic --noinput --verbosity 0

# Run as an ordinary user. /data holds uploaded files (a volume in docker-compose.yml); var/ holds Celery beat's
# schedule file.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin vsportaal \
    && mkdir -p /data/media /data/private /app/var \
    && chown -R vsportaal:vsportaal /data /app/var
ENV MEDIA_ROOT=/data/media \
    PRIVATE_MEDIA_ROOT=/data/private
USER vsportaal

EXPOSE 8000
# gunicorn.conf.py (in /app) sets the access log with secret tokens masked; WEB_CONCURRENCY the worker count.
CMD ["gunicorn", "vs_portal.wsgi", "--bind", "0.0.0.0:8000"]
