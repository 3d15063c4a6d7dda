package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.ServiceTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TasksMax= sized from the service's peak (pids.peak), as an admin sees it: inspect shows the
 * peak or "cannot tell", check warns when the limit leaves less than twice the peak (a Go
 * program dies when it cannot create a thread), and a profile sizes TasksMax= from the peak or
 * leaves systemd's default with the reason. On copies of the fixture hosts, never the real host.
 */
class TasksFromPeakTest {

    @TempDir Path tmp;

    private static final String API_CGROUP = "sys/fs/cgroup/system.slice/api.service/";

    /** debian12-vm (Linux 6.1): api.service has held 41 tasks, 23 now, limit 629145. */
    private Path debian(String pidsMax) throws IOException {
        Path root = Files.createTempDirectory(tmp, "debian12-vm").resolve("root");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), root);
        Files.writeString(root.resolve(API_CGROUP + "pids.max"), pidsMax + "\n");
        return root;
    }

    private Function<String, Session> sessions(Path profiles) {
        return root -> Session.open(root).profileDirs(List.of(profiles.toString()));
    }

    @Test
    void inspectShowsThePeakWhereTheKernelHasItAndCannotTellWhereItDoesNot() {
        var debian = CheckCommandTest.run(new InspectCommand(), "--root", Fixtures.dir("debian12-vm").toString(), "--service", "api", "--no-color");
        assertThat(debian.out()).containsPattern("tasks peak +41 +/sys/fs/cgroup/system.slice/api.service/pids.peak\n")
                .containsPattern("tasks now +23 ").containsPattern("task limit +629145 ");
        var ubuntu = CheckCommandTest.run(new InspectCommand(), "--root", Fixtures.dir("ubuntu2004-hybrid").toString(),
                "--service", "prometheus-node-exporter", "--no-color");
        assertThat(ubuntu.out()).containsPattern("tasks peak +cannot tell +no pids.peak in /sys/fs/cgroup/pids/system.slice/"
                + "prometheus-node-exporter.service: the kernel has it since Linux 6.1 \\(this is 5.4.0\\)")
                .containsPattern("tasks now +9 ");
    }

    @Test
    void aLimitBelowTwiceThePeakIsAWarningWithTheLimitThatLeavesRoom() throws IOException {
        // 41 tasks at most: twice that is 82, but at least 64 above the peak is 105
        assertThat(ServiceTasks.withHeadroom(41)).isEqualTo(105);
        assertThat(ServiceTasks.withHeadroom(100)).isEqualTo(200);
        var r = CheckCommandTest.run(new CheckCommand(), "--root", debian("104").toString(), "--service", "api", "--json");
        assertThat(r.out()).contains("\"CG-TASKS-MAX-NEAR-PEAK\"")
                .contains("api.service has held up to 41 tasks and its limit is 104: less than twice the peak")
                .contains("set TasksMax=105 on the service");
        var atPeak = CheckCommandTest.run(new CheckCommand(), "--root", debian("41").toString(), "--service", "api", "--json");
        assertThat(atPeak.out()).contains("its limit is 41: it has already hit the limit");
    }

    @Test
    void aLimitWithRoomOrNoLimitOrNoPeakFindsNothing() throws IOException {
        for (String max : List.of("105", "max")) {
            var r = CheckCommandTest.run(new CheckCommand(), "--root", debian(max).toString(), "--service", "api", "--json");
            assertThat(r.out()).as("pids.max " + max).doesNotContain("CG-TASKS-MAX-NEAR-PEAK");
        }
        // Linux 5.4: no pids.peak, so golive cannot tell, even with a limit of 4915 and 9 tasks now
        var old = CheckCommandTest.run(new CheckCommand(), "--root", Fixtures.dir("ubuntu2004-hybrid").toString(),
                "--service", "prometheus-node-exporter", "--json");
        assertThat(old.out()).doesNotContain("CG-TASKS-MAX-NEAR-PEAK");
    }

    @Test
    void aProfileSizesTasksMaxFromThePeakAndWithoutOneKeepsSystemdsDefault() throws IOException {
        Path profiles = Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(profiles.resolve("peak.yaml"), """
                description: sized from the peak
                service:
                  TasksMax:
                    value: max(200% of tasks.peak, 64)
                    why: room above the peak
                """);
        var r = CheckCommandTest.run(new PlanCommand(sessions(profiles)), "--profile", "peak", "--service", "api", "--tighten",
                "--root", Fixtures.dir("debian12-vm").toString(), "--id", "p-1", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("+TasksMax=82\n", "  TasksMax: (unset) → 82\n");

        var none = CheckCommandTest.run(new PlanCommand(sessions(profiles)), "--profile", "peak", "--service", "prometheus-node-exporter",
                "--tighten", "--root", Fixtures.dir("ubuntu2004-hybrid").toString(), "--id", "p-2", "--no-color");
        assertThat(none.code()).as(none.err()).isEqualTo(0);
        assertThat(none.out()).doesNotContain("+TasksMax=")
                .contains("not planned: service TasksMax (" + profiles.resolve("peak.yaml") + ":3): tasks.peak: cannot tell (no pids.peak in ")
                .contains("TasksMax= stays systemd's default");

        var noService = CheckCommandTest.run(new PlanCommand(sessions(profiles)), "--profile", "peak",
                "--root", Fixtures.dir("debian12-vm").toString(), "--id", "p-3", "--no-color");
        assertThat(noService.code()).as(noService.err()).isEqualTo(0);
        assertThat(noService.out()).as("a host-only plan has no service to size").doesNotContain("TasksMax");
    }

    @Test
    void theShippedProfilesKeepTheirFloorAboveASmallPeak() {
        var r = CheckCommandTest.run(new PlanCommand(sessions(tmp)), "--profile", "container-limited", "--service", "api", "--tighten",
                "--root", Fixtures.dir("debian12-vm").toString(), "--id", "p-4", "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        // max(200% of 41, 512)
        assertThat(r.out()).contains("+TasksMax=512\n");
    }
}
