package org.fedoraproject.preflight.ui;

import java.util.Locale;
import javafx.scene.Node;

/** Style class names used by the views and preflight.css, in one place. */
final class Styles {

    static final String BANNER = "verdict-banner";
    static final String BANNER_TITLE = "verdict-title";
    /** The History tab's box of suspect transactions. */
    static final String SUSPECT = "history-suspect";
    /** AtlantaFX's bold text. */
    static final String TEXT_BOLD = "text-bold";
    static final String BANNER_NEXT = "verdict-next";
    static final String BANNER_FRESHNESS = "verdict-freshness";
    /** One thing to do, in the banner's list. */
    static final String TODO = "verdict-todo-item";
    /** The banner in a low window: less padding, a smaller title. */
    static final String COMPACT = "compact";
    /** AtlantaFX's dense table: rows of less height. */
    static final String DENSE = "dense";
    /** AtlantaFX's text in the danger colour: an error. */
    static final String DANGER_TEXT = "danger-text";
    static final String ICON = "outlook-icon";
    static final String BADGE = "badge";
    static final String SECTION = "section-title";
    static final String MONO = "mono";
    static final String MUTED = "muted";
    static final String DEMO_TAG = "demo-tag";
    static final String INLINE_ERROR = "inline-error";
    static final String HIGHLIGHT = "brought-affected";
    static final String STEP = "guide-step";
    static final String STEP_DONE = "step-done";
    static final String STEP_TODO = "step-todo";
    static final String HEADING = "heading";
    static final String DERIVED = "derived-note";
    static final String MONO_TEXT = "mono-text";
    static final String UPGRADE = "upgrade-panel";
    static final String WORKAROUND = "workaround";
    static final String SOURCES_OK = "sources-ok";
    static final String SOURCES_TROUBLE = "sources-trouble";

    private Styles() {
    }

    /** "outlook-hold", "verdict-caution", "relation-at-risk": one class per value, named by its kind. */
    static String of(String kind, String value) {
        return kind + "-" + value.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Replaces the node's classes of one kind (prefix) with the given one. */
    static void setKind(Node node, String kind, String styleClass) {
        node.getStyleClass().removeIf(c -> c.startsWith(kind + "-"));
        node.getStyleClass().add(styleClass);
    }
}
