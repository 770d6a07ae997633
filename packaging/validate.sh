#!/bin/sh
# Checks what packages install, as distributions' tools check it: the desktop entries, the
# AppStream metainfo, the RPM spec, the man page, every icon size named, the Flatpak manifest's
# files, and that the self-contained image starts without a Java on the machine. CI runs it
# after the tests; it needs desktop-file-utils, appstream, rpm and groff, and target/preflight.jar.
set -eu
cd "$(dirname "$0")/.."

echo "== desktop entries"
desktop-file-validate packaging/org.fedoraproject.Preflight.desktop
desktop-file-validate packaging/org.fedoraproject.Preflight.autostart.desktop
# The window's WM_CLASS is its JavaFX Application class; the entry must name it for docks to match.
grep -qx 'StartupWMClass=org.fedoraproject.preflight.ui.PreflightApp' packaging/org.fedoraproject.Preflight.desktop
test -f src/main/java/org/fedoraproject/preflight/ui/PreflightApp.java

echo "== AppStream metainfo"
appstreamcli validate --no-net packaging/org.fedoraproject.Preflight.metainfo.xml
for shot in $(sed -n 's:.*<image>.*/main/\(packaging/screenshots/[^<]*\)</image>.*:\1:p' packaging/org.fedoraproject.Preflight.metainfo.xml); do
    test -s "$shot" || { echo "missing screenshot $shot"; exit 1; }
done

echo "== RPM spec"
rpmspec -P packaging/preflight.spec > /dev/null

echo "== man page"
warnings=$(groff -man -ww -z packaging/preflight.1 2>&1)
test -z "$warnings" || { echo "$warnings"; exit 1; }

echo "== icons"
python3 - <<'PY'
import re, struct, sys
sizes = re.search(r"for size in ([0-9 ]+); do\n    dir=hicolor", open("icons/render.sh").read()).group(1).split()
for s in sizes:
    path = f"icons/hicolor/{s}x{s}/apps/org.fedoraproject.Preflight.png"
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    w, h = struct.unpack(">II", head[16:24])
    if (w, h) != (int(s), int(s)):
        sys.exit(f"{path}: {w}x{h}, not {s}x{s}")
for state in ["ok", "caution", "hold", "unknown"]:
    open(f"icons/hicolor/symbolic/apps/org.fedoraproject.Preflight-{state}-symbolic.svg").close()
open("icons/hicolor/scalable/apps/org.fedoraproject.Preflight.svg").close()
print(f"{len(sizes)} PNG sizes ({', '.join(sizes)}), the scalable icon and 4 symbolic tray icons")
PY

echo "== Flatpak manifest"
for f in $(sed -n 's:.*install -D[^ ]* \([a-z][^ ]*\) /app.*:\1:p' flatpak/org.fedoraproject.Preflight.yml); do
    test -f "$f" || { echo "the manifest installs $f, which does not exist"; exit 1; }
done
python3 -c 'import json,sys; s=json.load(open("flatpak/maven-sources.json")); assert s and all(x["url"].startswith("https://repo.maven.apache.org/") and len(x["sha256"])==64 for x in s); print(len(s), "Maven files listed")'

echo "== self-contained image"
sh packaging/build-image.sh > /dev/null
image=target/image/preflight/bin/preflight
env -i HOME="$(mktemp -d)" PATH=/nonexistent "$image" --version
status=0
env -i HOME="$(mktemp -d)" PATH=/nonexistent "$image" check --demo > /dev/null || status=$?
test "$status" = 2 || { echo "check --demo in the image: exit $status, expected 2 (hold)"; exit 1; }
echo "packaging: all valid"
