#!/usr/bin/env bash
# Builds the provider TEST DOUBLE (see README.md) and installs it as
# pulumi-resource-aws in a bin directory, reporting the version that the npm SDK
# in node_modules asks for, so that the engine picks it up from the PATH
# ("ambient" plugin) and never tries to download the real provider. Beside it
# goes pulumi-resource-aws.schema.json, derived from that SDK by aws-schema.js,
# which the double serves to the YAML language host.
#
# The engine tests use the real Kubernetes provider (scripts/install-kubernetes-provider.sh),
# so the double is no longer installed as pulumi-resource-kubernetes.
#
# Usage (tests only, never in a user's PATH):
#   export PATH="$(tests/engine/provider-double/build.sh | tail -1):$PATH"
#
# Environment: PRODREADY_CACHE (default $HOME/.cache/prodready); the double goes
# to $PRODREADY_CACHE/provider-double/bin, or to the directory given as $1.
# FORCE=1 rebuilds. Progress on stderr, the bin directory on stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="${1:-${PRODREADY_CACHE:-$HOME/.cache/prodready}/provider-double/bin}"
mkdir -p "$bin"

sdk="$repo/node_modules/@pulumi/aws"
[[ -f "$sdk/package.json" ]] || { echo "provider-double: $sdk is missing (npm ci)" >&2; exit 1; }
aws_version="$(node -p 'require(process.argv[1]).version.replace(/^v/, "")' "$sdk/package.json")"

# Test files that start side by side may ask at once: one builds, the others wait and find it cached.
if command -v flock >/dev/null; then exec 9>"$bin/.lock"; flock 9; fi
stamp="$(cat "$here/go.mod" "$here/go.sum" "$here"/*.go "$here/aws-schema.js" | sha256sum | cut -c1-16) aws=$aws_version"
if [[ "${FORCE:-0}" != 1 && -x "$bin/pulumi-resource-aws" && -f "$bin/pulumi-resource-aws.schema.json" \
      && "$(cat "$bin/.stamp" 2>/dev/null)" == "$stamp" ]]; then
  echo "provider-double: cached in $bin" >&2
  echo "$bin"
  exit 0
fi

echo "provider-double: building (aws=$aws_version)" >&2
rm -f "$bin/.stamp" "$bin/pulumi-resource-kubernetes" # the latter from older builds
node "$here/aws-schema.js" "$bin/pulumi-resource-aws.schema.json.tmp" "$sdk" "$aws_version"
mv -f "$bin/pulumi-resource-aws.schema.json.tmp" "$bin/pulumi-resource-aws.schema.json"
(cd "$here" && go build -o "$bin/pulumi-resource-aws" -ldflags "-X main.awsVersion=$aws_version" .) >&2
echo "$stamp" > "$bin/.stamp"
echo "$bin"
