package org.fedoraproject.preflight.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.fedoraproject.preflight.app.CheckReport;
import org.fedoraproject.preflight.assess.AffectedInstall;
import org.fedoraproject.preflight.assess.IncidentAssessment;
import org.fedoraproject.preflight.assess.Relation;
import org.fedoraproject.preflight.incident.AffectedPackage;
import org.fedoraproject.preflight.incident.Evidence;
import org.fedoraproject.preflight.incident.Incident;
import org.fedoraproject.preflight.incident.Link;
import org.fedoraproject.preflight.incident.SourcedIncident;
import org.fedoraproject.preflight.incident.TimelineEntry;
import org.fedoraproject.preflight.incident.Workaround;
import org.fedoraproject.preflight.text.Messages;

/**
 * One incident in full: status, severity and relation; what it is; what is affected here and
 * since which transaction; the expected fix; the feed's workarounds (shown as the feed's, never
 * run); the timeline; links (to the browser, https only); and the recovery guide.
 */
final class IncidentDetail {

    private final VBox root = new VBox(14);
    private final MainViewModel model;
    private final Words words;
    private final Consumer<String> openLink;
    private final Consumer<String> copy;

    IncidentDetail(MainViewModel model, Words words, Consumer<String> openLink, Consumer<String> copy) {
        this.model = model;
        this.words = words;
        this.openLink = openLink;
        this.copy = copy;
        root.setId("incident-detail");
        // Narrower than its widest line: labels wrap to the pane instead of scrolling sideways.
        root.setMinWidth(0);
        root.setPadding(new Insets(16));
    }

    Node root() {
        return root;
    }

    void show(IncidentItem item, CheckReport report) {
        Messages text = words.text();
        root.getChildren().clear();
        if (item == null) {
            Label none = new Label(text.get("incidents.pick"));
            none.getStyleClass().add(Styles.MUTED);
            root.getChildren().add(none);
            return;
        }
        Incident incident = item.incident();
        Label title = new Label(incident.id() + " — " + incident.title());
        title.setId("incident-title");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        title.setMinWidth(0);
        FlowPane badges = new FlowPane(6, 6,
                item.assessment().map(a -> Badge.of("relation", a.relation().id(), words.of("relation", a.relation().id())))
                        .orElse(Badge.of("relation", "none", text.get("relation.none"))),
                Badge.of("status", incident.status().id(), words.of("status", incident.status().id())),
                Badge.of("severity", incident.severity().id(), words.of("severity", incident.severity().id())));
        TextFlow summary = LightMarkdown.of(incident.summary());
        summary.setId("incident-summary");
        LocalDate today = LocalDate.ofInstant(report != null ? report.at() : Instant.now(),
                ZoneId.systemDefault());
        // As release health lays it out: when the fix comes, which update brought it, when it was last updated; then the rest.
        root.getChildren().addAll(title, badges, facts(incident, today), summary);
        // A derived bug has no summary of its own (what it rests on follows): no empty gap for it.
        summary.setVisible(!incident.summary().isBlank());
        summary.setManaged(summary.isVisible());
        if (item.sourced().derived() || !item.sourced().evidence().isEmpty()) {
            root.getChildren().add(evidence(item.sourced()));
        }

        // The guide is what people follow with a broken system: first, before the details.
        // A guide while the incident concerns the system, and after it no longer does when one was followed here.
        boolean guide = item.assessment().isPresent() || model.guideShown(incident.id());
        if (guide) {
            root.getChildren().add(section(text.get("guide.title")));
            root.getChildren().add(new GuidePanel(model, words, copy, incident.id()).root());
        }
        item.assessment().ifPresent(a -> root.getChildren().add(onThisSystem(a)));
        root.getChildren().add(affected(incident));
        // With a guide, its steps carry the workarounds (said to be the feed's or the topic's): not twice.
        if (!incident.workarounds().isEmpty() && !guide) {
            root.getChildren().add(section(text.get("incident.workarounds")));
            for (Workaround w : incident.workarounds()) {
                // A derived incident's workarounds come from the Common Issues topics it rests on.
                root.getChildren().add(workaround(w, text.get(item.sourced().derived() ? "incident.fromTopic" : "incident.fromFeed")));
            }
        }
        if (!incident.timeline().isEmpty()) {
            root.getChildren().add(section(text.get("incident.timeline")));
            VBox timeline = new VBox(4);
            timeline.setId("incident-timeline");
            // Newest first: what changed last is what a person comes back for.
            List<TimelineEntry> newestFirst = incident.timeline().stream()
                    .sorted(Comparator.comparing(TimelineEntry::at).reversed()).toList();
            for (TimelineEntry entry : newestFirst) {
                // The time wraps too (a narrow window, a long localized date) instead of being cut off.
                Label when = paragraph(words.dateTime(entry.at()));
                when.getStyleClass().add(Styles.MUTED);
                when.setMinWidth(90);
                when.setPrefWidth(150);
                when.setMaxWidth(150);
                Label what = paragraph(entry.status().map(s -> words.of("status", s.id()) + ": ").orElse("") + entry.text());
                HBox.setHgrow(what, Priority.ALWAYS);
                timeline.getChildren().add(new HBox(10, when, what));
            }
            root.getChildren().add(timeline);
        }
        if (!incident.links().isEmpty()) {
            root.getChildren().add(section(text.get("incident.links")));
            FlowPane links = new FlowPane(8, 4);
            links.setId("incident-links");
            for (Link link : incident.links()) {
                Hyperlink h = new Hyperlink(text.get("link." + link.rel()) + ": " + link.url());
                h.setAccessibleText(text.get("incident.openLink", link.url()));
                h.setOnAction(e -> openLink.accept(link.url()));
                h.setMinWidth(0);
                h.setWrapText(true);
                links.getChildren().add(h);
            }
            root.getChildren().add(links);
        }
        Label source = new Label(text.get("incident.source", item.sourced().source()));
        source.getStyleClass().add(Styles.MUTED);
        source.setWrapText(true);
        root.getChildren().add(source);
    }

