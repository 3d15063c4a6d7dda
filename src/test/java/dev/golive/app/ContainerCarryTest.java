package dev.golive.app;

import dev.golive.model.ServiceSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a container export leaves out of a service spec, for the CLI (which refuses it) and the TUI (which names it). */
class ContainerCarryTest {

    private static ServiceSpec api() {
        ServiceSpec n = ServiceSpec.named("api");
        var r = new ServiceSpec.Resources(Optional.of("150%"), Optional.of("1G"), Optional.empty(), Optional.of("512"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.of("0-1"));
        return new ServiceSpec("api", Optional.empty(), Optional.of("/api"), List.of("-v"), Optional.of("api"), false, Optional.empty(),
                List.of(), java.util.Map.of("MODE", "prod"), List.of(8080), r, n.restart(), ServiceSpec.Hardening.STRICT, n.go());
    }

    private static List<String> fields(List<ContainerCarry.NotCarried> l) { return l.stream().map(ContainerCarry.NotCarried::field).toList(); }

    @Test
    void aSpecThatSaysNothingLosesNothing() {
        assertThat(ContainerCarry.notCarried(ServiceSpec.named("api"), false, f -> false)).isEmpty();
        assertThat(ContainerCarry.notCarried(ServiceSpec.named("api"), true, f -> false)).isEmpty();
    }

    @Test
    void kubernetesCarriesTheLimitsAndHardeningButNoUnitSetting() {
        var k = ContainerCarry.notCarried(api(), true, f -> false);
        assertThat(fields(k)).containsExactly("user", "resources.tasksMax", "resources.cpuAffinity");
        assertThat(k).allMatch(n -> n.kind() == ContainerCarry.Kind.UNIT);
        assertThat(k.get(0).why()).isEqualTo("a systemd unit setting");
    }

    @Test
    void aDockerfileAlsoLeavesTheRuntimeLimitsToWhereItRuns() {
        var d = ContainerCarry.notCarried(api(), false, f -> false);
        assertThat(fields(d)).containsExactly("user", "resources.tasksMax", "resources.cpuAffinity", "resources.cpuQuota",
                "resources.memoryMax", "hardening");
        assertThat(d.get(3).kind()).isEqualTo(ContainerCarry.Kind.RUNTIME);
    }

    @Test
    void anOptionTypedWithItsDefaultValueIsStillListed() {
        assertThat(fields(ContainerCarry.notCarried(ServiceSpec.named("api"), true, "restart.restartSec"::equals)))
                .containsExactly("restart.restartSec");
    }

    @Test
    void whatIsCarriedKeepsTheRestAndSaysNothingOfWhatIsNot() {
        ServiceSpec k = ContainerCarry.carried(api(), true);
        assertThat(ContainerCarry.notCarried(k, true, f -> false)).isEmpty();
        assertThat(k.exec()).contains("/api");
        assertThat(k.arguments()).containsExactly("-v");
        assertThat(k.environment()).containsEntry("MODE", "prod");
        assertThat(k.ports()).containsExactly(8080);
        assertThat(k.resources().cpuQuota()).contains("150%");
        assertThat(k.hardening()).isEqualTo(ServiceSpec.Hardening.STRICT);
        assertThat(k.resources().cpuAffinity()).isEmpty();
        ServiceSpec d = ContainerCarry.carried(api(), false);
        assertThat(ContainerCarry.notCarried(d, false, f -> false)).isEmpty();
        assertThat(d.resources().cpuQuota()).isEmpty();
        assertThat(d.exec()).contains("/api");
    }
}
