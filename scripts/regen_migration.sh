#!/usr/bin/env bash
# Regenerate the initial migration from persistence/tables.py. Only while 0001 has not been
# released; after a release, add a new revision instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
f=persistence/migrations/versions/0001_initial_schema.py
rm -f "$f"
PYTHONPATH=. .venv/bin/alembic -x unused=1 -c alembic.ini -q \
  revision --autogenerate -m "initial schema" --rev-id 0001 \
  2>/dev/null || true
sed -i -E 's/persistence\.types\.(Scaled|Instant)\(\)/sa.BigInteger()/g' "$f"
sed -i -E '/^# ### commands auto generated/d; /^    # ### (commands auto generated|end Alembic commands)/d' "$f"
rm -rf "$scratch" scratch-alembic.sqlite3
echo "regenerated $f"
