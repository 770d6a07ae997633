package org.fedoraproject.preflight.ui;

import java.lang.reflect.Method;

/**
 * The X11 WM_CLASS of Preflight's windows, which docks match against the desktop entry's
 * {@code StartupWMClass}. JavaFX names it after the Application class when it launches one;
 * the window the background instance opens is made without a launch (the toolkit is started
 * on demand), so it would be "java" and GNOME would show a generic icon. Glass takes the name
 * from its application object, which JavaFX's launcher sets the same way: done here by
 * reflection, since the class is JavaFX's own. Where it cannot be reached (JavaFX on the
 * module path, which exports no such package) the name stays JavaFX's.
 */
final class WindowClass {

    private WindowClass() {
    }

    /** Names the windows made from now on; on the JavaFX thread, before the first is shown. */
    static boolean name(Class<?> application) {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object current = glass.getMethod("GetApplication").invoke(null);
            Method setName = glass.getMethod("setName", String.class);
            setName.invoke(current, application.getName());
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
