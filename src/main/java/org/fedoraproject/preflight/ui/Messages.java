package org.fedoraproject.preflight.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The window's text, from the resource bundle. Every string goes through MessageFormat, so a
 * translator writes apostrophes one way ({@code ''}) whether or not the string has arguments.
 */
public final class Messages {

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages load(Locale locale) {
        return new Messages(ResourceBundle.getBundle("org.fedoraproject.preflight.ui.messages", locale));
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    }
}
