#!/bin/sh
# Makes Preflight's PNG icons from the SVG: the hicolor sizes packages install, and the ones the
# window uses (in the jar's resources). Needs rsvg-convert (librsvg2-tools on Fedora,
# librsvg2-bin on Debian). Run it after changing the SVG and commit what it writes.
set -eu
cd "$(dirname "$0")"
svg=org.fedoraproject.Preflight.svg
resources=../src/main/resources/org/fedoraproject/preflight/ui/icons
mkdir -p "$resources"
for size in 16 24 32 48 64 128 256 512; do
    dir=hicolor/${size}x${size}/apps
    mkdir -p "$dir"
    rsvg-convert --width "$size" --height "$size" "$svg" --output "$dir/org.fedoraproject.Preflight.png"
done
for size in 16 32 48 64 128 256; do
    cp "hicolor/${size}x${size}/apps/org.fedoraproject.Preflight.png" "$resources/preflight-$size.png"
done
mkdir -p hicolor/scalable/apps hicolor/symbolic/apps
cp "$svg" hicolor/scalable/apps/
cp symbolic/*.svg hicolor/symbolic/apps/
