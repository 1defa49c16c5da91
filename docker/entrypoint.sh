#!/bin/sh
# Apply pending migrations, then replace this shell with the server so it receives signals.
set -eu
improvement-plan migrate
exec improvement-plan serve --no-migrate \
  --host "${IPA_HOST:-0.0.0.0}" --port "${IPA_PORT:-8000}" --workers "${IPA_WORKERS:-2}" "$@"
