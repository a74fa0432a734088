#!/usr/bin/env bash
# The one-folder application: DIST_DIR/materials-review/ (a few minutes on 2 cores).
# Usage: scripts/build-bundle.sh PYTHON DIST_DIR     (PYTHON has the project's deps and PyInstaller)
set -euo pipefail
python=${1:?usage: build-bundle.sh PYTHON DIST_DIR}
dist=$(realpath -m "${2:?usage: build-bundle.sh PYTHON DIST_DIR}")
cd "$(dirname "$0")/.."
"$python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$dist" \
    --workpath "$dist/.pyinstaller-work" packaging/materials-review.spec
rm -rf "$dist/.pyinstaller-work"
