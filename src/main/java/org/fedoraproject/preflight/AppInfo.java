package org.fedoraproject.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The application's name and version, as the build stamped them. */
public final class AppInfo {

    public static final String NAME = "Preflight";
    public static final String APP_ID = "org.fedoraproject.Preflight";

    private AppInfo() {
    }

    public static String version() {
        return Holder.VERSION;
    }

    private static final class Holder {
        static final String VERSION = load();

        private static String load() {
            try (InputStream in = AppInfo.class.getResourceAsStream("preflight.properties")) {
                if (in == null) {
                    return "unknown";
                }
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
