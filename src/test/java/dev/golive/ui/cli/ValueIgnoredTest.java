package dev.golive.ui.cli;

import dev.golive.host.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * systemd reads sizes with parse_size: upper-case suffixes only. A unit with MemoryMax=1g runs
 * without a memory limit, and `golive check` says so with the file and line, offering 1G.
 */
class ValueIgnoredTest {

    @TempDir Path tmp;

    @Test
    void aLowerCaseSizeSuffixIsAFindingWithItsLineAndTheUpperCaseFix() throws IOException {
        Path root = tmp.resolve("host");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), root);
        Path override = root.resolve("etc/systemd/system/api.service.d/override.conf");
        Files.writeString(override, Files.readString(override) + "MemoryMax=1g\nTasksMax=lots\n");
        var r = CheckCommandTest.run(new CheckCommand(), "--root", root.toString(), "--service", "api", "--no-color");
        assertThat(r.out()).contains("MemoryMax=1g is ignored")
                .contains("/etc/systemd/system/api.service.d/override.conf:6: MemoryMax=1g is not a size systemd reads")
                .contains("set MemoryMax=1G")
                .contains("/etc/systemd/system/api.service.d/override.conf:7: TasksMax=lots is not a task count");
        var ok = CheckCommandTest.run(new CheckCommand(), "--root", Fixtures.dir("debian12-vm").toString(), "--service", "api", "--no-color");
        assertThat(ok.out()).doesNotContain("UNIT-VALUE-IGNORED");
    }
}
