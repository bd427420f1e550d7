#!/usr/bin/env bash
# Builds the provider TEST DOUBLE (see README.md) and installs it as
# pulumi-resource-aws and pulumi-resource-kubernetes in a bin directory, each
# reporting the version that the npm SDK in node_modules asks for, so that the
# engine picks them up from the PATH ("ambient" plugins) and never tries to
# download the real providers.
#
# Usage (tests only, never in a user's PATH):
#   export PATH="$(tests/engine/provider-double/build.sh | tail -1):$PATH"
#
# Environment: PRODREADY_CACHE (default $HOME/.cache/prodready); the doubles go
# to $PRODREADY_CACHE/provider-double/bin, or to the directory given as $1.
# FORCE=1 rebuilds. Progress on stderr, the bin directory on stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="${1:-${PRODREADY_CACHE:-$HOME/.cache/prodready}/provider-double/bin}"
mkdir -p "$bin"

npm_version() { # npm package -> its version in node_modules, or the default
  local f="$repo/node_modules/$1/package.json"
  if [[ -f "$f" ]]; then node -p 'require(process.argv[1]).version.replace(/^v/, "")' "$f"; else echo "$2"; fi
}
aws_version="$(npm_version @pulumi/aws 0.0.0-double)"
k8s_version="$(npm_version @pulumi/kubernetes 0.0.0-double)"

stamp="$(cat "$here/go.mod" "$here/go.sum" "$here"/*.go | sha256sum | cut -c1-16) aws=$aws_version kubernetes=$k8s_version"
if [[ "${FORCE:-0}" != 1 && -x "$bin/pulumi-resource-aws" && -x "$bin/pulumi-resource-kubernetes" \
      && "$(cat "$bin/.stamp" 2>/dev/null)" == "$stamp" ]]; then
  echo "provider-double: cached in $bin" >&2
  echo "$bin"
  exit 0
fi

echo "provider-double: building (aws=$aws_version, kubernetes=$k8s_version)" >&2
(cd "$here" && go build -o "$bin/pulumi-resource-aws" \
  -ldflags "-X main.awsVersion=$aws_version -X main.kubernetesVersion=$k8s_version" .) >&2
# Same binary: it reads its package name from the name it is started as.
cp -f "$bin/pulumi-resource-aws" "$bin/pulumi-resource-kubernetes"
echo "$stamp" > "$bin/.stamp"
echo "$bin"
