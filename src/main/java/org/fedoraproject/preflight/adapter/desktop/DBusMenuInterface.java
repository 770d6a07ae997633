package org.fedoraproject.preflight.adapter.desktop;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** com.canonical.dbusmenu: the tray icon's menu, as StatusNotifierItem hosts read it. */
@DBusInterfaceName("com.canonical.dbusmenu")
public interface DBusMenuInterface extends DBusInterface {

    String PATH = "/MenuBar";
    String LAYOUT_SIGNATURE = "(ia{sv}av)";

    Layout<UInt32, Item> GetLayout(int parentId, int recursionDepth, List<String> propertyNames);

    List<Properties> GetGroupProperties(List<Integer> ids, List<String> propertyNames);

    void Event(int id, String eventId, Variant<?> data, UInt32 timestamp);

    boolean AboutToShow(int id);

    /** GetLayout's answer: the layout's revision and its root item. */
    final class Layout<A, B> extends Tuple {
        @Position(0)
        private final A revision;
        @Position(1)
        private final B root;

        public Layout(A revision, B root) {
            this.revision = revision;
            this.root = root;
        }

        public A getRevision() {
            return revision;
        }

        public B getRoot() {
            return root;
        }
    }

    /** A menu item: id, properties (label, type, toggle state…), children as variants of items. */
    final class Item extends Struct {
        @Position(0)
        private final int id;
        @Position(1)
        private final Map<String, Variant<?>> properties;
        @Position(2)
        private final List<Variant<?>> children;

        public Item(int id, Map<String, Variant<?>> properties, List<Variant<?>> children) {
            this.id = id;
            this.properties = properties;
            this.children = children;
        }

        public int getId() {
            return id;
        }

        public Map<String, Variant<?>> getProperties() {
            return properties;
        }

        public List<Variant<?>> getChildren() {
            return children;
        }
    }

    /** GetGroupProperties' answer for one item. */
    final class Properties extends Struct {
        @Position(0)
        private final int id;
        @Position(1)
        private final Map<String, Variant<?>> properties;

        public Properties(int id, Map<String, Variant<?>> properties) {
            this.id = id;
            this.properties = properties;
        }

        public int getId() {
            return id;
        }

        public Map<String, Variant<?>> getProperties() {
            return properties;
        }
    }

    /** The menu changed (a label, a toggle): hosts fetch the layout again. */
    class LayoutUpdated extends DBusSignal {
        public LayoutUpdated(String path, UInt32 revision, int parent) throws DBusException {
            super(path, revision, parent);
        }
    }
}
