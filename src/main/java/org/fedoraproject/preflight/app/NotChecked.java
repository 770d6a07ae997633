package org.fedoraproject.preflight.app;

import java.util.Objects;
import org.fedoraproject.preflight.text.Text;

/**
 * A source the verdict does not rest on: it was asked and gave nothing, not even an answer kept
 * from before (a feed by its address, or Bodhi, Bugzilla, Common Issues, the updateinfo), and
 * what that leaves unchecked, in the user's words ("known bugs were not checked").
 */
public record NotChecked(String source, Text what) {

    public NotChecked {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(what, "what");
    }
}
