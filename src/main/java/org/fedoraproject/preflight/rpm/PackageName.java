package org.fedoraproject.preflight.rpm;

/**
 * rpm's character set for package names and arches. A name that passes here contains nothing a
 * shell or dnf would read as anything but a package name, which is why feed values are checked
 * with it before they go into a command.
 */
public final class PackageName {

    private PackageName() {
    }

    /** Letters, digits and {@code . _ + -}, starting with a letter, digit or underscore. */
    public static boolean isValid(String name) {
        if (name.isEmpty() || name.length() > 255 || !isNameStart(name.charAt(0))) {
            return false;
        }
        for (int k = 1; k < name.length(); k++) {
            if (!isNameChar(name.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    public static String check(String name) {
        if (!isValid(name)) {
            throw new InvalidVersionException(name, "package name: " + whyInvalid(name));
        }
        return name;
    }

    /** Letters, digits and underscore, as in {@code x86_64} or {@code noarch}. */
    public static boolean isValidArch(String arch) {
        if (arch.isEmpty() || arch.length() > 32) {
            return false;
        }
        for (int k = 0; k < arch.length(); k++) {
            char c = arch.charAt(k);
            if (!RpmVersionOrder.isDigit(c) && !RpmVersionOrder.isLetter(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    public static String checkArch(String arch) {
        if (!isValidArch(arch)) {
            throw new InvalidVersionException(arch, "arch: only letters, digits and '_' are allowed");
        }
        return arch;
    }

    private static String whyInvalid(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.length() > 255) {
            return "longer than 255 characters";
        }
        if (!isNameStart(name.charAt(0))) {
            return "starts with " + Evr.describe(name.charAt(0));
        }
        for (int k = 1; k < name.length(); k++) {
            if (!isNameChar(name.charAt(k))) {
                return "character " + Evr.describe(name.charAt(k)) + " is not allowed";
            }
        }
        return "unknown";
    }

    private static boolean isNameStart(char c) {
        return RpmVersionOrder.isDigit(c) || RpmVersionOrder.isLetter(c) || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || c == '.' || c == '+' || c == '-';
    }
}
