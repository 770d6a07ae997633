package org.fedoraproject.preflight.cli;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.fedoraproject.preflight.app.HealthService;
import org.fedoraproject.preflight.guide.ShellCommand;
import org.fedoraproject.preflight.health.HealthReport;
import org.fedoraproject.preflight.health.Suspect;
import org.fedoraproject.preflight.text.Messages;
import org.fedoraproject.preflight.text.Text;

/** {@code preflight health}'s text and JSON. */
final class HealthOutput {

    private HealthOutput() {
    }

    /** Whether anything stands out: a suspect, a known incident's crash, a failed boot. */
    static boolean standsOut(HealthService.Result result) {
        HealthReport r = result.report();
        return !r.suspects().isEmpty() || !r.incidents().isEmpty() || !r.failedBoots().isEmpty() || result.bootFailed();
    }

    static String text(HealthService.Result result, Messages m, ZoneId zone) {
        HealthReport r = result.report();
        StringBuilder out = new StringBuilder();
        DateTimeFormatter day = day(zone);
        out.append(m.get("cli.health.read", r.days(), r.evidence().crashes().size(), r.evidence().failures().size(),
                r.evidence().boots().size(), m.get("health.scope." + r.evidence().scope().id()))).append("\n\n");
        if (!standsOut(result)) {
            out.append(m.get("cli.health.nothing")).append('\n');
        }
        for (HealthService.Lead lead : result.leads()) {
            Suspect s = lead.suspect();
            suspect(s, m, day, out);
            out.append("  ").append(m.get("cli.health.notCause")).append('\n');
            if (lead.wentBack()) {
                out.append("  ").append(m.get("cli.health.wentBack", s.source(), s.before())).append('\n');
            }
            for (ShellCommand c : lead.goBack()) {
                out.append("  ").append(m.get("cli.health.goBack", c.display())).append('\n');
                out.append("  ").append(m.get("cli.health.then", "preflight health")).append('\n');
            }
            out.append("  ").append(m.get("cli.health.report", lead.bugzillaUrl())).append('\n');
            out.append("  ").append(m.get("cli.health.feedback", lead.bodhiUrl())).append("\n\n");
        }
        others(r, m, day, out);
        greenboot(result, m, out);
        return out.toString();
    }

    /** greenboot's verdict, when it failed: on Atomic desktops the system's own word on the last boot. */
    private static void greenboot(HealthService.Result result, Messages m, StringBuilder out) {
        if (result.bootFailed()) {
            out.append(m.get("cli.health.greenboot", result.bootStatus().orElse("").lines().findFirst().orElse(""))).append('\n');
        }
    }

    /** What the check's text adds when something stands out: the findings, and where the way back and the report are. */
    static String brief(HealthService.Result result, Messages m, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        DateTimeFormatter day = day(zone);
        result.report().suspects().forEach(s -> suspect(s, m, day, out));
        others(result.report(), m, day, out);
        greenboot(result, m, out);
        out.append(m.get("cli.health.seeHealth", "preflight health")).append('\n');
        return out.toString();
    }

