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

    /** The shape Ansible 2.14 registers: results per item (a batch of paths, or a command's argv), the look script's answers as stdout. */
    static final String ROUND = """
            {"asked": {"files": ["/etc/hostname", "/etc/nothing", "/etc/sysctl.d/99-sysctl.conf", "/lib"],
                       "dirs": ["/etc/systemd/system", "/etc/none"],
                       "commands": [["systemctl", "--version"], ["go", "version"], ["systemd-detect-virt", "--vm"], ["false"]]},
             "files": {"results": [
               {"item": ["/etc/hostname", "/etc/nothing", "/etc/sysctl.d/99-sysctl.conf", "/lib"],
                "rc": 0, "start": "2026-12-07 18:00:00.0", "stderr": "",
                "stdout": "p f - ok:%s\\np - - fail\\np l %s ok:%s\\np l %s dir\\n"}]},
             "dirs": {"results": [
               {"item": ["/etc/systemd/system", "/etc/none"],
                "rc": 0, "start": "2026-12-07 18:00:00.0", "stderr": "",
                "stdout": "p d - list\\ne r:api.service f - ok:%s\\ne r:api.service.d d - dir\\ne r:masked.service l %s skip\\ne r:linked.d l %s dir\\ne b:%s f - ok:%s\\ne b:%s f - ok:%s\\np - - fail\\n"}]},
             "commands": {"results": [
               {"item": ["systemctl", "--version"], "rc": 0, "stdout": "systemd 252 (252.22-1~deb12u1)\\n", "stderr": "", "start": "2026-12-07 18:00:00.1", "delta": "0:00:00.01"},
               {"item": ["go", "version"], "rc": 2, "stdout": "", "stderr": "", "msg": "[Errno 2] No such file or directory: b'go'", "cmd": ["go", "version"]},
               {"item": ["systemd-detect-virt", "--vm"], "rc": 1, "stdout": "none\\n", "stderr": "", "start": "2026-12-07 18:00:00.2"},
               {"item": ["false"], "rc": 1, "stdout": "", "stderr": "", "start": "2026-12-07 18:00:00.3"}]}}
            """.formatted(b64("web1\n"), b64("../sysctl.conf"), b64("vm.swappiness = 10\n"), b64("usr/lib"),
            b64("[Service]\nExecStart=/usr/local/bin/api\n"), b64("/dev/null"), b64("../../../srv/units"),
            b64("a b\n.conf"), b64("[Unit]\n"),
            Base64.getEncoder().encodeToString(new byte[] {'b', 'a', 'd', (byte) 0xff}), b64("x"));

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
        // a name with a space and a newline arrives whole; one that is not UTF-8 is left out, as golive capture leaves it
        assertThat(dir.resolve("etc/systemd/system/a b\n.conf")).hasContent("[Unit]");
        try (var names = Files.list(dir.resolve("etc/systemd/system"))) {
            assertThat(names.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("api.service", "api.service.d", "masked.service", "linked.d", "a b\n.conf");
        }
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
    void aLookThatDidNotAnswerEveryPathIsRefusedNotTakenForAbsent() {
        String asked = "{\"asked\": {\"files\": [\"/etc/hostname\", \"/etc/hosts\"], \"dirs\": [\"/etc\"]}, ";
        String files = "\"files\": {\"results\": [{\"item\": [\"/etc/hostname\", \"/etc/hosts\"], ";
        String dirs = "\"dirs\": {\"results\": [{\"item\": [\"/etc\"], ";
        for (String bad : new String[] {
                files + "\"rc\": 0, \"start\": \"t\", \"stdout\": \"p f - ok:d2ViMQo=\\n\"}]}",
                files + "\"rc\": 2, \"msg\": \"[Errno 2] No such file or directory: b'sh'\"}]}",
                files + "\"rc\": 0, \"start\": \"t\", \"stdout\": \"p f - ok:d2ViMQo=\\np f - maybe\\n\"}]}",
                files + "\"rc\": 0, \"start\": \"t\", \"stdout\": \"p f - ok:d2ViMQo=\\np f - ok:not base64!\\n\"}]}",
                files + "\"rc\": 0, \"start\": \"t\", \"stdout\": \"p f - ok:d2ViMQo=\\np f - fail\\np f - fail\\n\"}]}",
                dirs + "\"rc\": 0, \"start\": \"t\", \"stdout\": \"e r:hosts f - ok:\\n\"}]}",
                dirs + "\"rc\": 0, \"start\": \"t\", \"stdout\": \"p d - list\\ne r:hosts x - ok:\\n\"}]}",
                dirs + "\"rc\": 137, \"start\": \"t\", \"stdout\": \"p d - list\\n\"}]}",
                "\"stat\": {\"results\": []}, \"find\": {\"results\": []}"}) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> GatheredRound.parse("r.json", asked + bad + "}")))
                    .as(bad).isInstanceOf(dev.golive.model.GoliveException.class).hasMessageStartingWith("r.json: ").hasMessageNotContaining("\n");
        }
    }
}
