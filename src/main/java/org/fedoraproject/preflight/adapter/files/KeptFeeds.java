package org.fedoraproject.preflight.adapter.files;

import java.util.List;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.text.Text;

/** The feeds kept for a user, read without a download (the dnf hook, the machine's health). */
@FunctionalInterface
public interface KeptFeeds {
    List<FeedStatus> read(XdgDirs dirs, List<Text> problems);
}
