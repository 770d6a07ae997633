#!/usr/bin/env python3
"""Writes flatpak/maven-sources.json: every file Maven needs to build Preflight offline.

flatpak-builder has no network while it builds, so the manifest lists each artifact (jar, pom)
of the build and of Maven's plugins with its Maven Central URL and SHA-256; flatpak-builder
downloads them beforehand into .m2/repository, and the build runs `mvn --offline` against it.

It builds Preflight once with an empty local repository (network to Maven Central needed) and
lists what that repository holds afterwards. Run it after changing a dependency or a plugin:

    python3 flatpak/generate-maven-sources.py
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

CENTRAL = "https://repo.maven.apache.org/maven2/"
HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)


def main():
    with tempfile.TemporaryDirectory(prefix="preflight-m2-") as repo:
        subprocess.run(["mvn", "-B", "-q", "-Dmaven.repo.local=" + repo, "-DskipTests", "package"],
                       cwd=PROJECT, check=True)
        # JavaFX's natives come per architecture (classifier linux on x86_64, linux-aarch64):
        # the aarch64 ones too, so that the Flatpak builds there (each listed for its arch only).
        built = {os.path.join(d, f) for d, _, fs in os.walk(repo) for f in fs}
        version = re.search(r"<javafx.version>([^<]+)</javafx.version>",
                            open(os.path.join(PROJECT, "pom.xml")).read()).group(1)
        for module in ("base", "graphics", "controls"):
            subprocess.run(["mvn", "-B", "-q", "-Dmaven.repo.local=" + repo, "dependency:get",
                            f"-Dartifact=org.openjfx:javafx-{module}:{version}:jar:linux-aarch64", "-Dtransitive=false"],
                           cwd=PROJECT, check=True)
        sources = []
        for directory, _, files in sorted(os.walk(repo)):
            for name in sorted(files):
                if not (name.endswith(".jar") or name.endswith(".pom")):
                    continue
                path = os.path.join(directory, name)
                if path not in built and "-linux-aarch64" not in name:
                    continue  # the dependency plugin that fetched the aarch64 jars: not part of the build
                relative = os.path.relpath(path, repo)
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
                source = {
                    "type": "file",
                    "url": CENTRAL + relative.replace(os.sep, "/"),
                    "sha256": digest,
                    "dest": ".m2/repository/" + os.path.dirname(relative).replace(os.sep, "/"),
                    "dest-filename": name,
                }
                if name.endswith("-linux-aarch64.jar"):
                    source["only-arches"] = ["aarch64"]
                elif name.startswith("javafx-") and name.endswith("-linux.jar"):
                    source["only-arches"] = ["x86_64"]
                sources.append(source)
    with open(os.path.join(HERE, "maven-sources.json"), "w") as out:
        json.dump(sources, out, indent=2)
        out.write("\n")
    print(f"{len(sources)} files listed in flatpak/maven-sources.json", file=sys.stderr)


if __name__ == "__main__":
    main()
