package dev.golive.app;

import dev.golive.check.Checker;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(host);
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
