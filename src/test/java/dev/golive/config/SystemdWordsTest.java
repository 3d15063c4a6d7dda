package dev.golive.config;

import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The words of ExecStart= and Environment= as systemd reads them (systemd.syntax(7),
 * "Quoting"; systemd.service(5), "Command lines"): what golive writes must read back as the
 * same argument, every C escape systemd decodes is decoded to the same character, and the
 * escapes and names systemd rejects are errors at the column they start.
 */
class SystemdWordsTest {

    static final String UNIT = "/etc/systemd/system/api.service.d/golive.conf";

    /** What golive writes as one argument, read back the way systemd reads the unit. */
    static List<String> writtenAndReadBack(String word) {
        SystemdIni f = SystemdIni.parse(UNIT, "[Service]\n").add("Service", "ExecStart", "/usr/local/bin/api " + SystemdWords.quote(word));
        return f.words(f.entries().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"azAZ09", "--listen=127.0.0.1:8080", "/srv/api/config.yaml", "a_b.c,d+e@f%n$X-y~z^",
            "two words", "say \"hi\"", "C:\\dir", "tab\there", "it's", "`date`", "{x}", "[x]", "(x)", "a;b", "#x", "é", "\\"})
    void anArgumentGoliveWritesReadsBackAsTheSameWord(String word) {
        assertThat(writtenAndReadBack(word)).containsExactly("/usr/local/bin/api", word);
    }

    @Test
    void onlyWordsWithSpecialCharactersAreQuoted() {
        assertThat(SystemdWords.quote("azAZ09")).isEqualTo("azAZ09");
        assertThat(SystemdWords.quote("/_.,:=+@%$-~^")).isEqualTo("/_.,:=+@%$-~^");
        // the characters just outside each plain range
        for (String w : List.of("`", "{", "@[", "[", "/!", ";", " ", "'", "é")) {
            assertThat(SystemdWords.quote(w)).as(w).isEqualTo("\"" + w + "\"");
        }
        assertThat(SystemdWords.quote("")).isEqualTo("\"\"");
        assertThat(SystemdWords.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(writtenAndReadBack("")).containsExactly("/usr/local/bin/api", "");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\\a|0007", "\\b|0008", "\\f|000C", "\\n|000A", "\\r|000D", "\\t|0009", "\\v|000B", "\\s|0020",
            "\\\\|005C", "\\\"|0022", "\\'|0027",
            "\\x41|0041", "\\xff|00FF", "\\u00e9|00E9", "\\ud7ff|D7FF", "\\ue000|E000", "\\U0001F600|1F600", "\\U0010ffff|10FFFF",
            "\\012|000A", "\\101|0041", "\\177|007F", "\\377|00FF",
    })
    void eachEscapeSystemdDecodesIsTheSameCharacterAtTheEndOfAWordAndInsideIt(String escape, String codePoint) {
        String c = new String(Character.toChars(Integer.parseInt(codePoint, 16)));
        assertThat(SystemdIni.splitWords(escape)).containsExactly(c);
        assertThat(SystemdIni.splitWords("<" + escape + ">")).containsExactly("<" + c + ">");
        assertThat(SystemdIni.splitWords("\"" + escape + "\" x")).containsExactly(c, "x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "ab \\10|col 4: incomplete octal escape",
            "ab \\1|col 4: incomplete octal escape",
            "\\108|col 1: invalid octal escape",
            "\\1/0|col 1: invalid octal escape",
            "\\400|col 1: invalid octal escape",
            "\\700|col 1: invalid octal escape",
            "\\000|col 1: invalid octal escape",
            "\\8|col 1: unknown escape \\8",
            "\\xg1|col 1: invalid hex digit in \\x escape",
            "\\u12|col 1: incomplete \\u escape",
            "\\U0011ffff|col 1: escape beyond Unicode",
            "\\ud800|col 1: escape is a surrogate, not a character",
            "\\udfff|col 1: escape is a surrogate, not a character",
            "\\u0000|col 1: NUL escape not allowed",
    })
    void anEscapeSystemdRejectsIsAnErrorAtItsColumn(String value, String message) {
        assertThatThrownBy(() -> SystemdIni.splitWords(value)).isInstanceOf(GoliveException.class).hasMessage(message);
    }

    @Test
    void environmentNamesAreLettersDigitsAndUnderscoreNotStartingWithADigit() {
        assertThat(SystemdIni.parseEnvironment("az=1 AZ=2 _09=3 GOMAXPROCS=4")).containsExactly(
                Map.entry("az", "1"), Map.entry("AZ", "2"), Map.entry("_09", "3"), Map.entry("GOMAXPROCS", "4"));
        // the characters just outside each range, and a digit first
        for (String name : List.of("a`", "z{", "A@", "Z[", "a/", "a:", "GO-DEBUG", "9A", "é")) {
            assertThatThrownBy(() -> SystemdIni.parseEnvironment("OK=1 " + name + "=x")).as(name)
                    .hasMessage("col 6: invalid environment assignment \"" + name + "=x\" (expected NAME=VALUE; systemd ignores it)");
        }
        assertThatThrownBy(() -> SystemdIni.parseEnvironment("=x")).hasMessage("col 1: invalid environment assignment \"=x\" (expected NAME=VALUE; systemd ignores it)");
    }

    @Test
    void wordsAndEnvironmentOfAUnitEntry() {
        SystemdIni f = SystemdIni.parse(UNIT, "[Service]\nExecStart=/bin/api -x\nEnvironment=\"A=1 2\" B=\n");
        assertThat(f.path()).isEqualTo(UNIT);
        assertThat(f.words(f.entries().get(0))).containsExactly("/bin/api", "-x");
        assertThat(f.environment(f.entries().get(1))).containsExactly(Map.entry("A", "1 2"), Map.entry("B", ""));
    }
}
