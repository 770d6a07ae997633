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
spec=$(rpmspec -P packaging/preflight.spec)
# It ships the license, installs the dnf5 hook the README promises, and runs the unit tests.
echo "$spec" | grep -q '^%license LICENSE' || { echo "the spec ships no LICENSE"; exit 1; }
echo "$spec" | grep -q 'actions.d/preflight.actions' || { echo "the spec does not install preflight.actions"; exit 1; }
echo "$spec" | grep -q '^%mvn_build -j -- ' || { echo "the spec skips the tests"; exit 1; }
if echo "$spec" | grep -q '^%mvn_build.* -f'; then echo "the spec skips the tests (-f)"; exit 1; fi
test -s LICENSE && grep -q 'GNU GENERAL PUBLIC LICENSE' LICENSE && grep -q 'Version 3' LICENSE
if command -v rpmlint > /dev/null; then rpmlint packaging/preflight.spec; fi

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
# The system's Python, with its python3-yaml (CI installs it), not a user's own Python.
py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" - <<'PY'
import hashlib, json, os, re, sys
manifest = open("flatpak/org.fedoraproject.Preflight.yml").read()
# JavaFX draws through X11 only: on Wayland (every default Workstation) it needs --socket=x11.
if "--socket=x11" not in manifest or "--socket=fallback-x11" in manifest or "--socket=wayland" in manifest:
    sys.exit("the manifest must use --socket=x11 (JavaFX has no Wayland backend)")
version = re.search(r"runtime-version: '([0-9.]+)'", manifest).group(1)
if float(version) < 25.08:
    sys.exit(f"runtime {version} is out of support")
if "openjdk17" in manifest:
    sys.exit("the OpenJDK extension should be a current LTS (21)")
for path in re.findall(r"^\s+path: (.+)$", manifest, re.M):
    if not os.path.exists(os.path.join("flatpak", path.strip())):
        sys.exit(f"the manifest's path {path} does not exist")
# The manifest's shape, as flatpak-builder reads it (its schema's required keys and types).
import yaml
m = yaml.safe_load(manifest)
for key, kind in (("app-id", str), ("runtime", str), ("runtime-version", str), ("sdk", str), ("command", str),
                  ("finish-args", list), ("modules", list)):
    if not isinstance(m.get(key), kind):
        sys.exit(f"the manifest's {key} is missing or not a {kind.__name__}")
if m["app-id"] != "org.fedoraproject.Preflight":
    sys.exit("the manifest's app-id is not the metainfo's id")
for module in m["modules"]:
    if not isinstance(module, dict) or not module.get("name") or module.get("buildsystem") not in (
            "simple", "autotools", "cmake", "cmake-ninja", "meson", "qmake"):
        sys.exit(f"a module without a name or a known buildsystem: {module}")
    for source in module.get("sources", []):
        if isinstance(source, dict) and source.get("type") not in ("dir", "file", "archive", "git", "script", "patch"):
            sys.exit(f"a source of an unknown type: {source}")
sources = json.load(open("flatpak/maven-sources.json"))
assert sources and all(x["url"].startswith("https://repo.maven.apache.org/") and len(x["sha256"]) == 64 for x in sources)
repo = os.path.expanduser("~/.m2/repository")
checked = 0
for x in sources:
    local = os.path.join(repo, x["url"].split("/maven2/", 1)[1])
    if os.path.isfile(local):
        if hashlib.sha256(open(local, "rb").read()).hexdigest() != x["sha256"]:
            sys.exit(f"{x['url']}: the checksum in maven-sources.json is not that of the file Maven used")
        checked += 1
arches = {x["dest-filename"]: x.get("only-arches") for x in sources if x["dest-filename"].startswith("javafx-")
          and x["dest-filename"].endswith(".jar") and "-linux" in x["dest-filename"]}
for module in ("base", "graphics", "controls"):
    if not any(n.startswith(f"javafx-{module}-") and a == ["aarch64"] for n, a in arches.items()) \
            or not any(n.startswith(f"javafx-{module}-") and a == ["x86_64"] for n, a in arches.items()):
        sys.exit(f"javafx-{module}: the natives of x86_64 and aarch64 must both be listed, each for its arch only")
print(f"{len(sources)} Maven files listed, {checked} checked against the local repository; JavaFX for x86_64 and aarch64")
PY

echo "== licenses in the jar"
unzip -l target/preflight.jar | grep -q ' META-INF/NOTICE$' || { echo "the jar lost the Apache NOTICE"; exit 1; }
unzip -l target/preflight.jar | grep -q ' META-INF/LICENSE$' || { echo "the jar carries no LICENSE"; exit 1; }
unzip -l target/preflight.jar | grep -q ' META-INF/THIRD-PARTY-NOTICES$' || { echo "the jar carries no third-party notices"; exit 1; }
unzip -p target/preflight.jar META-INF/LICENSE | grep -q 'GNU GENERAL PUBLIC LICENSE' || { echo "META-INF/LICENSE is not Preflight's"; exit 1; }

echo "== self-contained image"
sh packaging/build-image.sh > /dev/null
image=target/image/preflight/bin/preflight
env -i HOME="$(mktemp -d)" PATH=/nonexistent "$image" --version
status=0
env -i HOME="$(mktemp -d)" PATH=/nonexistent "$image" check --demo > /dev/null || status=$?
test "$status" = 2 || { echo "check --demo in the image: exit $status, expected 2 (hold)"; exit 1; }
echo "== reproducible jar"
# The same commit built again gives the same bytes (project.build.outputTimestamp).
first=$(sha256sum target/preflight.jar | cut -d' ' -f1)
cp target/preflight.jar target/preflight.jar.first
mvn -B -q -o -DskipTests package > /dev/null
second=$(sha256sum target/preflight.jar | cut -d' ' -f1)
echo "first build $first, second build $second"
test "$first" = "$second" || { echo "two builds of the same commit differ"; exit 1; }
rm -f target/preflight.jar.first

echo "packaging: all valid"
