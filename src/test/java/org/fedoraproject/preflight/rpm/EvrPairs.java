package org.fedoraproject.preflight.rpm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates EVR pairs that exercise every rule of rpm's ordering: epochs, releases or none,
 * tilde and caret, separators of every kind, leading zeros, long digit runs, letters of both
 * cases. Half of the pairs differ in one small edit, so that the interesting comparisons
 * (equal prefixes, near misses) are common.
 */
public final class EvrPairs {

    private static final String[] SEPARATORS = {".", ".", ".", "_", "+", "~", "^", "..", "%", ""};
    private static final String[] WORDS = {"rc", "beta", "git", "fc", "el", "a", "B", "Z", "pre", "post", "z"};

    private final SplittableRandom random;

    public EvrPairs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public List<String[]> generate(int count) {
        List<String[]> pairs = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String a = evr();
            String b = random.nextBoolean() ? evr() : mutate(a);
            pairs.add(new String[] {a, b});
        }
        return pairs;
    }

    private String evr() {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(6) == 0) {
            s.append(random.nextInt(4)).append(':');
        }
        s.append(part());
        if (random.nextInt(4) != 0) {
            s.append('-').append(part());
        }
        return s.toString();
    }

    private String part() {
        StringBuilder s = new StringBuilder();
        int segments = 1 + random.nextInt(4);
        for (int k = 0; k < segments; k++) {
            if (k > 0) {
                s.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            s.append(random.nextInt(4) == 0 ? WORDS[random.nextInt(WORDS.length)] : number());
        }
        if (random.nextInt(10) == 0) {
            s.append(random.nextBoolean() ? "~" : "^");
        }
        // A part must start with something rpm's build accepts; a leading separator is still legal to compare.
        return s.length() == 0 ? "0" : s.toString();
    }

    private String number() {
        return switch (random.nextInt(10)) {
            case 0 -> "0" + random.nextInt(100);
            case 1 -> "9".repeat(1 + random.nextInt(30));
            case 2 -> Long.toString(random.nextLong(Long.MAX_VALUE)) + random.nextInt(1000);
            default -> Integer.toString(random.nextInt(20));
        };
    }

    private String mutate(String evr) {
        char[] c = evr.toCharArray();
        int at = random.nextInt(c.length);
        char here = c[at];
        if (here == ':' || here == '-') {
            return evr;
        }
        String replacement = switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "~";
            case 2 -> "^";
            case 3 -> Character.isDigit(here) ? "0" + here : here + "a";
            case 4 -> Character.isDigit(here) ? Integer.toString((here - '0' + 1) % 10) : "1";
            default -> here + "." + random.nextInt(3);
        };
        String mutated = evr.substring(0, at) + replacement + evr.substring(at + 1);
        try {
            Evr.parse(mutated);
            return mutated;
        } catch (InvalidVersionException e) {
            return evr;
        }
    }
}
