package org.fedoraproject.preflight.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.adapter.feed.FeedStatus;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.CheckSummary;
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.app.Outlook;
import org.fedoraproject.preflight.health.Suspect;
import org.fedoraproject.preflight.machine.UpdateSets;
import org.fedoraproject.preflight.signal.ReleaseOutlook;
import org.fedoraproject.preflight.signal.SourceState;
import org.fedoraproject.preflight.text.Messages;

/**
 * The answer at the top of the window: an icon, the outlook in words, what to do next, and how
 * fresh the data is. Colour repeats what the icon's shape and the words already say.
 */
final class VerdictBanner {

    private final HBox root;
    private final StackPane iconSlot = new StackPane();
    private final Label title = new Label();
    private final Label next = new Label();
    private final Label freshness = new Label();
    private final Label sources = new Label();
    /** What to do before updating, in order: what the next restart brings, each hold, the rest. */
    private final ToDoList todo;
    /** How fresh the data is and which sources answered: behind "Details", so the list has the room. */
    private final VBox details = new VBox(4);
    private final Hyperlink detailsToggle = new Hyperlink();
    private final Label releaseLine = new Label();
    /** "You seem to be offline": once, in a person's words, instead of each source's error. */
    private final Label offlineLine = new Label();
    /** A transaction the machine's journal points at, when there is one. */
    private final Label suspectLine = new Label();
    private final Consumer<String> copy;
    private final Label demoTag;
    private final Button openDemo;
    private final Button addFeedButton;
    private final Words words;
    private Outlook shown;
    /** How many of the details are warnings (a source that did not answer, old metadata): said on the closed "Details". */
    private int troubles;
    /** The height of the window below which the banner is compact. */
    static final double COMPACT_BELOW = 760;
    private ObservableBooleanValue checking;
    private ObservableStringValue failure;

