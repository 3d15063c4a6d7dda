package dev.golive.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The playbook ends with the facts golive verify checks, as assert tasks that can fail. */
class PlaybookVerifyTest {

    @TempDir Path tmp;

    static List<JsonNode> tasks(Plan plan) throws Exception {
        JsonNode play = new ObjectMapper(new YAMLFactory()).readTree(Playbook.render(plan, "api-1")).get(0);
        List<JsonNode> out = new ArrayList<>();
        play.get("tasks").forEach(out::add);
        return out;
    }

    @Test
    void afterTheHandlersEachLiveValueAndTheRestartedProcessAreAsserted() throws Exception {
        Plan plan = ExportPlans.withUnits("[Service]\nLimitNOFILE=1024:1048576\nEnvironment=GOMAXPROCS=2\n");
        List<JsonNode> tasks = tasks(plan);
        int flush = -1;
        for (int i = 0; i < tasks.size(); i++) if ("flush_handlers".equals(tasks.get(i).path("ansible.builtin.meta").asText())) flush = i;
        assertThat(flush).as("handlers run before the checks").isPositive();
        List<String> asserts = tasks.subList(flush, tasks.size()).stream().filter(t -> t.has("ansible.builtin.assert"))
                .map(t -> t.get("ansible.builtin.assert").get("that").asText()).toList();
        assertThat(asserts).hasSize(4);
        assertThat(asserts.get(0)).contains("split() | join(' ')) == '8192'");
        assertThat(asserts.get(1)).contains("Max open files").contains("== '1048576'").contains("int >= 1024");
        assertThat(asserts.get(2)).isEqualTo("'GOMAXPROCS=2' in golive_verify_environ.stdout_lines");
        assertThat(asserts.get(3)).contains("reject('equalto', '8192')");
        // the process checks need the restart the play ran: without it the play says so instead
        JsonNode pid = tasks.stream().filter(t -> t.path("register").asText().equals("golive_verify_pid")).findFirst().orElseThrow();
        assertThat(pid.get("when").asText()).isEqualTo("golive_root == '' and golive_restart | bool");
        assertThat(Playbook.render(plan, "h")).contains("keeps the limits, environment and listen backlog it started with");
    }

    @Test
    void aValueChangedBehindTheKernelsBackFailsTheAssertInARealAnsibleRun() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-playbook")), "ansible-playbook is not installed");
        Plan plan = ExportPlans.kernelOnly();
        Path yml = tmp.resolve("p.yml");
        Files.writeString(yml, Playbook.render(plan, "h"));
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("proc/sys/net/core"));
        Files.createDirectories(tree.resolve("proc/sys/net/ipv4"));
        Files.createDirectories(tree.resolve("sys/kernel/mm/transparent_hugepage"));
        Files.writeString(tree.resolve("proc/sys/net/ipv4/ip_local_port_range"), "10240\t65535\n");
        Files.writeString(tree.resolve("sys/kernel/mm/transparent_hugepage/enabled"), "always madvise [never]\n");
        // as the play leaves them: the asserts pass
        Files.writeString(tree.resolve("proc/sys/net/core/somaxconn"), "8192\n");
        assertThat(checks(yml, tree)).as("in effect").isZero();
        // somaxconn changed since: the assert fails and names it
        Files.writeString(tree.resolve("proc/sys/net/core/somaxconn"), "4096\n");
        assertThat(checks(yml, tree)).as("drifted").isNotZero();
    }

    @Test
    void thePlaybookWithTheProcessChecksPassesAnsiblesSyntaxCheck() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-playbook")), "ansible-playbook is not installed");
        Path yml = tmp.resolve("units.yml");
        Files.writeString(yml, Playbook.render(ExportPlans.withUnits("[Service]\nLimitNOFILE=1024:1048576\nEnvironment=GOMAXPROCS=2\n"), "h"));
        ProcessBuilder pb = new ProcessBuilder("ansible-playbook", "--syntax-check", "-i", "localhost,", yml.toString());
        pb.environment().putAll(java.util.Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_LOCAL_TEMP", tmp.resolve("al").toString()));
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("syntax.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("syntax.log"))).isZero();
    }

    /** Runs only the verify tasks (from flush_handlers on) against a tree, as ansible-playbook does. */
    private int checks(Path yml, Path tree) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("ansible-playbook", "-i", "localhost,", "-c", "local", "-e", "golive_root=" + tree,
                "--start-at-task", "golive verify: run the handlers now, then check what runs", yml.toString());
        pb.environment().putAll(java.util.Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_RETRY_FILES_ENABLED", "0",
                "ANSIBLE_LOCAL_TEMP", tmp.resolve("al").toString(), "ANSIBLE_REMOTE_TEMP", tmp.resolve("ar").toString()));
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("ansible.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("ansible.log"));
        if (p.exitValue() != 0) assertThat(log).as(log).contains("/proc/sys/net/core/somaxconn is \\\"4096\\\", not 8192");
        else assertThat(log).as(log).contains("golive verify: assert").doesNotContain("skipping: [localhost] => (item");
        return p.exitValue();
    }
}
