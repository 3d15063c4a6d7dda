package dev.golive.ui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.golive.ui.cli.ExportCommandTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/** `golive export --format ansible-capture` and `golive assemble` as typed at a shell. */
class CaptureExportCommandTest {

    @TempDir Path tmp;

    @Test
    void writesThePlaybookItsRoundAndTheRecipeTheStartChecks() throws Exception {
        Path dir = tmp.resolve("exp");
        ExportCommandTest.Run r = golive("export", "--format", "ansible-capture", "--service", "api", "-o", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + dir.resolve("golive-capture.yml")).contains("wrote " + dir.resolve("recipe.json"));
        String play = Files.readString(dir.resolve("golive-capture.yml"));
        assertThat(play).contains("golive_service_args: [\"--service\", \"api.service\"]").contains("delegate_to: localhost")
                .contains("ansible.builtin.include_tasks: golive-capture-round.yml")
                .contains("    golive_look_script: |\n      LC_ALL=C; export LC_ALL\n").contains("base64 -w0");
        assertThat(Files.readString(dir.resolve("golive-capture-round.yml")))
                .contains("strip_empty_ends: false")
                // a module run per path was most of a capture's time: stat, find and slurp are gone, the look is batched
                .doesNotContain("ansible.builtin.slurp:").doesNotContain("ansible.builtin.find:").doesNotContain("ansible.builtin.stat:")
                .contains("golive_wants.files | batch(200)").contains("golive_wants.dirs | batch(200)")
                .doesNotContain("ansible.builtin.shell").doesNotContain("ansible.builtin.script");
        // the playbook and its round as Ansible reads them
        if (Files.isExecutable(Path.of("/usr/bin/ansible-playbook"))) {
            // the round is included at run time, which --syntax-check does not follow: imported here, it is parsed too
            Files.writeString(dir.resolve("round-check.yml"), "- hosts: all\n  gather_facts: false\n  tasks:\n    - ansible.builtin.import_tasks: golive-capture-round.yml\n");
            ProcessBuilder pb = new ProcessBuilder("ansible-playbook", "--syntax-check", "-i", "localhost,",
                    dir.resolve("golive-capture.yml").toString(), dir.resolve("round-check.yml").toString());
            pb.environment().putAll(java.util.Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_LOCAL_TEMP", tmp.resolve("al").toString()));
            pb.redirectErrorStream(true).redirectOutput(tmp.resolve("syntax.log").toFile());
            Process p = pb.start();
            assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(tmp.resolve("syntax.log"))).isZero();
        }
        // the round-1 wants golive assemble prints on starting a host are the recipe's
        Path host = tmp.resolve("captures/web1");
        ExportCommandTest.Run start = golive("assemble", "--into", host.toString(), "--recipe", dir.resolve("recipe.json").toString(), "--service", "api");
        assertThat(start.code()).as(start.err()).isZero();
        assertThat(start.out()).startsWith("{\"rounds\":0,\"complete\":false,\"next\":{\"files\":[");
        assertThat(Files.readString(host.resolve("golive-capture.json"))).contains("\"missing\"");
        // started again over the same directory: refused, nothing changed
        ExportCommandTest.Run again = golive("assemble", "--into", host.toString(), "--service", "api");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("golive: " + host + ": not empty; choose a new directory for the capture");
        // the recipe is for api.service: starting without --service asks for something else, and is refused
        ExportCommandTest.Run other = golive("assemble", "--into", tmp.resolve("captures/web2").toString(), "--recipe", dir.resolve("recipe.json").toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("export the playbook again");
        // the summary names the host that never answered
        ExportCommandTest.Run sum = golive("assemble", "--summary", tmp.resolve("captures").toString(), "--stopped=web1");
        assertThat(sum.code()).isEqualTo(1);
        assertThat(sum.out()).contains("web1: partial: the host stopped answering (unreachable or failed) in round 1; missing ");
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws Exception {
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        String[][] cases = {
                {"export", "--format", "ansible-capture"},
                {"export", "--format", "ansible-capture", "--service", "app.timer", "-o", tmp.resolve("a").toString()},
                {"export", "--format", "ansible-capture", "--service", "bad/name", "-o", tmp.resolve("b").toString()},
                {"export", "--format", "ansible-capture", "--profile", "web-api", "-o", tmp.resolve("c").toString()},
                {"export", "--format", "ansible-capture", "--service", "api", "--cpu-quota", "50%", "-o", tmp.resolve("d").toString()},
                {"export", "--format", "ansible-capture", "-o", full.toString()},
                {"assemble", "--into", tmp.resolve("e").toString(), "--round", tmp.resolve("no-such-round.json").toString()},
        };
        for (String[] args : cases) {
            ExportCommandTest.Run r = golive(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(String.join(" ", args)).doesNotContain("\n").doesNotContain("Exception");
        }
        for (String n : new String[] {"a", "b", "c", "d", "e"}) assertThat(tmp.resolve(n)).doesNotExist();
        assertThat(full).isDirectoryContaining(p -> p.getFileName().toString().equals("x"));
        try (var s = Files.list(full)) { assertThat(s.count()).isEqualTo(1); }
    }
}
