package dev.golive.unit;

import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.model.OwnedFiles;
import dev.golive.model.PlanConflict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of golive's unit settings systemd would not use: the host's files are laid out in a
 * temp tree, golive's new file is put in place (not written), and each conflict is shown as
 * "setting | winning file:line | winning value".
 */
class UnitOverridesTest {

    static final String VENDOR = "/usr/lib/systemd/system/app.service";
    static final String OURS = OwnedFiles.unitDropIn("app.service");
    static final String GOLIVE = OwnedFiles.header("p1") + "[Service]\nLimitNOFILE=524288\nEnvironment=GOMAXPROCS=2 GOGC=100\nReadWritePaths=/var/lib/app\nNoNewPrivileges=yes\n";
    static final String D = "/etc/systemd/system/app.service.d/";

    static Stream<Arguments> dropIns() {
        return Stream.of(
                Arguments.of("override.conf sorts after 60-golive.conf: its single value wins",
                        Map.of(D + "override.conf", "[Service]\nLimitNOFILE=65536\n"),
                        List.of("[Service] LimitNOFILE | " + D + "override.conf:2 | 65536")),
                Arguments.of("a drop-in sorting before golive's is overridden by it, not the other way",
                        Map.of(D + "10-admin.conf", "[Service]\nLimitNOFILE=65536\nEnvironment=GOMAXPROCS=4\nEnvironment=\n"),
                        List.of()),
                Arguments.of("a later file setting the same value takes nothing from golive",
                        Map.of(D + "override.conf", "[Service]\nLimitNOFILE=524288\nEnvironment=GOMAXPROCS=2\n"),
                        List.of()),
                Arguments.of("the same values written another way (N is N:N, true is yes) take nothing from golive",
                        Map.of(D + "override.conf", "[Service]\nLimitNOFILE=524288:524288\nNoNewPrivileges=true\n"),
                        List.of()),
                Arguments.of("/run drop-in dirs count by file name too: 70-run.conf is read after 60-golive.conf",
                        Map.of("/run/systemd/system/app.service.d/70-run.conf", "[Service]\nLimitNOFILE=1024\n"),
                        List.of("[Service] LimitNOFILE | /run/systemd/system/app.service.d/70-run.conf:2 | 1024")),
                Arguments.of("a vendor drop-in in /usr/lib named 50-… is read before golive's",
                        Map.of("/usr/lib/systemd/system/app.service.d/50-vendor.conf", "[Service]\nLimitNOFILE=1024\n"),
                        List.of()),
                Arguments.of("a vendor drop-in in /usr/lib named 90-… is read after golive's, whatever its directory",
                        Map.of("/usr/lib/systemd/system/app.service.d/90-vendor.conf", "[Service]\nLimitNOFILE=1024\n"),
                        List.of("[Service] LimitNOFILE | /usr/lib/systemd/system/app.service.d/90-vendor.conf:2 | 1024")),
                Arguments.of("the type-wide service.d/ drop-ins apply to golive's unit as well",
                        Map.of("/etc/systemd/system/service.d/99-all.conf", "[Service]\nLimitNOFILE=4096\n"),
                        List.of("[Service] LimitNOFILE | /etc/systemd/system/service.d/99-all.conf:2 | 4096")),
                Arguments.of("a later empty single-valued assignment restores systemd's default",
                        Map.of(D + "override.conf", "[Service]\nLimitNOFILE=\n"),
                        List.of("[Service] LimitNOFILE | " + D + "override.conf:2 | ")),
                Arguments.of("Environment=: a later assignment of the same variable wins",
                        Map.of(D + "override.conf", "[Service]\nEnvironment=GOMAXPROCS=4\n"),
                        List.of("[Service] Environment=GOMAXPROCS | " + D + "override.conf:2 | 4")),
                Arguments.of("Environment=: another variable accumulates, no conflict",
                        Map.of(D + "override.conf", "[Service]\nEnvironment=LOG_LEVEL=debug\nReadWritePaths=/srv/app\n"),
                        List.of()),
                Arguments.of("Environment=: a later empty assignment resets golive's variables",
                        Map.of(D + "override.conf", "[Service]\nEnvironment=\nEnvironment=GOGC=100\n"),
                        List.of("[Service] Environment=GOMAXPROCS | " + D + "override.conf:2 | ")),
                Arguments.of("a list setting reset by a later empty assignment",
                        Map.of(D + "override.conf", "[Service]\nReadWritePaths=\nReadWritePaths=/srv\n"),
                        List.of("[Service] ReadWritePaths | " + D + "override.conf:2 | /srv")),
                Arguments.of("an EnvironmentFile= beats Environment= whatever the order",
                        Map.of(D + "10-env.conf", "[Service]\nEnvironmentFile=/etc/default/app\n", "/etc/default/app", "# tuned by hand\nGOGC=50\n"),
                        List.of("[Service] Environment=GOGC | /etc/default/app:2 | 50")),
                Arguments.of("UnsetEnvironment= removes golive's variable",
                        Map.of(D + "override.conf", "[Service]\nUnsetEnvironment=GOMAXPROCS\n"),
                        List.of("[Service] Environment=GOMAXPROCS | " + D + "override.conf:2 | ")),
                Arguments.of("a 60-golive.conf in a directory systemd reads first hides golive's file",
                        Map.of("/etc/systemd/system.control/app.service.d/60-golive.conf", "[Service]\nCPUQuota=50%\n"),
                        List.of("[Service] LimitNOFILE | /etc/systemd/system.control/app.service.d/60-golive.conf | (golive's file is not read)",
                                "[Service] Environment | /etc/systemd/system.control/app.service.d/60-golive.conf | (golive's file is not read)",
                                "[Service] ReadWritePaths | /etc/systemd/system.control/app.service.d/60-golive.conf | (golive's file is not read)",
                                "[Service] NoNewPrivileges | /etc/systemd/system.control/app.service.d/60-golive.conf | (golive's file is not read)")),
                Arguments.of("a 60-golive.conf in /run/systemd/system is the one hidden: /etc comes first",
                        Map.of("/run/systemd/system/app.service.d/60-golive.conf", "[Service]\nLimitNOFILE=1\n"),
                        List.of()),
                Arguments.of("an empty 60-golive.conf in /run/systemd/system.control masks golive's file just as well",
                        Map.of("/run/systemd/system.control/app.service.d/60-golive.conf", ""),
                        List.of("[Service] LimitNOFILE | /run/systemd/system.control/app.service.d/60-golive.conf | (golive's file is not read)",
                                "[Service] Environment | /run/systemd/system.control/app.service.d/60-golive.conf | (golive's file is not read)",
                                "[Service] ReadWritePaths | /run/systemd/system.control/app.service.d/60-golive.conf | (golive's file is not read)",
                                "[Service] NoNewPrivileges | /run/systemd/system.control/app.service.d/60-golive.conf | (golive's file is not read)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dropIns")
    void golivesDropInOnAVendorUnit(String what, Map<String, String> host, List<String> expected, @TempDir Path tree) throws IOException {
        Map<String, String> files = new LinkedHashMap<>(host);
        files.put(VENDOR, "[Service]\nExecStart=/usr/bin/app\nLimitNOFILE=1024\n");
        assertThat(conflicts(tree, files, OURS, GOLIVE)).as(what).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void golivesOwnUnitLosesToAnyDropInThatSetsTheKeyEvenOneNamedBeforeItsDropIn(@TempDir Path tree) throws IOException {
        String unit = OwnedFiles.header("p1") + "[Service]\nExecStart=/usr/local/bin/app\nLimitNOFILE=524288\nEnvironment=GOMAXPROCS=2\n";
        List<PlanConflict> c = UnitOverrides.find(root(tree, Map.of(D + "10-admin.conf", "[Service]\nLimitNOFILE=65536\n")),
                "app.service", OwnedFiles.unit("app.service"), unit);
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.key()).isEqualTo("[Service] LimitNOFILE");
            assertThat(x.wanted()).isEqualTo("524288");
            assertThat(x.winner().describe()).isEqualTo(D + "10-admin.conf:2");
            assertThat(x.why()).isEqualTo(D + "10-admin.conf:2 is read after /etc/systemd/system/app.service (drop-ins apply after the unit file) "
                    + "and sets LimitNOFILE=65536: the last assignment wins. Remove the LimitNOFILE= line at " + D + "10-admin.conf:2, "
                    + "or set LimitNOFILE=524288 there yourself: golive never edits a file it does not own.");
        });
    }

    @Test
    void theNewContentIsWhatCountsNotTheOldFileOnTheHost(@TempDir Path tree) throws IOException {
        // the host still has golive's old drop-in without LimitNOFILE; the planned one sets it
        Map<String, String> host = Map.of(VENDOR, "[Service]\nExecStart=/usr/bin/app\n", OURS, OwnedFiles.header("old") + "[Service]\nCPUQuota=50%\n",
                D + "override.conf", "[Service]\nLimitNOFILE=65536\n");
        assertThat(UnitOverrides.find(root(tree, host), "app.service", OURS, GOLIVE)).extracting(PlanConflict::key)
                .containsExactly("[Service] LimitNOFILE");
        assertThat(tree.resolve(OURS.substring(1))).content().doesNotContain("LimitNOFILE");
    }

    private static List<String> conflicts(Path tree, Map<String, String> files, String ours, String content) throws IOException {
        return UnitOverrides.find(root(tree, files), "app.service", ours, content).stream()
                .map(c -> c.key() + " | " + c.winner().describe() + " | " + c.winningValue()).toList();
    }

    private static DirectoryHostRoot root(Path tree, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = tree.resolve(f.getKey().substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return new DirectoryHostRoot(tree, false, tree.toString(), new AccessLog());
    }
}
