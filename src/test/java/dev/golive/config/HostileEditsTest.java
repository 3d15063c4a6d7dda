package dev.golive.config;

import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A value or name that would change a unit's structure — a newline that starts a new
 * assignment, a ']' or '[' that makes a section, a '=' that moves the key, a '\' that joins the
 * next line, a byte order mark or Unicode line separator — comes in through every way golive
 * edits a unit: set() on a new key and on an existing one (rewritten in place), add() (which
 * writes every drop-in line), replaceAll() (Environment=, ExecStart=) and remove(). Each is
 * refused with one line naming the file; and what systemd reads as plain data ('=', ']',
 * quotes, a tab inside a value) goes through all of them unchanged.
 */
class HostileEditsTest {

    static final String P = "/etc/systemd/system/app.service.d/golive.conf";
    /** A drop-in golive wrote before: one section, the key "A" exists in it. */
    static final String DROPIN = "[Service]\nA=1\nB=2\n";

    interface Edit { SystemdIni apply(SystemdIni f, String section, String key, String value); }

    /** Every path a value takes into a unit, named as the test report shows it. */
    static final List<Object[]> EDITS = List.of(
            new Object[]{"set", (Edit) SystemdIni::set},
            new Object[]{"add", (Edit) SystemdIni::add},
            new Object[]{"replaceAll", (Edit) (f, s, k, v) -> f.replaceAll(s, k, List.of("0", v))});

