package org.fedoraproject.preflight.machine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.fedoraproject.preflight.rpm.Evr;
import org.fedoraproject.preflight.rpm.InvalidVersionException;

/**
 * The versionlock entries of a system, with what each plugin does with them: which versions
 * of a package dnf may still install. Both plugins hide every other version from transactions
 * (upgrade, downgrade, check-upgrade), not from repoquery.
 *
 * <ul>
 *   <li>dnf5 ({@code /etc/dnf/versionlock.toml}): an entry names a package (a shell glob) and
 *       conditions on {@code evr}, {@code epoch} or {@code arch}, all of which must hold; a
 *       version is allowed when no entry names the package, or when some entry that names it
 *       has all its conditions true (entries combine with OR). {@code versionlock exclude}
 *       writes an entry whose condition is {@code evr != VERSION}.</li>
 *   <li>dnf4 ({@code /etc/dnf/plugins/versionlock.list}): a line {@code name-epoch:version-release.arch}
 *       (arch may be {@code *}) keeps the package at that version; a line starting with {@code !}
 *       excludes that version. Allowed: the version of some keeping line, when there is one for
 *       the name, and of no excluding line.</li>
 * </ul>
 */
public record VersionLocks(Flavour flavour, List<Entry> entries, List<String> invalid) {

    /** Whose rules the entries follow. */
    public enum Flavour { DNF5, DNF4 }

    public static final VersionLocks NONE = new VersionLocks(Flavour.DNF5, List.of());

    /** One condition of a dnf5 entry: {@code key comparator value}. */
    public record Condition(String key, String comparator, String value) {
        public Condition {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(comparator, "comparator");
            Objects.requireNonNull(value, "value");
        }

        boolean holds(Evr evr, String arch) {
            int c;
            switch (key) {
                case "evr" -> c = compareEvr(evr, value);
                case "epoch" -> c = Long.compare(evr.epoch(), parseLong(value));
                case "arch" -> {
                    if (arch.isEmpty()) {
                        return true; // asked for any arch
                    }
                    c = arch.equals(value) ? 0 : 1;
                }
                default -> {
                    return false; // a key this version of Preflight does not know: dnf would refuse the file
                }
            }
            return switch (comparator) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
        }

        /** A value without a release compares epoch and version only, as rpm compares a dependency. */
        private static int compareEvr(Evr evr, String value) {
            Evr pattern = Evr.parse(value);
            Evr mine = pattern.hasRelease() ? evr : new Evr(evr.epoch(), evr.version(), "");
            return mine.compareTo(pattern);
        }

        private static long parseLong(String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new InvalidVersionException(value, "epoch");
            }
        }
    }

    /**
     * One entry. {@code exclude}: a dnf4 {@code !} line. {@code text}: the entry as the file has
     * it, for messages.
     */
    public record Entry(String name, List<Condition> conditions, boolean exclude, String text) {
        public Entry {
            Objects.requireNonNull(name, "name");
            conditions = List.copyOf(conditions);
            Objects.requireNonNull(text, "text");
        }

        boolean names(String packageName) {
            // Most entries are plain names: no pattern to compile for each package asked about.
            boolean plain = name.indexOf('*') < 0 && name.indexOf('?') < 0 && name.indexOf('[') < 0;
            return plain ? name.equals(packageName) : glob(name).matcher(packageName).matches();
        }

        boolean matches(Evr evr, String arch) {
            return conditions.stream().allMatch(c -> c.holds(evr, arch));
        }

        /** An entry that keeps versions rather than only excluding one. */
        public boolean keeps() {
            return !exclude && !(conditions.size() == 1 && conditions.get(0).comparator().equals("!="));
        }
    }

    public VersionLocks {
        Objects.requireNonNull(flavour, "flavour");
        entries = List.copyOf(entries);
        invalid = List.copyOf(invalid);
    }

    /** Entries that all could be read. */
    public VersionLocks(Flavour flavour, List<Entry> entries) {
        this(flavour, entries, List.of());
    }

    /**
     * What is wrong with an entry that dnf5 accepts in the file but cannot apply (it reports it
     * as invalid and goes on): a name glob that is no pattern ({@code kernel-cor[z-a]},
     * {@code kernel-core[]}), an epoch that is no number, an evr that is no version, an unknown
     * key or comparator. Empty when the entry can be applied.
     */
    public static Optional<String> problem(Entry entry) {
        try {
            glob(entry.name());
        } catch (PatternSyntaxException e) {
            return Optional.of("the name pattern is not valid");
        }
        for (Condition c : entry.conditions()) {
            if (!Set.of("=", "!=", "<", "<=", ">", ">=").contains(c.comparator())) {
                return Optional.of("the comparator " + c.comparator() + " is not one dnf knows");
            }
            switch (c.key()) {
                case "epoch" -> {
                    if (!c.value().strip().matches("[0-9]{1,9}")) {
                        return Optional.of("the epoch " + c.value() + " is not a number");
                    }
                }
                case "evr" -> {
                    try {
                        Evr.parse(c.value());
                    } catch (InvalidVersionException e) {
                        return Optional.of("the evr " + c.value() + " is not a version");
                    }
                }
                case "arch" -> { }
                default -> {
                    return Optional.of("the key " + c.key() + " is not one dnf knows");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether dnf may install this version of the package (for any arch when {@code arch} is empty). */
    public boolean allows(String name, Evr evr, String arch) {
        List<Entry> naming = entries.stream().filter(e -> e.names(name)).toList();
        if (naming.isEmpty()) {
            return true;
        }
        if (flavour == Flavour.DNF5) {
            return naming.stream().anyMatch(e -> e.matches(evr, arch));
        }
        List<Entry> keeping = naming.stream().filter(e -> !e.exclude()).toList();
        boolean kept = keeping.isEmpty() || keeping.stream().anyMatch(e -> e.matches(evr, arch));
        return kept && naming.stream().filter(Entry::exclude).noneMatch(e -> e.matches(evr, arch));
    }

    /** Whether any entry names the package. */
    public boolean names(String name) {
        return entries.stream().anyMatch(e -> e.names(name));
    }

    /** Whether an entry that keeps versions (not an exclude of one version) names the package: it is held. */
    public boolean holds(String name) {
        return entries.stream().anyMatch(e -> e.keeps() && e.names(name));
    }

    /** The packages held: named by an entry that keeps versions (not an exclude of one version). */
    public Set<String> heldNames() {
        Set<String> held = new TreeSet<>();
        entries.stream().filter(Entry::keeps).map(Entry::name).forEach(held::add);
        return Set.copyOf(held);
    }

    /** Shell glob (as dnf5's entries and fnmatch take them) to a regular expression. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int k = 0; k < glob.length(); k++) {
            char c = glob.charAt(k);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', k + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(k + 1, end).replace("\\", "\\\\");
                        re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        k = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
