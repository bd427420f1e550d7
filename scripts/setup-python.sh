#!/usr/bin/env bash
# Creates the Python virtualenv .venv-python with requirements-python.txt: the Python Pulumi SDK
# and providers the Python test programs run with under `prodready preview`. Idempotent: a second
# run with the same requirements only checks a stamp and takes well under a second.
#
# Usage: scripts/setup-python.sh        (PYTHON=python3.12 scripts/setup-python.sh for another interpreter)
#
# Prints the virtualenv directory as the last line of stdout; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=".venv-python"
REQUIREMENTS="requirements-python.txt"
STAMP="$VENV/.requirements.sha256"
PYTHON="${PYTHON:-python3}"

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "setup-python: no $PYTHON on the PATH; install Python 3.9 or newer (with its venv module)" >&2
    exit 2
fi

wanted="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ] \
    && "$VENV/bin/python" -c 'import pulumi, pulumi_aws, pulumi_kubernetes, poetry' >/dev/null 2>&1; then
    echo "setup-python: $VENV is up to date" >&2
    echo "$PWD/$VENV"
    exit 0
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "setup-python: creating $VENV with $("$PYTHON" --version 2>&1)" >&2
    "$PYTHON" -m venv "$VENV"
fi
echo "setup-python: installing $REQUIREMENTS into $VENV" >&2
"$VENV/bin/python" -m pip install --disable-pip-version-check --quiet -r "$REQUIREMENTS" >&2
echo "$wanted" > "$STAMP"
echo "$PWD/$VENV"
