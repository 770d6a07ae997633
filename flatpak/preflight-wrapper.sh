#!/bin/sh
# `preflight` inside the Flatpak: the shared launcher with the sandbox's Java and jar.
export JAVA_HOME=/app/jre
export PREFLIGHT_JAR=/app/share/preflight/preflight.jar
exec /app/libexec/preflight "$@"
