package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.host.CommandResult;
import dev.golive.host.Fixtures;
import dev.golive.host.ProcessCommandRunner;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.golive.ui.cli.ApplyCommandsTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin checks a target tree whose logrotate blocks rotate files in directories of several
 * owners and modes; golive names exactly the directories the real logrotate, run as root over
 * the same blocks, skips with "parent directory has insecure permissions".
 */
class LogrotateDirRefusedTreeTest {

    @TempDir Path work;

    static final int ADM = 4; // a group other than root, named adm here and on this machine (logrotate resolves su's names)

    Path logDir(Path host, String name, int gid, int mode, boolean withFile) throws IOException {
        Path dir = Files.createDirectories(host.resolve("var/log/" + name));
        Files.setAttribute(dir, "unix:uid", 0);
        Files.setAttribute(dir, "unix:gid", gid);
        Files.setAttribute(dir, "unix:mode", mode);
        if (withFile) Files.writeString(dir.resolve("app.log"), "a line\n");
        return dir;
    }

    /** A block for /var/log/NAME/*.log; {@code su}: its su line, or null. */
    static String block(String name, String su) {
        return "/var/log/" + name + "/*.log {\n    missingok\n" + (su == null ? "" : "    su " + su + "\n") + "    copytruncate\n}\n";
    }

    @Test
    void golivesFindingsNameTheDirectoriesTheRealLogrotateSkips() throws IOException {
        Assumptions.assumeTrue((Integer) Files.getAttribute(work, "unix:uid") == 0, "chown needs root, and logrotate checks directories only as root");
        Path host = work.resolve("host");
        Fixtures.targetTree("debian12-vm", host);
        Files.writeString(host.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(host.resolve("etc/group"), "root:x:0:\nadm:x:" + ADM + ":\n");
        Files.createDirectories(host.resolve("var/lib/dpkg"));
        Files.writeString(host.resolve("var/lib/dpkg/status"), "Package: logrotate\nStatus: install ok installed\nVersion: 3.21.0-1\n\n");
        logDir(host, "ok", 0, 0755, true);
        logDir(host, "admgroup", ADM, 0775, true);     // refused: group adm may write
        logDir(host, "rootgroup", 0, 0775, true);      // group root may write: accepted
        logDir(host, "sticky", 0, 01777, true);        // refused: the sticky bit does not exempt
        logDir(host, "blocksu", ADM, 0775, true);      // the block says su
        logDir(host, "nofile", 0, 0777, false);        // refused though no file is there: logrotate keeps the pattern
        logDir(host, "inherited", ADM, 0775, true);    // a global su read before the block
        logDir(host, "pgsql", ADM, 01775, true);       // Debian's /var/log/postgresql: root:postgres 1775, its block says su root root
        try (Stream<Path> old = Files.list(host.resolve("etc/logrotate.d"))) {
            for (Path p : old.toList()) Files.delete(p);
        }
        Files.writeString(host.resolve("etc/logrotate.conf"), "weekly\nrotate 4\ninclude /etc/logrotate.d\n");
        Files.writeString(host.resolve("etc/logrotate.d/app"), block("ok", null) + block("admgroup", null) + block("rootgroup", null)
                + block("sticky", null) + block("blocksu", "root adm") + block("nofile", null) + block("pgsql", "root root"));
        Files.writeString(host.resolve("etc/logrotate.d/zz-local"), "su root adm\n" + block("inherited", null));

        ApplyCommandsTest.Run check = golive("check", "--root", host.toString(), "--json", "--fail-on", "error");
        assertThat(check.exit()).as(check.err()).isZero();
        Set<String> golive = new TreeSet<>();
        for (JsonNode f : new ObjectMapper().readTree(check.out()).get("findings")) {
            if (!f.get("id").asText().equals("LOGROTATE-DIR-REFUSED")) continue;
            Matcher m = Pattern.compile(": (/var/log/\\S+) is writable by").matcher(f.get("title").asText());
            assertThat(m.find()).as(f.get("title").asText()).isTrue();
            golive.add(m.group(1));
        }

        Set<String> real = skippedByRealLogrotate(host);
        assertThat(real).as("what the real logrotate skips").containsExactly("/var/log/admgroup", "/var/log/nofile", "/var/log/sticky");
        assertThat(golive).as("golive's findings").isEqualTo(real);
    }

    /** The directories (as host paths) of the files the real logrotate, run as root in debug mode over the tree's blocks moved into the tree, skips. */
    static Set<String> skippedByRealLogrotate(Path host) throws IOException {
        ProcessCommandRunner runner = dev.golive.host.RealTool.require("logrotate", "logrotate", "logrotate", "--version");
        Path real = Files.createDirectories(host.getParent().resolve("real/logrotate.d"));
        String prefix = host.toString();
        for (String name : List.of("app", "zz-local")) {
            Files.writeString(real.resolve(name), Files.readString(host.resolve("etc/logrotate.d/" + name)).replace("/var/log/", prefix + "/var/log/"));
        }
        Path conf = real.resolveSibling("logrotate.conf");
        Files.writeString(conf, Files.readString(host.resolve("etc/logrotate.conf")).replace("/etc/logrotate.d", real.toString()));
        CommandResult r = runner.run(List.of("logrotate", "-d", "-s", real.resolveSibling("state").toString(), conf.toString()), Duration.ofSeconds(30));
        String out = r.stdout() + r.stderr();
        assertThat(out).as("logrotate read the blocks").contains("considering log " + prefix + "/var/log/ok/app.log");
        Set<String> dirs = new TreeSet<>();
        Matcher m = Pattern.compile("skipping \"" + Pattern.quote(prefix) + "(/var/log/[^/\"]+)/[^\"]*\" because parent directory has insecure permissions").matcher(out);
        while (m.find()) dirs.add(m.group(1));
        return dirs;
    }
}
