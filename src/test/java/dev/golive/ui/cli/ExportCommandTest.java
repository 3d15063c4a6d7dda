package dev.golive.ui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** `golive export` as typed at a shell, on fixture captures. */
class ExportCommandTest {

    record Run(int code, String out, String err) { }

    static Run golive(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String host(String name) {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts").resolve(name).toString();
    }

    @Test
    void bothFormsGoToStandardOutputNamingThePlan() {
        Run sh = golive("export", "--format", "shell", "--profile", "web-api", "--root", host("debian12-vm"), "--id", "ex-1");
        assertThat(sh.code()).as(sh.err()).isZero();
        assertThat(sh.out()).startsWith("#!/bin/sh\n# golive export: shell script for plan ex-1, profile web-api, planned on host api-1.\n");
        Run yml = golive("export", "--format", "ansible", "--profile", "web-api", "--root", host("debian12-vm"), "--id", "ex-1");
        assertThat(yml.code()).as(yml.err()).isZero();
        assertThat(yml.out()).startsWith("---\n# golive export: playbook for plan ex-1, profile web-api, planned on host api-1.\n")
                .contains("ansible.posix.sysctl:", "sysctl_file: /etc/sysctl.d/60-golive.conf");
        assertThat(sh.err() + yml.err()).isEmpty();
    }

    @Test
    void toAFileTheScriptIsExecutable(@TempDir Path tmp) throws Exception {
        Path sh = tmp.resolve("golive.sh");
        Run r = golive("export", "--format", "shell", "--profile", "high-connections", "--root", host("ubuntu2004-hybrid"), "--id", "ex-2", "-o", sh.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + sh + " (shell, plan ex-2: ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sh))).isEqualTo("rwxr-xr-x");
        assertThat(Files.readString(sh)).contains("put_file '/etc/sysctl.d/60-golive.conf' 644 'root' 'root' 1 <<'GOLIVE_EOF'\n");
        assertThat(tmp.toFile().list()).containsExactly("golive.sh");
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path tmp) {
        Run fmt = golive("export", "--format", "puppet", "--profile", "web-api", "--root", host("debian12-vm"));
        assertThat(fmt.code()).isEqualTo(2);
        assertThat(fmt.err().lines()).hasSize(1);
        assertThat(fmt.err()).contains("--format", "puppet");
        Run profile = golive("export", "--format", "shell", "--profile", "no-such-profile", "--root", host("debian12-vm"));
        assertThat(profile.code()).isEqualTo(2);
        assertThat(profile.err().lines()).hasSize(1);
        assertThat(profile.err()).contains("no-such-profile");
        Run out = golive("export", "--format", "shell", "--profile", "web-api", "--root", host("debian12-vm"), "-o", tmp.resolve("missing/x.sh").toString());
        assertThat(out.code()).isEqualTo(2);
        assertThat(out.err()).isEqualTo("golive: " + tmp.resolve("missing/x.sh") + ": cannot write: no such file or directory\n");
        Run id = golive("export", "--format", "shell", "--profile", "web-api", "--root", host("debian12-vm"), "--id", "../x");
        assertThat(id.code()).isEqualTo(2);
        assertThat(id.out()).isEmpty();
    }

    /** The finish of apply --finish is not in an export: asked for, it is refused in one line, never left out silently. */
    @Test
    void theFinishOfApplyIsRefusedNotLeftOut(@TempDir Path tmp) {
        for (String[] extra : new String[][] {{"--finish"}, {"--binary", "/tmp/api"}, {"--health-url", "http://127.0.0.1:8080/healthz"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("export", "--format", "ansible", "--profile", "web-api",
                    "--service", "hello", "--exec", "/usr/local/bin/hello", "--root", host("debian12-vm"), "-o", tmp.resolve("p.yml").toString()),
                    java.util.Arrays.stream(extra)).toArray(String[]::new);
            Run r = golive(args);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("golive: " + extra[0] + ": an export carries the files, live values and systemctl reload/restart of golive apply, "
                    + "not the finish of apply --finish").endsWith("run golive apply --finish on the host (or with --root DIR for an image tree)\n");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(tmp.resolve("p.yml")).doesNotExist();
        }
    }
}
