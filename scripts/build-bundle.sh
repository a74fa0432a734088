#!/usr/bin/env bash
# The one-folder application: DIST_DIR/materials-review/ (a few minutes on 2 cores).
# Usage: scripts/build-bundle.sh PYTHON DIST_DIR     (PYTHON has the project's deps and PyInstaller)
set -euo pipefail
python=${1:?usage: build-bundle.sh PYTHON DIST_DIR}
dist=$(realpath -m "${2:?usage: build-bundle.sh PYTHON DIST_DIR}")
cd "$(dirname "$0")/.."
work="$dist/.pyinstaller-work"
headless="$dist/.opencv-headless"
rm -rf "$work" "$headless" && mkdir -p "$headless"

# rapidocr only decodes and resizes images with OpenCV, but requires opencv-python, which carries Qt 5
# and X libraries (about 200 MB). The folder takes the same version of opencv-python-headless instead:
# it comes first on the path while PyInstaller collects the program.
opencv=$("$python" -c 'from importlib.metadata import version; print(version("opencv-python"))')
if "$python" -m pip download -q --no-deps -d "$headless" "opencv-python-headless==$opencv"; then
    "$python" -m zipfile -e "$headless"/opencv_python_headless-*.whl "$headless"
else
    echo "opencv-python-headless $opencv is not to be had here: the folder carries opencv-python" >&2
fi

PYTHONPATH="$headless${PYTHONPATH:+:$PYTHONPATH}" "$python" -m PyInstaller --noconfirm --clean \
    --log-level WARN --distpath "$dist" --workpath "$work" packaging/materials-review.spec
rm -rf "$work" "$headless"
