package dev.golive.unit;

import dev.golive.model.Fact;
import dev.golive.model.LogrotateHost;
import dev.golive.model.LogrotateHost.LogDir;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * logrotate (3.8.0 and later, as root) skips a log whose directory is writable by a group other
 * than root or by others unless its block says {@code su}: golive writes that line exactly then.
 */
class LogrotateSuTest {

    static final String LOG = "/var/log/api/api.log";

    static ServiceSpec appending(String... files) {
        Optional<String> err = files.length > 1 ? Optional.of("append:" + files[1]) : Optional.empty();
        return ServiceSpec.named("api").withLogging(new ServiceSpec.Logging(Optional.empty(), Optional.of("append:" + files[0]), err,
                Optional.empty(), Optional.empty()));
    }

    static LogrotateHost host(String version, Map<String, LogDir> dirs) {
        Fact<String> v = version == null ? Fact.unknown("no logrotate package in /var/lib/dpkg/status") : Fact.of(version, Source.File.of("/var/lib/dpkg/status"));
        Map<String, Fact<LogDir>> read = new java.util.LinkedHashMap<>();
        dirs.forEach((f, d) -> read.put(f, Fact.of(d, Source.File.of(d.path()))));
        return new LogrotateHost(v, read);
    }

    static LogDir dir(int uid, int gid, String owner, String group, int mode, String fileOwner) {
        return new LogDir("/var/log/api", true, uid, gid, owner, group, mode, Optional.ofNullable(fileOwner));
    }

    static String body(LogrotateHost h) { return LogrotateFile.body(appending(LOG), h); }

    @Test
    void aRootOwnedDirectoryOnlyRootWritesNeedsNoSu() {
        String b = body(host("3.21.0", Map.of(LOG, dir(0, 0, "root", "root", 0755, "root"))));
        assertThat(b).doesNotContain("su ").contains("\n/var/log/api/api.log {\n    daily\n");
        // group-writable by root's own group: logrotate's check passes too
        assertThat(body(host("3.21.0", Map.of(LOG, dir(0, 0, "root", "root", 0775, null))))).doesNotContain("    su ");
        // the service's own 0755 directory (LogsDirectory=): its group cannot write
        assertThat(body(host("3.21.0", Map.of(LOG, dir(990, 990, "svc", "svc", 0755, "svc"))))).doesNotContain("    su ");
    }

    @Test
    void aDirectoryTheServiceGroupWritesGetsSuAsTheFilesOwnerWithTheDirectorysGroup() {
        String b = body(host("3.21.0", Map.of(LOG, dir(990, 990, "svc", "svc", 0775, "svc"))));
        assertThat(b).contains("\n/var/log/api/api.log {\n    su svc svc\n    daily\n")
                .contains("# /var/log/api is svc:svc 0775, writable by group svc");
    }

    @Test
    void aFileNotThereYetIsRotatedAsRootBecauseSystemdCreatesItAsRoot() {
        // su svc would leave logrotate unable to open systemd's root-owned file for the truncate
        String b = body(host("3.21.0", Map.of(LOG, dir(990, 990, "svc", "svc", 0775, null))));
        assertThat(b).contains("    su root svc\n").contains("systemd creates /var/log/api/api.log as root");
    }

    @Test
    void aWorldWritableStickyDirectoryNeedsSuToo() {
        String b = body(host("3.21.0", Map.of(LOG, dir(0, 0, "root", "root", 01777, "root"))));
        assertThat(b).contains("    su root root\n").contains("root:root 1777, writable by others");
    }

    @Test
    void aLogrotateOlderThan380HasNoSuAndNoCheck() {
        String b = body(host("3.7.8", Map.of(LOG, dir(990, 990, "svc", "svc", 0775, "svc"))));
        assertThat(b).doesNotContain("    su ").contains("logrotate 3.7.8 predates su");
        assertThat(body(host("3.8.0", Map.of(LOG, dir(990, 990, "svc", "svc", 0775, "svc"))))).contains("    su svc svc\n");
    }

    @Test
    void anUnknownVersionStillGetsSuAndSaysSo() {
        String b = body(host(null, Map.of(LOG, dir(990, 990, "svc", "svc", 0775, "svc"))));
        assertThat(b).contains("    su svc svc\n").contains("logrotate's version on this host is unknown (no logrotate package in /var/lib/dpkg/status); su needs 3.8.0.");
    }

    @Test
    void anUnreadDirectoryGetsNoSuAndTheAdminIsTold() {
        String b = body(LogrotateHost.unread());
        assertThat(b).doesNotContain("    su ").contains("could not be read").contains("su USER GROUP");
    }

    @Test
    void aMissingDirectoryNeedsNoSu() {
        String b = body(host("3.21.0", Map.of(LOG, LogDir.missing("/var/log/api"))));
        assertThat(b).doesNotContain("    su ").contains("/var/log/api does not exist yet");
    }

    @Test
    void filesWhoseDirectoriesNeedDifferentSuLinesGetOneBlockEach() {
        String err = "/srv/api/err.log";
        LogrotateHost h = host("3.21.0", Map.of(LOG, dir(0, 0, "root", "root", 0755, "root"),
                err, new LogDir("/srv/api", true, 990, 990, "svc", "svc", 0770, Optional.of("svc"))));
        String b = LogrotateFile.body(appending(LOG, err), h);
        assertThat(b).contains("\n/var/log/api/api.log {\n    daily\n").contains("\n/srv/api/err.log {\n    su svc svc\n    daily\n");
        // both files in one directory: one block, as before
        String same = LogrotateFile.body(appending(LOG, "/var/log/api/err.log"),
                host("3.21.0", Map.of(LOG, dir(0, 0, "root", "root", 0755, "root"), "/var/log/api/err.log", dir(0, 0, "root", "root", 0755, "root"))));
        assertThat(same).contains("\n/var/log/api/api.log /var/log/api/err.log {\n    daily\n");
    }
}
