package dev.golive.export;

import dev.golive.build.BuildTarget;
import dev.golive.config.KubeYaml;
import dev.golive.model.GoVersion;
import dev.golive.model.GoliveException;
import dev.golive.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service as a container: the Dockerfile and the Kubernetes objects golive writes from one spec. */
class ContainerExportTest {

    static ServiceSpec spec(String name, String cpuQuota, String memoryMax, ServiceSpec.Hardening hardening, List<Integer> ports) {
        return new ServiceSpec(name, Optional.empty(), Optional.empty(), List.of("--listen", ":8080"), Optional.empty(), false,
                Optional.empty(), List.of(), Map.of("APP_MODE", "prod"), ports,
                new ServiceSpec.Resources(Optional.ofNullable(cpuQuota), Optional.ofNullable(memoryMax), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()),
                ServiceSpec.Restart.DEFAULT, hardening, ServiceSpec.GoRuntime.DERIVE);
    }

    static ContainerSpec container(ServiceSpec s, String goLine, ContainerSpec.Base base) {
        return new ContainerSpec(s, "example.com/shop/v2", goLine, GoVersion.parse(goLine).orElseThrow(), BuildTarget.parse("linux/arm64"),
                Optional.of("1.4.0"), base, "registry.example.com/shop:1.4.0", Optional.of("/healthz"), Optional.of(20L), ContainerSpec.NONROOT_UID);
    }

    @Test
    void theDockerfileBuildsOnGoModsReleaseAsGoliveBuildDoesAndRunsFromScratchAsANumericUser() {
        String d = Dockerfile.render(container(spec("shop", "150%", "1G", ServiceSpec.Hardening.BASIC, List.of(8080)), "1.25.3", ContainerSpec.Base.SCRATCH));
        assertThat(d).contains(
                "FROM docker.io/library/golang:1.25.3 AS build\n",
                "ENV GOOS=linux GOARCH=arm64 CGO_ENABLED=0\n",
                "RUN [\"go\", \"build\", \"-trimpath\", \"-ldflags\", \"-s -w -X main.version=1.4.0\", \"-o\", \"/out/shop\", \".\"]\n",
                "FROM scratch\n",
                "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt\n",
                "COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo\n",
                "COPY --from=build /out/shop /shop\n",
                "USER 65532:65532\n",
                "EXPOSE 8080/tcp\n",
                "ENV APP_MODE=\"prod\"\n");
        assertThat(d).endsWith("ENTRYPOINT [\"/shop\", \"--listen\", \":8080\"]\n");
        // every decision line has its reason on the line above
        List<String> lines = d.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("FROM") || l.startsWith("ENV GOOS") || l.startsWith("RUN [\"go\", \"build\"") || l.startsWith("USER") || l.startsWith("EXPOSE")
                    || l.startsWith("ENTRYPOINT") || l.startsWith("COPY --from=build /etc") || l.startsWith("COPY --from=build /usr")) {
                assertThat(lines.get(i - 1)).as("the line above %s", l).startsWith("# ");
            }
        }
    }

    @Test
    void distrolessHasItsOwnCertificatesAndNoCopyOfThem() {
        String d = Dockerfile.render(container(spec("shop", null, null, ServiceSpec.Hardening.BASIC, List.of(8080)), "1.22", ContainerSpec.Base.DISTROLESS));
        assertThat(d).contains("FROM " + Dockerfile.DISTROLESS + "\n").doesNotContain("ca-certificates.crt /etc", "FROM scratch");
        assertThat(Dockerfile.dockerignore(container(spec("shop", null, null, ServiceSpec.Hardening.BASIC, List.of(8080)), "1.22", ContainerSpec.Base.SCRATCH)))
                .contains("\n.git\n", "\ndist/\n", "\n.env\n");
    }

    @Test
    void theKubernetesManifestReadsBackIntoTheSameObjects() {
        for (ServiceSpec.Hardening h : ServiceSpec.Hardening.values()) {
            ContainerSpec c = container(spec("shop", "150%", "1G", h, List.of(443, 8080)), "1.22", ContainerSpec.Base.SCRATCH);
            List<HasMetadata> built = Kubernetes.build(c).objects();
            assertThat(KubeYaml.read(Kubernetes.render(c))).as("hardening %s", h).isEqualTo(built);
        }
    }

    @Test
    void limitsProbesGracePeriodAndSecurityContextFollowTheSpec() {
        ContainerSpec c = container(spec("shop", "150%", "1G", ServiceSpec.Hardening.STRICT, List.of(443)), "1.22", ContainerSpec.Base.SCRATCH);
        Deployment d = (Deployment) Kubernetes.build(c).objects().get(0);
        Container k = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(k.getResources().getLimits()).hasToString("{cpu=1500m, memory=1Gi}");
        assertThat(k.getResources().getRequests()).isEqualTo(k.getResources().getLimits());
        assertThat(k.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(k.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(443);
        assertThat(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(20L);
        assertThat(k.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(k.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(k.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(k.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(k.getSecurityContext().getCapabilities().getAdd()).containsExactly("NET_BIND_SERVICE");
        assertThat(k.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        Container none = ((Deployment) Kubernetes.build(container(spec("shop", "150%", "1G", ServiceSpec.Hardening.NONE, List.of(8080)), "1.22",
                ContainerSpec.Base.SCRATCH)).objects().get(0)).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(none.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(none.getSecurityContext().getCapabilities()).isNull();
    }

    @ParameterizedTest(name = "go {0}, CPUQuota={1}, MemoryMax={2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            1.22   | 150% | 1G   | 1 | 921MiB
            1.22   | 400% | 512M | 4 | 460MiB
            1.25   | 400% | 2G   | - | 1843MiB
            1.25   | 150% | -    | 1 | -
            1.24.9 | 300% | -    | 3 | -
            """)
    void goRuntimeEnvironmentFollowsTheGoReleaseAndTheLimits(String go, String cpu, String mem, String gomaxprocs, String gomemlimit) {
        ContainerSpec c = container(spec("shop", cpu, mem, ServiceSpec.Hardening.BASIC, List.of(8080)), go, ContainerSpec.Base.SCRATCH);
        Container k = ((Deployment) Kubernetes.build(c).objects().get(0)).getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = k.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env.get("GOMAXPROCS")).isEqualTo(gomaxprocs);
        assertThat(env.get("GOMEMLIMIT")).isEqualTo(gomemlimit);
        assertThat(env.get("APP_MODE")).isEqualTo("prod");
    }

    @Test
    void anImageWithoutATagOrLatestAndAShareOfRamAreRefused() {
        ServiceSpec s = spec("shop", null, null, ServiceSpec.Hardening.BASIC, List.of(8080));
        for (String image : List.of("shop", "shop:latest", "registry:5000/shop")) {
            assertThatThrownBy(() -> new ContainerSpec(s, "example.com/shop", "1.22", GoVersion.of(1, 22, 0), BuildTarget.parse("linux/amd64"),
                    Optional.empty(), ContainerSpec.Base.SCRATCH, image, Optional.empty(), Optional.empty(), 65532))
                    .isInstanceOf(GoliveException.class).hasMessageContaining("tag other than latest");
        }
        assertThatThrownBy(() -> container(spec("shop", null, "50%", ServiceSpec.Hardening.BASIC, List.of(8080)), "1.22", ContainerSpec.Base.SCRATCH))
                .isInstanceOf(GoliveException.class).hasMessage("--memory-max 50%: a container limit needs a size such as 512M or 2G (a share of RAM depends on the node)");
    }
}
