package dev.golive.profile;

import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The ranges that moved between kernels, on the release that moved them: vm.swappiness up to
 * 200 from Linux 5.8 (100 on 5.7), tcp_tw_reuse=2 from 4.19 (not on 4.18), an unknown kernel
 * taken as the older one; and the schema's own edges (50%..100% GOMEMLIMIT, a port range's
 * low below its high, TasksMax up to 100%).
 */
class KernelRangeEdgeTest {

    static String sysctl(String key, String value) {
        return "sysctl:\n  " + key + ":\n    value: " + value + "\n    why: edge\n";
    }

    static Profile resolve(String yaml, SmallHost host) {
        return ProfileResolver.resolve(ProfileCatalog.withTexts("/etc/golive/profiles", Map.of("web", yaml)), "web", host.build());
    }

    static String error(String yaml, SmallHost host) {
        GoliveException e = catchThrowableOfType(GoliveException.class, () -> resolve(yaml, host));
        assertThat(e).as("refused").isNotNull();
        return e.getMessage();
    }

    @ParameterizedTest(name = "vm.swappiness={0} on Linux {1}")
    @CsvSource({"200, 5.8.0", "150, 6.1.0", "100, 5.7.19", "100, 4.19.0", "0, 3.10.0"})
    void swappinessFitsTheKernelsRange(int value, String kernel) {
        assertThat(resolve(sysctl("vm.swappiness", Integer.toString(value)), new SmallHost().kernel(kernel)).sysctl("vm.swappiness"))
                .hasValueSatisfying(v -> assertThat(v.value()).isEqualTo(Integer.toString(value)));
    }

    @Test
    void swappinessAboveTheKernelsRangeSaysWhichKernelAndWhy() {
        assertThat(error(sysctl("vm.swappiness", "101"), new SmallHost().kernel("5.7.19")))
                .isEqualTo("/etc/golive/profiles/web.yaml:3:12: vm.swappiness: 101 is out of range 0..100 on Linux 5.7.19 (before 5.8)");
        assertThat(error(sysctl("vm.swappiness", "201"), new SmallHost().kernel("5.8.0")))
                .isEqualTo("/etc/golive/profiles/web.yaml:3:12: vm.swappiness: 201 is out of range 0..200");
        assertThat(error(sysctl("vm.swappiness", "150"), new SmallHost().kernel(null)))
                .isEqualTo("/etc/golive/profiles/web.yaml:3:12: vm.swappiness: 150 is out of range 0..100 on an unknown kernel (assuming before 5.8)");
    }

    @Test
    void twReuseTwoIsLoopbackOnlyFromFourNineteen() {
        String two = sysctl("net.ipv4.tcp_tw_reuse", "2");
        assertThat(resolve(two, new SmallHost().kernel("4.19.0")).sysctl("net.ipv4.tcp_tw_reuse")).isPresent();
        assertThat(error(two, new SmallHost().kernel("4.18.20")))
                .isEqualTo("/etc/golive/profiles/web.yaml:3:12: net.ipv4.tcp_tw_reuse: 2 is out of range 0..1 on Linux 4.18.20 (before 4.19)");
        assertThat(error(two, new SmallHost().kernel(null)))
                .isEqualTo("/etc/golive/profiles/web.yaml:3:12: net.ipv4.tcp_tw_reuse: 2 is out of range 0..1 on an unknown kernel (assuming before 4.19)");
        assertThat(error(sysctl("net.ipv4.tcp_tw_reuse", "3"), new SmallHost().kernel("6.1.0")))
                .isEqualTo("/etc/golive/profiles/web.yaml:3:12: net.ipv4.tcp_tw_reuse: 3 is out of range 0..2");
        assertThat(resolve(sysctl("net.ipv4.tcp_tw_reuse", "1"), new SmallHost().kernel("3.10.0")).sysctl("net.ipv4.tcp_tw_reuse")).isPresent();
    }

