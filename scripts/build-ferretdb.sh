#!/usr/bin/env bash
# Builds FerretDB 1.24.x (SQLite backend) into a project-local tools folder with Go.
# Usage: scripts/build-ferretdb.sh <bin-dir>
#
# It builds from the module source rather than with a bare `go install`, for two reasons
# seen here: the Go module proxy refuses v1.24.1, and `go install ...@v1.24.0` fails on
# the proxy's deprecation lookup (and would panic at start without the generated
# build/version/version.txt). Building the source also lets us add one patch,
# ferretdb/caseline_write_lock.go: FerretDB 1.x does not apply findAndModify/update
# atomically (a query, then a write by _id), which MongoDB does and Caseline relies on.
set -euo pipefail
bin_dir="$1"
mkdir -p "$bin_dir"
bin_dir="$(cd "$bin_dir" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
stamp="$(cat "$here/ferretdb/STAMP")"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

for version in v1.24.1 v1.24.0; do
  echo "caseline: fetching FerretDB $version source through the Go module proxy" >&2
  dir="$(go mod download -json "github.com/FerretDB/FerretDB@$version" 2>/dev/null | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p' || true)"
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    echo "caseline: FerretDB $version is not available" >&2
    continue
  fi
  src="$(dirname "$bin_dir")/ferretdb-src"
  rm -rf "$src"
  cp -r "$dir" "$src"
  chmod -R u+w "$src"
  echo "$version" > "$src/build/version/version.txt"
  cp "$here/ferretdb/caseline_write_lock.go" "$src/internal/handler/"
  sed -i 's/^\th\.initCommands()$/\th.initCommands()\n\tcaselineSerializeWrites(h)/' "$src/internal/handler/handler.go"
  grep -q 'caselineSerializeWrites(h)' "$src/internal/handler/handler.go"
  # Second patch: answer a filter that names one _id from the primary key even when it
  # has more conditions ({_id, version: 7}); FerretDB re-checks the whole filter on what
  # the query returns, so only the scan of every other document goes away.
  sed -i 's/^\tif params\.Filter\.Len() == 1 {$/\tif params.Filter.Len() >= 1 { \/\/ caseline: _id pushdown with more conditions/' \
    "$src/internal/backends/sqlite/collection.go"
  [ "$(grep -c 'caseline: _id pushdown' "$src/internal/backends/sqlite/collection.go")" = 2 ]
  # Third: look _id up with the same expression the _id index is built on
  # (`_ferretdb_sjson->"_id"`); with '$._id' SQLite cannot use the index and scans.
  sed -i "s|^\tIDColumn = DefaultColumn + \"->'\$\._id'\"$|\tIDColumn = DefaultColumn + \"->\\\\\"_id\\\\\"\" // caseline: the _id index expression|" \
    "$src/internal/backends/sqlite/metadata/metadata.go"
  grep -q 'caseline: the _id index expression' "$src/internal/backends/sqlite/metadata/metadata.go"
  echo "caseline: building FerretDB $version (first build downloads its modules and compiles; minutes)" >&2
  if (cd "$src" && go build -trimpath -o "$bin_dir/ferretdb" ./cmd/ferretdb) && "$bin_dir/ferretdb" --version >/dev/null; then
    echo "$version $stamp" > "$bin_dir/ferretdb.version"
    rm -rf "$src"
    exit 0
  fi
done
echo "caseline: could not build FerretDB 1.24.x with $(go version)" >&2
exit 1
