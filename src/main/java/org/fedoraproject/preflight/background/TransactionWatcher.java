package org.fedoraproject.preflight.background;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import org.fedoraproject.preflight.threads.Threads;

/**
 * Notices the end of a package transaction without polling: the kernel (inotify, through the
 * JDK's WatchService) wakes a thread when dnf5's or dnf4's history database changes, or when the
 * dnf hook touches its file. Directories that do not exist are skipped.
 */
public final class TransactionWatcher implements AutoCloseable {

    /**
     * Files whose change means a transaction ended: the databases and their write-ahead logs,
     * which only writers touch. Not the -shm files: every reader writes its read marks there.
     */
    static boolean meaningful(String name) {
        return name.equals("transaction_history.sqlite") || name.equals("transaction_history.sqlite-wal")
                || name.equals("history.sqlite") || name.equals("history.sqlite-wal") || name.equals("transaction-done");
    }

    private final WatchService watcher;
    private final Thread thread;

    private TransactionWatcher(WatchService watcher, Runnable changed) {
        this.watcher = watcher;
        this.thread = Threads.named("transactions").newThread(() -> loop(changed));
    }

    /** Watches the directories (root/usr/lib/sysimage/libdnf5, root/var/lib/dnf, the hook's directory). */
    public static TransactionWatcher start(List<Path> directories, Runnable changed) throws IOException {
        WatchService watcher = FileSystems.getDefault().newWatchService();
        for (Path dir : directories) {
            if (Files.isDirectory(dir)) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
        TransactionWatcher w = new TransactionWatcher(watcher, changed);
        w.thread.start();
        return w;
    }

    private void loop(Runnable changed) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean relevant = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    relevant |= event.context() instanceof Path p && meaningful(p.getFileName().toString());
                }
                key.reset();
                if (relevant) {
                    changed.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
