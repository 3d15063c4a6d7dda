package dev.golive.inspect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `go env -json` read without Jackson gives what Jackson's streaming parser gave (the reader
 * golive used before, kept here as the reference): on go's own output, on hand-made edge
 * cases, and on many random corruptions of that output.
 */
class FlatJsonTest {

    /** go 1.19's output for the variables golive asks for (tabs, one per line, HTML characters escaped). */
    private static final String GO_ENV = "{\n\t\"CGO_ENABLED\": \"1\",\n\t\"GOAMD64\": \"v1\",\n\t\"GOARCH\": \"amd64\",\n"
            + "\t\"GOCACHE\": \"/root/.cache/go-build\",\n\t\"GOFLAGS\": \"-mod=mod -tags=a\\u003cb\",\n\t\"GONOSUMDB\": \"\",\n"
            + "\t\"GOOS\": \"linux\",\n\t\"GOPATH\": \"/root/go\",\n\t\"GOPRIVATE\": \"\",\n\t\"GOPROXY\": \"https://proxy.golang.org,direct\",\n"
            + "\t\"GOROOT\": \"/usr/lib/go-1.19\",\n\t\"GOSUMDB\": \"sum.golang.org\",\n\t\"GOTOOLCHAIN\": \"\",\n\t\"GOVERSION\": \"go1.19.8\"\n}\n";

    /** The Jackson-based reader FlatJson replaces, word for word. */
    static Map<String, String> jackson(String text) {
        Map<String, String> m = new TreeMap<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (t.isStructStart()) p.skipChildren();
                else m.put(k, t == JsonToken.VALUE_NULL ? "" : p.getText());
            }
        } catch (java.io.IOException e) {
            return Map.of();
        }
        return m;
    }

    @Test void readsGoEnvOutput() {
        Map<String, String> m = FlatJson.read(GO_ENV);
        assertThat(m).hasSize(14).containsEntry("GOFLAGS", "-mod=mod -tags=a<b").containsEntry("GOTOOLCHAIN", "").containsEntry("GOVERSION", "go1.19.8");
        assertThat(m).isEqualTo(jackson(GO_ENV));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "[]", "{}", " {} trailing", "{\"a\":\"b\"} {", "{\"a\":\"b\"", "{\"a\" \"b\"}", "{\"a\":\"b\",}", "{a:\"b\"}",
            "{'a':'b'}", "{\"a\":\"b\" \"c\":\"d\"}", "{\"a\":null,\"b\":true,\"c\":false,\"d\":-0.5e+10,\"e\":0}",
            "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":truex}", "{\"a\":nul}",
            "{\"a\":NaN}", "{\"a\":[1,{\"x\":[]},\"]\"],\"b\":\"c\"}", "{\"a\":{\"b\":}}", "{\"a\":[1,]}", "{\"a\":\"b\",\"a\":\"c\"}",
            "{\"a\":\"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}",
            "{\"a\":\"tab\there\"}", "{\"a\":\"\u007f\u0080\ud800\"}", "{\"a\"\u000b:\"b\"}", "\ufeff{\"a\":\"b\"}", "{\"\":\"\"}",
            "{\"a\":[]}", "{\"a\":{}}", "{\"a\":1} garbage", "{\"a\":1,\"b\"}", "{\"a\":\"b\"}}", "{{}}", "{\"a\":\"b\"]"})
    void agreesWithJacksonOnEdgeCases(String text) {
        assertThat(FlatJson.read(text)).as(text).isEqualTo(jackson(text));
    }

    @Test void agreesWithJacksonAtTheNestingLimit() {
        for (int depth : new int[] {998, 999, 1000, 1001}) {
            String text = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"b\":\"c\"}";
            assertThat(FlatJson.read(text)).as("depth %d", depth).isEqualTo(jackson(text));
        }
    }

    @Test void agreesWithJacksonOnRandomCorruptionsOfGoEnvOutput() {
        Random r = new Random(20261208);
        String alphabet = "{}[]:,\"\\ \t\n\r0123456789-+.eEtrufalsn/u\u0001\u00e9";
        int nonEmpty = 0;
        for (int n = 0; n < 20000; n++) {
            StringBuilder b = new StringBuilder(GO_ENV);
            for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
                int at = r.nextInt(b.length());
                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                switch (r.nextInt(3)) {
                    case 0 -> b.insert(at, c);
                    case 1 -> b.deleteCharAt(at);
                    default -> b.setCharAt(at, c);
                }
            }
            String text = b.toString();
            Map<String, String> expected = jackson(text);
            if (!expected.isEmpty()) nonEmpty++;
            assertThat(FlatJson.read(text)).as(text).isEqualTo(expected);
        }
        // most corruptions hit a value or a key and leave valid JSON: both branches were exercised
        assertThat(nonEmpty).isBetween(1000, 19000);
    }
}
