package org.fedoraproject.preflight.adapter.desktop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The tray icon, as a StatusNotifierItem with a dbusmenu: a state icon (ok, caution, hold, or
 * unknown when the last check failed) with a tooltip, and a menu of entries the caller gives.
 * Clicking the icon runs the first entry. Registers with the StatusNotifierWatcher; where there
 * is none (plain GNOME without the AppIndicator extension) {@link #register} returns empty.
 */
public final class TrayIcon implements AutoCloseable {

    /** What the icon shows. */
    public enum State { OK, CAUTION, HOLD, UNKNOWN }

    /** A menu entry; a toggle shows a check mark when {@code on}. */
    public record Entry(int id, String label, boolean toggle, boolean on, Runnable action) {
    }

    static final String ITEM_PATH = "/StatusNotifierItem";

    private final DBusConnection bus;
    private final Item item = new Item();
    private final Menu menu = new Menu();
    private volatile List<Entry> entries;
    private volatile State state = State.UNKNOWN;
    private volatile String tooltip = "Preflight";
    private volatile int revision = 1;

    private TrayIcon(DBusConnection bus, List<Entry> entries) {
        this.bus = bus;
        this.entries = List.copyOf(entries);
    }

    /** Shows the icon; empty when this desktop has no tray (no StatusNotifierWatcher on the bus). */
    public static Optional<TrayIcon> register(DBusConnection bus, List<Entry> entries) throws DesktopException {
        TrayIcon tray = new TrayIcon(bus, entries);
        try {
            bus.exportObject(ITEM_PATH, tray.item);
            bus.exportObject(DBusMenuInterface.PATH, tray.menu);
            StatusNotifierWatcherInterface watcher = bus.getRemoteObject(StatusNotifierWatcherInterface.BUS_NAME,
                    StatusNotifierWatcherInterface.PATH, StatusNotifierWatcherInterface.class);
            watcher.RegisterStatusNotifierItem(bus.getUniqueName());
            return Optional.of(tray);
        } catch (DBusExecutionException e) {
            tray.close();
            return Optional.empty();
        } catch (DBusException e) {
            tray.close();
            throw new DesktopException("cannot show the tray icon: " + e.getMessage(), e);
        }
    }

    /** Changes the icon and tooltip, and tells the host. */
    public void show(State newState, String newTooltip) {
        state = newState;
        tooltip = newTooltip;
        try {
            bus.sendMessage(new StatusNotifierItemInterface.NewIcon(ITEM_PATH));
            bus.sendMessage(new StatusNotifierItemInterface.NewStatus(ITEM_PATH, status()));
            bus.sendMessage(new StatusNotifierItemInterface.NewToolTip(ITEM_PATH));
        } catch (DBusException e) {
            // the host re-reads the properties when it next draws; a lost signal only delays that
        }
    }

    /** Replaces the menu (a toggle changed), and tells the host. */
    public void update(List<Entry> newEntries) {
        entries = List.copyOf(newEntries);
        revision++;
        try {
            bus.sendMessage(new DBusMenuInterface.LayoutUpdated(DBusMenuInterface.PATH, new UInt32(revision), 0));
        } catch (DBusException e) {
            // as above
        }
    }

    /**
     * The application's icon in the sizes trays draw (the window's own PNGs, from the jar),
     * decoded when a host first asks for the properties, not when the background starts.
     */
    private static final class Pixmaps {
        static final List<IconPixmap> ALL = IconPixmap.fromResources(List.of(
                "/org/fedoraproject/preflight/ui/icons/preflight-16.png", "/org/fedoraproject/preflight/ui/icons/preflight-32.png",
                "/org/fedoraproject/preflight/ui/icons/preflight-48.png"));
    }

    public static String iconName(State state) {
        return "org.fedoraproject.Preflight-" + state.name().toLowerCase(Locale.ROOT) + "-symbolic";
    }

    private String status() {
        return state == State.HOLD ? "NeedsAttention" : "Active";
    }

    @Override
    public void close() {
        bus.unExportObject(ITEM_PATH);
        bus.unExportObject(DBusMenuInterface.PATH);
    }

    /** One of the read-only properties both objects publish. */
    @SuppressWarnings("unchecked")
    static <A> A property(Map<String, Variant<?>> all, String name) {
        Variant<?> v = all.get(name);
        if (v == null) {
            throw new DBusExecutionException("no property " + name);
        }
        // The variant itself, with its signature: a list's element type cannot be told from its value.
        return (A) v;
    }

    /** The StatusNotifierItem object. */
    private final class Item implements StatusNotifierItemInterface, Properties {

        @Override
        public void Activate(int x, int y) {
            List<Entry> current = entries;
            if (!current.isEmpty()) {
                current.get(0).action().run();
            }
        }

        @Override
        public void SecondaryActivate(int x, int y) {
            Activate(x, y);
        }

        @Override
        public void ContextMenu(int x, int y) {
            // the host shows the dbusmenu itself
        }

        @Override
        public void Scroll(int delta, String orientation) {
            // nothing to scroll
        }

        @Override
        public String getObjectPath() {
            return ITEM_PATH;
        }

        @Override
        public <A> A Get(String iface, String name) {
            return property(GetAll(iface), name);
        }

        @Override
        public <A> void Set(String iface, String name, A value) {
            throw new DBusExecutionException("read-only property " + name);
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            Map<String, Variant<?>> p = new LinkedHashMap<>();
            p.put("Category", new Variant<>("ApplicationStatus"));
            p.put("Id", new Variant<>("org.fedoraproject.Preflight"));
            p.put("Title", new Variant<>("Preflight"));
            p.put("Status", new Variant<>(status()));
            p.put("IconName", new Variant<>(iconName(state)));
            p.put("AttentionIconName", new Variant<>(iconName(State.HOLD)));
            // Also the application's icon as pixels, for a host that does not find the name in the icon theme.
            p.put("IconPixmap", new Variant<>(Pixmaps.ALL, IconPixmap.SIGNATURE));
            p.put("ItemIsMenu", new Variant<>(false));
            p.put("Menu", new Variant<>(new DBusPath(DBusMenuInterface.PATH)));
            p.put("ToolTipTitle", new Variant<>(tooltip));
            return p;
        }
    }

    /** The dbusmenu object: one root (id 0) whose children are the entries. */
    private final class Menu implements DBusMenuInterface, Properties {

        @Override
        public Layout<UInt32, DBusMenuInterface.Item> GetLayout(int parentId, int depth, List<String> names) {
            List<Variant<?>> children = new ArrayList<>();
            if (parentId == 0 && depth != 0) {
                for (Entry e : entries) {
                    children.add(new Variant<>(new DBusMenuInterface.Item(e.id(), properties(e), List.of()), LAYOUT_SIGNATURE));
                }
            }
            DBusMenuInterface.Item root = parentId == 0
                    ? new DBusMenuInterface.Item(0, Map.of("children-display", new Variant<>("submenu")), children)
                    : new DBusMenuInterface.Item(parentId, find(parentId).map(this::properties).orElse(Map.of()), List.of());
            return new Layout<>(new UInt32(revision), root);
        }

        @Override
        public List<DBusMenuInterface.Properties> GetGroupProperties(List<Integer> ids, List<String> names) {
            List<DBusMenuInterface.Properties> all = new ArrayList<>();
            for (Entry e : entries) {
                if (ids.isEmpty() || ids.contains(e.id())) {
                    all.add(new DBusMenuInterface.Properties(e.id(), properties(e)));
                }
            }
            return all;
        }

        @Override
        public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            if ("clicked".equals(eventId)) {
                find(id).ifPresent(e -> e.action().run());
            }
        }

        @Override
        public boolean AboutToShow(int id) {
            return false;
        }

        private Optional<Entry> find(int id) {
            return entries.stream().filter(e -> e.id() == id).findFirst();
        }

        private Map<String, Variant<?>> properties(Entry e) {
            Map<String, Variant<?>> p = new LinkedHashMap<>();
            p.put("label", new Variant<>(e.label()));
            p.put("enabled", new Variant<>(true));
            p.put("visible", new Variant<>(true));
            if (e.toggle()) {
                p.put("toggle-type", new Variant<>("checkmark"));
                p.put("toggle-state", new Variant<>(e.on() ? 1 : 0));
            }
            return p;
        }

        @Override
        public String getObjectPath() {
            return DBusMenuInterface.PATH;
        }

        @Override
        public <A> A Get(String iface, String name) {
            return property(GetAll(iface), name);
        }

        @Override
        public <A> void Set(String iface, String name, A value) {
            throw new DBusExecutionException("read-only property " + name);
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            Map<String, Variant<?>> p = new LinkedHashMap<>();
            p.put("Version", new Variant<>(new UInt32(3)));
            p.put("TextDirection", new Variant<>("ltr"));
            p.put("Status", new Variant<>("normal"));
            return p;
        }
    }
}
