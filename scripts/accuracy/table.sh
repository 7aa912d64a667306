#!/bin/sh
# Every row of docs/accuracy.md: scripts/accuracy/table.sh <checkouts-dir> [cli.js]
# <checkouts-dir> holds a checkout of each repository under the name below, at the commit the table names.
set -e
here=$(cd "$(dirname "$0")" && pwd)
dir=$1
cli=${2:-$here/../../dist/cli.js}
maps=$here/../../docs/accuracy/maps
echo '| repository (commit) | oracle | files | edges: precision · recall | (file, journey) pairs: precision · recall | entry points: precision · recall |'
echo '|---|---|---:|---|---|---|'
for row in \
  nestjs-realworld-example-app:nestjs-realworld:ts \
  node-express-realworld-example-app:express-realworld:ts \
  spring-petclinic:spring-petclinic:java \
  spring-petclinic-rest:spring-petclinic-rest:java \
  django-realworld-example-app:django-realworld:python \
  healthchecks:healthchecks:python \
  fastapi-realworld-example-app:fastapi-realworld:python \
  flask-realworld-example-app:flask-realworld:python \
  golang-gin-realworld-example-app:gin-realworld:go \
  echo-realworld:echo-realworld:go; do
  repo=${row%%:*}; rest=${row#*:}; map=${rest%%:*}; oracle=${rest#*:}
  node "$here/run.mjs" "$dir/$repo" "$maps/$map.cx-map.yaml" --oracle "$oracle" --cli "$cli"
done
