package dev.golive.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuotingTest {

    @ParameterizedTest(name = "[{0}] fits a literal block: {1}")
    @CsvSource(delimiter = '|', value = {
            "a = 1\\n                | true",
            "a\\n\\nb\\n              | true",
            "no final newline        | false",
            "two final newlines\\n\\n | false",
            "\\u0020leading space\\n | false",
            "x\\n\\tleading tab\\n    | false",
            "trailing blank \\n      | false",
            "inner\\ttab\\n           | true",
            "carriage\\rreturn\\n     | false",
            "{{ jinja }}\\n          | true",
    })
    void literalBlockOnlyWhenItReadsBackExactly(String escaped, boolean fits) {
        assertThat(Quoting.fitsLiteralBlock(unescape(escaped))).isEqualTo(fits);
    }

    @Test
    void hereDocumentDelimiterIsNeverALineOfTheContent() {
        assertThat(Quoting.heredocDelimiter("a\nb\n")).isEqualTo("GOLIVE_EOF");
        assertThat(Quoting.heredocDelimiter("a\nGOLIVE_EOF\nGOLIVE_EOF_2\nb")).isEqualTo("GOLIVE_EOF_3");
        // only a whole line ends a here-document: the word inside a line is harmless
        assertThat(Quoting.heredocDelimiter("x GOLIVE_EOF\n")).isEqualTo("GOLIVE_EOF");
        assertThat(Quoting.heredocDelimiter("GOLIVE_EOF\nGOLIVE_EOF\n")).isEqualTo("GOLIVE_EOF_2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "plain            | 'plain'",
            "it's             | 'it'\\''s'",
            "$HOME `id` \"q\" | '$HOME `id` \"q\"'",
    })
    void shellWordsAreSingleQuoted(String in, String out) {
        assertThat(Quoting.sh(in)).isEqualTo(out);
    }

    @Test
    void yamlDoubleQuotedEscapesEverythingThatIsNotPlainText() {
        assertThat(Quoting.yaml("a\"b\\c\n\td\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\td\\u0001\"");
        assertThat(Quoting.jinja("it's \\ x")).isEqualTo("'it\\'s \\\\ x'");
        assertThat(Quoting.comment("one\ntwo\r\nthree")).isEqualTo("one two three");
    }

    private static String unescape(String s) {
        return s.replace("\\u0020", " ").replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r");
    }
}
