package dev.golive.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The one JSON writer for everything golive prints with --json. It walks records by their
 * components (in declaration order, so the output is stable) straight onto Jackson's
 * streaming generator: databind's introspection costs ~80 ms on a cold JVM, more than the
 * whole inspect budget allows. The model stays free of Jackson annotations; shapes:
 * a known fact is {"value": …, "source": {…}}, an unknown one {"unknown": "reason"};
 * a source is {"file": path, "line": n} | {"command": argv} | {"default": what} | {"derived": from};
 * an empty Optional is null; enums are their names; maps keep their order.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() { }

    /** Pretty-printed JSON of any record / map / collection / scalar tree, with a final newline. */
    public static String write(Object o) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            value(g, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w + "\n";
    }

    /** Writes one value; records, facts, sources, optionals, maps, collections, enums and scalars. */
    public static void value(JsonGenerator g, Object o) throws IOException {
        if (o == null) g.writeNull();
        else if (o instanceof String s) g.writeString(s);
        else if (o instanceof Boolean b) g.writeBoolean(b);
        else if (o instanceof Integer i) g.writeNumber(i);
        else if (o instanceof Long l) g.writeNumber(l);
        else if (o instanceof Double d) g.writeNumber(d);
        else if (o instanceof Number n) g.writeNumber(n.toString());
        else if (o instanceof Enum<?> e) g.writeString(e.name());
        else if (o instanceof Optional<?> opt) value(g, opt.orElse(null));
        else if (o instanceof Fact<?> f) fact(g, f);
        else if (o instanceof Source s) source(g, s);
        else if (o instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (o instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object x : c) value(g, x);
            g.writeEndArray();
        } else if (o.getClass().isRecord()) record(g, o);
        else g.writeString(o.toString());
    }

    private static void record(JsonGenerator g, Object r) throws IOException {
        g.writeStartObject();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            g.writeFieldName(c.getName());
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                value(g, accessor.invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
        g.writeEndObject();
    }

    private static void fact(JsonGenerator g, Fact<?> f) throws IOException {
        g.writeStartObject();
        if (f instanceof Fact.Known<?> k) {
            g.writeFieldName("value");
            value(g, k.value());
            g.writeFieldName("source");
            source(g, k.source());
        } else {
            g.writeStringField("unknown", ((Fact.Unknown<?>) f).reason());
        }
        g.writeEndObject();
    }

    private static void source(JsonGenerator g, Source s) throws IOException {
        g.writeStartObject();
        if (s instanceof Source.File f) {
            g.writeStringField("file", f.path());
            if (f.line() > 0) g.writeNumberField("line", f.line());
        } else if (s instanceof Source.Command c) {
            g.writeStringField("command", c.argv());
        } else if (s instanceof Source.Default d) {
            g.writeStringField("default", d.what());
        } else if (s instanceof Source.Derived d) {
            g.writeStringField("derived", d.from());
        }
        g.writeEndObject();
    }
}