    VerdictBanner(MainViewModel model, Words words, Consumer<String> copy, Consumer<String> openIncident, Runnable addFeed) {
        this.words = words;
        this.copy = copy;
        this.todo = new ToDoList(words, copy, openIncident);
        Messages text = words.text();
        title.setId("verdict-title");
        title.getStyleClass().add(Styles.BANNER_TITLE);
        next.setId("verdict-next");
        next.getStyleClass().add(Styles.BANNER_NEXT);
        next.setWrapText(true);
        freshness.setId("verdict-freshness");
        freshness.getStyleClass().add(Styles.BANNER_FRESHNESS);
        freshness.setWrapText(true);
        sources.setId("verdict-sources");
        sources.getStyleClass().add(Styles.BANNER_FRESHNESS);
        sources.setWrapText(true);
        sources.managedProperty().bind(sources.visibleProperty());
        demoTag = new Label(text.get("banner.demo"));
        demoTag.getStyleClass().add(Styles.DEMO_TAG);
        demoTag.visibleProperty().bind(model.demoProperty());
        demoTag.managedProperty().bind(demoTag.visibleProperty());
        // The title wraps, and the demo tag goes below it when the window is narrow: never cut off.
        title.setWrapText(true);
        title.setMinWidth(0);
        FlowPane heading = new FlowPane(10, 4, title, demoTag);
        heading.setAlignment(Pos.CENTER_LEFT);
        heading.setMinWidth(0);
        title.maxWidthProperty().bind(heading.widthProperty());
        releaseLine.setId("verdict-release");
        releaseLine.setWrapText(true);
        releaseLine.getStyleClass().add(Styles.SOURCES_TROUBLE);
        releaseLine.managedProperty().bind(releaseLine.visibleProperty());
        releaseLine.setVisible(false);
        offlineLine.setId("verdict-offline");
        offlineLine.setText(text.get("banner.offline"));
        offlineLine.setWrapText(true);
        offlineLine.getStyleClass().add(Styles.SOURCES_TROUBLE);
        offlineLine.managedProperty().bind(offlineLine.visibleProperty());
        offlineLine.setVisible(false);
        suspectLine.setId("verdict-suspect");
        suspectLine.setWrapText(true);
        suspectLine.getStyleClass().add(Styles.SOURCES_TROUBLE);
        suspectLine.managedProperty().bind(suspectLine.visibleProperty());
        suspectLine.setVisible(false);
        model.healthProperty().addListener((o, a, health) -> showSuspect(health));
        details.setId("verdict-details");
        details.getChildren().addAll(freshness, sources);
        details.managedProperty().bind(details.visibleProperty());
        details.setVisible(false);
        detailsToggle.setId("verdict-details-toggle");
        detailsToggle.setOnAction(e -> {
            details.setVisible(!details.isVisible());
            sayDetails();
        });
        sayDetails();
        VBox words1 = new VBox(4, heading, next, offlineLine, releaseLine, suspectLine, todo.root(), details);
        HBox.setHgrow(words1, Priority.ALWAYS);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        Label progress = new Label();
        progress.setId("progress");
        progress.getStyleClass().add(Styles.MUTED);
        progress.textProperty().bind(model.progressProperty());
        HBox busy = new HBox(6, spinner, progress);
        busy.setAlignment(Pos.CENTER_RIGHT);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        spinner.setAccessibleText(text.get("progress.accessible"));

        Button again = new Button(text.get("banner.checkAgain"));
        again.setId("check-again");
        // Not disabled while a check runs: a disabled button gives its focus away, and the focus is the user's.
        again.setOnAction(e -> {
            if (!model.busyProperty().get()) {
                model.checkAgain();
            }
        });
        openDemo = new Button(text.get("banner.openDemo"));
        openDemo.setId("open-demo");
        openDemo.setOnAction(e -> model.openDemo());
        openDemo.managedProperty().bind(openDemo.visibleProperty());
        openDemo.setVisible(false);
        // A way back from the demo to this system, wherever the demo was opened from.
        Button leaveDemo = new Button(text.get("banner.leaveDemo"));
        leaveDemo.setId("leave-demo");
        leaveDemo.setOnAction(e -> model.leaveDemo());
        leaveDemo.visibleProperty().bind(model.demoProperty());
        leaveDemo.managedProperty().bind(leaveDemo.visibleProperty());
        // No curated feed yet: a way to add one, besides the verdict Fedora's sources give.
        addFeedButton = new Button(text.get("banner.addFeed"));
        addFeedButton.setId("add-feed");
        addFeedButton.setOnAction(e -> addFeed.run());
        addFeedButton.managedProperty().bind(addFeedButton.visibleProperty());
        addFeedButton.setVisible(false);
        VBox actions = new VBox(6, busy, again, addFeedButton, openDemo, leaveDemo, detailsToggle);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);

