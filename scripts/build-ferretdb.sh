#!/usr/bin/env bash
# Builds FerretDB 1.24.x (SQLite backend) into a project-local tools folder with Go.
# Usage: scripts/build-ferretdb.sh <bin-dir>
# Tries `go install` of v1.24.1 then v1.24.0. When the module proxy serves only a
# version whose `go install` cannot finish (seen here: v1.24.1 is refused, and
# `go install ...@v1.24.0` fails on the deprecation lookup and would panic without
# build/version/version.txt), it builds the downloaded v1.24.0 module from source with
# that generated file added, which is what FerretDB's own `task gen-version` does.
set -euo pipefail
bin_dir="$1"
mkdir -p "$bin_dir"
bin_dir="$(cd "$bin_dir" && pwd)"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

works() { "$bin_dir/ferretdb" --version >/dev/null 2>&1; }

for version in v1.24.1 v1.24.0; do
  echo "caseline: go install github.com/FerretDB/FerretDB/cmd/ferretdb@$version" >&2
  if GOBIN="$bin_dir" go install "github.com/FerretDB/FerretDB/cmd/ferretdb@$version" && works; then
    echo "$version" > "$bin_dir/ferretdb.version"
    exit 0
  fi
done

for version in v1.24.1 v1.24.0; do
  echo "caseline: building FerretDB $version from its module source" >&2
  dir="$(go mod download -json "github.com/FerretDB/FerretDB@$version" 2>/dev/null | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p' || true)"
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then continue; fi
  src="$(dirname "$bin_dir")/ferretdb-src"
  rm -rf "$src"
  cp -r "$dir" "$src"
  chmod -R u+w "$src"
  echo "$version" > "$src/build/version/version.txt"
  if (cd "$src" && go build -trimpath -o "$bin_dir/ferretdb" ./cmd/ferretdb) && works; then
    echo "$version" > "$bin_dir/ferretdb.version"
    rm -rf "$src"
    exit 0
  fi
done
echo "caseline: could not build FerretDB 1.24.x with $(go version)" >&2
exit 1
