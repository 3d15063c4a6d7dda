package dev.golive.profile;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every way a profile can be wrong, with the exact one-line error the admin reads (exit 2).
 * Each case is a user profile /etc/golive/profiles/web.yaml; host-dependent cases name the
 * fixture host whose kernel they are checked against.
 */
class ProfileValidationTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("typo in a sysctl key", "debian12-vm", """
                        include: base
                        sysctl:
                          net.core.somaxcon:
                            value: 4096
                            why: backlog
                        """, "/etc/golive/profiles/web.yaml:3:3: unknown sysctl key \"net.core.somaxcon\" (did you mean \"net.core.somaxconn\"?)"),
                Arguments.of("typo in a top-level key", "debian12-vm", """
                        description: x
                        sysclt: {}
                        """, "/etc/golive/profiles/web.yaml:2:1: unknown key \"sysclt\" (did you mean \"sysctl\"?)"),
                Arguments.of("value without why", "debian12-vm", """
                        sysctl:
                          net.core.somaxconn:
                            value: 4096
                        """, "/etc/golive/profiles/web.yaml:2:3: net.core.somaxconn: missing why: (every value says why it is set)"),
                Arguments.of("shorthand value", "debian12-vm", """
                        sysctl:
                          net.core.somaxconn: 4096
                        """, "/etc/golive/profiles/web.yaml:2:23: net.core.somaxconn: expected {value: ..., why: ...}, found an integer (every value needs a why:)"),
                Arguments.of("typo in an entry field", "debian12-vm", """
                        sysctl:
                          net.core.somaxconn:
                            vlaue: 4096
                            why: backlog
                        """, "/etc/golive/profiles/web.yaml:3:5: unknown field \"vlaue\" (did you mean \"value\"?)"),
                Arguments.of("wrong type: boolean for a number", "debian12-vm", """
                        sysctl:
                          net.ipv4.tcp_timestamps:
                            value: true
                            why: timestamps
                        """, "/etc/golive/profiles/web.yaml:3:12: net.ipv4.tcp_timestamps: expected a whole number or an expression, found true/false"),
                Arguments.of("wrong type: a mapping for a choice", "debian12-vm", """
                        sysfs:
                          transparent_hugepage.enabled:
                            value: {mode: madvise}
                            why: thp
                        """, "/etc/golive/profiles/web.yaml:3:12: transparent_hugepage.enabled: expected one of always, madvise, never (or a list of them, first offered wins), found a mapping"),
                Arguments.of("a THP defrag mode the target kernel lacks (defer+madvise came in 4.11)", "centos7-v1", """
                        sysfs:
                          transparent_hugepage.defrag:
                            value: defer+madvise
                            why: thp
                        """, "/etc/golive/profiles/web.yaml:3:12: transparent_hugepage.defrag: \"defer+madvise\" is not offered by Linux 3.10.0 (it has: always, madvise, never)"),
                Arguments.of("a fallback list none of whose entries the kernel offers", "centos7-v1", """
                        sysfs:
                          transparent_hugepage.defrag:
                            value: [defer+madvise, defer]
                            why: thp
                        """, "/etc/golive/profiles/web.yaml:3:12: transparent_hugepage.defrag: none of defer+madvise, defer is offered by Linux 3.10.0 (it has: always, madvise, never)"),
                Arguments.of("a choice in a fallback list that does not exist at all", "debian12-vm", """
                        sysfs:
                          transparent_hugepage.defrag:
                            value: [defer+madvise, madvis]
                            why: thp
                        """, "/etc/golive/profiles/web.yaml:3:28: transparent_hugepage.defrag: \"madvis\" is not one of always, defer, defer+madvise, madvise, never"),
                Arguments.of("choice not in the list", "debian12-vm", """
                        sysfs:
                          transparent_hugepage.defrag:
                            value: "defer+madvis"
                            why: thp
                        """, "/etc/golive/profiles/web.yaml:3:13: transparent_hugepage.defrag: \"defer+madvis\" is not one of always, defer, defer+madvise, madvise, never"),
                Arguments.of("out of the key's range", "debian12-vm", """
                        sysctl:
                          net.ipv4.tcp_syncookies:
                            value: 5
                            why: cookies
                        """, "/etc/golive/profiles/web.yaml:3:12: net.ipv4.tcp_syncookies: 5 is out of range 0..2"),
                Arguments.of("swappiness 150 on Linux 5.4 (before 5.8: 0..100)", "ubuntu2004-hybrid", """
                        sysctl:
                          vm.swappiness:
                            value: 150
                            why: swap
                        """, "/etc/golive/profiles/web.yaml:3:12: vm.swappiness: 150 is out of range 0..100 on Linux 5.4.0 (before 5.8)"),
                Arguments.of("tcp_tw_reuse 2 on Linux 3.10 (loopback mode came in 4.19)", "centos7-v1", """
                        sysctl:
                          net.ipv4.tcp_tw_reuse:
                            value: 2
                            why: reuse
                        """, "/etc/golive/profiles/web.yaml:3:12: net.ipv4.tcp_tw_reuse: 2 is out of range 0..1 on Linux 3.10.0 (before 4.19)"),
                Arguments.of("key missing on the target kernel", "centos7-v1", """
                        sysctl:
                          net.ipv4.ip_unprivileged_port_start:
                            value: 80
                            why: bind 80 without capabilities
                        """, "/etc/golive/profiles/web.yaml:2:3: net.ipv4.ip_unprivileged_port_start does not exist on this kernel (3.10.0)"),
                Arguments.of("tcp_tw_recycle is refused", "debian12-vm", """
                        sysctl:
                          net.ipv4.tcp_tw_recycle:
                            value: 1
                            why: faster
                        """, "/etc/golive/profiles/web.yaml:2:3: net.ipv4.tcp_tw_recycle must not be set: it was removed in Linux 4.12 and broke clients behind NAT before that; use net.ipv4.tcp_tw_reuse"),
                Arguments.of("tcp_tw_reuse without timestamps", "debian12-vm", """
                        sysctl:
                          net.ipv4.tcp_timestamps:
                            value: 0
                            why: off
                          net.ipv4.tcp_tw_reuse:
                            value: 1
                            why: reuse
                        """, "/etc/golive/profiles/web.yaml:6:12: net.ipv4.tcp_tw_reuse needs net.ipv4.tcp_timestamps = 1 (it is 0 in this profile)"),
                Arguments.of("unknown function", "debian12-vm", """
                        sysctl:
                          net.core.somaxconn:
                            value: mx(current, 4096)
                            why: backlog
                        """, "/etc/golive/profiles/web.yaml:3:12: net.core.somaxconn: unknown function \"mx\" (did you mean \"max\"?); functions: max, min"),
                Arguments.of("unknown name in an expression, column inside the quoted text", "debian12-vm", """
                        sysctl:
                          net.core.somaxconn:
                            value: "max(curent, 4096)"
                            why: backlog
                        """, "/etc/golive/profiles/web.yaml:3:17: unknown name \"curent\" (did you mean \"current\"?)"),
                Arguments.of("expression syntax", "debian12-vm", """
                        sysctl:
                          net.core.somaxconn:
                            value: max(current 4096)
                            why: backlog
                        """, "/etc/golive/profiles/web.yaml:3:24: net.core.somaxconn: expected \",\" or \")\""),
                Arguments.of("current outside sysctl", "debian12-vm", """
                        service:
                          LimitNOFILE:
                            value: "1024:current"
                            why: fds
                        """, "/etc/golive/profiles/web.yaml:3:18: LimitNOFILE: \"current\" is only for sysctl values"),
                Arguments.of("port range low above high", "debian12-vm", """
                        sysctl:
                          net.ipv4.ip_local_port_range:
                            value: "60999 32768"
                            why: ports
                        """, "/etc/golive/profiles/web.yaml:3:13: net.ipv4.ip_local_port_range: 60999 32768: low must be below high"),
                Arguments.of("GOMEMLIMIT percent outside 50..100", "debian12-vm", """
                        service:
                          GOMEMLIMIT:
                            value: 120% of memory.max
                            why: heap
                        """, "/etc/golive/profiles/web.yaml:3:12: GOMEMLIMIT: 120% is outside 50..100"),
                Arguments.of("duplicate key", "debian12-vm", """
                        sysctl:
                          vm.swappiness:
                            value: 10
                            why: swap
                          vm.swappiness:
                            value: 20
                            why: swap
                        """, "/etc/golive/profiles/web.yaml:5:3: duplicate key \"vm.swappiness\" (first at line 2)"),
                Arguments.of("unknown when: condition", "debian12-vm", """
                        sysctl:
                          net.core.busy_read:
                            value: 50
                            when: isolated
                            why: spin
                        """, "/etc/golive/profiles/web.yaml:4:11: unknown condition \"isolated\" (did you mean \"isolated-cpus\"?)"),
                Arguments.of("include of an unknown profile", "debian12-vm", """
                        include: [base, web-apj]
                        """, "/etc/golive/profiles/web.yaml:1:17: unknown profile \"web-apj\" (did you mean \"web-api\"?)"),
                Arguments.of("soft limit above hard", "debian12-vm", """
                        manager:
                          DefaultLimitNOFILE:
                            value: "65536:1024"
                            why: fds
                        """, "/etc/golive/profiles/web.yaml:3:13: DefaultLimitNOFILE: soft limit 65536 is above the hard limit 1024"),
                Arguments.of("time span in a unit systemd does not know (units are case-sensitive)", "debian12-vm", """
                        manager:
                          DefaultTimeoutStopSec:
                            value: 5S
                            why: stop
                        """, "/etc/golive/profiles/web.yaml:3:12: DefaultTimeoutStopSec: \"5S\" is not a time span (e.g. 2s, 500ms, 1min)"),
                Arguments.of("YAML syntax error", "debian12-vm", """
                        sysctl:
                          net.core.somaxconn:
                            value: [4096
                            why: x
                        """, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aWrongProfileGivesOneLocatedLineAndExit2(String what, String host, String yaml, String expected) {
        HostFacts facts = FixtureHosts.facts(host);
        GoliveException e = catchThrowableOfType(GoliveException.class, () -> {
            ProfileCatalog c = ProfileCatalog.withTexts("/etc/golive/profiles", Map.of("web", yaml));
            ProfileResolver.resolve(c, "web", facts);
        });
        assertThat(e).as(what).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).doesNotContain("\n");
        if (expected != null) assertThat(e.getMessage()).isEqualTo(expected);
        else assertThat(e.getMessage()).startsWith("/etc/golive/profiles/web.yaml:").contains("YAML syntax error");
    }

    @ParameterizedTest(name = "DefaultTimeoutStopSec={0}")
    @ValueSource(strings = {"90s", "1min 30s", "2w", "1M", "1y", "infinity"})
    void aTimeSpanInAnyUnitOfSystemdTime7IsAccepted(String span) {
        ProfileCatalog c = ProfileCatalog.withTexts("/etc/golive/profiles", Map.of("web", """
                manager:
                  DefaultTimeoutStopSec:
                    value: "%s"
                    why: stop
                """.formatted(span)));
        assertThat(ProfileResolver.resolve(c, "web", FixtureHosts.facts("debian12-vm"))).isNotNull();
    }
}
