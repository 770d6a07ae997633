package org.fedoraproject.preflight.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A small coloured label for a verdict, relation, status or severity. It always carries words,
 * never colour alone, and the same words for screen readers.
 */
final class Badge {

    private Badge() {
    }

    static Label of(String kind, String value, String words) {
        Label badge = new Label(words);
        badge.getStyleClass().addAll(Styles.BADGE, Styles.of(kind, value));
        badge.setAccessibleText(words);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }
}
