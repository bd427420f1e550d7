#!/usr/bin/env bash
# Builds the real Pulumi YAML language host (pulumi-language-yaml) from its Go module, through
# the Go module proxy, into a cache directory, so that the real CLI can run Pulumi YAML
# programs in the engine tests. The CLI's own distribution ships the same host.
#
# Usage:
#   export PATH="$(scripts/install-yaml-language-host.sh | tail -1):$PATH"
#
# Progress goes to stderr; the bin directory is printed (alone) on stdout as the last line.
# A cold build takes about a minute on 2 cores once the CLI's modules are in the Go cache.
#
# Environment:
#   FORCE=1               rebuild the cached binary.
#   PRODREADY_CACHE       cache root (default: $HOME/.cache/prodready).
#   PULUMI_YAML_VERSION   the github.com/pulumi/pulumi-yaml release (default below).
set -euo pipefail

log() { printf '%s\n' "install-yaml-language-host: $*" >&2; }
die() { log "error: $*"; exit 1; }

command -v go >/dev/null || die "go is required (https://go.dev/dl, or apt-get install golang)"

version="${PULUMI_YAML_VERSION:-1.25.0}"
version="${version#v}"
bin="${PRODREADY_CACHE:-$HOME/.cache/prodready}/pulumi-yaml/$version/bin"
target="$bin/pulumi-language-yaml"

# Test files that start side by side may ask at once: one builds, the others wait and find it cached.
mkdir -p "$bin"
if command -v flock >/dev/null; then exec 9>"$bin/.lock"; flock 9; fi

if [[ "${FORCE:-0}" != 1 && -x "$target" ]]; then
  log "cached in $bin"
  echo "$bin"
  exit 0
fi

mkdir -p "$bin"
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi"
log "building github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$version"
# The module has no replace directives, so `go install` builds it as published.
GOBIN="$bin" go install -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=v$version" \
  "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$version" >&2 \
  || die "could not build pulumi-language-yaml v$version through GOPROXY=$(go env GOPROXY)"
log "built $target"
echo "$bin"
