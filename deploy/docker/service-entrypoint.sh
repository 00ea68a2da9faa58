#!/bin/sh
# serve (default): run the service named by SERVICE. migrate [service]: apply pending migrations of all
# services (or of one) to DATABASE_URL, then exit. Anything else is executed as given.
set -e
cd /app
case "${1:-serve}" in
  serve)
    exec node -r ./tools/register-paths.cjs "dist/apps/${SERVICE:?SERVICE must name the service to run}/src/main.js"
    ;;
  migrate)
    shift
    exec node tools/migrate.mjs "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
