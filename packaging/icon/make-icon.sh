#!/usr/bin/env bash
# Draws the application icon (checked in as sigma-workbench.png, 256x256): a white sigma, drawn as
# strokes rather than taken from a font so that it looks the same on every machine, on a blue
# rounded square. The .ico (Windows) and .icns (macOS) forms are converted from it in the
# installers workflow (packaging/ci/installers.yml). Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  -fill '#1f5fae' -draw 'roundrectangle 8,8 247,247 52,52' \
  -fill none -stroke '#ffffff' -strokewidth 24 -draw 'stroke-linejoin round stroke-linecap round polyline 180,68 76,68 138,128 76,188 180,188' \
  -strip PNG32:sigma-workbench.png
