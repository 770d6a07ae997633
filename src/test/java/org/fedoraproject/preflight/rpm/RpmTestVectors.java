package org.fedoraproject.preflight.rpm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** rpm's own version comparison cases (tests/rpmvercmp.at), from rpmvercmp.tsv. */
public final class RpmTestVectors {

    public record Case(String a, String b, int expected) {
    }

    private RpmTestVectors() {
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(RpmTestVectors.class.getResourceAsStream("rpmvercmp.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                cases.add(new Case(f[0], f[1], Integer.parseInt(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(cases);
    }
}
