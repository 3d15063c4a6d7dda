package dev.golive.check;

import dev.golive.host.AccessLog;
import dev.golive.host.RootSpec;
import dev.golive.inspect.Inspector;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per fixture host, the exact set of rule IDs `golive check` reports (host-level rules;
 * service rules need --service). A change in any rule or probe that moves these sets must
 * be a deliberate one, reviewed against DOMAIN.md. The facts are read here without the
 * capture's date, so Go support is judged as of today (December 2026: only 1.27 and 1.26).
 */
class FixtureRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            arm64-server      | GO-TOOLCHAIN-MISSING
            centos7-v1        | CG-V1-OR-HYBRID FD-DEFAULT-HARD-LOW GO-TOOLCHAIN-MISSING MEM-THP-ALWAYS MEM-THP-DEFRAG-ALWAYS NET-SOMAXCONN-LOW NET-TW-RECYCLE SYSCTL-MODULE-KEY
            container-quota   | GO-TOOLCHAIN-OLD
            debian12-vm       | GO-TOOLCHAIN-OLD NET-FIN-TIMEOUT-NOT-TIME-WAIT
            sparse            |
            two-socket-smt    | GO-TOOLCHAIN-OLD
            ubuntu2004-hybrid | CG-V1-OR-HYBRID FD-LIMITS-CONF-IGNORED GO-TOOLCHAIN-MISSING NET-FIN-TIMEOUT-NOT-TIME-WAIT NET-SYN-BACKLOG-LOW NET-SYNCOOKIES-NOT-DEFAULT
            """)
    void eachFixtureGivesExactlyTheseRules(String host, String expected) {
        Set<String> want = expected == null ? Set.of() : new TreeSet<>(Arrays.asList(expected.trim().split("\\s+")));
        try (RootSpec root = RootSpec.open(Path.of("src/test/resources/hosts", host).toString(), new AccessLog())) {
            HostFacts facts = Inspector.inspect(root.root(), root.runner(), Inspector.Options.defaults());
            Set<String> got = Checker.run(facts).findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
            assertThat(got).as(host).isEqualTo(want);
        }
    }

    /**
     * `golive check --root HOST --service NAME`: the host's rules plus the service's, on
     * fixture hosts whose services have real-format unit files, drop-ins, environment files,
     * Go binaries (build info as cmd/go writes it) and recorded systemd-analyze output.
     */
    @ParameterizedTest(name = "{0} --service {1}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12-vm       | api.service                      | CPU-GOMAXPROCS-ENV FD-LIMIT-BELOW-DEFAULT GO-BINARY-OLD GO-TOOLCHAIN-OLD MEM-LIMIT-WITHOUT-GOMEMLIMIT NET-FIN-TIMEOUT-NOT-TIME-WAIT UNIT-DEPRECATED-DIRECTIVE UNIT-RESTART-GIVES-UP UNIT-SECURITY-EXPOSURE UNIT-TYPE-SIMPLE UNIT-VERIFY-MESSAGE
            arm64-server      | ingest.service                   | CPU-GOMAXPROCS-IGNORES-QUOTA GO-BINARY-OLD GO-TOOLCHAIN-MISSING MEM-LIMIT-WITHOUT-GOMEMLIMIT UNIT-RESTART-GIVES-UP UNIT-SECURITY-EXPOSURE
            ubuntu2004-hybrid | prometheus-node-exporter.service | CG-V1-OR-HYBRID CG-V2-DIRECTIVE-ON-V1 FD-LIMITS-CONF-IGNORED GO-BINARY-OLD GO-TOOLCHAIN-MISSING NET-FIN-TIMEOUT-NOT-TIME-WAIT NET-SYN-BACKLOG-LOW NET-SYNCOOKIES-NOT-DEFAULT UNIT-DEPRECATED-DIRECTIVE UNIT-RESTART-GIVES-UP UNIT-TYPE-SIMPLE
            """)
    void eachFixtureServiceGivesExactlyTheseRules(String host, String service, String expected) {
        Set<String> want = expected == null ? Set.of() : new TreeSet<>(Arrays.asList(expected.trim().split("\\s+")));
        try (RootSpec root = RootSpec.open(Path.of("src/test/resources/hosts", host).toString(), new AccessLog())) {
            HostFacts facts = Inspector.inspect(root.root(), root.runner(), Inspector.Options.forService(service, null));
            assertThat(facts.service()).isPresent();
            Set<String> got = Checker.run(facts).findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
            assertThat(got).as(host + " " + service).isEqualTo(want);
        }
    }
}
