package dev.golive.app;

import dev.golive.export.ContainerSpec;
import dev.golive.export.Kubernetes;
import dev.golive.model.GoVersion;
import dev.golive.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
 * GOMAXPROCS and GOMEMLIMIT are derived once: for the same service, limits and Go release, the
 * unit golive writes on a host (whose CPUs outnumber the quota) and the Kubernetes container
 * it exports carry the same values.
 */
class ContainerGoRuntimeAgreementTest {

    @ParameterizedTest(name = "CPUQuota={0}, MemoryMax={1}, go {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            150%  | 1G   | 1.22
            50%   | 256M | 1.22
            800%  | 3G   | 1.21
            250%  | -    | 1.24
            -     | 2G   | 1.22
            """)
    void theUnitAndTheKubernetesContainerGetTheSameGoRuntimeEnvironment(String cpu, String mem, String go) {
        ServiceSpec spec = new ServiceSpec("shop", Optional.empty(), Optional.of("/usr/local/bin/shop"), List.of(), Optional.empty(), false,
                Optional.empty(), List.of(), Map.of(), List.of(8080),
                new ServiceSpec.Resources(Optional.ofNullable(cpu), Optional.ofNullable(mem), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                ServiceSpec.Restart.DEFAULT, ServiceSpec.Hardening.BASIC, ServiceSpec.GoRuntime.DERIVE);
        GoVersion goMod = GoVersion.parse(go).orElseThrow();
        Path host = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts/two-socket-smt");
        Map<String, String> unit = new TreeMap<>();
        try (Session s = Session.open(host.toString())) {
            s.previewUnit(spec, Optional.of(goMod), UnaryOperator.identity(), "p", false).unit().go().all()
                    .forEach(v -> v.value().ifPresent(x -> unit.put(v.name(), x)));
        }
        ContainerSpec c = new ContainerSpec(spec, "example.com/shop", go, goMod, dev.golive.build.BuildTarget.parse("linux/amd64"),
                Optional.empty(), ContainerSpec.Base.SCRATCH, "shop:1", Optional.empty(), Optional.empty(), ContainerSpec.NONROOT_UID);
        Map<String, String> pod = new TreeMap<>();
        for (EnvVar e : ((Deployment) Kubernetes.build(c).objects().get(0)).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            pod.put(e.getName(), e.getValue());
        }
        assertThat(unit).as("the unit's values").isNotEmpty();
        assertThat(pod).isEqualTo(unit);
    }
}
