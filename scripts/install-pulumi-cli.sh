#!/usr/bin/env bash
# Builds the Pulumi CLI (the same version as the @pulumi/pulumi npm SDK in
# node_modules) and a Node.js language host from Go modules, through the Go
# module proxy, into a cache directory; no other download is needed.
#
# Usage:
#   export PATH="$(scripts/install-pulumi-cli.sh | tail -1):$PATH"
#
# Progress goes to stderr; the bin directory is printed (alone) on stdout as the
# last line. A second run with the binaries in place takes seconds.
#
# Environment:
#   FORCE=1            build even if a `pulumi` is already on the PATH, and
#                      rebuild the cached binaries.
#   PRODREADY_CACHE    cache root (default: $HOME/.cache/prodready); the build
#                      goes to $PRODREADY_CACHE/pulumi-cli/<version>/{src,bin}.
#   PULUMI_VERSION     override the version (default: node_modules/@pulumi/pulumi,
#                      else the "@pulumi/pulumi" pin in package.json); "latest" is the
#                      newest release of github.com/pulumi/pulumi/pkg/v3 the Go module proxy
#                      lists. A `pulumi` on the PATH is used only if it is that version.
#
# Newer versions need a newer Go (pkg/v3 v3.277.0 says `go 1.26.6`): with the default
# GOTOOLCHAIN=auto, go fetches that toolchain through the module proxy itself.
#
# What ends up in <cache>/bin:
#   pulumi                          the real CLI, built from
#                                   github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v<version>
#   pulumi-language-nodejs          the real language host if the proxy serves its
#                                   module (github.com/pulumi/pulumi/sdk/nodejs/cmd/
#                                   pulumi-language-nodejs/v3, untagged: pseudo-version of the
#                                   release commit); otherwise (the proxy answers 403 for that
#                                   module today) the stand-in in
#                                   tests/engine/provider-double/langhost, which runs the
#                                   npm package's own @pulumi/pulumi/cmd/run and
#                                   cmd/run-policy-pack entry points.
#   pulumi-resource-pulumi-nodejs   the dynamic-provider shim script from the SDK
#                                   module (sdk/nodejs/dist), copied as is.
# Pulumi 3.248 runs a Node.js policy pack through the language host's RunPlugin
# (plugin.NewPolicyAnalyzer); the old `pulumi-analyzer-policy` script is only a
# fallback used when no language host is found, and is no longer shipped.
#
# Not built here: resource providers. github.com/pulumi/pulumi-kubernetes/provider/v4
# (and pulumi-aws) are refused by the module proxy (HTTP 403); offline tests use
# tests/engine/provider-double/build.sh instead.
set -euo pipefail

log() { printf '%s\n' "install-pulumi-cli: $*" >&2; }
die() { log "error: $*"; exit 1; }

if [[ "${FORCE:-0}" != 1 && -z "${PULUMI_VERSION:-}" ]] && existing="$(command -v pulumi 2>/dev/null)"; then
  log "pulumi already on the PATH ($existing); set FORCE=1 to build anyway"
  dirname "$existing"
  exit 0
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v go >/dev/null || die "go is required (https://go.dev/dl, or apt-get install golang)"
command -v node >/dev/null || die "node is required"

# --- version -------------------------------------------------------------------------------------
version="${PULUMI_VERSION:-}"
if [[ "$version" == latest ]]; then
  # The highest release (no pre-release) the proxy serves: it lists some it refuses with HTTP 403
  # (pkg/v3@v3.270.0), so the newest five are tried in turn. The checksum database misses some
  # (see GONOSUMDB below).
  version=""
  for candidate in $(go list -m -versions github.com/pulumi/pulumi/pkg/v3 | tr ' ' '\n' | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sort -rV | head -n 5); do
    if GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi/pulumi" go mod download "github.com/pulumi/pulumi/pkg/v3@$candidate" >/dev/null 2>&1; then
      version="$candidate"
      break
    fi
    log "the Go module proxy lists github.com/pulumi/pulumi/pkg/v3@$candidate but does not serve it"
  done
  [[ -n "$version" ]] || die "the Go module proxy ($(go env GOPROXY)) serves none of the newest versions of github.com/pulumi/pulumi/pkg/v3"
  log "latest pulumi the Go module proxy serves: $version"
fi
if [[ -z "$version" && -f "$repo/node_modules/@pulumi/pulumi/package.json" ]]; then
  version="$(node -p 'require(process.argv[1]).version' "$repo/node_modules/@pulumi/pulumi/package.json")"
fi
if [[ -z "$version" ]]; then
  version="$(node -p '((require(process.argv[1]).dependencies || {})["@pulumi/pulumi"] || "").replace(/^[\^~=v]+/, "")' \
    "$repo/package.json")"
fi
version="${version#v}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "cannot tell the @pulumi/pulumi version (got '$version'); run npm ci or set PULUMI_VERSION"

if [[ "${FORCE:-0}" != 1 && -n "${PULUMI_VERSION:-}" ]] && existing="$(command -v pulumi 2>/dev/null)" \
    && [[ "$("$existing" version 2>/dev/null)" == "v$version" ]]; then
  log "pulumi v$version already on the PATH ($existing); set FORCE=1 to build anyway"
  dirname "$existing"
  exit 0
fi

cache="${PRODREADY_CACHE:-$HOME/.cache/prodready}/pulumi-cli/$version"
src="$cache/src"
bin="$cache/bin"
mkdir -p "$src" "$bin"

# The checksum database answers 404 for some pulumi module versions the proxy does serve
# (e.g. pkg/v3@v3.248.0); skip it for the pulumi modules only. go.sum in $src pins the hashes
# from the first download on.
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/pulumi/pulumi"

