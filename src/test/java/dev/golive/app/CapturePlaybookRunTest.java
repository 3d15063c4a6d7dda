package dev.golive.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.host.CaptureWants;
import dev.golive.host.GatheredRound;
import dev.golive.host.LookRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One round of the exported capture playbook run by ansible-playbook for real (connection local)
 * over a temp tree: the look script goes through the command module's argv and comes back as
 * Ansible registers it, and golive assemble (here a stand-in that serves the wants and keeps the
 * round handed over) reads the same as the script's own answer run directly.
 */
class CapturePlaybookRunTest {

    @TempDir Path tmp;

    /** Stands in for golive on the controller: $1 the wants to serve, $2 where to keep the round handed over. */
    static final String FAKE_GOLIVE = """
            wants=$1; keep=$2; shift 2
            prev=
            for a do
              if [ "$prev" = --round ]; then cp "$a" "$keep"; echo '{"rounds":1,"complete":true,"next":{"files":[],"dirs":[],"commands":[]}}'; exit 0; fi
              if [ "$a" = --summary ]; then echo 'localhost: complete after 1 round'; exit 0; fi
              prev=$a
            done
            cat "$wants"
            """;

    @Test
    void aRoundThroughAnsibleReadsAsTheScriptAnswers() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ansible-playbook")), "ansible-playbook is not installed");
        Path tree = LookRuns.awkwardTree(tmp.resolve("host"));
        String t = tree.toString();
        // a manager binary: the banner among NUL bytes and bytes above 0x7f, after the user-mode one that is not it
        byte[] binary = ("\u007fELF\0\0\u00ff\u00fe\nsystemd 219 running in %suser mode\0systemd 219 running in %ssystem mode. (+PAM)\0\u00ff\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(tree.resolve("usr/lib/systemd/systemd"), binary);
        String banner = "systemd ([0-9]{3,4})([.~+-][0-9A-Za-z.~+_-]{0,64})? running in %ssystem mode";
        List<CaptureWants.Excerpt> excerpts = List.of(new CaptureWants.Excerpt(t + "/usr/lib/systemd/systemd", 1 << 20, banner),
                new CaptureWants.Excerpt(t + "/d/binary", 1 << 20, banner), // no banner in it: an empty excerpt
                new CaptureWants.Excerpt(t + "/d/big", 1024, banner), // larger than its bound: failed, as golive's read
                new CaptureWants.Excerpt(t + "/usr/lib/systemd/none", 1 << 20, banner));
        CaptureWants wants = new CaptureWants(
                List.of(t + "/etc/hostname", t + "/etc/nothing", t + "/etc/sysctl.d/99-sysctl.conf", t + "/d/a b", t + "/d/masked", t + "/d/linkdir"),
                List.of(t + "/d", t + "/usr/lib/systemd/system", t + "/none"),
                List.of(List.of("printf", "%s\\n", "a b")), excerpts);
        Files.writeString(tmp.resolve("wants.json"), "{\"rounds\":0,\"complete\":false,\"next\":" + wants.toJsonNode() + "}\n");
        Path exp = tmp.resolve("exp");
        FleetCapture.writePlaybook(exp.toString(), Optional.empty());

        ObjectMapper json = new ObjectMapper();
        String command = json.writeValueAsString(Map.of("golive_command", List.of("sh", "-c", FAKE_GOLIVE, "fake-golive",
                tmp.resolve("wants.json").toString(), tmp.resolve("kept.json").toString()), "golive_out", tmp.resolve("out").toString()));
        Files.createDirectories(tmp.resolve("out"));
        ProcessBuilder pb = new ProcessBuilder("ansible-playbook", "-i", "localhost,", "-c", "local", "-e", "ansible_become=false",
                "-e", "ansible_python_interpreter=/usr/bin/python3", "-e", command, exp.resolve("golive-capture.yml").toString());
        pb.environment().putAll(Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_RETRY_FILES_ENABLED", "0",
                "ANSIBLE_LOCAL_TEMP", tmp.resolve("al").toString(), "ANSIBLE_REMOTE_TEMP", tmp.resolve("ar").toString()));
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("ansible.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("ansible.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("localhost: complete after 1 round");

        GatheredRound viaAnsible = GatheredRound.parse("kept.json", Files.readString(tmp.resolve("kept.json")));
        GatheredRound direct = GatheredRound.parse("direct", LookRuns.round(LookRuns.SH, Path.of(""), wants, json.createArrayNode()));
        assertThat(viaAnsible.asked()).isEqualTo(wants);
        assertThat(viaAnsible.stats()).isEqualTo(direct.stats());
        assertThat(viaAnsible.listings()).isEqualTo(direct.listings());
        assertThat(viaAnsible.directories()).isEqualTo(direct.directories());
        assertThat(text(viaAnsible.contents())).isEqualTo(text(direct.contents())).containsKey(t + "/d/nl\nname");
        assertThat(text(viaAnsible.excerpts())).isEqualTo(text(direct.excerpts()))
                .containsOnlyKeys(t + "/usr/lib/systemd/systemd", t + "/d/binary");
        assertThat(new String(viaAnsible.excerpts().get(t + "/usr/lib/systemd/systemd"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("systemd 219 running in %ssystem mode");
        assertThat(viaAnsible.excerpts().get(t + "/d/binary")).isEmpty();
        assertThat(viaAnsible.listings().get(t + "/d")).hasSize(20); // every name but the one that is not UTF-8
        assertThat(viaAnsible.commands()).containsExactly(Map.entry(List.of("printf", "%s\\n", "a b"), new GatheredRound.Ran(0, "a b\n", "")));
    }

    private static Map<String, String> text(Map<String, byte[]> contents) {
        Map<String, String> m = new TreeMap<>();
        contents.forEach((k, v) -> m.put(k, Base64.getEncoder().encodeToString(v)));
        return m;
    }
}
