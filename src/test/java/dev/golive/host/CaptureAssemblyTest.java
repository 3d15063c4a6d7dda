package dev.golive.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A round as the playbook hands it over (the modules' registered results), merged into a capture. */
class CaptureAssemblyTest {

    @TempDir Path tmp;

    static String b64(String s) { return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }

    /** The shape Ansible 2.14 registers: results per item, stat/find/command keys, the files read in one command as the modules return them. */
    static final String ROUND = """
            {"asked": {"files": ["/etc/hostname", "/etc/nothing", "/etc/sysctl.d/99-sysctl.conf", "/lib"],
                       "dirs": ["/etc/systemd/system", "/etc/none"],
                       "commands": [["systemctl", "--version"], ["go", "version"], ["systemd-detect-virt", "--vm"], ["false"]]},
             "stat": {"results": [
               {"item": "/etc/hostname", "stat": {"exists": true, "isdir": false, "islnk": false}},
               {"item": "/etc/nothing", "stat": {"exists": false}},
               {"item": "/etc/sysctl.d/99-sysctl.conf", "stat": {"exists": true, "isdir": false, "islnk": true, "lnk_target": "../sysctl.conf"}},
               {"item": "/lib", "stat": {"exists": true, "isdir": false, "islnk": true, "lnk_target": "usr/lib"}},
               {"item": "/etc/systemd/system", "stat": {"exists": true, "isdir": true, "islnk": false}},
               {"item": "/etc/none", "stat": {"exists": false}}]},
             "find": {"results": [
               {"item": "/etc/systemd/system", "files": [
                  {"path": "/etc/systemd/system/api.service", "isdir": false, "islnk": false, "size": 40},
                  {"path": "/etc/systemd/system/api.service.d", "isdir": true, "islnk": false, "size": 4096},
                  {"path": "/etc/systemd/system/masked.service", "isdir": false, "islnk": true, "size": 9},
                  {"path": "/etc/systemd/system/linked.d", "isdir": false, "islnk": true, "size": 12}], "skipped_paths": {}},
               {"item": "/etc/none", "files": [], "skipped_paths": {"/etc/none": "'/etc/none' is not a directory"}}]},
             "links": {"results": [
               {"item": "/etc/systemd/system/masked.service", "stat": {"exists": true, "islnk": true, "lnk_target": "/dev/null"}}]},
             "read": {"results": [
               {"item": ["/etc/hostname", "/etc/nothing", "/etc/sysctl.d/99-sysctl.conf", "/etc/systemd/system/api.service",
                         "/etc/systemd/system/masked.service", "/etc/systemd/system/linked.d"],
                "rc": 0, "start": "2026-12-07 18:00:00.0", "stderr": "",
                "stdout": "ok %s\\nfail\\nok %s\\nok %s\\nok \\ndir\\n"}]},
             "commands": {"results": [
               {"item": ["systemctl", "--version"], "rc": 0, "stdout": "systemd 252 (252.22-1~deb12u1)\\n", "stderr": "", "start": "2026-12-07 18:00:00.1", "delta": "0:00:00.01"},
               {"item": ["go", "version"], "rc": 2, "stdout": "", "stderr": "", "msg": "[Errno 2] No such file or directory: b'go'", "cmd": ["go", "version"]},
               {"item": ["systemd-detect-virt", "--vm"], "rc": 1, "stdout": "none\\n", "stderr": "", "start": "2026-12-07 18:00:00.2"},
               {"item": ["false"], "rc": 1, "stdout": "", "stderr": "", "start": "2026-12-07 18:00:00.3"}]}}
            """.formatted(b64("web1\n"), b64("vm.swappiness = 10\n"), b64("[Service]\nExecStart=/usr/local/bin/api\n"));

    @Test
    void aRoundLandsAsGoliveCaptureWouldWriteIt() throws Exception {
        Path dir = tmp.resolve("web1");
        CaptureAssembly.State s = CaptureAssembly.start(dir);
        Path round = tmp.resolve("web1.round.json");
        Files.writeString(round, ROUND);
        s = CaptureAssembly.merge(dir, s, CaptureAssembly.readRound(round));
        assertThat(round).doesNotExist();
        assertThat(dir.resolve("etc/hostname")).hasContent("web1");
        // a relative link inside the capture stays a link, with what it points at
        assertThat(Files.readSymbolicLink(dir.resolve("etc/sysctl.d/99-sysctl.conf"))).isEqualTo(Path.of("../sysctl.conf"));
        assertThat(dir.resolve("etc/sysctl.conf")).hasContent("vm.swappiness = 10");
        assertThat(Files.readSymbolicLink(dir.resolve("lib"))).isEqualTo(Path.of("usr/lib"));
        // a listed directory: its files, its subdirectories (empty), a masked unit as an empty file
        assertThat(dir.resolve("etc/systemd/system/api.service")).hasContent("[Service]\nExecStart=/usr/local/bin/api");
        assertThat(dir.resolve("etc/systemd/system/api.service.d")).isEmptyDirectory();
        assertThat(dir.resolve("etc/systemd/system/masked.service")).isEmptyFile();
        assertThat(dir.resolve("etc/systemd/system/linked.d")).isDirectory();
        CaptureManifest m = s.manifest();
        assertThat(m.absent()).containsExactly("/etc/none", "/etc/nothing");
        assertThat(m.commands()).containsOnlyKeys("systemctl --version", "systemd-detect-virt --vm");
        assertThat(m.exitCodes()).containsExactly(java.util.Map.entry("systemd-detect-virt --vm", 1));
        assertThat(m.notFound()).containsExactly("go version");
        assertThat(s.rounds()).isEqualTo(1);
        assertThat(s.asked().commands()).contains(List.of("false"));
        // read back as the next step does
        CaptureAssembly.State again = CaptureAssembly.read(dir);
        assertThat(again.asked()).isEqualTo(s.asked());
        assertThat(again.manifest()).isEqualTo(m);
    }

    @Test
    void whatIsNotARoundIsOneLine() throws Exception {
        for (String bad : new String[] {"[]", "{\"stat\": []}", "{\"asked\": {\"files\": [\"relative\"]}}", "{\"asked\": {}, "}) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> GatheredRound.parse("r.json", bad)))
                    .isInstanceOf(dev.golive.model.GoliveException.class).hasMessageStartingWith("r.json").hasMessageNotContaining("\n");
        }
    }

    @Test
    void aReadThatDidNotAnswerEveryFileIsRefusedNotTakenForAbsent() {
        String asked = "{\"asked\": {\"files\": [\"/etc/hostname\", \"/etc/hosts\"]}, \"read\": {\"results\": [";
        String item = "{\"item\": [\"/etc/hostname\", \"/etc/hosts\"], ";
        for (String bad : new String[] {
                item + "\"rc\": 0, \"start\": \"t\", \"stdout\": \"ok d2ViMQo=\\n\"}",
                item + "\"rc\": 2, \"msg\": \"[Errno 2] No such file or directory: b'sh'\"}",
                item + "\"rc\": 0, \"start\": \"t\", \"stdout\": \"ok d2ViMQo=\\nmaybe\\n\"}"}) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> GatheredRound.parse("r.json", asked + bad + "]}}")))
                    .isInstanceOf(dev.golive.model.GoliveException.class).hasMessageStartingWith("r.json: ").hasMessageNotContaining("\n");
        }
    }
}
