package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Debian 12 host's api.service, changed the way many guides write it: ordered after
 * network.target only, listening on one address and reading a database URL from its
 * environment file. `check --service api` says it can start before the network is up.
 */
class NetworkTargetTest {

    @TempDir Path tmp;

    List<Finding> check(String unitEdit, String envFile) throws IOException {
        Path t = tmp.resolve("debian12-vm");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Path unit = t.resolve("etc/systemd/system/api.service");
        String text = Files.readString(unit).replace("After=network-online.target\nWants=network-online.target\n", "After=network.target\n");
        Files.writeString(unit, text.replace("-config /etc/api/config.yaml", unitEdit));
        if (envFile != null) Files.writeString(t.resolve("etc/default/api"), envFile);
        try (Session s = Session.open(t.toString())) {
            return Checker.run(s.inspectService("api", null)).findings().stream().filter(f -> f.ruleId().equals("UNIT-AFTER-NETWORK-TARGET")).toList();
        }
    }

    @Test
    void aServiceBindingOneAddressIsToldToWaitForTheNetwork() throws IOException {
        assertThat(check("-listen 10.0.3.17:8080", null)).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("api.service is ordered After=network.target only, but ExecStart= names the address "
                    + "10.0.3.17:8080: at boot it can start before the network is up");
            assertThat(f.fix().orElseThrow().changes()).containsExactly(
                    new FixChange.UnitDirectiveChange("Unit", "After", "network-online.target"),
                    new FixChange.UnitDirectiveChange("Unit", "Wants", "network-online.target"));
        });
    }

    @Test
    void aServiceConnectingToItsDatabaseAtStartToo() throws IOException {
        assertThat(check("-listen :8080", "DATABASE_URL=postgres://api@db.internal:5432/orders\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("DATABASE_URL connects to postgres://api@db.internal at start"));
    }

    @Test
    void aServiceListeningOnEveryAddressNeedsNothing() throws IOException {
        assertThat(check("-listen :8080", null)).isEmpty();
    }
}
