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

class SystemdIniTest {

    private static final String P = "/etc/systemd/system/app.service";

    private static SystemdIni ini(String text) { return SystemdIni.parse(P, text); }

    private static List<String> flat(SystemdIni f) {
        return f.entries().stream().map(e -> e.section() + "/" + e.key() + "=" + e.value() + "@" + e.line() + ":" + e.column()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "\n", "[Unit]", "[Unit]\r\nA=1\r\n", "[Unit]\nA=1", "\uFEFF[Unit]\nA=1\n", "[Service]\nExecStart=/bin/a \\\n  -x \\\n",
            "[Service]\nExecStart=/bin/a \\", "x\ry\0z\r\n", "  # c\n;c\n[S]\n  K = v  \t\n", "[S]\nA=\\\\\nB=2\n", "[\n=\n]\n"})
    void rendersEveryInputBackByteForByte(String text) {
        assertThat(ini(text).render()).isEqualTo(text);
    }

    @Test
    void readsAssignmentsWithSectionsRepeatedKeysAndEmptyResets() {
        SystemdIni f = ini("[Unit]\nDescription = My app \n\n[Service]\nExecStart=\nExecStart=/usr/bin/app\n# c\n; c\n  Environment=A=1\nEnvironment=B=2\n");
        assertThat(flat(f)).containsExactly(
                "Unit/Description=My app@2:1",
                "Service/ExecStart=@5:1",
                "Service/ExecStart=/usr/bin/app@6:1",
                "Service/Environment=A=1@9:3",
                "Service/Environment=B=2@10:1");
        assertThat(f.values("Service", "ExecStart")).containsExactly("", "/usr/bin/app");
        assertThat(f.sections()).containsExactly("Unit", "Service");
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void joinsContinuationsLikeSystemdSkippingCommentLines() {
        SystemdIni f = ini("[Service]\nExecStart=/bin/app \\\n# a comment inside\n  --flag \\\n  --other\nUser=x\n");
        assertThat(flat(f)).containsExactly("Service/ExecStart=/bin/app    --flag    --other@2:1", "Service/User=x@6:1");
    }

    @Test
    void continuationAtEndOfFileEndsTheValue() {
        assertThat(flat(ini("[Service]\nExecStart=/bin/app \\"))).containsExactly("Service/ExecStart=/bin/app@2:1");
        assertThat(flat(ini("[Service]\nExecStart=/bin/app \\\n"))).containsExactly("Service/ExecStart=/bin/app@2:1");
    }

    @Test
    void anEscapedBackslashAtTheEndIsNotAContinuation() {
        assertThat(flat(ini("[S]\nA=x\\\\\nB=2\n"))).containsExactly("S/A=x\\\\@2:1", "S/B=2@3:1");
    }

    @Test
    void crlfBomAndMissingFinalNewline() {
        SystemdIni f = ini("\uFEFF[Unit]\r\nA = 1\r\nB=2");
        assertThat(flat(f)).containsExactly("Unit/A=1@2:1", "Unit/B=2@3:1");
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void keepsQuotesAndSpecifiersAsText() {
        assertThat(ini("[Service]\nEnvironment=\"A=%n x\" B=2\n").entries().get(0).value()).isEqualTo("\"A=%n x\" B=2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A=1|" + P + ":1:1: assignment outside of any section",
            "[Unit]\\n  nokey|" + P + ":2:3: missing '=' (expected Key=Value): \"nokey\"",
            "[Unit]\\n =v|" + P + ":2:2: missing key name before '='",
            "[Unit|" + P + ":1:1: invalid section header \"[Unit\" (systemd refuses the whole file)",
            "[]|" + P + ":1:1: empty section name",
    })
    void malformedLinesAreProblemsWithFileLineColumn(String text, String message) {
        SystemdIni f = ini(text.replace("\\n", "\n"));
        assertThat(f.problems()).extracting(SystemdIni.Problem::describe).containsExactly(message);
    }

    // ---- editing

    @Test
    void setReplacesTheLastAssignmentInPlaceKeepingEverythingElse() {
        String text = "# admin note\n[Service]\nUser=a\n  User = b   \nUnknownKey=kept\n";
        SystemdIni f = ini(text).set("Service", "User", "golive");
        assertThat(f.render()).isEqualTo("# admin note\n[Service]\nUser=a\n  User = golive\nUnknownKey=kept\n");
    }

    @Test
    void setAppendsToAnExistingSectionAfterItsLastAssignment() {
        String text = "[Unit]\nDescription=x\n\n[Service]\nUser=a\n# trailing comment\n\n[Install]\nWantedBy=multi-user.target\n";
        assertThat(ini(text).set("Unit", "After", "network.target").render())
                .isEqualTo("[Unit]\nDescription=x\nAfter=network.target\n\n[Service]\nUser=a\n# trailing comment\n\n[Install]\nWantedBy=multi-user.target\n");
    }

    @Test
    void setCreatesAMissingSectionAtTheEndAndKeepsCrlf() {
        assertThat(ini("[Unit]\r\nA=1").set("Service", "Type", "exec").render())
                .isEqualTo("[Unit]\r\nA=1\r\n\r\n[Service]\r\nType=exec\r\n");
        assertThat(ini("").set("Service", "Type", "exec").render()).isEqualTo("[Service]\nType=exec\n");
    }

    @Test
    void setOnAContinuedValueCollapsesItAndKeepsTheCommentInside() {
        String text = "[Service]\nExecStart=/bin/a \\\n# why\n  -x\nUser=u\n";
        assertThat(ini(text).set("Service", "ExecStart", "/bin/b").render())
                .isEqualTo("[Service]\n# why\nExecStart=/bin/b\nUser=u\n");
    }

    @Test
    void setKeepsTheByteOrderMark() {
        assertThat(ini("\uFEFF[S]\nA=1\n").set("S", "A", "2").render()).isEqualTo("\uFEFF[S]\nA=2\n");
        assertThat(ini("\uFEFFA=1\n[S]\n").set("S", "B", "2").render()).isEqualTo("\uFEFFA=1\n[S]\nB=2\n");
    }

    @Test
    void addPutsRepeatedKeysTogetherAndRemoveDropsThemAll() {
        String text = "[Service]\nEnvironment=A=1\nUser=x\n";
        SystemdIni added = ini(text).add("Service", "Environment", "B=2");
        assertThat(added.render()).isEqualTo("[Service]\nEnvironment=A=1\nEnvironment=B=2\nUser=x\n");
        assertThat(added.remove("Service", "Environment").render()).isEqualTo("[Service]\nUser=x\n");
        assertThat(ini(text).remove("Unit", "Environment").render()).isEqualTo(text);
    }

    @Test
    void addingAfterAContinuationDanglingAtEndOfFileEndsItFirst() {
        SystemdIni f = ini("[Service]\nExecStart=/bin/a \\").add("Service", "User", "u");
        assertThat(f.render()).isEqualTo("[Service]\nExecStart=/bin/a \\\n\nUser=u\n");
        assertThat(f.values("Service", "ExecStart")).containsExactly("/bin/a");
        assertThat(f.values("Service", "User")).containsExactly("u");
        SystemdIni g = ini("[Service]\nExecStart=/bin/a \\\n# only a comment follows").add("Service", "User", "u");
        assertThat(g.render()).isEqualTo("[Service]\nExecStart=/bin/a \\\n\nUser=u\n# only a comment follows");
        assertThat(g.values("Service", "User")).containsExactly("u");
    }

    @Test
    void editsReturnNewFilesAndLeaveTheOriginalAlone() {
        SystemdIni f = ini("[S]\nA=1\n");
        f.set("S", "A", "2");
        assertThat(f.render()).isEqualTo("[S]\nA=1\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "S|A|x\\ny|" + P + ": value of A= contains a control character (U+000A) at col 2",
            "S|A|x\\ry|" + P + ": value of A= contains a control character (U+000D) at col 2",
            "S|A|' x'|" + P + ": value of A= has leading or trailing whitespace, which systemd drops; quote it",
            "S|A|x\\\\|" + P + ": value of A= ends with '\\', which would continue the line",
            "S|A=B|x|" + P + ": invalid key name \"A=B\"",
            "S|#A|x|" + P + ": invalid key name \"#A\"",
            "S]|A|x|" + P + ": invalid section name \"S]\"",
            "S|A\\nB|x|" + P + ": key name contains a control character (U+000A) at col 2",
    })
    void editsRejectValuesThatWouldChangeTheFileStructure(String section, String key, String value, String message) {
        String v = value.replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\");
        String k = key.replace("\\n", "\n");
        assertThatThrownBy(() -> ini("[S]\n").set(section, k, v))
                .isInstanceOf(GoliveException.class).hasMessage(message);
    }

    // ---- words and Environment=

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/bin/app -x  y|[/bin/app, -x, y]",
            "/bin/sh -c \"echo a b\"|[/bin/sh, -c, echo a b]",
            "'single quoted' \\\"x\\\"|[single quoted, \"x\"]",
            "a\"b c\"d|[ab cd]",
            "\"\"|[]",
            "a\\sb \\x41\\101\\u00e9|[a b, AAé]",
            "%n $VAR ${X}|[%n, $VAR, ${X}]",
    })
    void splitsWordsLikeSystemd(String value, String words) {
        List<String> got = SystemdIni.splitWords(value);
        assertThat(got.toString()).isEqualTo(words.equals("[]") ? "[]" : words);
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(SystemdIni.splitWords("a \"\" b")).containsExactly("a", "", "b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a \"b c|col 3: unterminated quote \"",
            "a 'b|col 3: unterminated quote '",
            "a\\|col 2: trailing backslash",
            "a \\q|col 3: unknown escape \\q",
            "\\x0|col 1: incomplete \\x escape",
            "\\x00|col 1: NUL escape not allowed",
    })
    void wordErrorsNameTheColumn(String value, String message) {
        assertThatThrownBy(() -> SystemdIni.splitWords(value)).isInstanceOf(GoliveException.class).hasMessage(message);
    }

    @Test
    void environmentBecomesAnOrderedMap() {
        assertThat(SystemdIni.parseEnvironment("\"A=1 2\" B=2 C= A=3"))
                .containsExactly(Map.entry("A", "3"), Map.entry("B", "2"), Map.entry("C", ""));
    }

    @Test
    void environmentErrorsPointAtFileLineColumn() {
        SystemdIni f = ini("[Service]\nEnvironment=A=1  1X=2\n");
        assertThatThrownBy(() -> f.environment(f.entries().get(0)))
                .isInstanceOf(GoliveException.class)
                .hasMessage(P + ":2:18: invalid environment assignment \"1X=2\" (expected NAME=VALUE; systemd ignores it)");
        SystemdIni g = ini("[Service]\nExecStart = /bin/sh -c 'x\n");
        assertThatThrownBy(() -> g.words(g.entries().get(0))).hasMessage(P + ":2:24: unterminated quote '");
    }
}