    /**
     * Where a derived incident comes from, said before anything it claims: Preflight's reading of
     * Fedora's sources, not a curated incident; and what each source said, with its link.
     */
    private Node evidence(SourcedIncident sourced) {
        Messages text = words.text();
        VBox box = new VBox(4);
        box.setId("incident-evidence");
        if (sourced.derived()) {
            Label derived = paragraph(text.get("incident.derived", sourced.source()));
            derived.setId("incident-derived");
            derived.getStyleClass().add(Styles.DERIVED);
            box.getChildren().add(derived);
        } else {
            box.getChildren().add(section(text.get("incident.fedoraSays")));
        }
        for (Evidence e : sourced.evidence()) {
            if (e.url().startsWith("https://")) {
                Hyperlink h = new Hyperlink(text.render(e.label()));
                h.setAccessibleText(text.get("incident.openLink", e.url()));
                h.setOnAction(x -> openLink.accept(e.url()));
                h.setMinWidth(0);
                h.setWrapText(true);
                box.getChildren().add(h);
            } else {
                box.getChildren().add(paragraph(text.render(e.label())));
            }
        }
        return box;
    }

    private Node onThisSystem(IncidentAssessment a) {
        Messages text = words.text();
        VBox box = new VBox(4, section(text.get("incident.here")));
        box.setId("incident-here");
        for (AffectedInstall install : a.affected()) {
            String since = install.since().fromHistory()
                    ? install.since().replaced().isEmpty()
                            ? text.get("incident.since", install.since().source(), String.valueOf(install.since().transaction()),
                                    words.dateTime(install.since().date()))
                            : text.get("incident.sinceReplacing", install.since().source(),
                                    String.valueOf(install.since().transaction()), words.dateTime(install.since().date()),
                                    install.since().replaced().get(0).evr().toString())
                    : text.get("incident.installedAt", words.dateTime(install.since().date()));
            Label line = paragraph(text.get("incident.installed", install.installed().nevra().name(),
                    install.installed().nevra().evr().toString()) + " " + since);
            box.getChildren().add(line);
        }
        if (!a.affected().isEmpty() && a.relation() != Relation.AFFECTED
                && a.relation() != Relation.FIX_AVAILABLE) {
            box.getChildren().add(paragraph(text.get("incident.notInUse")));
        }
        for (var p : a.reported()) {
            box.getChildren().add(paragraph(text.get("incident.reported", p.nevra().name(), p.nevra().evr().toString())));
        }
        boolean reported = a.relation() == Relation.REPORTED;
        for (var u : a.risky()) {
            box.getChildren().add(paragraph(text.get(reported ? "incident.reportedPending" : "incident.risky", u.nevra().name(),
                    u.nevra().evr().toString())));
        }
        for (var u : a.fixing()) {
            box.getChildren().add(paragraph(text.get("incident.fixing", u.nevra().name(), u.nevra().evr().toString())));
        }
        return box;
    }

