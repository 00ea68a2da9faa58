#!/bin/sh
# First start only (empty data directory): the engine keeps its tables in a database of its own.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -c "CREATE DATABASE oversight_engine OWNER \"$POSTGRES_USER\""
