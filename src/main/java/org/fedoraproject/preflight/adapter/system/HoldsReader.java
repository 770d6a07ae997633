package org.fedoraproject.preflight.adapter.system;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fedoraproject.preflight.incident.SafeText;
import org.fedoraproject.preflight.machine.PackageManager;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.VersionLocks;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;
import org.fedoraproject.preflight.rpm.PackageName;
import org.fedoraproject.preflight.text.Text;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The versionlock entries the system's package manager applies: dnf5's
 * {@code etc/dnf/versionlock.toml} (TOML, read with a real parser) on dnf5 systems, dnf4's
 * plugin list {@code etc/dnf/plugins/versionlock.list} on dnf4 ones. Read, never written. A
 * file that is not what the plugin reads is reported, not guessed at.
 */
public final class HoldsReader {

    static final String DNF5 = "etc/dnf/versionlock.toml";
    static final String DNF4 = "etc/dnf/plugins/versionlock.list";
    /** A versionlock file is a few kilobytes; anything far larger is not one. */
    static final long MAX_SIZE = 4L << 20;

    /** rpm arches a dnf4 line may end with (else its last dot is in the release: {@code 1.fc43}). */
    private static final Set<String> ARCHES = Set.of("x86_64", "i686", "i386", "noarch", "aarch64",
            "ppc64le", "s390x", "armv7hl", "riscv64");

    private final Target target;

    public HoldsReader(Target target) {
        this.target = target;
    }

    /** The entries of the plugin of {@code manager} (none on rpm-ostree, which has no versionlock). */
    public Reading<VersionLocks> read(PackageManager manager) {
        try {
            return switch (manager) {
                case DNF5 -> text(DNF5).map(HoldsReader::parseToml).orElse(Reading.of(VersionLocks.NONE));
                case DNF4 -> Reading.of(text(DNF4).map(HoldsReader::parseList).orElse(VersionLocks.NONE));
                case RPM_OSTREE -> Reading.of(VersionLocks.NONE);
            };
        } catch (IOException e) {
            return Reading.unavailable("versionlock", e.getMessage());
        }
    }

    static Reading<VersionLocks> parseToml(String text) {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            return Reading.unavailable("versionlock", Text.of("reading.notToml", DNF5, toml.errors().get(0).toString()));
        }
        List<VersionLocks.Entry> entries = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        TomlArray packages = toml.isArray("packages") ? toml.getArray("packages") : null;
        for (int k = 0; packages != null && k < packages.size(); k++) {
            if (!(packages.get(k) instanceof TomlTable entry) || !entry.isString("name")) {
                return Reading.unavailable("versionlock", Text.of("reading.lockNoName", DNF5, Integer.toString(k)));
            }
            List<VersionLocks.Condition> conditions = new ArrayList<>();
            TomlArray list = entry.isArray("conditions") ? entry.getArray("conditions") : null;
            for (int c = 0; list != null && c < list.size(); c++) {
                if (!(list.get(c) instanceof TomlTable cond) || !cond.isString("key") || !cond.isString("comparator")
                        || !cond.isString("value")) {
                    return Reading.unavailable("versionlock", Text.of("reading.lockCondition", DNF5, Integer.toString(k),
                            Integer.toString(c)));
                }
                conditions.add(new VersionLocks.Condition(cond.getString("key"), cond.getString("comparator"),
                        cond.getString("value")));
            }
            // The file's words are shown: cleaned of terminal and bidi controls.
            String name = SafeText.line(entry.getString("name"));
            List<VersionLocks.Condition> clean = conditions.stream().map(c -> new VersionLocks.Condition(SafeText.line(c.key()),
                    SafeText.line(c.comparator()), SafeText.line(c.value()))).toList();
            VersionLocks.Entry read = new VersionLocks.Entry(name, clean, false, name + " " + clean.stream()
                    .map(c -> c.key() + " " + c.comparator() + " " + c.value()).toList());
            Optional<String> problem = VersionLocks.problem(read);
            if (problem.isPresent()) {
                invalid.add(DNF5 + ": packages[" + k + "] (" + name + ") is invalid, as dnf5 reports it: " + problem.get()
                        + "; it is left out");
            } else {
                entries.add(read);
            }
        }
        return Reading.of(new VersionLocks(VersionLocks.Flavour.DNF5, entries, invalid));
    }

    /** dnf4's lines; a line that is no package spec is passed over, as the plugin passes it over. */
    static VersionLocks parseList(String text) {
        List<VersionLocks.Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String spec = line.strip();
            if (spec.isEmpty() || spec.startsWith("#")) {
                continue;
            }
            boolean exclude = spec.startsWith("!");
            String body = exclude ? spec.substring(1) : spec;
            String arch = "";
            if (body.endsWith(".*")) {
                body = body.substring(0, body.length() - 2);
            } else {
                int dot = body.lastIndexOf('.');
                if (dot > 0 && ARCHES.contains(body.substring(dot + 1))) {
                    arch = body.substring(dot + 1);
                    body = body.substring(0, dot);
                }
            }
            try {
                int release = body.lastIndexOf('-');
                int version = release > 0 ? body.lastIndexOf('-', release - 1) : -1;
                if (version <= 0) {
                    continue;
                }
                String name = body.substring(0, version);
                Evr evr = Evr.parse(body.substring(version + 1));
                if (!PackageName.isValid(name)) {
                    continue;
                }
                List<VersionLocks.Condition> conditions = new ArrayList<>();
                conditions.add(new VersionLocks.Condition("evr", "=", evr.epoch() + ":" + evr.version() + "-" + evr.release()));
                if (!arch.isEmpty()) {
                    conditions.add(new VersionLocks.Condition("arch", "=", arch));
                }
                entries.add(new VersionLocks.Entry(name, conditions, exclude, spec));
            } catch (InvalidVersionException e) {
                // not a package spec
            }
        }
        return new VersionLocks(VersionLocks.Flavour.DNF4, entries);
    }

    /** The file's text, if it exists; only a regular file of a sane size is read. */
    private Optional<String> text(String relative) throws IOException {
        try {
            return Optional.of(RegularFiles.readString(target.file(relative), MAX_SIZE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