stamp="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version"
langhost_src="$repo/tests/engine/provider-double"
langhost_hash() {
  cat "$langhost_src/go.mod" "$langhost_src/go.sum" "$langhost_src"/langhost/*.go 2>/dev/null | sha256sum | cut -c1-16
}

warm=1
[[ "${FORCE:-0}" == 1 ]] && warm=0
[[ -x "$bin/pulumi" && -x "$bin/pulumi-language-nodejs" && -f "$bin/.langhost" ]] || warm=0
if [[ "$warm" == 1 ]]; then
  [[ "$("$bin/pulumi" version 2>/dev/null)" == "v$version" ]] || warm=0
  # A cached stand-in language host is rebuilt when its source changed.
  if [[ "$(cat "$bin/.langhost")" == stand-in:* && "$(cat "$bin/.langhost")" != "stand-in:$(langhost_hash)" ]]; then
    warm=0
  fi
fi
if [[ "$warm" == 1 ]]; then
  log "cached: $bin ($(cat "$bin/.langhost") language host)"
  echo "$bin"
  exit 0
fi

start=$SECONDS
cd "$src"
pkg=github.com/pulumi/pulumi/pkg/v3
sdk=github.com/pulumi/pulumi/sdk/v3
lh=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3

# --- wrapper module ------------------------------------------------------------------------------
log "preparing the wrapper module in $src for pulumi v$version"
rm -f go.mod go.sum
cat > tools.go <<'EOF'
//go:build tools

// Package tools pins the Pulumi CLI for scripts/install-pulumi-cli.sh.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
EOF
go mod init prodready.local/pulumi-cli 2>/dev/null
go mod edit -require="$pkg@v$version" -require="$sdk@v$version"

# json FIELD: read one JSON document on stdin and print FIELD (a dotted path), or nothing.
json() {
  node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    let v; try { v = JSON.parse(s); for (const k of process.argv[1].split(".")) v = v == null ? v : v[k]; } catch {}
    if (v != null) console.log(v); });' "$1"
}

# The modules' own go.mod files replace a few dependencies (and pkg points at ../sdk, which a
# requirement covers). `go install module@version` refuses modules with replace directives,
# so copy every non-local replacement into the wrapper.
gomods=()
for m in "$pkg" "$sdk"; do
  gm="$(go mod download -json "$m@v$version" | json GoMod)"
  [[ -n "$gm" ]] || die "cannot download $m@v$version through GOPROXY=$(go env GOPROXY): $(go mod download -json "$m@v$version" | json Error)"
  gomods+=("$gm")
done
while IFS= read -r r; do
  [[ -n "$r" ]] || continue
  log "replace ${r/=/ => }"
  go mod edit -replace="$r"
done < <(for gm in "${gomods[@]}"; do go mod edit -json "$gm"; done | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const seen = new Map();
    for (const doc of s.split(/\n(?=\{)/).filter(x => x.trim())) {
      for (const r of JSON.parse(doc).Replace || []) {
        if (!r.New.Version) continue;                 // local directory: covered by a requirement
        const old = r.Old.Version ? `${r.Old.Path}@${r.Old.Version}` : r.Old.Path;
        if (!seen.has(old)) seen.set(old, `${old}=${r.New.Path}@${r.New.Version}`);
      }
    }
    for (const v of seen.values()) console.log(v);
  });')

# The real Node.js language host: untagged module, at the commit of the release tag.
langhost=""
for m in "$pkg" "$sdk"; do
  hash="$(go list -m -json "$m@v$version" 2>/dev/null | json Origin.Hash)"
  [[ -n "$hash" ]] || continue
  if lhv="$(go list -m -f '{{.Version}}' "$lh@$hash" 2>/dev/null)"; then
    go mod edit -require="$lh@$lhv"
    langhost="real:$lhv"
    cat >> tools.go <<EOF

import _ "$lh"
EOF
    break
  fi
done
[[ -n "$langhost" ]] || log "the module proxy does not serve $lh (tried the release commit); using the stand-in language host"

log "resolving dependencies (go mod tidy)"
go mod tidy >&2

# --- build -------------------------------------------------------------------------------------------
log "building pulumi v$version (a cold build takes several minutes)"
go build -o "$bin/pulumi" -ldflags "$stamp" "$pkg/cmd/pulumi" >&2
if [[ "$langhost" == real:* ]]; then
  log "building the Node.js language host ($lh@${langhost#real:})"
  go build -o "$bin/pulumi-language-nodejs" -ldflags "$stamp" "$lh" >&2
else
  [[ -d "$langhost_src/langhost" ]] || die "no stand-in language host at $langhost_src/langhost"
  log "building the stand-in Node.js language host from $langhost_src/langhost"
  (cd "$langhost_src" && go build -o "$bin/pulumi-language-nodejs" -ldflags "$stamp" ./langhost) >&2
  langhost="stand-in:$(langhost_hash)"
fi
echo "$langhost" > "$bin/.langhost"

# Dynamic-provider shim (a script in the SDK's nodejs/dist), used by pulumi.dynamic.Resource.
sdkdir="$(go list -m -f '{{.Dir}}' "$sdk")"
for f in pulumi-resource-pulumi-nodejs; do
  install -m 0755 "$sdkdir/nodejs/dist/$f" "$bin/$f"
done

"$bin/pulumi" version >/dev/null || die "the built CLI does not run"
log "built in $((SECONDS - start))s: $(ls "$bin" | tr '\n' ' ')"
echo "$bin"
