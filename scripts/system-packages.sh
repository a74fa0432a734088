#!/usr/bin/env bash
# Installs the Debian packages the app and its tests need (Qt's runtime libraries, a CJK font,
# Xvfb for screenshots, LibreOffice Writer without its GUI for page counts and the print tests,
# PostgreSQL's server programs for the tests' throw-away cluster) when they are missing. Needs root
# and apt-get; elsewhere it only reports.
set -euo pipefail
packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
          libxcb-render-util0 libxcb-image0 fonts-noto-cjk xvfb xauth
          libreoffice-writer-nogui  # lays out DOCX to count pages; renders the reports in the print tests
          postgresql)
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "缺少系统软件包：${missing[*]}。请以管理员身份运行：sudo apt-get install ${missing[*]}" >&2
    exit 0
fi
echo "安装系统软件包：${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
