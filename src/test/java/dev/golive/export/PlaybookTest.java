package dev.golive.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.golive.model.FileChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The playbook read back as YAML: what Ansible will see, task by task. */
class PlaybookTest {

    private static JsonNode play(Plan plan) throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Playbook.render(plan, "api-1"));
        assertThat(doc.isArray()).isTrue();
        assertThat(doc).hasSize(1);
        return doc.get(0);
    }

    private static List<JsonNode> tasks(JsonNode play, String module) {
        List<JsonNode> out = new ArrayList<>();
        play.get("tasks").forEach(t -> { if (t.has(module)) out.add(t); });
        return out;
    }

    @Test
    void headerNamesPlanProfileHostAndThatThereIsNoSnapshot() {
        String text = Playbook.render(ExportPlans.kernelOnly(), "api-1");
        List<String> head = text.lines().takeWhile(l -> l.startsWith("#") || l.equals("---")).toList();
        assertThat(String.join("\n", head)).contains("plan " + ExportPlans.ID, "profile web-api", "host api-1", "NO snapshot",
                "golive rollback` cannot undo it", "By hand, not done here: restart running Go services");
    }

    @Test
    void sysctlsUseGolivesDropInNeverSysctlConfAndNoReload() throws Exception {
        JsonNode play = play(ExportPlans.kernelOnly());
        List<JsonNode> sysctl = tasks(play, "ansible.posix.sysctl");
        assertThat(sysctl).hasSize(2);
        for (JsonNode t : sysctl) {
            JsonNode m = t.get("ansible.posix.sysctl");
            assertThat(m.get("sysctl_file").asText()).isEqualTo(OwnedFiles.SYSCTL_DROPIN);
            assertThat(m.get("reload").asBoolean()).isFalse();
            assertThat(m.get("sysctl_set").asBoolean()).isTrue();
            assertThat(t.get("when").asText()).isEqualTo("golive_root == ''");
        }
        assertThat(sysctl.get(1).get("ansible.posix.sysctl").get("value").asText()).isEqualTo("10240 65535");
        assertThat(Playbook.render(ExportPlans.kernelOnly(), "h")).doesNotContain("/etc/sysctl.conf");
    }

    /**
     * The copy task writes the drop-in before the sysctl tasks, with each key exactly as
     * "key = value": ansible.posix.sysctl then finds its value in the file and does not rewrite
     * it (a rewrite would make the next run's copy change it back, never settling).
     */
    @Test
    void dropInIsCopiedBeforeTheSysctlTasksAndHoldsTheirValues() throws Exception {
        Plan plan = ExportPlans.kernelOnly();
        JsonNode play = play(plan);
        List<String> order = new ArrayList<>();
        play.get("tasks").forEach(t -> order.add(t.has("ansible.posix.sysctl") ? "sysctl"
                : t.has("ansible.builtin.copy") && t.get("ansible.builtin.copy").get("dest").asText().endsWith(OwnedFiles.SYSCTL_DROPIN) ? "dropin" : "other"));
        assertThat(order.indexOf("dropin")).isLessThan(order.indexOf("sysctl"));
        String dropIn = plan.files().get(0).after().orElseThrow();
        for (JsonNode t : tasks(play, "ansible.posix.sysctl")) {
            JsonNode m = t.get("ansible.posix.sysctl");
            assertThat(dropIn.lines()).contains(m.get("name").asText() + " = " + m.get("value").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[Service]\nLimitNOFILE=1048576\n",
            "[Service]\nEnvironment=\"A={{ x }}\" 'B=it''s'\n   indented\ntrailing  \nno final newline",
            "[Service]\n\n\nthree blank lines at the end\n\n\n",
            "[Service]\nweird\u0001control\r\n",
    })
    void everyFileArrivesWithExactlyItsPlannedContentModeAndOwner(String body) throws Exception {
        Plan plan = ExportPlans.withUnits(body);
        JsonNode play = play(plan);
        for (FileChange f : plan.files()) {
            JsonNode copy = tasks(play, "ansible.builtin.copy").stream().map(t -> t.get("ansible.builtin.copy"))
                    .filter(c -> c.get("dest").asText().equals("{{ golive_root }}" + f.path())).findFirst().orElseThrow();
            assertThat(copy.get("content").asText()).isEqualTo(f.after().orElseThrow());
            assertThat(copy.get("mode").asText()).isEqualTo("0644");
            assertThat(copy.get("owner").asText()).isEqualTo("root");
        }
        // !unsafe on every content: Ansible must not template {{ x }} inside a unit
        assertThat(Playbook.render(plan, "h")).contains("content: !unsafe");
    }

    @Test
    void handlersRunOnlyWithoutARootAndTheRestartOnlyWhenAsked() throws Exception {
        JsonNode play = play(ExportPlans.withUnits("[Service]\nX=1\n"));
        List<String> names = new ArrayList<>();
        play.get("handlers").forEach(h -> {
            names.add(h.get("name").asText());
            assertThat(h.get("when").asText()).startsWith("golive_root == ''");
        });
        assertThat(names).containsExactly("systemctl daemon-reexec", "systemctl daemon-reload", "systemctl restart app.service");
        assertThat(play.get("handlers").get(2).get("when").asText()).isEqualTo("golive_root == '' and golive_restart | bool");
        JsonNode manager = tasks(play, "ansible.builtin.copy").get(0);
        assertThat(manager.get("ansible.builtin.copy").get("dest").asText()).endsWith(OwnedFiles.MANAGER_DROPIN);
        assertThat(manager.get("notify")).extracting(JsonNode::asText).containsExactly("systemctl daemon-reexec", "systemctl restart app.service");
        JsonNode unit = tasks(play, "ansible.builtin.copy").get(1);
        assertThat(unit.get("notify")).extracting(JsonNode::asText).containsExactly("systemctl daemon-reload", "systemctl restart app.service");
    }

    @Test
    void noHandlersWithoutActions() throws Exception {
        assertThat(play(ExportPlans.kernelOnly()).has("handlers")).isFalse();
    }

    /** A sysctl whose key the drop-in will not hold goes straight to /proc/sys, never through the module into the drop-in. */
    @Test
    void aKeyOutsideTheDropInIsWrittenDirectly() throws Exception {
        Plan p = ExportPlans.kernelOnly();
        Plan plan = new Plan(p.id(), p.profile(), p.service(), p.files(),
                List.of(p.live().get(0), ExportPlans.sysctl("vm.swappiness", "60", "10")), p.actions(), p.conflicts(), p.manualSteps());
        JsonNode play = play(plan);
        assertThat(tasks(play, "ansible.posix.sysctl")).extracting(t -> t.get("ansible.posix.sysctl").get("name").asText())
                .containsExactly("net.core.somaxconn");
        JsonNode direct = tasks(play, "ansible.builtin.shell").get(0);
        assertThat(direct.get("ansible.builtin.shell").asText()).isEqualTo("printf '%s\\n' '10' > '/proc/sys/vm/swappiness'");
        assertThat(direct.get("when").asText()).isEqualTo("golive_root == '' and ((golive_live.results[1].content | b64decode).split() | join(' ')) != '10'");
    }
}
