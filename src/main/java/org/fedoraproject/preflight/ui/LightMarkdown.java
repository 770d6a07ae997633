package org.fedoraproject.preflight.ui;

import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The light Markdown feed format 1 promises for summaries: `code` spans render in monospace;
 * everything else is shown as written (never interpreted further, never run).
 */
final class LightMarkdown {

    static final String CODE = "code-span";

    private LightMarkdown() {
    }

    static TextFlow of(String markdown) {
        TextFlow flow = new TextFlow();
        String[] parts = markdown.split("`", -1);
        // An unpaired backtick stays a backtick: only closed spans are code.
        boolean paired = parts.length % 2 == 1;
        for (int i = 0; i < parts.length; i++) {
            boolean code = paired && i % 2 == 1;
            Text t = new Text(code || paired || i == 0 ? parts[i] : "`" + parts[i]);
            t.getStyleClass().add(code ? CODE : "text-span");
            flow.getChildren().add(t);
        }
        flow.setAccessibleText(markdown.replace("`", ""));
        return flow;
    }
}
