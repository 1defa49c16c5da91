# syntax=docker/dockerfile:1
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# pg_dump and pg_restore for `improvement-plan backup` and `restore`. Debian's own
# version: it is the one the base image's security updates keep current.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install --yes --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /srv --no-create-home app
WORKDIR /srv

# Pango, HarfBuzz and a font, which WeasyPrint needs to draw the board pack as PDF. Debian
# moves its versions with its security updates, so they are not pinned.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Dependencies in their own layer: it is rebuilt only when pyproject.toml changes.
COPY pyproject.toml README.md ./
RUN mkdir app && touch app/__init__.py \
    && pip install . \
    && pip uninstall --yes improvement-plan-api \
    && rm -rf app

COPY app ./app
COPY migrations ./migrations
COPY seed ./seed
COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh
RUN pip install --no-deps . && mkdir -p /srv/var && chown 10001:10001 /srv/var

USER 10001:10001
# /metrics on a port of its own, for a Prometheus on the internal network only.
ENV IPA_ENVIRONMENT=production \
    IPA_LOG_FORMAT=json \
    IPA_HOST=0.0.0.0 \
    IPA_PORT=8000 \
    IPA_METRICS_HOST=0.0.0.0 \
    IPA_METRICS_PORT=9464
EXPOSE 8000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/ready', timeout=4).status != 200)"]
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
