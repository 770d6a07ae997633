package org.fedoraproject.preflight.adapter.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.fedoraproject.preflight.testing.PrivateBus;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications, the portal, the tray and the single instance against a real private dbus-daemon. */
class DesktopBusTest {

    private PrivateBus bus;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startBus() throws Exception {
        bus = PrivateBus.start();
    }

    @AfterEach
    void stopBus() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        bus.close();
    }

    private SessionBus session() throws Exception {
        SessionBus s = SessionBus.connect(Map.of("DBUS_SESSION_BUS_ADDRESS", bus.address()));
        open.add(s);
        return s;
    }

    private static void waitFor(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition::getAsBoolean);
    }

    @Test
    void aNotificationReachesTheServerWithUrgencyAndButtonsAndAClickComesBack() throws Exception {
        RecordingNotifications server = new RecordingNotifications(bus.connect());
        open.add(server);
        Notifier notifier = session().notifier(false);
        List<String> clicks = new CopyOnWriteArrayList<>();
        notifier.onAction((id, key) -> clicks.add(id + ":" + key));
        String id = notifier.send("Hold kernel-core for now", "It does not boot.", 2,
                List.of(new Notifier.Action("show", "Show details"), new Notifier.Action("later", "Remind me later")));
        assertEquals(1, server.calls().size());
        RecordingNotifications.Call call = server.calls().get(0);
        assertEquals("Preflight", call.appName());
        assertEquals("Hold kernel-core for now", call.summary());
        assertEquals(2, call.urgency());
        assertEquals(0, call.timeout(), "critical notifications stay");
        assertEquals(List.of("show", "Show details", "later", "Remind me later"), call.actions());
        server.click(Integer.parseInt(id), "show");
        waitFor(() -> clicks.contains(id + ":show"));
        notifier.close();
    }

    @Test
    void withoutANotificationServerSendingFailsWithAMessage() throws Exception {
        Notifier notifier = session().notifier(false);
        Exception e = Assertions.assertThrows(DesktopException.class,
                () -> notifier.send("s", "b", 1, List.of()));
        assertTrue(e.getMessage().startsWith("the notification service did not take the notification"), e.getMessage());
    }

    /** A stand-in for xdg-desktop-portal's notification interface, recording what it is given. */
    static final class RecordingPortal implements PortalNotificationInterface {
        final List<Map<String, Variant<?>>> added = new CopyOnWriteArrayList<>();

        @Override
        public void AddNotification(String id, Map<String, Variant<?>> notification) {
            added.add(notification);
        }

        @Override
        public void RemoveNotification(String id) {
        }

        @Override
        public String getObjectPath() {
            return PATH;
        }
    }

    @Test
    void insideFlatpakTheNotificationGoesThroughThePortal() throws Exception {
        DBusConnection portalSide = bus.connect();
        open.add(portalSide);
        RecordingPortal portal = new RecordingPortal();
        portalSide.exportObject(PortalNotificationInterface.PATH, portal);
        portalSide.requestBusName(PortalNotificationInterface.BUS_NAME);
        Notifier notifier = session().notifier(true);
        notifier.send("The fix for FPS-1 is ready", "Update now.", 1, List.of(new Notifier.Action("show", "Show details")));
        assertEquals(1, portal.added.size());
        Map<String, Variant<?>> n = portal.added.get(0);
        assertEquals("The fix for FPS-1 is ready", n.get("title").getValue());
        assertEquals("normal", n.get("priority").getValue());
        assertEquals("show", n.get("default-action").getValue());
        assertTrue(n.get("buttons").getValue().toString().contains("Show details"), n.get("buttons").getValue().toString());
    }

    @Test
    void theTrayAnswersItsPropertiesAndMenuAndRunsTheClickedEntry() throws Exception {
        DBusConnection watcherSide = bus.connect();
        open.add(watcherSide);
        RecordingWatcher watcher = RecordingWatcher.on(watcherSide);
        SessionBus session = session();
        AtomicInteger checks = new AtomicInteger();
        TrayIcon tray = TrayIcon.register(session.connection(), List.of(
                new TrayIcon.Entry(1, "Open Preflight", false, false, () -> { }),
                new TrayIcon.Entry(2, "Check now", false, false, checks::incrementAndGet),
                new TrayIcon.Entry(3, "Pause notifications", true, false, () -> { }),
                new TrayIcon.Entry(4, "Quit", false, false, () -> { }))).orElseThrow();
        String me = session.connection().getUniqueName();
        assertEquals(List.of(me), watcher.registered());

        String icon = bus.send("--dest=" + me, "/StatusNotifierItem", "org.freedesktop.DBus.Properties.Get",
                "string:org.kde.StatusNotifierItem", "string:IconName");
        assertTrue(icon.contains("\"org.fedoraproject.Preflight-unknown-symbolic\""), icon);
        tray.show(TrayIcon.State.HOLD, "Preflight: hold some updates");
        String all = bus.send("--dest=" + me, "/StatusNotifierItem", "org.freedesktop.DBus.Properties.GetAll",
                "string:org.kde.StatusNotifierItem");
        assertTrue(all.contains("\"org.fedoraproject.Preflight-hold-symbolic\""), all);
        assertTrue(all.contains("\"NeedsAttention\""), all);
        assertTrue(all.contains("object path \"/MenuBar\""), all);
        // The icon as pixels too: 16, 32 and 48 pixels square, ARGB (16 x 16 x 4 = 1024 bytes for the first).
        String pixmap = bus.send("--dest=" + me, "/StatusNotifierItem", "org.freedesktop.DBus.Properties.Get",
                "string:org.kde.StatusNotifierItem", "string:IconPixmap");
        Matcher sizes = Pattern.compile("int32 (\\d+)\\s+int32 (\\d+)\\s+array of bytes \\[([^\\]]*)\\]").matcher(pixmap);
        List<String> seen = new ArrayList<>();
        while (sizes.find()) {
            int w = Integer.parseInt(sizes.group(1));
            int h = Integer.parseInt(sizes.group(2));
            assertEquals(w * h * 4, sizes.group(3).strip().split("\\s+").length, "ARGB for every pixel of " + w + "x" + h);
            seen.add(w + "x" + h);
        }
        assertEquals(List.of("16x16", "32x32", "48x48"), seen);

        String layout = bus.send("--dest=" + me, "/MenuBar", "com.canonical.dbusmenu.GetLayout", "int32:0", "int32:-1",
                "array:string:");
        for (String label : List.of("Open Preflight", "Check now", "Pause notifications", "Quit")) {
            assertTrue(layout.contains("\"" + label + "\""), layout);
        }
        assertTrue(layout.contains("\"checkmark\""), layout);
        bus.send("--dest=" + me, "/MenuBar", "com.canonical.dbusmenu.Event", "int32:2", "string:clicked", "variant:int32:0",
                "uint32:0");
        assertEquals(1, checks.get());
        tray.close();
    }

    @Test
    void withoutAWatcherThereIsNoTray() throws Exception {
        assertEquals(Optional.empty(), TrayIcon.register(session().connection(), List.of()));
    }

    @Test
    void aSecondInstanceAsksTheFirstToShowItsWindow() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        SessionBus first = session();
        assertTrue(first.claim(shown::add));
        SessionBus second = session();
        assertFalse(second.claim(id -> { }), "the name is taken");
        assertTrue(second.askRunning(Optional.of("FPS-2026-0042")));
        waitFor(() -> shown.contains("FPS-2026-0042"));
        first.close();
        SessionBus third = session();
        waitFor(() -> !third.askRunning(Optional.empty()));
    }

    @Test
    void theNetworkComingBackIsToldOncePerReturn() throws Exception {
        AtomicInteger back = new AtomicInteger();
        NetworkWatcher watcher = NetworkWatcher.start(bus.address(), back::incrementAndGet);
        open.add(watcher);
        DBusConnection networkManager = bus.connect();
        open.add(networkManager);
        String path = "/org/freedesktop/NetworkManager";
        for (long state : new long[] {20, 70, 70, 50, 70}) {
            networkManager.sendMessage(new NetworkWatcher.NetworkManagerInterface.StateChanged(path,
                    new UInt32(state)));
        }
        // Signals from one sender arrive in order: once the last return is seen, all were handled.
        waitFor(() -> back.get() >= 2);
        assertEquals(2, back.get(), "disconnected → connected twice; connected → connected is no return");
    }

    /** Stand-ins for xdg-desktop-portal's Background and NetworkMonitor interfaces, recording what they are asked. */
    static final class RecordingDesktopPortal implements PortalBackgroundInterface, PortalNetworkMonitorInterface {
        final List<Map<String, Variant<?>>> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger asked = new AtomicInteger();
        volatile long connectivity = 1;

        @Override
        public DBusPath RequestBackground(String parentWindow, Map<String, Variant<?>> options) {
            requests.add(options);
            return new DBusPath("/org/freedesktop/portal/desktop/request/1_1/t");
        }

        @Override
        public UInt32 GetConnectivity() {
            asked.incrementAndGet();
            return new UInt32(connectivity);
        }

        @Override
        public String getObjectPath() {
            return "/org/freedesktop/portal/desktop";
        }
    }

    private RecordingDesktopPortal desktopPortal() throws Exception {
        DBusConnection portalSide = bus.connect();
        open.add(portalSide);
        RecordingDesktopPortal portal = new RecordingDesktopPortal();
        portalSide.exportObject(portal.getObjectPath(), portal);
        portalSide.requestBusName("org.freedesktop.portal.Desktop");
        return portal;
    }

    @Test
    void insideFlatpakStartAtLoginGoesThroughTheBackgroundPortal() throws Exception {
        RecordingDesktopPortal portal = desktopPortal();
        BackgroundPortal.requestAutostart(session().connection(), true);
        BackgroundPortal.requestAutostart(session().connection(), false);
        assertEquals(2, portal.requests.size());
        assertEquals(true, portal.requests.get(0).get("autostart").getValue());
        assertEquals(false, portal.requests.get(1).get("autostart").getValue());
        Object line = portal.requests.get(0).get("commandline").getValue();
        assertEquals(List.of("preflight", "--background"),
                line instanceof String[] a ? List.of(a) : new ArrayList<>((Collection<?>) line));
    }

    @Test
    void insideFlatpakTheNetworkComingBackIsToldByTheNetworkMonitorPortal() throws Exception {
        RecordingDesktopPortal portal = desktopPortal();
        AtomicInteger back = new AtomicInteger();
        NetworkWatcher watcher = NetworkWatcher.startPortal(bus.address(), back::incrementAndGet);
        open.add(watcher);
        DBusConnection portalSide = bus.connect();
        open.add(portalSide);
        assertEquals(1, portal.asked.get(), "asked once at start");
        // limited (1) at start -> full: a return; full -> full: none; limited -> full: a return.
        for (long state : new long[] {4, 4, 2, 4}) {
            portal.connectivity = state;
            int before = portal.asked.get();
            portalSide.sendMessage(new PortalNetworkMonitorInterface.changed(portal.getObjectPath()));
            waitFor(() -> portal.asked.get() > before); // each change is asked about before the next one
        }
        waitFor(() -> back.get() >= 2);
        assertEquals(2, back.get());
    }

    @Test
    void onlyAChangeToConnectedFromAnotherStateIsAReturn() {
        NetworkWatcher.Returns returns = new NetworkWatcher.Returns();
        List<Boolean> seen = new ArrayList<>();
        for (long state : new long[] {70, 70, 20, 70, 50, 60, 70, 70}) {
            seen.add(returns.next(state));
        }
        assertEquals(List.of(true, false, false, true, false, false, true, false), seen);
    }
}