        root = new HBox(16, iconSlot, words1, actions);
        root.setId("verdict-banner");
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add(Styles.BANNER);
        root.setAccessibleRole(AccessibleRole.TEXT);
        // A low window gives the list below the room: one line each for the sentence and the journal's suspect.
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.heightProperty().addListener((h, a, b) -> compact(b.doubleValue() < COMPACT_BELOW));
                compact(scene.getHeight() < COMPACT_BELOW);
            }
        });

        model.reportProperty().addListener((o, old, report) -> show(report, model.demoProperty().get()));
        // While a check runs after one that could not check, say it is fetching, not "could not check".
        model.busyProperty().addListener((o, was, now) -> show(model.reportProperty().get(), model.demoProperty().get()));
        this.checking = model.busyProperty();
        this.failure = model.failureProperty();
        model.failureProperty().addListener((o, was, now) -> show(model.reportProperty().get(), model.demoProperty().get()));
        show(model.reportProperty().get(), model.demoProperty().get());
    }

    private void compact(boolean on) {
        if (root.getStyleClass().contains(Styles.COMPACT) == on) {
            return;
        }
        if (on) {
            root.getStyleClass().add(Styles.COMPACT);
        } else {
            root.getStyleClass().remove(Styles.COMPACT);
        }
        Messages text = words.text();
        // The demo tag in a word, beside the title instead of a line of its own; its tooltip says the rest.
        demoTag.setText(text.get(on ? "banner.demoShort" : "banner.demo"));
        demoTag.setTooltip(on ? new Tooltip(text.get("banner.demo")) : null);
        for (Label line : List.of(next, suspectLine)) {
            line.setWrapText(!on);
            line.setTooltip(on ? new Tooltip() : null);
            if (on) {
                line.getTooltip().textProperty().bind(line.textProperty());
            }
        }
        wrapNext();
    }

    /** The sentence takes one line in a compact banner, but keeps its lines when there is no list below it to make room for. */
    private void wrapNext() {
        next.setWrapText(!root.getStyleClass().contains(Styles.COMPACT) || !todo.root().isVisible());
    }

    HBox root() {
        return root;
    }

    Outlook shown() {
        return shown;
    }

    private void show(CheckReport report, boolean demo) {
        Messages text = words.text();
        if (report == null) {
            // A first check that failed is not one still running: said as such, the reason in the bar below.
            boolean failed = failure != null && failure.get() != null && (checking == null || !checking.get());
            waiting(text.get(failed ? "outlook.unknown" : "banner.checking"), text.get(failed ? "banner.failedNext" : "banner.checkingNext"));
            return;
        }
        CheckSummary summary = CheckSummary.of(report);
        Outlook outlook = summary.outlook();
        if (outlook == Outlook.UNKNOWN && !demo && checking != null && checking.get()) {
            waiting(text.get("banner.fetching"), text.get("banner.fetchingNext"));
            return;
        }
        boolean partialSafe = !demo && summary.headline() == CheckSummary.Headline.PARTIAL_SAFE;
        setOutlook(outlook, partialSafe ? text.render(report.partialSafeTitle("outlook.partial"))
                : text.get("outlook." + outlook.name().toLowerCase(Locale.ROOT)));
        next.setText(text.sentence(summary.next()));
        freshness.setText(demo ? text.get("freshness.demo") : freshness(report));
        showSources(demo ? List.of() : report.signals().sources(), report.updateSets(),
                demo ? Optional.empty() : report.oldMetadata().map(t -> words.ago(t, report.at())),
                demo ? Optional.empty() : report.release(), report.at());
        todo.show(summary);
        wrapNext();
        offlineLine.setVisible(summary.offline() && !demo && outlook != Outlook.UNKNOWN);
        openDemo.setVisible(outlook == Outlook.UNKNOWN && !demo);
        addFeedButton.setVisible(!demo && report.feeds().isEmpty());
        root.setAccessibleText(title.getText() + ". " + (releaseLine.isVisible() ? releaseLine.getText() + ". " : "")
                + next.getText() + " " + freshness.getText()
                + (sources.isVisible() ? " " + sources.getText() : ""));
    }

    /** The first suspect of the machine's journal, in one sentence; the History tab has the rest. */
    private void showSuspect(HealthService.Result health) {
        Optional<Suspect> first = health == null ? Optional.empty() : health.report().suspects().stream().findFirst();
        suspectLine.setVisible(first.isPresent());
        first.ifPresent(s -> suspectLine.setText(words.text().get(s.unitsOnly() ? "banner.suspectUnits" : "banner.suspect",
                String.join(", ", s.unitsOnly() ? s.units() : s.executables()), s.unitsOnly() ? s.unitFailuresAfter() : s.crashesAfter(),
                s.transaction().source().id(), s.transaction().id(), s.source(), s.after())));
    }

    /** No verdict yet: what is being done, and nothing else. */
    private void waiting(String what, String then) {
        setOutlook(Outlook.UNKNOWN, what);
        next.setText(then);
        freshness.setText("");
        sources.setVisible(false);
        todo.root().setVisible(false);
        wrapNext();
        offlineLine.setVisible(false);
        troubles = 0;
        sayDetails();
        releaseLine.setVisible(false);
        openDemo.setVisible(false);
        addFeedButton.setVisible(false);
    }

    private void setOutlook(Outlook outlook, String titleText) {
        shown = outlook;
        title.setText(titleText);
        iconSlot.getChildren().setAll(OutlookIcon.of(outlook, titleText));
        Styles.setKind(root, "outlook", Styles.of("outlook", outlook.name()));
    }

    /**
     * Which of Fedora's sources the verdict rests on, and which did not answer: said in the
     * banner, not only on stderr. A source that failed or whose kept answer was used is a warning.
     */
    private void showSources(List<SourceState> states,
                             UpdateSets sets, Optional<String> oldMetadata,
                             Optional<ReleaseOutlook> release, Instant at) {
        Messages text = words.text();
        List<String> answered = new ArrayList<>();
        List<String> trouble = new ArrayList<>();
        for (var s : states) {
            String name = s.source().equals(SourceState.UPDATEINFO) ? text.get("sources.updateinfo") : s.source();
            switch (s.state()) {
                case ANSWERED, REUSED -> answered.add(name); // a kept answer still within its freshness is an answer
                case KEPT -> trouble.add(text.get("sources.kept", name, s.asOf().map(t -> words.ago(t, at))
                        .orElse("?")));
                case FAILED -> trouble.add(text.get("sources.failed", name));
                case OFF -> { }
            }
        }
        oldMetadata.ifPresent(age -> trouble.add(0, text.get("sources.oldMetadata", age)));
        showRelease(release);
        if (sets.differ()) {
            trouble.add(text.get("sources.differ", sets.onlyPackageKit().size(), sets.onlyDnf().size()));
        }
        List<String> parts = new ArrayList<>();
        if (!answered.isEmpty()) {
            parts.add(text.get("sources.answered", String.join(", ", answered)));
        }
        parts.addAll(trouble);
        sources.setText(String.join(" · ", parts));
        sources.setVisible(!parts.isEmpty());
        Styles.setKind(sources, "sources", trouble.isEmpty() ? Styles.SOURCES_OK : Styles.SOURCES_TROUBLE);
        troubles = trouble.size();
        sayDetails();
    }

    /** "Details" or "Hide details", with how many of them are warnings when hidden. */
    private void sayDetails() {
        Messages text = words.text();
        detailsToggle.setText(details.isVisible() ? text.get("banner.hideDetails") : text.get("banner.details", troubles));
    }

    /** Past or near the end of this release's support: its own line, first, in warning style. */
    private void showRelease(Optional<ReleaseOutlook> release) {
        Messages text = words.text();
        String said = release.map(r -> r.pastEnd()
                ? text.get(r.newestStable().isPresent() ? "release.pastEndNewer" : "release.pastEnd", r.version(),
                        words.date(r.supportEnd().get()), r.newestStable().orElse(""))
                : r.nearEnd() ? text.get("release.nearEnd", r.version(), words.date(r.supportEnd().get()), r.daysLeft()) : "")
                .orElse("");
        releaseLine.setText(said);
        releaseLine.setVisible(!said.isEmpty());
    }

    private String freshness(CheckReport report) {
        Messages text = words.text();
        List<String> parts = new ArrayList<>();
        Optional<Instant> fetched = report.feeds().stream()
                .map(f -> f.fetched().or(f::generated)).flatMap(Optional::stream).max(Instant::compareTo);
        boolean kept = report.feeds().stream().anyMatch(f -> f.fromCache() && f.error().isPresent());
        boolean stale = report.feeds().stream().anyMatch(FeedStatus::stale);
        if (report.feeds().isEmpty()) {
            parts.add(text.get("freshness.noFeed"));
        } else {
            parts.add(fetched.map(t -> text.get(stale ? "freshness.feedStale" : kept ? "freshness.feedKept" : "freshness.feed",
                    words.ago(t, report.at()))).orElse(text.get("freshness.feedNone")));
        }
        parts.add(report.metadataTime().map(t -> text.get("freshness.metadata", words.ago(t, report.at())))
                .orElse(text.get("freshness.metadataUnknown")));
        return String.join(" · ", parts);
    }
}
