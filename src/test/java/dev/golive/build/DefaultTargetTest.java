package dev.golive.build;

import dev.golive.model.ExitCode;
import dev.golive.model.Fact;
import dev.golive.model.GoliveException;
import dev.golive.model.Source;
import dev.golive.model.X86Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultTargetTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            x86_64      | v3 | linux/amd64/v3
            x86_64      | v1 | linux/amd64/v1
            x86_64      |    | linux/amd64/v1
            aarch64     |    | linux/arm64
            armv7l      |    | linux/arm/v7
            armv6l      |    | linux/arm/v6
            armv5tel    |    | linux/arm/v5
            armv8l      |    | linux/arm/v7
            riscv64     |    | linux/riscv64
            i686        |    | linux/386
            ppc64le     |    | linux/ppc64le
            s390x       |    | linux/s390x
            loongarch64 |    | linux/loong64
            """)
    void picksThisHostsArchitectureAndLevel(String machine, String level, String expected) {
        Fact<String> lv = level == null ? Fact.unknown("/proc/cpuinfo: no such file") : Fact.of(level, new Source.Derived("cpu flags"));
        DefaultTarget d = DefaultTarget.forMachine(Fact.of(machine, new Source.Command("uname -m")), lv);
        assertThat(d.target().text()).isEqualTo(expected);
        assertThat(d.reason()).startsWith(machine + " host");
    }

    @Test
    void aLevelAboveV1NamesThePortableAlternative() {
        DefaultTarget d = DefaultTarget.forMachine(Fact.of("x86_64", new Source.Command("uname -m")), Fact.of("v3", new Source.Derived("flags")));
        assertThat(d.reason()).isEqualTo("x86_64 host whose CPU supports x86-64-v3 (GOAMD64=v3); the binary will not start on older CPUs, "
                + "build linux/amd64/v1 for one that runs on any x86-64");
    }

    @Test
    void anUnknownMachineAsksForATarget() {
        assertThatThrownBy(() -> DefaultTarget.forMachine(Fact.of("sparc64", new Source.Command("uname -m")), Fact.unknown("n/a")))
                .isInstanceOfSatisfying(GoliveException.class, g -> assertThat(g.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
                .hasMessage("cannot choose a default build target: no Go port known for machine \"sparc64\"; pass --target");
        assertThatThrownBy(() -> DefaultTarget.forMachine(Fact.unknown("uname: not found"), Fact.unknown("n/a")))
                .hasMessage("cannot choose a default build target: machine type unknown (uname: not found); pass --target");
    }

    @Test
    void cpuFlagsGiveTheX86Level() {
        List<String> v2 = List.of("fpu", "cx16", "lahf_lm", "popcnt", "pni", "sse4_1", "sse4_2", "ssse3");
        assertThat(X86Level.fromCpuFlags(List.of("fpu", "sse2"))).isEqualTo("v1");
        assertThat(X86Level.fromCpuFlags(v2)).isEqualTo("v2");
        var v3 = new java.util.ArrayList<>(v2);
        v3.addAll(X86Level.V3);
        assertThat(X86Level.fromCpuFlags(v3)).isEqualTo("v3");
        var noFma = new java.util.ArrayList<>(v3);
        noFma.remove("fma");
        assertThat(X86Level.fromCpuFlags(noFma)).isEqualTo("v2");
        var v4 = new java.util.ArrayList<>(v3);
        v4.addAll(X86Level.V4);
        assertThat(X86Level.fromCpuFlags(v4)).isEqualTo("v4");
    }

    @Test
    void theHostsCpuinfoFlagsComeFromTheProbeTheDefaultTargetUses(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tree) throws Exception {
        java.nio.file.Files.createDirectories(tree.resolve("proc/sys/kernel"));
        java.nio.file.Files.writeString(tree.resolve("proc/cpuinfo"), "processor\t: 0\nflags\t\t: fpu  sse2 avx\nbugs\t: x\n");
        java.nio.file.Files.writeString(tree.resolve("proc/sys/kernel/arch"), "x86_64\n");
        try (var root = dev.golive.host.RootSpec.open(tree.toString(), new dev.golive.host.AccessLog())) {
            var facts = dev.golive.inspect.Inspector.inspect(root.root(), root.runner(), dev.golive.inspect.Inspector.Options.defaults());
            assertThat(facts.cpu().flags().orElse(List.of())).containsExactly("fpu", "sse2", "avx");
            assertThat(DefaultTarget.forHost(facts).target().text()).isEqualTo("linux/amd64/v1");
        }
    }
}
