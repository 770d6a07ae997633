package org.fedoraproject.preflight.app;

import org.fedoraproject.preflight.assess.Verdict;

/**
 * The one-word answer a person sees first: hold (a pending update would install a version with
 * a serious known problem), affected (an installed version has a known problem), caution, safe;
 * or unknown when the check could not be made. It refines the overall verdict, which stays the
 * contract of {@code check}'s exit code and JSON: "affected" is a verdict of caution or safe on a
 * system that already has the problem.
 */
public enum Outlook {
    HOLD, AFFECTED, CAUTION, SAFE, UNKNOWN;

    public static Outlook of(CheckReport report) {
        if (!report.complete()) {
            return UNKNOWN;
        }
        Verdict verdict = report.assessment().verdict();
        if (verdict == Verdict.HOLD) {
            return HOLD;
        }
        if (report.assessment().affected()) {
            return AFFECTED;
        }
        // Safe as far as the sources that answered tell is not safe: what was not checked may hold a problem.
        return verdict == Verdict.CAUTION || report.partial() ? CAUTION : SAFE;
    }
}
