package dev.golive.ui.cli;

import dev.golive.apply.TestTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.golive.ui.cli.ApplyCommandsTest.golive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin answers "none" for a limit: golive sets nothing for it. The line golive wrote
 * earlier goes (the diff shows it, the plan says what the unit has instead, a rollback brings
 * it back); a limit the vendor's unit sets stays, and golive says where and how to lift it: an
 * explicit infinity, which golive writes. The tree: Debian 12's files, a vendor unit in
 * /usr/lib with limits of its own, and golive's drop-in from an earlier apply.
 */
class NoneAndInfinityLimitsTest {

    static final String VENDOR = "/usr/lib/systemd/system/vend.service";
    static final String DROP_IN = "etc/systemd/system/vend.service.d/60-golive.conf";
    static final String GOLIVES = "# Managed by golive (snapshot s1). Edit with golive, or roll back with:\n#   golive rollback s1\n"
            + "[Service]\nMemoryMax=1G\nLimitNOFILE=65536\n";

    @TempDir Path work;
    Path host;

    @BeforeEach void setUp() throws Exception {
        host = FinishTree.newServiceHost(work.resolve("host"));
        Path vendor = host.resolve(VENDOR.substring(1));
        Files.createDirectories(vendor.getParent());
        Files.writeString(vendor, "[Unit]\nDescription=Vendor daemon\n\n[Service]\nExecStart=/usr/bin/vend\nMemoryMax=512M\nCPUQuota=80%\n");
        Files.createDirectories(host.resolve(DROP_IN).getParent());
        Files.writeString(host.resolve(DROP_IN), GOLIVES);
    }

    private Path answers(String text) throws Exception {
        Path a = work.resolve("setup.yaml");
        Files.writeString(a, text);
        return a;
    }

