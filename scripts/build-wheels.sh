#!/usr/bin/env bash
# The offline wheel folder: the project and every dependency (with the OCR extra) as wheels, for a PC
# that has a matching Python but no network:  pip install --no-index --find-links DIR 'materials-review[ocr]'
# Usage: scripts/build-wheels.sh PYTHON OUT_DIR
set -euo pipefail
python=${1:?usage: build-wheels.sh PYTHON OUT_DIR}
out=${2:?usage: build-wheels.sh PYTHON OUT_DIR}
cd "$(dirname "$0")/.."
mkdir -p "$out"
"$python" -m pip wheel -q --wheel-dir "$out" '.[ocr]'
