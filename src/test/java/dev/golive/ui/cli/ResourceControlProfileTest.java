package dev.golive.ui.cli;

import dev.golive.app.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin's profile gives a service CPUWeight=, MemoryLow= and AllowedCPUs=: planned where the host's cgroups apply them. */
class ResourceControlProfileTest {

    @TempDir Path tmp;
    Path etc;

    static final String DEBIAN = Path.of("src/test/resources/hosts/debian12-vm").toAbsolutePath().toString();
    static final String HYBRID = Path.of("src/test/resources/hosts/ubuntu2004-hybrid").toAbsolutePath().toString();

    static final String PROFILE = """
            description: a latency-sensitive API beside batch jobs
            include: base
            service:
              CPUWeight: {value: 400, why: "cpu.weight: four times the default share under contention (systemd.resource-control(5))"}
              MemoryLow: {value: 256M, why: "memory.low: the heap is reclaimed last", when: cgroup-v2}
              CPUAffinity: {value: "0", why: "pinned next to the NIC's interrupts"}
            """;

    @BeforeEach
    void dirs() throws IOException { etc = Files.createDirectories(tmp.resolve("etc")); }

    private Function<String, Session> sessions() { return root -> Session.open(root).profileDirs(List.of(etc.toString())); }

    private CheckCommandTest.Run plan(String root) {
        return CheckCommandTest.run(new PlanCommand(sessions()), "--profile", "api", "--root", root, "--service", "app",
                "--exec", "/usr/local/bin/app", "--no-color");
    }

    @Test
    void onCgroupV2EveryControlIsInTheUnit() throws IOException {
        Files.writeString(etc.resolve("api.yaml"), PROFILE);
        CheckCommandTest.Run r = plan(DEBIAN);
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("CPUWeight=400", "MemoryLow=256M", "CPUAffinity=0");
    }

    @Test
    void onAHybridHostTheV2OnlyProtectionIsSkippedWithTheReason() throws IOException {
        Files.writeString(etc.resolve("api.yaml"), PROFILE);
        CheckCommandTest.Run r = plan(HYBRID);
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("CPUWeight=400", "CPUAffinity=0").doesNotContain("MemoryLow=256M")
                .contains("not planned: service MemoryLow (" + etc.resolve("api.yaml") + ":5): when: cgroup-v2: the host is not on cgroup v2 only");
    }

    @Test
    void aV2OnlyKeyWithoutItsConditionIsAnErrorAtTheKey() throws IOException {
        Path f = Files.writeString(etc.resolve("api.yaml"), PROFILE.replace(", when: cgroup-v2", ""));
        CheckCommandTest.Run r = plan(DEBIAN);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: " + f + ":5:3: MemoryLow: add when: cgroup-v2 (systemd ignores MemoryLow= on cgroup v1 and hybrid hosts)\n");
    }

    @Test
    void aBadCpuListIsAnErrorAtTheValue() throws IOException {
        Path f = Files.writeString(etc.resolve("api.yaml"), PROFILE.replace("value: \"0\"", "value: \"3-1\""));
        CheckCommandTest.Run r = plan(DEBIAN);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("golive: " + f + ":6:").contains("CPUAffinity: \"3-1\" is not a CPU list such as 0-3,6");
    }
}