    static Stream<Arguments> hostileValues() {
        String[][] cases = {
                // value, message (after "P: ")
                {"x\n[Install]", "value of %s= contains a control character (U+000A) at col 2"},
                {"\nExecStartPre=/bin/sh -c evil", "value of %s= contains a control character (U+000A) at col 1"},
                {"x\ry", "value of %s= contains a control character (U+000D) at col 2"},
                {"x\u0000y", "value of %s= contains a control character (U+0000) at col 2"},
                {"x\u007fy", "value of %s= contains a control character (U+007F) at col 2"},
                {"x\u2028y", "value of %s= contains a control character (U+2028) at col 2"},
                {"x\u2029y", "value of %s= contains a control character (U+2029) at col 2"},
                {"x\u0085y", "value of %s= contains a control character (U+0085) at col 2"},
                {"\uFEFFx", "value of %s= contains a control character (U+FEFF) at col 1"},
                {" x", "value of %s= has leading or trailing whitespace, which systemd drops; quote it"},
                {"x\t", "value of %s= has leading or trailing whitespace, which systemd drops; quote it"},
                {"x \\", "value of %s= ends with '\\', which would continue the line"},
        };
        List<Arguments> out = new ArrayList<>();
        for (Object[] e : EDITS) {
            for (String[] c : cases) {
                // "A" rewrites/extends an existing assignment, "N" is new to the section, section "Unit" is new to the file
                for (String[] where : new String[][]{{"Service", "A"}, {"Service", "N"}, {"Unit", "N"}}) {
                    out.add(Arguments.of(e[0] + " " + where[0] + "/" + where[1], e[1], where[0], where[1], c[0], String.format(c[1], where[1])));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("hostileValues")
    void aValueThatWouldChangeTheUnitsStructureIsRefusedByEveryEdit(String name, Edit edit, String section, String key, String value, String message) {
        SystemdIni f = SystemdIni.parse(P, DROPIN);
        assertThatThrownBy(() -> edit.apply(f, section, key, value))
                .isInstanceOf(GoliveException.class).hasMessage(P + ": " + message);
        assertThat(f.render()).isEqualTo(DROPIN);
    }

    static Stream<Arguments> hostileNames() {
        String[][] cases = {
                // section, key, message (after "P: ")
                {"Service", "A=B", "invalid key name \"A=B\""},
                {"Service", "=A", "invalid key name \"=A\""},
                {"Service", "#A", "invalid key name \"#A\""},
                {"Service", ";A", "invalid key name \";A\""},
                {"Service", "[A", "invalid key name \"[A\""},
                {"Service", "A B", "invalid key name \"A B\""},
                {"Service", "A\tB", "invalid key name \"A\tB\""},
                {"Service", " A", "invalid key name \" A\""},
                {"Service", "", "empty key name"},
                {"Service", null, "empty key name"},
                {"Service", "\nA", "key name contains a control character (U+000A) at col 1"},
                {"Service", "A\nB", "key name contains a control character (U+000A) at col 2"},
                {"Service]", "A", "invalid section name \"Service]\""},
                {"]Service", "A", "invalid section name \"]Service\""},
                {"[Service", "A", "invalid section name \"[Service\""},
                {"Ser[vice", "A", "invalid section name \"Ser[vice\""},
                {" Service", "A", "invalid section name \" Service\""},
                {"", "A", "empty section name"},
                {"\nService", "A", "section name contains a control character (U+000A) at col 1"},
        };
        List<Object[]> edits = new ArrayList<>(EDITS);
        edits.add(new Object[]{"remove", (Edit) (f, s, k, v) -> f.remove(s, k)});
        edits.add(new Object[]{"replaceAll with no values", (Edit) (f, s, k, v) -> f.replaceAll(s, k, List.of())});
        List<Arguments> out = new ArrayList<>();
        for (Object[] e : edits) for (String[] c : cases) out.add(Arguments.of(e[0], e[1], c[0], c[1], P + ": " + c[2]));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: [{2}] {3}")
    @MethodSource("hostileNames")
    void aSectionOrKeyNameThatWouldChangeTheStructureIsRefusedByEveryEdit(String name, Edit edit, String section, String key, String message) {
        SystemdIni f = SystemdIni.parse(P, DROPIN);
        assertThatThrownBy(() -> edit.apply(f, section, key, "1"))
                .isInstanceOf(GoliveException.class).hasMessage(message);
    }

    @Test
    void noValueAtAllIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> SystemdIni.parse(P, DROPIN).add("Service", "A", null))
                .isInstanceOf(GoliveException.class).hasMessage(P + ": no value given for A=");
    }

    static Stream<Arguments> plainData() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] e : EDITS) {
            for (String v : List.of("GOMAXPROCS=2 \"GODEBUG=a=1,b=2\"", "[x] ]", "a\tb", "#not a comment", ";nor this", "x\\\\",
                    "é ß ✓", "%n $MAINPID", "\\", "=")) {
                if (v.equals("\\")) continue; // a lone '\' continues the line: refused above
                out.add(Arguments.of(e[0], e[1], v));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("plainData")
    void whatSystemdReadsAsDataGoesThroughEveryEditAndReadsBackAsWritten(String name, Edit edit, String value) {
        for (String key : List.of("A", "N", "X-Golive-Note")) {
            SystemdIni f = edit.apply(SystemdIni.parse(P, DROPIN), "Service", key, value);
            assertThat(f.problems()).isEmpty();
            List<String> got = f.values("Service", key);
            assertThat(got.get(got.size() - 1)).isEqualTo(value);
            assertThat(f.values("Service", "B")).containsExactly("2");
            assertThat(f.sections()).containsExactly("Service");
        }
    }

    // ---- the same for sysctl.d files, whose remove() is how a plan drops a key golive set before

    @Test
    void aSysctlKeyThatWouldChangeTheFileIsRefusedByRemoveAsBySet() {
        SysctlFile f = SysctlFile.parse("/etc/sysctl.d/60-golive.conf", "net.core.somaxconn = 4096\n");
        for (String key : List.of("a=b", "=net.core.somaxconn", "-net.core.somaxconn", "#x", ";x", " net.core.somaxconn", "")) {
            assertThatThrownBy(() -> f.remove(key)).as(key).isInstanceOf(GoliveException.class)
                    .hasMessage("/etc/sysctl.d/60-golive.conf: invalid sysctl key \"" + key + "\"");
        }
        assertThatThrownBy(() -> f.remove("net.core\nvm.swappiness")).isInstanceOf(GoliveException.class)
                .hasMessage("/etc/sysctl.d/60-golive.conf: sysctl key contains a control character (U+000A) at col 9");
        assertThatThrownBy(() -> f.set("net.core.somaxconn", "\u007f")).isInstanceOf(GoliveException.class)
                .hasMessage("/etc/sysctl.d/60-golive.conf: sysctl value of net.core.somaxconn contains a control character (U+007F) at col 1");
        assertThat(f.set("net.core.somaxconn", "1\t2").render()).isEqualTo("net.core.somaxconn = 1\t2\n");
        assertThat(f.remove("net.core.somaxconn").render()).isEmpty();
    }
}
