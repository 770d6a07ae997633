package org.fedoraproject.preflight.testing;

import java.util.List;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Text;

/** What a person reading English sees of a {@link Text}: for tests that pin the words down. */
public final class English {

    private static final Messages ENGLISH = Messages.english();

    private English() {
    }

    public static String of(Text text) {
        return ENGLISH.render(text);
    }

    public static List<String> of(List<Text> texts) {
        return texts.stream().map(English::of).toList();
    }
}
