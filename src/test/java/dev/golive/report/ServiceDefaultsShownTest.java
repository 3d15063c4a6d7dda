package dev.golive.report;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `inspect --service` on a unit that sets little: each setting it leaves to systemd is shown with
 * the value the service really runs with and "default (systemd N)" as where it comes from.
 */
class ServiceDefaultsShownTest {

    @TempDir Path tmp;

    static final String BARE = """
            [Unit]
            Description=Bare worker
            [Service]
            ExecStart=/usr/local/bin/worker
            """;

    String inspect(String host, String unit) throws IOException {
        Path t = tmp.resolve(host);
        Fixtures.copyTree(Fixtures.dir(host), t);
        Path u = t.resolve("etc/systemd/system/worker.service");
        Files.createDirectories(u.getParent());
        Files.writeString(u, unit);
        try (Session s = Session.open(t.toString())) {
            HostFacts f = s.inspectService("worker", null);
            return InspectText.render(f, Style.PLAIN);
        }
    }

    @Test
    void aBareUnitOnDebian12ShowsEachDefaultWithItsSystemdVersion() throws IOException {
        String text = inspect("debian12-vm", BARE);
        assertThat(text).containsPattern("\n  Type +simple +default \\(systemd 252\\)\n")
                .containsPattern("\n  User +root +default \\(systemd 252\\)\n")
                .containsPattern("\n  Restart +no +default \\(systemd 252\\)\n")
                .containsPattern("\n  LimitNOFILE +1024:524288 +default \\(systemd 252 compiled default")
                .containsPattern("\n  NoNewPrivileges +no +default \\(systemd 252\\)\n")
                .containsPattern("\n  ProtectSystem +no +default \\(systemd 252\\)\n")
                .containsPattern("\n  ProtectKernelTunables +no +default \\(systemd 252\\)\n");
    }

    @Test
    void onSystemd219TheLimitIsTheKernelsAndNoSwitchSystemdLacksIsShown() throws IOException {
        String text = inspect("centos7-v1", BARE);
        assertThat(text).containsPattern("\n  Type +simple +default \\(systemd 219\\)\n")
                .containsPattern("\n  LimitNOFILE +1024:4096 ")
                .doesNotContain("ProtectKernelTunables");
    }

    @Test
    void whatTheUnitSetsIsShownFromItsFileAndNotAsADefault() throws IOException {
        String text = inspect("debian12-vm", BARE.replace("[Service]\n", "[Service]\nType=exec\nUser=worker\nRestart=on-failure\nSystemCallFilter=@system-service\n"));
        assertThat(text).containsPattern("\n  Type +exec +/etc/systemd/system/worker.service:4\n")
                .doesNotContainPattern("Type +simple").doesNotContainPattern("User +root").doesNotContainPattern("Restart +no ")
                .contains("yes unless the service keeps CAP_SYS_ADMIN (implied by SystemCallFilter=)");
    }
}
