package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.profile.FixtureHosts;
import dev.golive.profile.Profile;
import dev.golive.profile.ProfileCatalog;
import dev.golive.profile.ProfileResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File limits on the captures: limits.conf advice for a unit that already sets LimitNOFILE=,
 * container-limited never lowering systemd's hard 524288, and min(fs.nr_open, N) = N where
 * systemd raised nr_open at boot.
 */
class FileLimitsAdviceTest {

    @TempDir Path tmp;

    static Finding limitsConf(Path tree, String service) {
        try (Session s = Session.open(tree.toString())) {
            return Checker.run(s.inspectService(service, null)).findings().stream()
                    .filter(f -> f.ruleId().equals("FD-LIMITS-CONF-IGNORED")).findFirst().orElseThrow();
        }
    }

    @Test
    void aUnitThatAlreadySetsLimitNofileIsNotToldToSetIt() throws IOException {
        // nginx.service has LimitNOFILE=65535 in its override.conf; limits.conf raises nofile for everyone
        Finding nginx = limitsConf(Fixtures.dir("ubuntu2004-hybrid"), "nginx");
        assertThat(nginx.fix().orElseThrow().changes()).isEmpty();
        assertThat(nginx.fix().orElseThrow().text())
                .startsWith("nginx.service already sets LimitNOFILE=65535 (/etc/systemd/system/nginx.service.d/override.conf:2)")
                .doesNotContain("set LimitNOFILE=");
        // a unit without it gets the limits.conf hard value in its drop-in
        Finding exporter = limitsConf(Fixtures.dir("ubuntu2004-hybrid"), "prometheus-node-exporter");
        assertThat(exporter.fix().orElseThrow().changes()).containsExactly(new FixChange.UnitDirectiveChange("Service", "LimitNOFILE", "65535"));
    }

    @Test
    void containerLimitedKeepsSystemdsHardLimitAndGoliveDoesNotFlagItsOwnValue() throws IOException {
        Profile p = ProfileResolver.resolve(ProfileCatalog.shipped(), "container-limited", FixtureHosts.facts("container-quota"));
        assertThat(p.service().get("LimitNOFILE")).hasValue("1024:524288");
        // the unit golive writes with it: no FD-LIMIT-BELOW-DEFAULT for golive's own value
        Path t = tmp.resolve("deb");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Path u = t.resolve("etc/systemd/system/small.service");
        Files.writeString(u, "[Service]\nExecStart=/opt/api/bin/api\nUser=api\nLimitNOFILE=" + p.service().get("LimitNOFILE").orElseThrow() + "\n");
        try (Session s = Session.open(t.toString())) {
            assertThat(Checker.run(s.inspectService("small", null)).ruleIds()).doesNotContain("FD-LIMIT-BELOW-DEFAULT");
        }
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
            "arm64-server, web-api, 1024:1048576",   // systemd raised nr_open to 1073741816: min(nr_open, N) = N
            "arm64-server, base, 1024:524288",
            "centos7-v1, web-api, 1024:1048576"})    // nr_open 1048576 = N: still N (the boundary)
    void minOfNrOpenAndNIsN(String host, String profile, String expected) {
        Profile p = ProfileResolver.resolve(ProfileCatalog.shipped(), profile, FixtureHosts.facts(host));
        assertThat(p.service().get("LimitNOFILE")).hasValue(expected);
    }

    @Test
    void whereNrOpenWasLoweredTheMinBites() throws IOException {
        Path t = tmp.resolve("low");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Files.writeString(t.resolve("proc/sys/fs/nr_open"), "1048575\n");
        try (Session s = Session.open(t.toString())) {
            assertThat(s.profile("web-api").service().get("LimitNOFILE")).hasValue("1024:1048575");
        }
        List<String> why = List.of(ProfileResolver.resolve(ProfileCatalog.shipped(), "base", FixtureHosts.facts("debian12-vm"))
                .manager().get(0).why());
        assertThat(why.get(0)).contains("min(fs.nr_open, 524288) is 524288 on such hosts");
    }
}
