#!/bin/sh
# Builds Preflight's self-contained image with jpackage: its own Java runtime (jlink, only the
# modules Preflight uses) and a `bin/preflight` launcher, runnable on a machine without Java.
# Run by `mvn -Pimage package`; writes target/image/preflight.
set -eu
cd "$(dirname "$0")/.."
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)
rm -rf target/image target/image-input
mkdir -p target/image-input
cp target/preflight.jar target/image-input/
# The modules of the JDK that Preflight and its libraries use (JavaFX needs java.desktop's
# shared classes and jdk.unsupported; SQLite java.sql; HttpClient java.naming; TLS with EC keys
# jdk.crypto.ec; HttpClient's socket options jdk.net; the window's clipboard and fonts java.datatransfer, java.xml).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,java.scripting,jdk.unsupported,jdk.crypto.ec,jdk.net,jdk.zipfs,jdk.localedata
"$java_home/bin/jpackage" --type app-image --name preflight --app-version "$version" \
    --input target/image-input --main-jar preflight.jar --main-class org.fedoraproject.preflight.Main \
    --java-options "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m" \
    --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --include-locales=en,de,fr,es,it,cs,pt,ja,zh" \
    --icon icons/hicolor/256x256/apps/org.fedoraproject.Preflight.png \
    --dest target/image
du -sh target/image/preflight
