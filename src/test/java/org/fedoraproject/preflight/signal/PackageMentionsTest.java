package org.fedoraproject.preflight.signal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Package names as people write them in Common Issues topics, not as English words. */
class PackageMentionsTest {

    static final String KERNEL_TOPIC = """
            Black screen after the kernel update on some laptops

            If your screen stays black, please file a bug and check which kernel you run: less than one
            percent of systems are hit, most of the time on hybrid graphics. A patch is in progress.
            See https://bugzilla.redhat.com/show_bug.cgi?id=2400040 and https://example.org/less/file
            """;

    @Test
    void everydayWordsAreNotPackages() {
        PackageMentions m = PackageMentions.in(KERNEL_TOPIC, List.of("f43"));
        for (String word : List.of("file", "which", "less", "time", "screen", "patch")) {
            assertFalse(m.names(word), word + " is an English word here");
        }
        assertTrue(m.names("kernel"), "kernel is no everyday word");
    }

    @Test
    void aVersionCodeFormattingATagAHyphenOrADigitMakeItUnambiguous() {
        assertTrue(PackageMentions.in("Since less 679-1 the pager beeps", List.of()).names("less"), "with a version");
        assertTrue(PackageMentions.in("After updating to file-5.46-1.fc43, rpm fails", List.of()).names("file"), "as an NVR");
        assertTrue(PackageMentions.in("The `which` command prints nothing", List.of()).names("which"), "in code formatting");
        assertTrue(PackageMentions.in("Pager beeps after the update", List.of("f43", "less")).names("less"), "a tag");
        assertTrue(PackageMentions.in("gnome-shell freezes on resume", List.of()).names("gnome-shell"), "a hyphen");
        assertTrue(PackageMentions.in("python3 crashes", List.of()).names("python3"), "a digit");
        assertTrue(PackageMentions.in("Firefox crashes on video calls.", List.of()).names("firefox"), "not an English word");
        assertFalse(PackageMentions.in("Take your time", List.of()).names("ti"), "names under 3 characters never count");
        assertFalse(PackageMentions.in("see https://example.org/gnome-shell-49", List.of()).names("gnome-shell"),
                "a link's path is no mention");
    }
}
