package org.fedoraproject.preflight.ui;

import java.util.function.Consumer;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** The keys GNOME applications give their search entries and lists, for the window's own. */
final class Keys {

    private Keys() {
    }

    /** Escape in a search entry clears it, as in GTK's search entries; an empty one lets Escape through. */
    static void escapeClears(TextInputControl search) {
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });
    }

    /** Enter on a row activates it, as in a GTK list: {@code activate} gets the selected row's item. */
    static <T> void enterActivates(TableView<T> table, Consumer<T> activate) {
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            T item = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                activate.accept(item);
                e.consume();
            }
        });
    }
}
