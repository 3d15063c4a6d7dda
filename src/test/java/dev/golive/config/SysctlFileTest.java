package dev.golive.config;

import dev.golive.model.GoliveException;
import dev.golive.model.SysctlAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SysctlFileTest {

    private static final String P = "/etc/sysctl.d/60-golive.conf";

    @ParameterizedTest
    @ValueSource(strings = {"", "a=1", "a = 1\r\n", "# c\n; c\n\n -x.y = 2\n", "net/ipv4/tcp_fin_timeout=30\n", "junk\n", "=\n-\n"})
    void rendersBackByteForByte(String text) {
        assertThat(SysctlFile.parse(P, text).render()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "net.core.somaxconn = 4096|net.core.somaxconn|4096|false",
            "net.core.somaxconn=4096|net.core.somaxconn|4096|false",
            "  -net.core.somaxconn =  4096  |net.core.somaxconn|4096|true",
            "- net.core.somaxconn=1|net.core.somaxconn|1|true",
            "net/ipv4/conf/eth0.100/rp_filter = 1|net.ipv4.conf.eth0/100.rp_filter|1|false",
            "net.ipv4.conf.*.rp_filter = 2|net.ipv4.conf.*.rp_filter|2|false",
            "net.ipv4.tcp_rmem = 4096\t131072  6291456|net.ipv4.tcp_rmem|4096\t131072  6291456|false",
            "kernel.x = 1 # not a comment|kernel.x|1 # not a comment|false",
            "kernel.y =|kernel.y||false",
    })
    void readsAssignments(String line, String key, String value, boolean ignore) {
        SysctlAssignment a = SysctlFile.parse(P, line).assignments().get(0);
        assertThat(a.key()).isEqualTo(key);
        assertThat(a.value()).isEqualTo(value == null ? "" : value);
        assertThat(a.ignoreFailure()).isEqualTo(ignore);
        assertThat(a.source().describe()).isEqualTo(P + ":1");
    }

    @Test
    void aDashKeyWithoutValueExcludesAKeyFromAGlob() {
        SysctlFile f = SysctlFile.parse(P, "net.ipv4.conf.*.rp_filter = 2\n-net.ipv4.conf.lo.rp_filter\n");
        assertThat(f.lines().get(1).isExclusion()).isTrue();
        assertThat(f.assignments()).hasSize(1);
        assertThat(f.problems()).isEmpty();
        assertThat(SysctlFile.isGlob("net.ipv4.conf.*.rp_filter")).isTrue();
    }

    @Test
    void linesThatAreNotAssignmentsAreReportedWithFileLineColumn() {
        assertThat(SysctlFile.parse(P, "a=1\n   garbage here\n= 3\n").problems()).containsExactly(
                P + ":2:4: not an assignment (expected key = value), ignored",
                P + ":3:1: not an assignment (expected key = value), ignored");
    }

    @Test
    void setRewritesTheLastAssignmentKeepingItsStyleAndAppendsOtherwise() {
        String text = "# tuned by ops\nnet.core.somaxconn=1024\n-net.core.somaxconn  =  2048\nvm.swappiness = 10";
        SysctlFile f = SysctlFile.parse(P, text).set("net.core.somaxconn", "4096").set("net/ipv4/tcp_fin_timeout", "30");
        assertThat(f.render()).isEqualTo(
                "# tuned by ops\nnet.core.somaxconn=1024\n-net.core.somaxconn  =  4096\nvm.swappiness = 10\nnet.ipv4.tcp_fin_timeout = 30\n");
        assertThat(SysctlFile.parse(P, "a = 1\r\n").set("b", "2").render()).isEqualTo("a = 1\r\nb = 2\r\n");
    }

    @Test
    void removeDropsEveryAssignmentOfTheKeyOnly() {
        String text = "a=1\n# keep\nnet/core/somaxconn = 1\nnet.core.somaxconn=2\n-net.core.somaxconn\n";
        assertThat(SysctlFile.parse(P, text).remove("net.core.somaxconn").render()).isEqualTo("a=1\n# keep\n-net.core.somaxconn\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a.b|1\\n2|" + P + ": sysctl value of a.b contains a control character (U+000A) at col 2",
            "a=b|1|" + P + ": invalid sysctl key \"a=b\"",
            "-a|1|" + P + ": invalid sysctl key \"-a\"",
            "a.b|' 1'|" + P + ": value of a.b has leading or trailing blanks, which are dropped on reading",
    })
    void setRejectsWhatWouldChangeTheFileStructure(String key, String value, String message) {
        assertThatThrownBy(() -> SysctlFile.parse(P, "").set(key, value.replace("\\n", "\n")))
                .isInstanceOf(GoliveException.class).hasMessage(message);
    }

    @Test
    void valuesCompareWithBlanksNormalised() {
        assertThat(SysctlFile.normalizeValue(" 4096\t131072   6291456 ")).isEqualTo("4096 131072 6291456");
    }

    @TempDir Path tmp;

    @Test
    void loadOrderSortsByNameAcrossDirectoriesMasksAndReadsSysctlConfOnce() {
        HostTree h = new HostTree(tmp)
                .write("/usr/lib/sysctl.d/50-default.conf", "net.core.somaxconn = 128\nvm.swappiness = 60\n")
                .write("/usr/lib/sysctl.d/30-masked.conf", "kernel.a = 1\n")
                .link("/etc/sysctl.d/30-masked.conf", "/dev/null")
                .write("/run/sysctl.d/40-run.conf", "vm.swappiness = 30\n")
                .write("/etc/sysctl.d/60-golive.conf", "net.core.somaxconn = 4096\n")
                .write("/etc/sysctl.conf", "vm.swappiness=10\n")
                .link("/etc/sysctl.d/99-sysctl.conf", "../sysctl.conf")
                .write("/usr/lib/sysctl.d/99-zzz.conf", "vm.swappiness=1\n")
                .link("/lib", "usr/lib");
        SysctlLoadOrder.Resolution r = SysctlLoadOrder.resolve(h.root);
        assertThat(r.paths()).containsExactly("/run/sysctl.d/40-run.conf", "/usr/lib/sysctl.d/50-default.conf",
                "/etc/sysctl.d/60-golive.conf", "/etc/sysctl.conf", "/usr/lib/sysctl.d/99-zzz.conf");
        assertThat(r.masked()).containsExactly("/usr/lib/sysctl.d/30-masked.conf");
        assertThat(r.effective("net/core/somaxconn")).hasValueSatisfying(a ->
                assertThat(a.source().describe()).isEqualTo("/etc/sysctl.d/60-golive.conf:1"));
        assertThat(r.effective("vm.swappiness").map(SysctlAssignment::value)).hasValue("1");
    }

    @Test
    void withoutTheLinkSysctlConfComesLast() {
        HostTree h = new HostTree(tmp)
                .write("/usr/lib/sysctl.d/99-zzz.conf", "vm.swappiness=1\n")
                .write("/etc/sysctl.conf", "vm.swappiness=10\n");
        SysctlLoadOrder.Resolution r = SysctlLoadOrder.resolve(h.root);
        assertThat(r.paths()).containsExactly("/usr/lib/sysctl.d/99-zzz.conf", "/etc/sysctl.conf");
        assertThat(r.effective("vm.swappiness").map(SysctlAssignment::value)).hasValue("10");
    }

    @Test
    void aKeyGoliveAppendedCanBeSetAgainInPlace() {
        SysctlFile f = SysctlFile.parse(P, "a = 1\n").set("net.core.somaxconn", "4096").set("net.core.somaxconn", "8192");
        assertThat(f.render()).isEqualTo("a = 1\nnet.core.somaxconn = 8192\n");
        assertThat(f.last("net.core.somaxconn")).hasValueSatisfying(l -> assertThat(l.number()).isEqualTo(2));
    }

    @Test
    void blankLinesAndExclusionsAreNeitherAssignmentsNorProblems() {
        SysctlFile f = SysctlFile.parse(P, "\n \t\nnet.ipv4.conf.*.rp_filter = 2\n-net.ipv4.conf.lo.rp_filter\n");
        assertThat(f.problems()).isEmpty();
        assertThat(f.lines()).extracting(SysctlFile.Line::isBlank).containsExactly(true, true, false, false);
        assertThat(f.lines()).extracting(SysctlFile.Line::isExclusion).containsExactly(false, false, false, true);
        assertThat(f.lines().get(0).eol()).isEqualTo("\n");
        assertThat(f.render()).isEqualTo("\n \t\nnet.ipv4.conf.*.rp_filter = 2\n-net.ipv4.conf.lo.rp_filter\n");
    }

    @ParameterizedTest
    @CsvSource({"net.ipv4.conf.*.rp_filter,true", "*.rp_filter,true", "?x,true", "[ab].x,true", "net.ipv4.conf.eth?.rp_filter,true", "net.core.somaxconn,false"})
    void aKeyWithAGlobCharacterAnywhereNamesSeveralKeys(String key, boolean glob) {
        assertThat(SysctlFile.isGlob(key)).isEqualTo(glob);
    }
}