    private static DateTimeFormatter day(ZoneId zone) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.getDefault()).withZone(zone);
    }

    /** A suspect in two lines: the transaction and the change, then the crashes after and before. */
    private static void suspect(Suspect s, Messages m, DateTimeFormatter day, StringBuilder out) {
        out.append(m.get("cli.health.suspect", s.transaction().source().id(), s.transaction().id(), s.source(),
                s.before().isEmpty() ? "—" : s.before(), s.after(), day.format(s.transaction().start()))).append('\n');
        if (s.crashesAfter() > 0) {
            out.append("  ").append(m.get(s.crashesBefore() == 0 ? "cli.health.crashedNoneBefore" : "cli.health.crashedBefore",
                    String.join(", ", s.executables()), s.crashesAfter(), s.crashesBefore(),
                    String.format(Locale.ROOT, "%.1f", s.daysUpAfter()), String.format(Locale.ROOT, "%.1f", s.daysUpBefore()))).append('\n');
        }
        if (s.unitFailuresAfter() > 0) {
            out.append("  ").append(m.get("cli.health.unitsFailed", String.join(", ", s.units()), s.unitFailuresAfter(),
                    s.unitFailuresBefore())).append('\n');
        }
    }

    /** Known incidents that show here, and boots that failed after a kernel update. */
    private static void others(HealthReport r, Messages m, DateTimeFormatter day, StringBuilder out) {
        for (HealthReport.IncidentShown i : r.incidents()) {
            out.append(m.get("cli.health.incident", i.incident(), i.crashes(), String.join(", ", i.executables()))).append('\n');
        }
        for (HealthReport.FailedBoot b : r.failedBoots()) {
            out.append(m.get("cli.health.failedBoot", day.format(b.boot().first()), b.kernel(), b.transaction().source().id(),
                    b.transaction().id())).append('\n');
        }
    }

    static String json(HealthService.Result result, Messages m) {
        HealthReport r = result.report();
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.beginObject();
            w.name("days").value(r.days());
            w.name("journal").beginObject().name("scope").value(r.evidence().scope().id())
                    .name("crashes").value(r.evidence().crashes().size()).name("unit_failures").value(r.evidence().failures().size())
                    .name("boots").value(r.evidence().boots().size()).endObject();
            w.name("suspects").beginArray();
            for (HealthService.Lead lead : result.leads()) {
                Suspect s = lead.suspect();
                w.beginObject();
                w.name("transaction").beginObject().name("source").value(s.transaction().source().id()).name("id")
                        .value(s.transaction().id()).name("date").value(s.transaction().start().toString()).endObject();
                w.name("package").value(s.source());
                w.name("before").value(s.before().isEmpty() ? null : s.before());
                w.name("after").value(s.after());
                w.name("evidence").beginObject().name("crashes_before").value(s.crashesBefore()).name("crashes_after")
                        .value(s.crashesAfter()).name("days_up_before").value(round(s.daysUpBefore())).name("days_up_after")
                        .value(round(s.daysUpAfter())).name("first_crash").value(s.firstCrash().toString());
                JsonFields.strings(w, "executables", s.executables());
                w.name("unit_failures_before").value(s.unitFailuresBefore()).name("unit_failures_after").value(s.unitFailuresAfter());
                JsonFields.strings(w, "units", s.units());
                w.endObject();
                w.name("went_back").value(lead.wentBack());
                w.name("go_back").beginArray();
                for (ShellCommand c : lead.goBack()) {
                    w.beginObject().name("command").value(c.display());
                    JsonFields.strings(w, "argv", c.argv());
                    w.endObject();
                }
                w.endArray();
                w.name("report").beginObject().name("bugzilla").value(lead.bugzillaUrl()).name("bodhi").value(lead.bodhiUrl())
                        .name("description").value(lead.description()).endObject();
                w.endObject();
            }
            w.endArray();
            w.name("incidents").beginArray();
            for (HealthReport.IncidentShown i : r.incidents()) {
                w.beginObject().name("id").value(i.incident()).name("crashes").value(i.crashes());
                JsonFields.strings(w, "executables", i.executables());
                w.endObject();
            }
            w.endArray();
            w.name("failed_boots").beginArray();
            for (HealthReport.FailedBoot b : r.failedBoots()) {
                w.beginObject().name("boot").value(b.boot().id()).name("start").value(b.boot().first().toString())
                        .name("kernel").value(b.kernel()).name("transaction").beginObject().name("source")
                        .value(b.transaction().source().id()).name("id").value(b.transaction().id()).endObject().endObject();
            }
            w.endArray();
            w.name("boot_status").value(result.bootStatus().orElse(null));
            w.name("boot_failed").value(result.bootFailed());
            w.name("problems").beginArray();
            for (Text p : result.problems()) {
                w.value(m.render(p));
            }
            w.endArray();
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    private static double round(double days) {
        return Math.round(days * 100) / 100.0;
    }
}
