package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.ProposedFix;
import dev.golive.model.Severity;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service unit read by a given systemd: no ExecStart=, the old start-limit spelling either side
 * of systemd 230, PermissionsStartOnly= either side of 231/240, a directive one version too new,
 * and values systemd refuses to parse. Lines of the app unit: Description 2, Type 3, ExecStart 4,
 * User 5, Restart 6, RestartSec 7, NoNewPrivileges 8, ProtectSystem 9, then what a test adds.
 */
class UnitFileEdgesTest {

    static final String U = TestHosts.UNIT;

    static List<Finding> run(Rule rule, TestHosts t) { return rule.evaluate(t.build()); }

    static List<String> at(Finding f) { return f.sources().stream().map(Source::describe).toList(); }

    @ParameterizedTest(name = "Type={0}")
    @CsvSource(delimiter = '|', textBlock = """
            exec       | app.service sets no ExecStart= (Type=exec): systemd refuses to start it
            -          | app.service sets no ExecStart=: systemd refuses to start it
            oneshot    | -
            ' oneshot' | -
            """)
    void aServiceWithoutExecStartCannotStartUnlessItIsOneshot(String type, String expected) {
        TestHosts t = TestHosts.withService().without("Service", "ExecStart");
        if (type.equals("-")) t.without("Service", "Type");
        else t.set("Service", "Type", type);
        List<Finding> out = run(UnitFileRules.NO_EXECSTART, t);
        if (expected.equals("-")) {
            assertThat(out).isEmpty();
            return;
        }
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo(expected);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(at(f)).containsExactly(U);
            assertThat(f.fix().orElseThrow().changes()).isEmpty();
        });
        assertThat(run(UnitFileRules.NO_EXECSTART, TestHosts.withService())).isEmpty();
    }

    @Test
    void theOldStartLimitSpellingMovesToUnitFromSystemd230() {
        Finding burst = run(UnitFileRules.START_LIMIT_OLD, TestHosts.withService().directive("Service", "StartLimitBurst", " 3 ")).get(0);
        assertThat(burst.message()).isEqualTo("[Service] StartLimitBurst=3 is the old spelling of [Unit] StartLimitBurst=");
        assertThat(at(burst)).containsExactly(U + ":10");
        assertThat(burst.fix().orElseThrow().text()).isEqualTo("move it to [Unit] StartLimitBurst=3");
        assertThat(burst.fix().orElseThrow().changes()).containsExactly(
                new FixChange.UnitDirectiveRemoval("Service", "StartLimitBurst", new Source.File(U, 10)),
                new FixChange.UnitDirectiveChange("Unit", "StartLimitBurst", "3"));
        Finding interval = run(UnitFileRules.START_LIMIT_OLD, TestHosts.withService().systemd(230).directive("Service", "StartLimitInterval", "30s")).get(0);
        assertThat(interval.message()).isEqualTo("[Service] StartLimitInterval=30s is the old spelling of [Unit] StartLimitIntervalSec=");
        assertThat(interval.fix().orElseThrow().changes()).contains(new FixChange.UnitDirectiveChange("Unit", "StartLimitIntervalSec", "30s"));
        // an empty assignment resets; it is not a spelling to move
        assertThat(run(UnitFileRules.START_LIMIT_OLD, TestHosts.withService().directive("Service", "StartLimitBurst", " "))).isEmpty();
    }

    @Test
    void beforeSystemd230TheServiceSpellingIsRightAndOnlyAnIntervalOfZeroIsWorthSaying() {
        TestHosts t = TestHosts.withService().systemd(229).directive("Service", "StartLimitInterval", "30s").directive("Service", "StartLimitBurst", "0");
        assertThat(run(UnitFileRules.START_LIMIT_OLD, t)).isEmpty();
        List<Finding> off = run(UnitFileRules.START_LIMIT_OLD, TestHosts.withService().systemd(229).directive("Service", "StartLimitInterval", "0"));
        assertThat(off).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("[Service] StartLimitInterval=0 is the old spelling of [Unit] StartLimitIntervalSec=; "
                    + "0 turns the start limit off, so a service that fails at start is restarted without end");
            assertThat(f.fix().orElseThrow().changes()).isEmpty();
            assertThat(f.fix().orElseThrow().text()).isEqualTo("keep it in [Service]: StartLimitIntervalSec= needs systemd 230; this host has 229");
        });
    }

    @ParameterizedTest(name = "systemd {0}")
    @CsvSource(delimiter = '|', textBlock = """
            230 | PermissionsStartOnly=yes: every command but ExecStart= would run as root | remove it
            231 | PermissionsStartOnly=yes: every command but ExecStart= would run as root | remove it and prefix the commands that need root with '+'
            239 | PermissionsStartOnly=yes: every command but ExecStart= would run as root | remove it and prefix the commands that need root with '+'
            240 | PermissionsStartOnly=yes: every command but ExecStart= would run as root; systemd 240 calls the switch deprecated | remove it and prefix the commands that need root with '+'
            """)
    void permissionsStartOnlyIsDeprecatedFrom240AndThePlusPrefixExistsFrom231(int systemd, String message, String fix) {
        Finding f = run(UnitFileRules.PERMISSIONS_START_ONLY, TestHosts.withService().systemd(systemd).directive("Service", "PermissionsStartOnly", "yes")).get(0);
        assertThat(f.message()).isEqualTo(message);
        assertThat(f.fix().orElseThrow().text()).isEqualTo(fix);
        assertThat(f.fix().orElseThrow().changes()).containsExactly(new FixChange.UnitDirectiveRemoval("Service", "PermissionsStartOnly", new Source.File(U, 10)));
        assertThat(at(f)).containsExactly(U + ":10");
    }

    @Test
    void permissionsStartOnlyNamesEachCommandThatRunsAsRoot() {
        TestHosts t = TestHosts.withService().systemdUnknown().directive("Service", "ExecStopPost", "/bin/true").directive("Service", "ExecStop", "/bin/true")
                .directive("Service", "ExecStartPost", "/bin/true").directive("Service", "PermissionsStartOnly", "true");
        assertThat(run(UnitFileRules.PERMISSIONS_START_ONLY, t)).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("PermissionsStartOnly=true: ExecStartPost=, ExecStop=, ExecStopPost= run as root");
            assertThat(f.fix().orElseThrow().text()).isEqualTo("remove it");
        });
        assertThat(run(UnitFileRules.PERMISSIONS_START_ONLY, TestHosts.withService().directive("Service", "PermissionsStartOnly", "no"))).isEmpty();
    }

    @ParameterizedTest(name = "systemd {0}: {1}")
    @CsvSource({"244, true", "245, false"})
    void aDirectiveIsTooNewUpToTheVersionBeforeItsOwn(int systemd, boolean fires) {
        List<Finding> out = run(UnitFileRules.NEWER_THAN_SYSTEMD, TestHosts.withService().systemd(systemd).directive("Service", "ProtectClock", "yes"));
        if (!fires) {
            assertThat(out).isEmpty();
            return;
        }
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("ProtectClock= needs systemd 245");
            assertThat(f.message()).startsWith("ProtectClock=yes: ProtectClock= needs systemd 245; this host has 244, so it ignores the setting (NEWS v245");
            assertThat(at(f)).containsExactly(U + ":10");
            assertThat(f.fix().orElseThrow()).isEqualTo(ProposedFix.advice("use a setting systemd 244 knows, or upgrade systemd"));
        });
    }

    @Test
    void aTooNewValueIsNamedWithTheValueAndNothingIsSaidWithoutAVersionOrAValue() {
        assertThat(run(UnitFileRules.NEWER_THAN_SYSTEMD, TestHosts.withService().set("Service", "PrivateTmp", "disconnected")))
                .extracting(Finding::title).containsExactly("PrivateTmp=disconnected needs systemd 257");
        assertThat(run(UnitFileRules.NEWER_THAN_SYSTEMD, TestHosts.withService().systemdUnknown().directive("Service", "ProtectClock", "yes"))).isEmpty();
        assertThat(run(UnitFileRules.NEWER_THAN_SYSTEMD, TestHosts.withService().systemd(244).directive("Service", "ProtectClock", " "))).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            MemoryMax   | 1g     | a size systemd reads (K, M, G, T in upper case, a percentage or infinity) | set MemoryMax=1G
            MemoryHigh  | 512m   | a size systemd reads (K, M, G, T in upper case, a percentage or infinity) | set MemoryHigh=512M
            MemoryMax   | 2GB    | a size systemd reads (K, M, G, T in upper case, a percentage or infinity) | write MemoryMax= as a size systemd reads (K, M, G, T in upper case, a percentage or infinity)
            MemoryMax   | lots   | a size systemd reads (K, M, G, T in upper case, a percentage or infinity) | write MemoryMax= as a size systemd reads (K, M, G, T in upper case, a percentage or infinity)
            TasksMax    | lots   | a task count, a percentage or infinity                                    | write TasksMax= as a task count, a percentage or infinity
            CPUQuota    | 2      | a percentage such as 200%                                                 | write CPUQuota= as a percentage such as 200%
            TimeoutSec  | 5 mins | a time span (systemd.time(7))                                             | write TimeoutSec= as a time span (systemd.time(7))
            """)
    void aValueSystemdCannotParseIsIgnoredAndTheUpperCaseSizeIsOfferedWhereItParses(String key, String value, String what, String fix) {
        List<Finding> out = run(UnitFileRules.VALUE_IGNORED, TestHosts.withService().directive("Service", key, value));
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo(key + "=" + value + " is ignored");
            assertThat(f.message()).isEqualTo(U + ":10: " + key + "=" + value + " is not " + what + ": systemd logs it and ignores the line, so the service runs without it");
            assertThat(f.fix().orElseThrow().text()).isEqualTo(fix);
            assertThat(f.fix().orElseThrow().changes()).hasSize(fix.startsWith("set ") ? 1 : 0);
        });
    }

    @Test
    void onlyTheLastServiceLineOfAKeyCounts() {
        assertThat(run(UnitFileRules.VALUE_IGNORED, TestHosts.withService().directive("Service", "MemoryMax", "1g").directive("Service", "MemoryMax", "1G"))).isEmpty();
        assertThat(run(UnitFileRules.VALUE_IGNORED, TestHosts.withService().directive("Service", "MemoryMax", "1G").directive("Service", "MemoryMax", "1g")))
                .extracting(f -> at(f).get(0)).containsExactly(U + ":11");
        assertThat(run(UnitFileRules.VALUE_IGNORED, TestHosts.withService().directive("Service", "MemoryMax", " "))).isEmpty();
        // a [Unit] line of the same name is not a resource setting
        assertThat(run(UnitFileRules.VALUE_IGNORED, TestHosts.withService().directive("Unit", "MemoryMax", "1g"))).isEmpty();
        assertThat(run(UnitFileRules.VALUE_IGNORED, TestHosts.withService().directive("Service", "RestartSec", "5min")
                .directive("Service", "TasksMax", "80%").directive("Service", "CPUQuota", "150%"))).isEmpty();
        assertThat(new UnitDirective("Service", "MemoryMax", "1G", new Source.File(U, 1)).key()).isEqualTo("MemoryMax");
    }
}
