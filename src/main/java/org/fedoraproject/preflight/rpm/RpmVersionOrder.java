package org.fedoraproject.preflight.rpm;

/**
 * rpm's ordering of version and release strings: a faithful port of {@code rpmvercmp()} from
 * rpm's {@code rpmio/rpmvercmp.c}.
 *
 * <p>The string is split into segments: runs of ASCII digits and runs of ASCII letters.
 * Anything else separates segments and is otherwise ignored, except {@code ~} (sorts before
 * everything, even the end of the string) and {@code ^} (sorts after the end of the string but
 * before any further segment). A numeric segment beats an alphabetic one; numeric segments are
 * compared by value, for digit runs of any length, without converting them to a number.
 *
 * <p>It walks both strings by index and never allocates, because assessing a system compares
 * versions hundreds of thousands of times.
 */
public final class RpmVersionOrder {

    private RpmVersionOrder() {
    }

    /** Returns -1, 0 or 1 as {@code a} sorts before, equal to or after {@code b} in rpm's order. */
    public static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int lenA = a.length();
        int lenB = b.length();
        int i = resumePoint(a, b, Math.min(lenA, lenB));
        int j = i;
        while (i < lenA || j < lenB) {
            while (i < lenA && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < lenB && isSeparator(b.charAt(j))) {
                j++;
            }
            char ca = i < lenA ? a.charAt(i) : 0;
            char cb = j < lenB ? b.charAt(j) : 0;

            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            // Like tilde, except that the string that has ended (the base version) sorts lower.
            if (ca == '^' || cb == '^') {
                if (i >= lenA) {
                    return -1;
                }
                if (j >= lenB) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= lenA || j >= lenB) {
                break;
            }

            int endA;
            int endB;
            if (isDigit(ca)) {
                endA = skipDigits(a, i);
                endB = skipDigits(b, j);
                if (endB == j) {
                    return 1; // numeric beats alphabetic
                }
                int c = compareNumeric(a, i, endA, b, j, endB);
                if (c != 0) {
                    return c;
                }
            } else {
                endA = skipLetters(a, i);
                endB = skipLetters(b, j);
                if (endB == j) {
                    return -1; // alphabetic loses to numeric
                }
                int c = compareText(a, i, endA, b, j, endB);
                if (c != 0) {
                    return c;
                }
            }
            i = endA;
            j = endB;
        }
        // All segments were equal; only the separators differed, or one string has more left.
        if (i >= lenA && j >= lenB) {
            return 0;
        }
        return i >= lenA ? -1 : 1;
    }

    /**
     * Where comparing may start: most pairs share a long prefix ({@code 25.1.4} against
     * {@code 25.1.5}), and every segment inside it compares equal. Backing up from the first
     * difference to just after a non-alphanumeric character, or to a digit/letter boundary that
     * lies wholly inside the shared prefix, lands on a segment start in both strings, where the
     * parse of both is in the same state as if it had walked there from the beginning.
     */
    private static int resumePoint(String a, String b, int shorter) {
        int m = 0;
        while (m < shorter && a.charAt(m) == b.charAt(m)) {
            m++;
        }
        int k = m;
        while (k > 0) {
            char before = a.charAt(k - 1);
            boolean alnum = isDigit(before) || isLetter(before);
            if (!alnum || (k < m && isDigit(before) != isDigit(a.charAt(k)))) {
                break;
            }
            k--;
        }
        return k;
    }

    private static int compareNumeric(String a, int i, int endA, String b, int j, int endB) {
        while (i < endA && a.charAt(i) == '0') {
            i++;
        }
        while (j < endB && b.charAt(j) == '0') {
            j++;
        }
        int digitsA = endA - i;
        int digitsB = endB - j;
        if (digitsA != digitsB) {
            return digitsA > digitsB ? 1 : -1;
        }
        return compareText(a, i, endA, b, j, endB);
    }

    /** strcmp() over two segments; for digit runs of equal length this is numeric order. */
    private static int compareText(String a, int i, int endA, String b, int j, int endB) {
        while (i < endA && j < endB) {
            char ca = a.charAt(i++);
            char cb = b.charAt(j++);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
        }
        int restA = endA - i;
        int restB = endB - j;
        if (restA == restB) {
            return 0;
        }
        return restA > restB ? 1 : -1;
    }

    private static int skipDigits(String s, int from) {
        int k = from;
        int len = s.length();
        while (k < len && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static int skipLetters(String s, int from) {
        int k = from;
        int len = s.length();
        while (k < len && isLetter(s.charAt(k))) {
            k++;
        }
        return k;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSeparator(char c) {
        return !isDigit(c) && !isLetter(c) && c != '~' && c != '^';
    }
}
