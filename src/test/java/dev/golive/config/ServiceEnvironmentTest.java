package dev.golive.config;

import dev.golive.model.Fact;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment systemd passes a service, as an admin would set it up in a unit and its files. */
class ServiceEnvironmentTest {

    @TempDir Path tmp;

    static final String UNIT = "/etc/systemd/system/app.service";

    private static List<UnitDirective> service(String... keyValues) {
        List<UnitDirective> out = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) out.add(new UnitDirective("Service", keyValues[i], keyValues[i + 1], new Source.File(UNIT, 10 + i / 2)));
        return out;
    }

    @Test
    void environmentFilesOverrideEnvironmentAndEveryValueSaysWhereItCameFrom() {
        HostTree t = new HostTree(tmp).write("/etc/default/app", "# app settings\nGOGC=200\nexport_me=1\n");
        var env = ServiceEnvironment.resolve(t.root, service(
                "Environment", "GOGC=100 \"GODEBUG=madvdontneed=1,http2client=0\"",
                "EnvironmentFile", "/etc/default/app"));

        assertThat(env.variables().get("GOGC")).isEqualTo(Fact.of("200", new Source.File("/etc/default/app", 2)));
        assertThat(env.variables().get("GODEBUG")).isEqualTo(Fact.of("madvdontneed=1,http2client=0", new Source.File(UNIT, 10)));
        assertThat(env.variables().get("export_me").opt()).contains("1");
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void aDashBeforeTheFileNameMakesAMissingFileFine() {
        var env = ServiceEnvironment.resolve(new HostTree(tmp).root, service("Environment", "A=1", "EnvironmentFile", "-/etc/default/none"));
        assertThat(env.variables()).containsOnlyKeys("A");
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void aMissingRequiredFileStopsTheServiceAndLeavesTheGoVariablesUnknown() {
        var env = ServiceEnvironment.resolve(new HostTree(tmp).root, service("Environment", "GOMAXPROCS=2", "EnvironmentFile", "/etc/default/none"));
        assertThat(env.problems()).singleElement().asString()
                .isEqualTo(UNIT + ":11: EnvironmentFile=/etc/default/none cannot be read (/etc/default/none: no such file); systemd refuses to start the service");
        // the file would have overridden GOMAXPROCS, so what the service gets is not known
        assertThat(env.variables().get("GOMAXPROCS").known()).isFalse();
        assertThat(env.variables().get("GOMEMLIMIT").known()).isFalse();
    }

    @Test
    void unsetEnvironmentRemovesNamesOrExactAssignments() {
        var env = ServiceEnvironment.resolve(new HostTree(tmp).root, service(
                "Environment", "A=1 B=2 C=3",
                "UnsetEnvironment", "A B=9 C=3"));
        assertThat(env.variables()).containsOnlyKeys("B");
    }

    @Test
    void passEnvironmentValuesComeFromTheManagerAndAreUnknown() {
        var env = ServiceEnvironment.resolve(new HostTree(tmp).root, service("PassEnvironment", "GOMAXPROCS TZ"));
        assertThat(env.variables().get("GOMAXPROCS")).isInstanceOf(Fact.Unknown.class);
        assertThat(env.variables()).containsOnlyKeys("GOMAXPROCS", "TZ");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            A=1                         | A | 1
            '  A = spaced  '            | A | spaced
            A="two words"               | A | two words
            A='single $X \\\\n'          | A | single $X \\\\n
            A=unquoted trailing   \t    | A | unquoted trailing
            A="esc \\" and \\$"          | A | esc " and $
            A=a\\ b                      | A | a b
            """)
    void environmentFileLinesAsSystemdReadsThem(String line, String key, String value) {
        String text = line.startsWith("'") ? line.substring(1, line.length() - 1) : line;
        text = text.replace("\\t", "\t");
        var parsed = EnvironmentFile.parse(text + "\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.assignments()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo(key);
            assertThat(a.value()).isEqualTo(value);
        });
    }

    @Test
    void environmentFileContinuationsCommentsAndBadLines() {
        var parsed = EnvironmentFile.parse("""
                # comment
                ; also a comment

                LONG=first \\
                second
                no equals sign
                9BAD=x
                LAST=1""");
        assertThat(parsed.assignments()).extracting(EnvironmentFile.Assignment::key, EnvironmentFile.Assignment::value, EnvironmentFile.Assignment::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LONG", "first second", 4), org.assertj.core.groups.Tuple.tuple("LAST", "1", 8));
        assertThat(parsed.problems()).extracting(EnvironmentFile.Problem::line).containsExactly(6, 7);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            /opt/app/app -listen :8080                 | /opt/app/app |
            -/opt/app/app                              | /opt/app/app |
            @+!/opt/app/app app-name                   | /opt/app/app |
            '"/opt/my app/app" --flag'                 | /opt/my app/app |
            app -listen :8080                          |              | ExecStart= program "app" is not an absolute path
            /opt/%i/app                                |              | ExecStart= program "/opt/%i/app" holds a specifier or variable golive does not expand
            ''                                         |              | ExecStart= names no program
            """)
    void theProgramOfAnExecStartLine(String value, String path, String problem) {
        ExecLine.Program p = ExecLine.program(value == null ? "" : value);
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.problem()).isEqualTo(problem);
    }
}
