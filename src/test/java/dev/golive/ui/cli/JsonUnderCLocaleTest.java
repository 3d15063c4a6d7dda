package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.golive.ui.cli.ExportCommandTest.host;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin pipes `golive inspect --json` to jq over an ssh session with LC_ALL=C: the JSON must
 * carry the same strings as under a UTF-8 locale (escaped, not respelled as ">=" or "?"), while
 * the text output still spells the symbols in ASCII.
 */
class JsonUnderCLocaleTest {

    private static final String[] SERVICE = {"--root", host("ubuntu2004-hybrid"), "--service", "prometheus-node-exporter.service"};

    /** Runs golive with standard output in US-ASCII, as the JVM sets it up under LC_ALL=C. */
    private static String underCLocale(String... args) {
        PrintStream out = System.out;
        String enc = System.getProperty("stdout.encoding");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setProperty("stdout.encoding", "US-ASCII");
            System.setOut(new PrintStream(bytes, true, StandardCharsets.US_ASCII));
            int code = Cli.commandLine().execute(args);
            assertThat(code).isZero();
        } finally {
            System.setOut(out);
            if (enc == null) System.clearProperty("stdout.encoding");
            else System.setProperty("stdout.encoding", enc);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String[] with(String first, String... rest) {
        String[] a = new String[rest.length + SERVICE.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        System.arraycopy(SERVICE, 0, a, 1 + rest.length, SERVICE.length);
        return a;
    }

    @Test
    void inspectJsonHoldsTheSameStringsEscaped() throws Exception {
        String json = underCLocale(with("inspect", "--json"));
        assertThat(json.chars()).allMatch(c -> c < 0x80);
        assertThat(json).contains("(needs \\u2265 250)").doesNotContain("?=").doesNotContain(">= 250");
        JsonNode read = new ObjectMapper().readTree(json);
        JsonNode expected = new ObjectMapper().readTree(Files.readString(
                Path.of(host("ubuntu2004-hybrid") + "+prometheus-node-exporter.service.expected.json")));
        assertThat(read.findValuesAsText("unknown")).contains("systemd 245 has no security --offline (needs ≥ 250)");
        assertThat(read.findValuesAsText("unknown")).isEqualTo(expected.findValuesAsText("unknown"));
    }

    @Test
    void theTextOutputStillSpellsTheSymbolsInAscii() {
        String text = underCLocale(with("inspect"));
        assertThat(text.chars()).allMatch(c -> c < 0x80);
        assertThat(text).doesNotContain("\\u2265").doesNotContain("?");
    }
}
