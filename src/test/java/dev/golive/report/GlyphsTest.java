package dev.golive.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which symbols an output may carry: decided once, by the output's charset. */
class GlyphsTest {

    @Test
    void an_ascii_output_gets_the_ascii_spelling_of_each_symbol() {
        Glyphs ascii = Glyphs.forCharset(StandardCharsets.US_ASCII);
        assertThat(ascii.apply("golive guide · web1: net.core.somaxconn 128 → 4096 (≥ 4096) …"))
                .isEqualTo("golive guide - web1: net.core.somaxconn 128 -> 4096 (>= 4096) ...");
    }

    @Test
    void a_utf8_output_keeps_every_symbol_and_host_text_is_left_to_the_charset() {
        assertThat(Glyphs.forCharset(StandardCharsets.UTF_8).apply("128 → 4096 · ok")).isEqualTo("128 → 4096 · ok");
        // Latin-1 has the middle dot but no arrow: only what it cannot show changes
        assertThat(Glyphs.forCharset(StandardCharsets.ISO_8859_1).apply("a · b → c, café")).isEqualTo("a · b -> c, café");
    }

    @Test
    void the_writer_translates_whatever_way_text_reaches_it() throws IOException {
        StringWriter sink = new StringWriter();
        try (Writer w = Glyphs.forCharset(StandardCharsets.US_ASCII).writer(sink)) {
            w.write("a → b");
            w.write('·');
            w.write("x … y".toCharArray(), 2, 1);
        }
        assertThat(sink.toString()).isEqualTo("a -> b-...");
    }
}
