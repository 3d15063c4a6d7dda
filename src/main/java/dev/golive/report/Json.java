package dev.golive.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.io.IOException;
import java.util.Optional;

/**
 * The one JSON mapper for everything golive prints with --json. The model stays free of
 * Jackson annotations; how a Fact, a Source and an Optional look is decided here:
 * a known fact is {"value": …, "source": {…}}, an unknown one {"unknown": "reason"};
 * a source is {"file": path, "line": n} | {"command": argv} | {"default": what} | {"derived": from};
 * an empty Optional is null.
 */
public final class Json {

    private static final ObjectMapper MAPPER = build();

    private Json() { }

    public static ObjectMapper mapper() { return MAPPER; }

    public static String write(Object o) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass().getSimpleName(), e);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ObjectMapper build() {
        SimpleModule m = new SimpleModule("golive");
        m.addSerializer((Class) Fact.class, new FactSerializer());
        m.addSerializer((Class) Source.class, new SourceSerializer());
        m.addSerializer((Class) Optional.class, new OptionalSerializer());
        ObjectMapper om = new ObjectMapper();
        om.registerModule(m);
        om.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        om.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return om;
    }

    static final class FactSerializer extends JsonSerializer<Fact<?>> {
        @Override public void serialize(Fact<?> f, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            if (f instanceof Fact.Known<?> k) {
                g.writeFieldName("value");
                p.defaultSerializeValue(k.value(), g);
                g.writeFieldName("source");
                p.defaultSerializeValue(k.source(), g);
            } else {
                g.writeStringField("unknown", ((Fact.Unknown<?>) f).reason());
            }
            g.writeEndObject();
        }
    }

    static final class SourceSerializer extends JsonSerializer<Source> {
        @Override public void serialize(Source s, JsonGenerator g, SerializerProvider p) throws IOException {
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

    static final class OptionalSerializer extends JsonSerializer<Optional<?>> {
        @Override public void serialize(Optional<?> o, JsonGenerator g, SerializerProvider p) throws IOException {
            if (o.isPresent()) p.defaultSerializeValue(o.get(), g);
            else g.writeNull();
        }

        @Override public boolean isEmpty(SerializerProvider p, Optional<?> o) { return o == null || o.isEmpty(); }
    }
}