    @Test
    void noneTakesGolivesOwnLimitAwaySaysWhatAppliesThenAndRollbackBringsItBack() throws Exception {
        TestTree tree = TestTree.of(host);
        Map<String, String> before = tree.fingerprint();
        var g = golive("guide", "--answers", answers("fix: none\nprofile: none\nservice: yes\nservice.name: vend\n"
                + "service.memory-max: none\nservice.cpu-quota: none\nservice.nofile: none\napply: yes\nfinish: no\n").toString(),
                "--root", host.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(g.out())
                .contains("MemoryMax, the memory limit (e.g. 512M, 2G, or 50% of RAM; none = golive sets none, the unit's or systemd's applies; "
                        + "infinity = no limit): none")
                .as("golive's drop-in sets nothing any more: it goes, and the plan says what the unit has instead")
                .contains("delete /etc/systemd/system/vend.service.d/60-golive.conf", "-MemoryMax=1G", "-LimitNOFILE=65536",
                        "  MemoryMax: 1G → 512M (" + VENDOR + ":6)\n",
                        "  LimitNOFILE: 65536 → the manager's DefaultLimitNOFILE= (systemd's default)\n")
                .as("the vendor's limits stay, and the admin reads where and how to lift them")
                .contains("  warning: MemoryMax: none leaves MemoryMax=512M in place: " + VENDOR + ":6 sets it, and golive did not write that file; "
                        + "to lift the limit ask for infinity (golive then writes MemoryMax=infinity, or an empty MemoryLimit= before systemd 231)\n",
                        "  warning: CPUQuota: none leaves CPUQuota=80% in place: " + VENDOR + ":7 sets it, and golive did not write that file; "
                        + "to lift the limit ask for infinity (golive then writes an empty CPUQuota=, which removes the quota)\n")
                .doesNotContain("LimitNOFILE: none leaves");
        assertThat(host.resolve(DROP_IN)).doesNotExist();

        var back = golive("rollback", "--last", "--yes", "--root", host.toString());
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(Files.readString(host.resolve(DROP_IN))).isEqualTo(GOLIVES);
        tree.assertUnchangedSince(before);
    }

    @Test
    void infinityLiftsTheVendorsLimitsInGolivesDropIn() throws Exception {
        var u = golive("plan", "--profile", "none", "--service", "vend", "--memory-max", "infinity", "--cpu-quota", "infinity",
                "--nofile", "infinity", "--root", host.toString());
        assertThat(u.exit()).as(u.err()).isZero();
        assertThat(u.out()).contains("+MemoryMax=infinity\n", "+CPUQuota=\n", "+LimitNOFILE=infinity:infinity\n",
                "  MemoryMax: 1G → infinity\n", "  CPUQuota: 80% → no quota (systemd's default)\n", "  LimitNOFILE: 65536 → infinity:infinity\n")
                .doesNotContain("none leaves");
    }

    @Test
    void noneBeatsTheProfilesLimitAndAValueBeatsNone() throws Exception {
        var profiled = golive("plan", "--profile", "web-api", "--service", "vend", "--root", host.toString());
        assertThat(profiled.exit()).as(profiled.err()).isZero();
        assertThat(profiled.out()).as("the profile's limit, not asked otherwise").contains("LimitNOFILE=1024:");

        var none = golive("plan", "--profile", "web-api", "--service", "vend", "--nofile", "none", "--root", host.toString());
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).contains("-LimitNOFILE=65536\n", "  LimitNOFILE: 65536 → the manager's DefaultLimitNOFILE= (systemd's default)\n")
                .doesNotContain("LimitNOFILE=1024:");

        Path spec = work.resolve("vend.yaml");
        Files.writeString(spec, "name: vend\nresources:\n  memoryMax: none\n");
        var fromFile = golive("plan", "--profile", "none", "--spec", spec.toString(), "--root", host.toString());
        assertThat(fromFile.exit()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("-MemoryMax=1G\n", "  MemoryMax: 1G → 512M (" + VENDOR + ":6)\n",
                "  - " + spec + ":3:14: resources.memoryMax: none leaves MemoryMax=512M in place: " + VENDOR + ":6 sets it");
        var overridden = golive("plan", "--profile", "none", "--spec", spec.toString(), "--memory-max", "2G", "--root", host.toString());
        assertThat(overridden.exit()).as(overridden.err()).isZero();
        assertThat(overridden.out()).contains("+MemoryMax=2G\n", "  MemoryMax: 1G → 2G\n").doesNotContain("none leaves");
    }

    @Test
    void onGolivesOwnUnitNoneRemovesItsLineAndAnAdminsDropInIsNamed() throws Exception {
        Path unit = host.resolve("etc/systemd/system/own.service");
        String owned = "# Managed by golive (snapshot s1). Edit with golive, or roll back with:\n#   golive rollback s1\n\n[Unit]\nDescription=own\n\n"
                + "[Service]\nType=exec\nExecStart=/usr/bin/own\nMemoryMax=1G\nCPUQuota=50%\n";
        Files.writeString(unit, owned);
        Path override = host.resolve("etc/systemd/system/own.service.d/override.conf");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "[Service]\nCPUQuota=30%\n");
        var p = golive("plan", "--profile", "none", "--service", "own", "--exec", "/usr/bin/own", "--memory-max", "none", "--cpu-quota", "none",
                "--hardening", "none", "--root", host.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out()).contains("-MemoryMax=1G\n", "-CPUQuota=50%\n", "  MemoryMax: 1G → no limit (systemd's default)\n",
                "  - --cpu-quota: none leaves CPUQuota=30% in place: /etc/systemd/system/own.service.d/override.conf:2 sets it, "
                        + "and golive did not write that file; to lift the limit ask for infinity")
                .doesNotContain("MemoryMax: none leaves");
    }

    @Test
    void onSystemd219InfinityIsTheEmptyMemoryLimit() throws Exception {
        Files.delete(host.resolve("usr/lib/systemd/libsystemd-shared-252.so")); // the tree's systemd unknown: golive writes for 219
        var u = golive("unit", "--service", "vend", "--memory-max", "infinity", "--root", host.toString());
        assertThat(u.out()).as(u.err()).contains("\nMemoryLimit=\n").doesNotContain("MemoryMax=infinity");
    }
}
