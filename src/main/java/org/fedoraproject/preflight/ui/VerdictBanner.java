package org.fedoraproject.preflight.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.app.Outlook;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.assess.UpdateVerdict;
import org.fedoraproject.preflight.assess.Verdict;
import org.fedoraproject.preflight.feed.FeedStatus;
import org.fedoraproject.preflight.health.Suspect;
import org.fedoraproject.preflight.machine.Reading;
import org.fedoraproject.preflight.machine.UpdateSets;
import org.fedoraproject.preflight.rpm.Nevra;
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
    private final VBox prepared = new VBox(4);
    private final Label releaseLine = new Label();
    /** A transaction the machine's journal points at, when there is one. */
    private final Label suspectLine = new Label();
    private final Consumer<String> copy;
    private final Label demoTag;
    private final Button openDemo;
    private final Button addFeedButton;
    private final Words words;
    private Outlook shown;
    private ObservableBooleanValue checking;

    VerdictBanner(MainViewModel model, Words words, Consumer<String> copy, Runnable addFeed) {
        this.words = words;
        this.copy = copy;
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
        suspectLine.setId("verdict-suspect");
        suspectLine.setWrapText(true);
        suspectLine.getStyleClass().add(Styles.SOURCES_TROUBLE);
        suspectLine.managedProperty().bind(suspectLine.visibleProperty());
        suspectLine.setVisible(false);
        model.healthProperty().addListener((o, a, health) -> showSuspect(health));
        prepared.setId("verdict-prepared");
        prepared.managedProperty().bind(prepared.visibleProperty());
        prepared.setVisible(false);
        VBox words1 = new VBox(4, heading, next, releaseLine, suspectLine, prepared, freshness, sources);
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
        again.disableProperty().bind(model.busyProperty());
        again.setOnAction(e -> model.checkAgain());
        openDemo = new Button(text.get("banner.openDemo"));
        openDemo.setId("open-demo");
        openDemo.setOnAction(e -> model.openDemo());
        openDemo.managedProperty().bind(openDemo.visibleProperty());
        openDemo.setVisible(false);
        // No curated feed yet: a way to add one, besides the verdict Fedora's sources give.
        addFeedButton = new Button(text.get("banner.addFeed"));
        addFeedButton.setId("add-feed");
        addFeedButton.setOnAction(e -> addFeed.run());
        addFeedButton.managedProperty().bind(addFeedButton.visibleProperty());
        addFeedButton.setVisible(false);
        VBox actions = new VBox(6, busy, again, addFeedButton, openDemo);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);

        root = new HBox(16, iconSlot, words1, actions);
        root.setId("verdict-banner");
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add(Styles.BANNER);
        root.setAccessibleRole(AccessibleRole.TEXT);

        model.reportProperty().addListener((o, old, report) -> show(report, model.demoProperty().get()));
        // While a check runs after one that could not check, say it is fetching, not "could not check".
        model.busyProperty().addListener((o, was, now) -> show(model.reportProperty().get(), model.demoProperty().get()));
        this.checking = model.busyProperty();
        show(model.reportProperty().get(), model.demoProperty().get());
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
            waiting(text.get("banner.checking"), text.get("banner.checkingNext"));
            return;
        }
        Outlook outlook = Outlook.of(report);
        if (outlook == Outlook.UNKNOWN && !demo && checking != null && checking.get()) {
            waiting(text.get("banner.fetching"), text.get("banner.fetchingNext"));
            return;
        }
        boolean partialSafe = !demo && report.partial() && report.assessment().verdict() == Verdict.SAFE;
        setOutlook(outlook, partialSafe ? text.render(report.partialSafeTitle("outlook.partial"))
                : text.get("outlook." + outlook.name().toLowerCase(Locale.ROOT)));
        next.setText(partialSafe ? text.render(report.notCheckedSentence("next.partial")) : nextStep(report, outlook));
        freshness.setText(demo ? text.get("freshness.demo") : freshness(report));
        showSources(demo ? List.of() : report.signals().sources(), report.updateSets(),
                demo ? Optional.empty() : report.metadataTime().filter(t -> t.isBefore(report.at().minus(Duration.ofHours(24))))
                        .map(t -> words.ago(t, report.at())), demo ? Optional.empty() : report.release(), report.at());
        showPrepared(report);
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
        prepared.setVisible(false);
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

    private String nextStep(CheckReport report, Outlook outlook) {
        Messages text = words.text();
        var a = report.assessment();
        int pending = a.updates().size();
        long held = a.updates().stream().filter(u -> u.verdict() == UpdateVerdict.HOLD).count();
        long careful = a.updates().stream().filter(u -> u.verdict() == UpdateVerdict.CAUTION).count();
        Optional<IncidentAssessment> affecting = a.incidents().stream()
                .filter(i -> i.relation() == Relation.AFFECTED).findFirst();
        Optional<IncidentAssessment> fixing = a.incidents().stream()
                .filter(i -> i.relation() == Relation.FIX_AVAILABLE).findFirst();
        return switch (outlook) {
            case UNKNOWN -> whyUnknown(report);
            case HOLD -> text.get("next.hold", held, pending);
            case AFFECTED -> affecting.isPresent()
                    ? text.get("next.affected", affecting.get().id(), affecting.get().incident().incident().title())
                    : text.get("next.fixAvailable", fixing.get().id(), fixing.get().incident().incident().title());
            case CAUTION -> careful > 0 ? text.get("next.caution", careful) : text.get("next.cautionOther");
            case SAFE -> pending == 0 ? text.get("next.safeNothing") : text.get("next.safe", pending);
        };
    }

    /** Not Fedora, or no os-release, in the window's words; other reasons as the check gives them. */
    private String whyUnknown(CheckReport report) {
        Messages text = words.text();
        var os = report.system().os();
        if (os instanceof Reading.Unavailable<?> u) {
            return text.get("unknown.noOsRelease", u.message());
        }
        if (!os.get().get().isFedora()) {
            return text.get("unknown.notFedora", os.get().get().prettyName());
        }
        String reason = text.render(report.cannotCheck().get(0));
        return text.get("unknown.reason", reason.substring(0, 1).toUpperCase(text.locale()) + reason.substring(1));
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
    }

    /**
     * GNOME Software's prepared offline update would install a held version at the next restart:
     * said first, with the command that cancels it (the user runs it; it asks for a password).
     */
    private void showPrepared(CheckReport report) {
        Messages text = words.text();
        List<Nevra> held = report.preparedHeld();
        prepared.getChildren().clear();
        prepared.setVisible(!held.isEmpty());
        if (held.isEmpty()) {
            return;
        }
        Label what = new Label(text.get(report.preparedIsStagedDeployment() ? "prepared.staged" : "prepared.held",
                held.stream().map(n -> n.name() + " " + n.evr()).collect(Collectors.joining(", "))));
        what.setId("verdict-prepared-text");
        what.setWrapText(true);
        what.getStyleClass().add(Styles.SOURCES_TROUBLE);
        Label after = new Label(text.get("prepared.after"));
        after.setWrapText(true);
        prepared.getChildren().addAll(what, IncidentDetail.CommandLine.of(String.join(" ", report.cancelPrepared()), text, copy),
                after);
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
