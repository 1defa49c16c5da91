#!/bin/sh
# Apply pending migrations, then replace this shell with the server so it receives signals.
# Production (the image's IPA_ENVIRONMENT): no seed plan unless IPA_SEED=true or --seed is
# passed; the first admin key goes to IPA_ADMIN_KEY_FILE (default /srv/var/first-admin-key).
set -eu
improvement-plan migrate
exec improvement-plan serve --no-migrate \
  --host "${IPA_HOST:-0.0.0.0}" --port "${IPA_PORT:-8000}" --workers "${IPA_WORKERS:-2}" "$@"