    @Test
    void aKeyWithoutAKernelDependentRangeUsesTheTablesRange() {
        assertThat(resolve(sysctl("net.core.somaxconn", "2147483647"), new SmallHost().kernel("3.10.0")).sysctl("net.core.somaxconn")).isPresent();
        assertThat(error(sysctl("net.core.somaxconn", "2147483648"), new SmallHost()))
                .isEqualTo("/etc/golive/profiles/web.yaml:3:12: net.core.somaxconn: 2147483648 is out of range 0..2147483647");
        assertThat(error(sysctl("net.ipv4.tcp_fin_timeout", "0"), new SmallHost()))
                .isEqualTo("/etc/golive/profiles/web.yaml:3:12: net.ipv4.tcp_fin_timeout: 0 is out of range 1..2147483647");
    }

    @ParameterizedTest(name = "port range \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            1024 65535   | 1024 65535
            '1 2'        | 1 2
            '32768   60999' | 32768 60999
            """)
    void aPortRangeIsTwoPortsLowBelowHigh(String raw, String written) {
        assertThat(resolve(sysctl("net.ipv4.ip_local_port_range", "\"" + raw + "\""), new SmallHost()).sysctl("net.ipv4.ip_local_port_range"))
                .hasValueSatisfying(v -> assertThat(v.value()).isEqualTo(written));
    }

    @ParameterizedTest(name = "port range \"{0}\" refused")
    @CsvSource(delimiter = '|', textBlock = """
            5000 5000    | net.ipv4.ip_local_port_range: 5000 5000: low must be below high
            6000 5000    | net.ipv4.ip_local_port_range: 6000 5000: low must be below high
            0 5000       | net.ipv4.ip_local_port_range: 0 is out of range 1..65535
            1024 65536   | net.ipv4.ip_local_port_range: 65536 is out of range 1..65535
            1024         | net.ipv4.ip_local_port_range: expected 2 numbers, found 1 ("1024")
            """)
    void aPortRangeOnOrOverTheEdgeIsRefused(String raw, String message) {
        assertThat(error(sysctl("net.ipv4.ip_local_port_range", "\"" + raw + "\""), new SmallHost())).endsWith(message);
    }

    @Test
    void bufferSizesMayBeEqualButNotFalling() {
        assertThat(resolve(sysctl("net.ipv4.tcp_rmem", "\"4096 4096 4096\""), new SmallHost()).sysctl("net.ipv4.tcp_rmem")).isPresent();
        assertThat(error(sysctl("net.ipv4.tcp_rmem", "\"4096 4095 8192\""), new SmallHost()))
                .endsWith("net.ipv4.tcp_rmem: 4096 4095 8192: must be min <= default <= max");
    }

    static String service(String key, String value) {
        return "service:\n  " + key + ":\n    value: " + value + "\n    why: edge\n";
    }

    @ParameterizedTest(name = "GOMEMLIMIT {0}% of memory.max")
    @CsvSource({"50, true", "100, true", "90, true", "49, false", "101, false"})
    void goMemLimitIsBetweenHalfAndAllOfTheLimit(int percent, boolean ok) {
        String yaml = service("GOMEMLIMIT", "\"" + percent + "% of memory.max\"");
        if (ok) assertThat(resolve(yaml, new SmallHost()).service().get("GOMEMLIMIT")).hasValue(percent + "% of memory.max");
        else assertThat(error(yaml, new SmallHost())).endsWith("GOMEMLIMIT: " + percent + "% is outside 50..100");
    }

    @ParameterizedTest(name = "TasksMax={0}")
    @CsvSource({"100%, true", "1%, true", "4096, true", "infinity, true", "101%, false"})
    void tasksMaxIsACountAPercentUpToAllOrInfinity(String value, boolean ok) {
        String yaml = service("TasksMax", value);
        if (ok) assertThat(resolve(yaml, new SmallHost()).service().get("TasksMax")).hasValue(value);
        else assertThat(error(yaml, new SmallHost())).endsWith("TasksMax: " + value + " is more than 100%");
    }

    @ParameterizedTest(name = "IOWeight={0}")
    @CsvSource({"1, true", "10000, true", "0, false", "10001, false"})
    void ioWeightIsOneToTenThousand(String value, boolean ok) {
        String yaml = service("IOWeight", value);
        if (ok) assertThat(resolve(yaml, new SmallHost()).service().get("IOWeight")).hasValue(value);
        else assertThat(error(yaml, new SmallHost())).endsWith("IOWeight: " + value + " is out of range 1..10000");
    }
}
