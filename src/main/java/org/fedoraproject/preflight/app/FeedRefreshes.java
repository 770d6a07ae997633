package org.fedoraproject.preflight.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.fedoraproject.preflight.adapter.feed.FeedRepository;
import org.fedoraproject.preflight.adapter.feed.FeedSource;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.adapter.files.SettingsStore;
import org.fedoraproject.preflight.text.Text;

/** Every feed of the settings and the request, refreshed at once while the system is read: for a check and for an upgrade's. */
final class FeedRefreshes {

    private final FeedRepository feeds;
    private final Executor executor;

    FeedRefreshes(FeedRepository feeds, Executor executor) {
        this.feeds = feeds;
        this.executor = executor;
    }

    /** Started; the settings' and the trusted keys' problems join the warnings. */
    List<CompletableFuture<FeedStatus>> start(SettingsStore.Loaded loaded, CheckService.Request request, List<Text> warnings) {
        warnings.addAll(loaded.problems());
        warnings.addAll(Text.untranslated(feeds.trustProblems()));
        List<FeedSource> sources = new ArrayList<>(loaded.settings().feeds());
        sources.addAll(request.extraFeeds());
        return sources.stream().map(s -> CompletableFuture.supplyAsync(() -> feeds.refresh(s, request.offline()), executor)).toList();
    }
}
