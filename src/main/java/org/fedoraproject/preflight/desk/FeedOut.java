package org.fedoraproject.preflight.desk;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The desk's incidents as feed format 1, the file every Preflight reads: keys in one order,
 * incidents in the order given, so that the same desk gives the same bytes.
 */
public final class FeedOut {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    private static final Parser MARKDOWN = Parser.builder().build();

    private FeedOut() {
    }

    public static String feed(String publisher, Instant generated, Instant expires, List<DeskIncident> incidents) {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.beginObject();
            w.name("format").value("preflight-incidents/1");
            w.name("publisher").value(publisher);
            w.name("generated").value(TIME.format(generated));
            w.name("expires").value(TIME.format(expires));
            w.name("incidents").beginArray();
            for (DeskIncident i : incidents) {
                incident(w, i);
            }
            w.endArray();
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    private static void incident(JsonWriter w, DeskIncident i) throws IOException {
        w.beginObject();
        w.name("id").value(i.id());
        w.name("title").value(i.title());
        w.name("summary").value(i.summary());
        w.name("status").value(i.status());
        w.name("severity").value(i.severity());
        w.name("published").value(TIME.format(i.published()));
        w.name("modified").value(TIME.format(i.modified()));
        w.name("resolved");
        if (i.resolved().isPresent()) {
            w.value(TIME.format(i.resolved().get()));
        } else {
            w.nullValue();
        }
        strings(w, "releases", i.releases());
        strings(w, "variants", i.variants());
        strings(w, "arches", i.arches());
        w.name("affected").beginArray();
        for (DeskIncident.Entry e : i.affected()) {
            w.beginObject();
            w.name("name").value(e.name());
            optional(w, "source", e.source());
            w.name("introduced").value(e.introduced());
            optional(w, "fixed", e.fixed());
            optional(w, "last_good", e.lastGood());
            w.endObject();
        }
        w.endArray();
        strings(w, "bad_updates", i.badUpdates());
        w.name("fix").beginObject();
        strings(w, "updates", i.fixUpdates());
        optional(w, "expected", i.fixExpected());
        optional(w, "note", i.fixNote());
        w.endObject();
        w.name("workarounds").beginArray();
        if (!i.workaround().isBlank()) {
            Workaround wa = workaround(i.workaround());
            w.beginObject();
            w.name("title").value("Workaround");
            strings(w, "steps", wa.steps());
            strings(w, "commands", wa.commands());
            strings(w, "revert", List.of());
            w.endObject();
        }
        w.endArray();
        w.name("links").beginArray();
        for (DeskIncident.LinkRef l : i.links()) {
            w.beginObject().name("rel").value(l.rel()).name("url").value(l.url()).endObject();
        }
        w.endArray();
        w.name("timeline").beginArray();
        for (DeskIncident.Event e : i.timeline()) {
            w.beginObject().name("at").value(TIME.format(e.at()));
            optional(w, "status", e.status());
            w.name("text").value(e.text()).endObject();
        }
        w.endArray();
        w.endObject();
    }

    /** A workaround in Markdown as the feed has it: its prose as steps, its code blocks' lines as commands. */
    record Workaround(List<String> steps, List<String> commands) {
    }

    static Workaround workaround(String markdown) {
        List<String> steps = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                steps.add(plain(paragraph));
            }

            @Override
            public void visit(ListItem item) {
                for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
                    if (n instanceof Paragraph p) {
                        steps.add(plain(p));
                    } else {
                        n.accept(this);
                    }
                }
            }

            @Override
            public void visit(FencedCodeBlock code) {
                code.getLiteral().lines().filter(l -> !l.isBlank()).forEach(commands::add);
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                code.getLiteral().lines().filter(l -> !l.isBlank()).forEach(commands::add);
            }
        });
        return new Workaround(steps, commands);
    }

    /** A paragraph's text, with code spans in backticks as the feed's light Markdown has them. */
    private static String plain(Node paragraph) {
        StringBuilder out = new StringBuilder();
        paragraph.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append('`').append(code.getLiteral()).append('`');
            }

            @Override
            public void visit(SoftLineBreak br) {
                out.append(' ');
            }
        });
        return out.toString().strip();
    }

    private static void strings(JsonWriter w, String name, List<String> values) throws IOException {
        w.name(name).beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }

    private static void optional(JsonWriter w, String name, String value) throws IOException {
        if (!value.isEmpty()) {
            w.name(name).value(value);
        }
    }
}
