package org.fedoraproject.preflight.testing;

import java.nio.charset.StandardCharsets;

/** Fedora's sources on a loopback server, for the end-to-end tests of derived incidents. */
public final class FedoraSources {

    private FedoraSources() {
    }

    /**
     * Bugzilla and Discourse as Fedora's answer them for the test roots' story (no curated feed).
     * The roots' packages are each built from a source package of their own name: the bugs'
     * components are those names.
     */
    public static void serve(FeedServer server) {
        server.answerByQuery("/rest/bug", query -> {
            String bugs;
            if (query.contains("keywords=CommonBugs")) {
                bugs = query.contains("v1=0") ? String.join(",",
                        bug(2400001, "mesa-dri-drivers", "ON_QA", "mesa-dri-drivers-25.1.6-1.fc43", "medium"),
                        bug(2400010, "firefox", "ASSIGNED", "firefox-146.0.1-1.fc43", "high"),
                        bug(2400020, "gnome-shell", "NEW", "", "medium")) : "";
            } else if (query.startsWith("id=")) {
                bugs = bug(2400040, "kernel-core", "NEW", "", "high").replace("[\"CommonBugs\"]", "[]");
            } else {
                bugs = bug(2400099, "firefox", "NEW", "", "low").replace("[\"CommonBugs\"]", "[]");
            }
            return FeedServer.Answer.json(("{\"faults\":[],\"bugs\":[" + bugs + "]}").getBytes(StandardCharsets.UTF_8), null);
        });
        server.answer("/tags/c/ask/common-issues/82/none/f43.json", FeedServer.Answer.json((
                "{\"topic_list\":{\"topics\":[{\"id\":77,\"title\":\"Laptop does not resume after the kernel-core update\","
                + "\"slug\":\"resume\",\"created_at\":\"2026-11-23T10:00:00Z\",\"tags\":[\"f43\"]}]}}")
                .getBytes(StandardCharsets.UTF_8), null));
        server.answer("/raw/77/1", FeedServer.Answer.text("Some laptops stay black after resume with kernel 6.17.\n\n"
                + "Bug: https://bugzilla.redhat.com/show_bug.cgi?id=2400040\n\n## Workaround\n"
                + "* Boot the previous kernel from the GRUB menu.\n"));
    }

    private static String bug(long id, String component, String status, String fixedIn, String severity) {
        return "{\"id\":" + id + ",\"summary\":\"" + component + " bug " + id + "\",\"component\":[\"" + component + "\"],"
                + "\"version\":[\"43\"],\"status\":\"" + status + "\",\"resolution\":\"\",\"is_open\":true,"
                + "\"keywords\":[\"CommonBugs\"],\"cf_fixed_in\":\"" + fixedIn + "\",\"severity\":\"" + severity + "\","
                + "\"creation_time\":\"2026-11-25T10:00:00Z\"}";
    }

}