    private Node fix(Incident incident, LocalDate today) {
        Messages text = words.text();
        String words1;
        if (!incident.status().isOpen()) {
            words1 = text.get("incident.fixed", String.join(", ", incident.fix().updates()));
        } else if (incident.fix().expected().isPresent()) {
            LocalDate expected = incident.fix().expected().get();
            boolean overdue = expected.isBefore(today);
            words1 = text.get(overdue ? "incident.fixOverdue" : "incident.fixExpected", words.date(expected));
        } else if (!incident.fix().note().isBlank() || !incident.fix().updates().isEmpty()) {
            words1 = incident.fix().updates().isEmpty() ? "" : text.get("incident.fixUpdates", String.join(", ", incident.fix().updates()));
        } else {
            words1 = text.get("incident.fixUnknown");
        }
        if (!incident.fix().note().isBlank()) {
            words1 = (words1 + " " + incident.fix().note()).strip();
        }
        Label fix = paragraph(words1);
        fix.setId("incident-fix");
        return fix;
    }

    /** The fix (expected, overdue or done), the update that brought the problem, the last change. */
    private Node facts(Incident incident, LocalDate today) {
        Messages text = words.text();
        VBox facts = new VBox(2, fix(incident, today));
        facts.setId("incident-facts");
        if (!incident.badUpdates().isEmpty()) {
            facts.getChildren().add(paragraph(text.get("incident.cameWith", String.join(", ", incident.badUpdates()))));
        }
        Label updated = paragraph(text.get("incident.lastUpdated", words.dateTime(incident.modified())));
        updated.getStyleClass().add(Styles.MUTED);
        facts.getChildren().add(updated);
        return facts;
    }

    /** The affected packages and their ranges, as the incident gives them (rpm's order). */
    private Node affected(Incident incident) {
        Messages text = words.text();
        VBox box = new VBox(2, section(text.get("incident.affected")));
        box.setId("incident-affected");
        for (AffectedPackage a : incident.affected()) {
            String range = !a.range().introducedKnown()
                    ? a.fixed().map(f -> text.get("incident.rangeReportedFixed", a.name(), f.toString()))
                            .orElseGet(() -> text.get("incident.rangeReported", a.name()))
                    : a.fixed().map(f -> text.get("incident.rangeFixed", a.name(), a.introduced().toString(), f.toString()))
                            .orElseGet(() -> text.get("incident.rangeOpen", a.name(), a.introduced().toString()));
            String lastGood = a.lastGood().map(g -> " " + text.get("incident.lastGood", g.toString())).orElse("");
            Label line = paragraph(range + lastGood);
            line.getStyleClass().add(Styles.MONO_TEXT);
            box.getChildren().add(line);
        }
        return box;
    }

    private Node workaround(Workaround w, String from) {
        Messages text = words.text();
        VBox box = new VBox(4);
        box.getStyleClass().addAll(Styles.STEP, Styles.WORKAROUND);
        // A topic's workaround has no title of its own: Preflight names it.
        Label title = new Label(w.title().isEmpty() ? text.get("guide.step.workaroundTopic") : w.title());
        title.getStyleClass().add(Styles.HEADING);
        title.setWrapText(true);
        Label fromFeed = paragraph(from);
        fromFeed.getStyleClass().add(Styles.MUTED);
        box.getChildren().addAll(title, fromFeed);
        w.steps().forEach(s -> box.getChildren().add(paragraph("• " + s)));
        w.commands().forEach(c -> box.getChildren().add(CommandLine.of(c, text, copy)));
        if (!w.revert().isEmpty()) {
            box.getChildren().add(paragraph(text.get("incident.revert")));
            w.revert().forEach(c -> box.getChildren().add(CommandLine.of(c, text, copy)));
        }
        return box;
    }

    static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.SECTION);
        return label;
    }

    static Label paragraph(String words) {
        Label label = new Label(words);
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    /** A command shown for copying: selectable monospace text, never run. */
    static final class CommandLine {
        private CommandLine() {
        }

        static Node of(String command, Messages text, Consumer<String> copy) {
            TextField field = new TextField(command);
            field.setEditable(false);
            field.getStyleClass().add(Styles.MONO);
            field.setAccessibleText(text.get("guide.command", command));
            HBox.setHgrow(field, Priority.ALWAYS);
            Button button = new Button(text.get("guide.copy"));
            button.getStyleClass().add("copy-button");
            button.setAccessibleText(text.get("guide.copyAccessible", command));
            // Copying gives no sign by itself: the button says it was done, then returns.
            PauseTransition back = new PauseTransition(Duration.seconds(2));
            back.setOnFinished(e -> button.setText(text.get("guide.copy")));
            button.setOnAction(e -> {
                copy.accept(command);
                button.setText(text.get("guide.copied"));
                back.playFromStart();
            });
            HBox line = new HBox(6, field, button);
            line.setAlignment(Pos.CENTER_LEFT);
            return line;
        }
    }
}
