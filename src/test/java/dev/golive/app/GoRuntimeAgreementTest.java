package dev.golive.app;

import dev.golive.check.Checker;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Finding;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Go runtime knowledge lives once: on every fixture service, the GOMAXPROCS/GOMEMLIMIT the
 * unit derivation writes (Go runtime: derive) are the values the CPU and memory checks propose
 * as their fixes, and where a check proposes one the derivation writes it.
 */
class GoRuntimeAgreementTest {

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12-vm       | api
            arm64-server      | ingest
            ubuntu2004-hybrid | prometheus-node-exporter
            two-socket-smt    | edge-proxy
            """)
    void theUnitDerivationAndTheChecksAgree(String host, String service) {
        assertAgree(Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(host), service);
    }

    @TempDir Path tmp;

    /**
     * The boundary: the api service of debian12-vm with its memory limit cut to {@code limit}
     * bytes. 90% under 1 MiB would read "GOMEMLIMIT=0MiB": neither side proposes one there, and
     * both say why; from 90% of a limit reaching 1 MiB on, both propose the same whole MiB.
     */
    @ParameterizedTest(name = "memory limit {0} bytes")
    @CsvSource(delimiter = '|', textBlock = """
            1153433 |
            1048576 |
            1165085 | 1MiB
            4194304 | 3MiB
            """)
    void theyAgreeAtTheSmallestLimits(long limit, String expected) throws IOException {
        Path fixture = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts/debian12-vm");
        Path host = tmp.resolve("debian12-vm");
        try (var files = Files.walk(fixture)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = host.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.writeString(host.resolve("sys/fs/cgroup/system.slice/api.service/memory.max"), limit + "\n");
        Path override = host.resolve("etc/systemd/system/api.service.d/override.conf");
        Files.writeString(override, Files.readString(override).replace("MemoryLimit=2G", "MemoryLimit=" + limit));
        Map<String, String> derived = assertAgree(host, "api");
        assertThat(derived.get("GOMEMLIMIT")).isEqualTo(expected);
        try (Session s = Session.open(host.toString())) {
            Finding finding = Checker.run(s.inspectService("api", null)).findings().stream()
                    .filter(x -> x.ruleId().equals("MEM-LIMIT-WITHOUT-GOMEMLIMIT")).findFirst().orElseThrow();
            if (expected == null) {
                assertThat(finding.fix()).as("no fix: a limit this small cannot run a Go service").isEmpty();
                assertThat(finding.message()).contains("no GOMEMLIMIT proposed", "too small to run a Go service");
            } else {
                assertThat(finding.fix()).isPresent();
            }
        }
    }

    /** The GOMAXPROCS/GOMEMLIMIT the derivation writes for {@code service}, checked equal to what the checks propose. */
    private static Map<String, String> assertAgree(Path dir, String service) {
        try (Session s = Session.open(dir.toString())) {
            HostFacts f = s.inspectService(service, null);
            Map<String, String> proposed = new TreeMap<>();
            Checker.run(f).findings().forEach(x -> x.fix().ifPresent(p -> p.changes().forEach(c -> {
                if (c instanceof FixChange.ServiceEnvironmentChange e && e.name().startsWith("GOM")) proposed.put(e.name(), e.value());
            })));
            ServiceSpec derive = new ServiceSpec(service, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), false, Optional.empty(),
                    List.of(), Map.of(), List.of(), ServiceSpec.Resources.NONE, ServiceSpec.Restart.DEFAULT, ServiceSpec.Hardening.BASIC,
                    ServiceSpec.GoRuntime.DERIVE);
            var d = s.previewUnit(derive, Optional.empty(), UnaryOperator.identity(), "p", false);
            Map<String, String> derived = new TreeMap<>();
            d.unit().go().all().forEach(v -> v.value().ifPresent(x -> derived.put(v.name(), x)));
            assertThat(derived).as("derived %s, proposed by the checks %s", derived, proposed).isEqualTo(proposed);
            d.unit().go().all().stream().filter(v -> v.name().equals("GOMEMLIMIT") && v.value().isEmpty())
                    .forEach(v -> assertThat(v.why()).doesNotContain("0MiB"));
            return derived;
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', textBlock = """
            arm64-server | ingest | GOMEMLIMIT=22118MiB
            debian12-vm  | api    | GOMEMLIMIT=1843MiB
            """)
    void planServiceOfAnExistingUnitWithAMemoryLimitWritesTheGomemlimitCheckProposes(String host, String service, String env) {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(host);
        try (Session s = Session.open(dir.toString())) {
            List<String> fixes = Checker.run(s.inspectService(service, null)).findings().stream().flatMap(x -> x.fix().stream())
                    .flatMap(p -> p.changes().stream()).filter(c -> c instanceof FixChange.ServiceEnvironmentChange e && e.name().equals("GOMEMLIMIT"))
                    .map(c -> ((FixChange.ServiceEnvironmentChange) c).name() + "=" + ((FixChange.ServiceEnvironmentChange) c).value()).toList();
            assertThat(fixes).containsExactly(env);
            String dropIn = s.plan("base", Optional.of(service), List.of(), "p").files().stream()
                    .filter(f -> f.path().equals("/etc/systemd/system/" + service + ".service.d/60-golive.conf")).findFirst().orElseThrow()
                    .after().orElseThrow();
            assertThat(dropIn).contains("Environment=" + env + "\n");
        }
    }
}
