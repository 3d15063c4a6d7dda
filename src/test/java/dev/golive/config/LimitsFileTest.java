package dev.golive.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsFileTest {

    private static final String P = "/etc/security/limits.conf";

    @ParameterizedTest
    @ValueSource(strings = {"", "* soft nofile 1024", "# x\r\n@adm hard nproc 10\r\n", "bad line\n", "a b c d e"})
    void rendersBackByteForByte(String text) {
        assertThat(LimitsFile.parse(P, text).render()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"* soft nofile 1024", "root hard nofile unlimited", "@adm - nproc infinity",
            "1000:2000 soft as -1", ":999 hard core 0", "1000: soft nofile 4096", "@100:200 soft nofile 5",
            "% - maxlogins 2", "%admins - maxlogins 3", "ftp hard priority -5", "app soft nice -10  # comment",
            "\tapp\tsoft\tnofile\t65536"})
    void acceptsTheDomainsTypesAndValuesOfLimitsConf5(String line) {
        LimitsFile f = LimitsFile.parse(P, line);
        assertThat(f.errors()).isEmpty();
        assertThat(f.entries()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "* soft nofile|" + P + ":1:1: expected 4 fields (<domain> <type> <item> <value>), found 3",
            "'  * soft nofile 1 2'|" + P + ":1:3: expected 4 fields (<domain> <type> <item> <value>), found 5",
            "* medium nofile 1|" + P + ":1:3: unknown type \"medium\" (soft, hard or -)",
            "*  soft  nofiles 1|" + P + ":1:10: unknown item \"nofiles\"",
            "* soft nofile lots|" + P + ":1:15: invalid value \"lots\" for nofile (a number, unlimited, infinity or -1)",
            "* soft nofile -5|" + P + ":1:15: invalid value \"-5\" for nofile (a number, unlimited, infinity or -1)",
            "2000:1000 soft nofile 5|" + P + ":1:1: id range \"2000:1000\" has min above max",
            "a:b soft nofile 5|" + P + ":1:1: invalid id range \"a:b\" (expected min:max, min:, :max or @min:max)",
            ": soft nofile 5|" + P + ":1:1: invalid id range \":\" (expected min:max, min:, :max or @min:max)",
            "@ soft nofile 5|" + P + ":1:1: \"@\" needs a group name",
            "%adm soft nofile 5|" + P + ":1:1: a % domain applies only to maxlogins",
    })
    void malformedLinesAreOneLineErrorsWithFileLineColumn(String line, String message) {
        LimitsFile f = LimitsFile.parse(P, line);
        assertThat(f.errors()).containsExactly(message);
        assertThat(f.entries()).isEmpty();
    }

    @Test
    void errorsCarryTheirLineNumber() {
        assertThat(LimitsFile.parse(P, "# c\n\n* soft nofile 1\nbroken\n").errors())
                .containsExactly(P + ":4:1: expected 4 fields (<domain> <type> <item> <value>), found 1");
    }

    @TempDir Path tmp;

    @Test
    void limitsConfThenLimitsDInNameOrder() {
        HostTree h = new HostTree(tmp)
                .write("/etc/security/limits.conf", "* soft nofile 1024\n")
                .write("/etc/security/limits.d/20-b.conf", "* soft nofile 4096\n")
                .write("/etc/security/limits.d/10-a.conf", "oops\n")
                .write("/etc/security/limits.d/README", "not read\n");
        LimitsConf.Resolution r = LimitsConf.resolve(h.root);
        assertThat(r.paths()).containsExactly("/etc/security/limits.conf", "/etc/security/limits.d/10-a.conf",
                "/etc/security/limits.d/20-b.conf");
        assertThat(r.entries()).extracting(e -> e.value() + "@" + e.source().describe())
                .containsExactly("1024@/etc/security/limits.conf:1", "4096@/etc/security/limits.d/20-b.conf:1");
        assertThat(r.errors()).containsExactly(
                "/etc/security/limits.d/10-a.conf:1:1: expected 4 fields (<domain> <type> <item> <value>), found 1");
    }
}
