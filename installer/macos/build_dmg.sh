#!/usr/bin/env bash
# Build Clerk.app with PyInstaller (installer/clerk.spec) and put it in a compressed disk
# image, dist/Clerk-<version>.dmg, with a link to /Applications to drag it onto.
#
#     bash installer/macos/build_dmg.sh            # build, then make the disk image
#     SKIP_BUILD=1 bash installer/macos/build_dmg.sh   # only make the image of dist/Clerk.app
#
# Needs macOS (hdiutil) and Python 3.11+. The app is signed ad hoc by PyInstaller, not with a
# Developer ID, and not notarised: on first start people right-click it and choose Open.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
PYTHON="${PYTHON:-python3}"

if [ "$(uname -s)" != "Darwin" ]; then
    echo "build_dmg.sh makes a macOS disk image and needs macOS (hdiutil)." >&2
    exit 2
fi

if [ "${SKIP_BUILD:-0}" != "1" ]; then
    "$PYTHON" installer/dev.py build --skip-deb
fi

VERSION="$("$PYTHON" installer/build.py --print-version)"
APP="dist/Clerk.app"
if [ ! -x "$APP/Contents/MacOS/Clerk" ]; then
    echo "No $APP: the PyInstaller build did not make it." >&2
    exit 1
fi

# The console twin answers on the command line: a quick check the app starts at all.
"$APP/Contents/MacOS/clerk-app" --version

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"

DMG="dist/Clerk-$VERSION.dmg"
rm -f "$DMG"
hdiutil create -volname "Clerk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
hdiutil verify "$DMG"
echo "Built $DMG"
