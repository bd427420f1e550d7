#!/usr/bin/env bash
# Builds the real Kubernetes resource provider (pulumi-resource-kubernetes) from its Go
# module, through the Go module proxy, into a cache directory, for the engine tests.
#
# Usage:
#   export PATH="$(scripts/install-kubernetes-provider.sh | tail -1):$PATH"
#
# Progress goes to stderr; the bin directory is printed (alone) on stdout as the last line.
# A second run with the binary in place takes a second. A cold build takes about 9 minutes
# on 2 cores and about 4 GB of Go build cache; the binary is about 300 MB.
#
# Environment:
#   FORCE=1                 rebuild the cached binary.
#   PRODREADY_CACHE         cache root (default: $HOME/.cache/prodready).
#   KUBERNETES_VERSION      the version the binary reports (default: @pulumi/kubernetes in
#                           node_modules), so that the engine loads it for the npm SDK's
#                           requests instead of looking for another plugin.
#   KUBERNETES_PROVIDER_MODULE_VERSION
#                           the module version to build (default below).
#
# Why the module is copied before it is built: github.com/pulumi/pulumi-kubernetes/provider/v4
# is only published untagged (the pseudo-version below is what `@latest` resolves to), its
# go.mod replaces the SDK module with `../sdk`, and its command embeds files that its own
# generate.go writes from schema.json. So the module and the SDK module it requires are
# copied side by side into <cache>/src, generate.go is run there, and the command is built
# from that copy; nothing is changed in them.
set -euo pipefail

log() { printf '%s\n' "install-kubernetes-provider: $*" >&2; }
die() { log "error: $*"; exit 1; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v go >/dev/null || die "go is required (https://go.dev/dl, or apt-get install golang)"
command -v node >/dev/null || die "node is required"

module="github.com/pulumi/pulumi-kubernetes/provider/v4"
module_version="${KUBERNETES_PROVIDER_MODULE_VERSION:-v4.0.0-20260115033456-f47bc2d6f199}"

version="${KUBERNETES_VERSION:-}"
if [[ -z "$version" && -f "$repo/node_modules/@pulumi/kubernetes/package.json" ]]; then
  version="$(node -p 'require(process.argv[1]).version' "$repo/node_modules/@pulumi/kubernetes/package.json")"
fi
version="${version#v}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "cannot tell the @pulumi/kubernetes version (got '$version'); run npm ci or set KUBERNETES_VERSION"

cache="${PRODREADY_CACHE:-$HOME/.cache/prodready}/kubernetes-provider/$module_version-$version"
src="$cache/src"
bin="$cache/bin"
target="$bin/pulumi-resource-kubernetes"

# Test files that start side by side may ask at once: one builds, the others wait and find it cached.
mkdir -p "$bin"
if command -v flock >/dev/null; then exec 9>"$bin/.lock"; flock 9; fi

if [[ "${FORCE:-0}" != 1 && -x "$target" ]]; then
  log "cached in $bin"
  echo "$bin"
  exit 0
fi

# The checksum database does not know every pulumi module version the proxy serves.
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi"
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod"

download() { # module@version -> its directory in the module cache
  go mod download -json "$1" | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const m = JSON.parse(s);
      if (m.Error || !m.Dir) { console.error(m.Error || "no directory"); process.exit(1); }
      console.log(m.Dir);
    });'
}

log "downloading $module@$module_version"
rm -rf "$src"
mkdir -p "$src" "$bin"
# `go mod download` needs a module to run in; an empty one in the source folder will do.
(cd "$src" && go mod init prodready.local/kubernetes-provider >/dev/null 2>&1)
provider_dir="$(cd "$src" && download "$module@$module_version")" || die "the module proxy did not serve $module@$module_version"
cp -R "$provider_dir" "$src/provider"
chmod -R u+w "$src/provider"

sdk_version="$(cd "$src/provider" && go list -m -f '{{if .Replace}}{{.Version}}{{end}}' github.com/pulumi/pulumi-kubernetes/sdk/v4 2>/dev/null || true)"
if [[ -z "$sdk_version" ]]; then
  sdk_version="$(awk '$1 == "github.com/pulumi/pulumi-kubernetes/sdk/v4" { print $2; exit }' "$src/provider/go.mod")"
fi
[[ -n "$sdk_version" ]] || die "cannot tell which github.com/pulumi/pulumi-kubernetes/sdk/v4 the provider requires"
log "downloading github.com/pulumi/pulumi-kubernetes/sdk/v4@$sdk_version (the provider's ../sdk)"
sdk_dir="$(cd "$src" && download "github.com/pulumi/pulumi-kubernetes/sdk/v4@$sdk_version")" \
  || die "the module proxy did not serve github.com/pulumi/pulumi-kubernetes/sdk/v4@$sdk_version"
cp -R "$sdk_dir" "$src/sdk"
chmod -R u+w "$src/sdk"

log "writing the embedded schema for version $version (the module's generate.go)"
(cd "$src/provider/cmd/pulumi-resource-kubernetes" && VERSION="$version" go run generate.go) >&2

log "building pulumi-resource-kubernetes $version (about 9 minutes on 2 cores when the Go build cache is cold)"
(cd "$src/provider" && go build -trimpath \
  -ldflags "-s -w -X $module/pkg/version.Version=$version" \
  -o "$target.tmp" ./cmd/pulumi-resource-kubernetes) >&2
mv -f "$target.tmp" "$target"
log "built $target"
echo "$bin"
