package org.fedoraproject.preflight.health;

/** A piece of a crashed process as Fedora's ELF package notes name it: the source package and its version-release. */
public record Module(String source, String version) {
}
