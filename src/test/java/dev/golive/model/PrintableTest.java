package dev.golive.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each kind of character that acts on a terminal, and how golive shows it instead. */
class PrintableTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("OSC title with BEL", "\u001b]0;pwned\u0007", "\\e]0;pwned\\x07"),
                arguments("CSI clear screen", "a\u001b[2Jb", "a\\e[2Jb"),
                arguments("newline, return, tab", "a\nb\rc\td", "a\\nb\\rc\\td"),
                arguments("NUL", "nul\u0000", "nul\\x00"),
                arguments("DEL and C1 CSI", "del\u007f c1\u009b", "del\\x7f c1\\x9b"),
                arguments("right-to-left override", "abc\u202egpj.exe", "abc\\u202egpj.exe"),
                arguments("line separator, isolate, BOM", "x\u2028y\u2066z\ufeff", "x\\u2028y\\u2066z\\ufeff"),
                arguments("a backslash stays", "/etc/systemd/system/a\\x2db.service", "/etc/systemd/system/a\\x2db.service"),
                arguments("printable text is untouched", "Debian GNU/Linux 12 (bookworm) ✓", "Debian GNU/Linux 12 (bookworm) ✓"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void showsWhatWouldActAsAVisibleEscape(String what, String in, String shown) {
        assertThat(Printable.text(in)).isEqualTo(shown);
        assertThat(Printable.isPlain(Printable.text(in))).isTrue();
    }

    @Test
    void aBlockKeepsItsLinesAndTabs() {
        assertThat(Printable.lines("line 1\n\tline 2\u001b[2J")).isEqualTo("line 1\n\tline 2\\e[2J");
    }

    @Test
    void aQuotedNameIsEscapedThenCutAtItsLengthWithAnEllipsis() {
        assertThat(Printable.clip("a\nb", 80)).isEqualTo("a\\nb");
        assertThat(Printable.clip("x".repeat(80), 80)).isEqualTo("x".repeat(80));
        assertThat(Printable.clip("x".repeat(81), 80)).isEqualTo("x".repeat(80) + "…");
        // the escapes count: a line of escapes cannot grow past the limit
        assertThat(Printable.clip("\u001b".repeat(50), 10)).isEqualTo("\\e\\e\\e\\e\\e…");
    }
}
