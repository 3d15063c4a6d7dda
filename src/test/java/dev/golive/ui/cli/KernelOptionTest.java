package dev.golive.ui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --kernel on every command that reads a root's kernel: an image tree gets it named in the
 * output; a malformed value, or one for a root with a kernel of its own, is one line and exit 2
 * and nothing is written.
 */
class KernelOptionTest {

    @TempDir Path tmp;

    private Path imageTree() throws IOException {
        Path t = tmp.resolve("image");
        Files.createDirectories(t.resolve("proc"));
        Files.createDirectories(t.resolve("etc"));
        Files.writeString(t.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        return t;
    }

    @Test
    void everyCommandThatReadsTheKernelRefusesAMalformedOne() throws IOException {
        String root = imageTree().toString();
        for (Object cmd : new Object[] {new InspectCommand(), new CheckCommand(), new PlanCommand(), new ExportCommand(), new ApplyCommand()}) {
            String[] args = cmd instanceof InspectCommand || cmd instanceof CheckCommand
                    ? new String[] {"--root", root, "--kernel", "6.x"}
                    : cmd instanceof ApplyCommand ? new String[] {"--root", root, "--kernel", "6.x", "--profile", "base", "--yes"}
                    : cmd instanceof ExportCommand ? new String[] {"--root", root, "--kernel", "6.x", "--profile", "base", "--format", "shell"}
                    : new String[] {"--root", root, "--kernel", "6.x", "--profile", "base"};
            CheckCommandTest.Run r = CheckCommandTest.run(cmd, args);
            assertThat(r.code()).as(cmd.getClass().getSimpleName() + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("golive: --kernel 6.x: expected a Linux version such as 6.1, 5.15.0 or 6.1.0-18-amd64");
        }
        assertThat(Path.of(root, "etc/sysctl.d")).doesNotExist();
    }

    @Test
    void checkAndPlanSayWhichKernelTheKeysWereCheckedAgainst() throws IOException {
        String root = imageTree().toString();
        CheckCommandTest.Run check = CheckCommandTest.run(new CheckCommand(), "--root", root, "--kernel", "5.10", "--no-color");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("sysctl keys checked against Linux 5.10, named with --kernel");
        CheckCommandTest.Run plan = CheckCommandTest.run(new PlanCommand(), "--root", root, "--profile", "base", "--no-color");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("sysctl keys checked against the keys golive knows", "applies at first boot: net.core.somaxconn = 4096");
    }

    @Test
    void aRootWithItsOwnKernelRefusesANamedOne() throws IOException {
        Path t = imageTree();
        Files.createDirectories(t.resolve("proc/sys/kernel"));
        Files.writeString(t.resolve("proc/sys/kernel/osrelease"), "6.1.0-18-amd64\n");
        CheckCommandTest.Run r = CheckCommandTest.run(new PlanCommand(), "--root", t.toString(), "--kernel", "6.1", "--profile", "base");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("golive: --kernel 6.1: " + t + " has a kernel of its own (/proc/sys); --kernel is only for an image tree without one");
    }
}
