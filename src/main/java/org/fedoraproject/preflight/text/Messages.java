package org.fedoraproject.preflight.text;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Everything Preflight says to a person, from the resource bundle, in the user's locale: its
 * sentences, and the dates and numbers within them. Every string goes through MessageFormat, so
 * a translator writes apostrophes one way ({@code ''}) whether or not the string has arguments.
 * The locale {@link PseudoLocale#LOCALE en-XA} turns every sentence into a pseudo-translation,
 * which shows any text that does not come from here.
 */
public final class Messages {

    static final String BUNDLE = "org.fedoraproject.preflight.text.messages";
    /** The command line's help, in picocli's own form (not MessageFormat). */
    static final String HELP = "org.fedoraproject.preflight.text.help";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final ZoneId zone;
    private final boolean pseudo;

    private Messages(ResourceBundle bundle, Locale locale, ZoneId zone) {
        this.pseudo = PseudoLocale.is(locale);
        this.bundle = pseudo ? PseudoLocale.of(bundle) : bundle;
        this.locale = locale;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.zone = zone;
    }

    public static Messages load(Locale locale) {
        return load(locale, ZoneId.systemDefault());
    }

    public static Messages load(Locale locale, ZoneId zone) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale), locale, zone);
    }

    /** The command line's help in this locale (pseudo-translated in en-XA), for picocli. */
    public static ResourceBundle help(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(HELP, locale);
        return PseudoLocale.is(locale) ? PseudoLocale.of(bundle) : bundle;
    }

    /** English, whatever the user's locale: for what scripts read (JSON) and for logs. */
    public static Messages english() {
        return English.INSTANCE;
    }

    /** Made once, when first asked for: it holds nothing that changes. */
    private static final class English {
        static final Messages INSTANCE = new Messages(ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT)), Locale.ROOT, ZoneId.systemDefault());
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int k = 0; k < args.length; k++) {
            shown[k] = shown(args[k]);
        }
        return new MessageFormat(bundle.getString(key), locale).format(shown);
    }

    public String render(Text text) {
        return get(text.key(), text.args().toArray());
    }

    /** A sentence that may begin with a word written in lower case ("the prepared update …, 2 updates to hold"), begun as a sentence. */
    public String sentence(Text text) {
        String s = render(text);
        return s.isEmpty() || !Character.isLowerCase(s.charAt(0)) ? s : s.substring(0, 1).toUpperCase(locale) + s.substring(1);
    }

    public String dateTime(Instant at) {
        return marked(dateTime.format(at));
    }

    public String date(LocalDate day) {
        return marked(date.format(day));
    }

    /** The day of an instant, in this zone. */
    public String day(Instant at) {
        return date(at.atZone(zone).toLocalDate());
    }

    /** How old something is, in words: "just now", "3 minutes ago", "2 days ago". */
    public String ago(Instant then, Instant now) {
        Age age = Age.between(then, now);
        return get("age." + age.unit().name().toLowerCase(Locale.ROOT), age.amount());
    }

    /** Dates are the locale's too: the pseudo-locale brackets them like its sentences. */
    private String marked(String formatted) {
        return pseudo ? PseudoLocale.OPEN + formatted + PseudoLocale.CLOSE : formatted;
    }

    /** Values become the locale's words; numbers stay numbers, for MessageFormat's choice and number formats. */
    private Object shown(Object arg) {
        if (arg instanceof Text t) {
            return render(t);
        }
        if (arg instanceof Problem p) {
            return render(p.said());
        }
        if (arg instanceof Instant i) {
            return dateTime(i);
        }
        if (arg instanceof LocalDate d) {
            return date(d);
        }
        if (arg instanceof Collection<?> c) {
            return c.stream().map(this::shown).map(String::valueOf).collect(Collectors.joining(get("list.separator")));
        }
        return arg;
    }
}
