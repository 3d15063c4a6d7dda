package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.FileChange;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import dev.golive.report.InspectText;
import dev.golive.report.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template unit worker@.service on the Debian 12 host, run as worker@emails.service: inspect
 * shows the instance's values with %i expanded, check reads the same, and plan writes the
 * instance's drop-in over the template instead of asking for a new unit.
 */
class TemplateUnitsTest {

    @TempDir Path tmp;

    Path host() throws IOException {
        Path t = tmp.resolve("debian12-vm");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Files.writeString(t.resolve("etc/systemd/system/worker@.service"), """
                [Unit]
                Description=Queue worker %i
                [Service]
                ExecStart=/opt/api/bin/api -queue %i -name %n
                User=worker
                Restart=on-failure
                Environment=QUEUE=%i
                """);
        return t;
    }

    @Test
    void anInstanceShowsItsSpecifiersExpanded() throws IOException {
        try (Session s = Session.open(host().toString())) {
            HostFacts f = s.inspectService("worker@emails", null);
            var svc = f.service().orElseThrow();
            assertThat(svc.last("Service", "ExecStart").orElseThrow().value()).isEqualTo("/opt/api/bin/api -queue emails -name worker@emails.service");
            assertThat(svc.environment().get("QUEUE").opt()).contains("emails");
            assertThat(svc.binary().known()).isTrue();
            assertThat(svc.cgroupPath()).isEqualTo("/system.slice/system-worker.slice/worker@emails.service");
            assertThat(InspectText.render(f, Style.PLAIN)).contains("/opt/api/bin/api -queue emails -name worker@emails.service");
        }
    }

    @Test
    void theTemplateItselfKeepsPercentI() throws IOException {
        try (Session s = Session.open(host().toString())) {
            var svc = s.inspectService("worker@", null).service().orElseThrow();
            assertThat(svc.last("Service", "ExecStart").orElseThrow().value()).isEqualTo("/opt/api/bin/api -queue %i -name worker@.service");
        }
    }

    @Test
    void planForAnInstanceWritesItsDropInOverTheTemplate() throws IOException {
        try (Session s = Session.open(host().toString())) {
            Plan p = s.plan("web-api", Optional.of("worker@emails"), List.of(), "t1");
            assertThat(p.files()).extracting(FileChange::path).contains("/etc/systemd/system/worker@emails.service.d/60-golive.conf")
                    .doesNotContain("/etc/systemd/system/worker@emails.service");
        }
    }
}
