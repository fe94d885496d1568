#!/usr/bin/env bash
# Set up and run wirecoder on the bundled example story (published Friday 2017-03-03).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/wirecoder extract examples/raqqa-retreat.txt --published 2017-03-03 --format json
