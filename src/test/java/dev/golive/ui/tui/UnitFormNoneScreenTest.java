package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "none" in a limit field of the Unit form: golive sets nothing there. Its own earlier line
 * goes from its drop-in; a limit the vendor's unit sets stays, and the form says so under the
 * unit, with the file:line and how to lift it (infinity, which golive then writes).
 */
class UnitFormNoneScreenTest {

    static final String VENDOR = "/usr/lib/systemd/system/vend.service";

    private static String tree() throws Exception {
        String root = TuiDriver.targetTree("debian12-vm");
        Path vendor = Path.of(root, VENDOR.substring(1));
        Files.createDirectories(vendor.getParent());
        Files.writeString(vendor, "[Unit]\nDescription=Vendor daemon\n\n[Service]\nExecStart=/usr/bin/vend\nMemoryMax=512M\n");
        Path dropIn = Path.of(root, "etc/systemd/system/vend.service.d/60-golive.conf");
        Files.createDirectories(dropIn.getParent());
        Files.writeString(Path.of(root, "usr/lib/systemd/libsystemd-shared-252.so"), ""); // the tree's systemd: 252, as Debian 12
        Files.writeString(dropIn, "# Managed by golive (snapshot s1). Edit with golive, or roll back with:\n#   golive rollback s1\n[Service]\nMemoryMax=1G\nCPUQuota=50%\n");
        return root;
    }

    /** MemoryMax is the form's tenth field (9 down from the name); under the form, what none and infinity mean. */
    private static void editMemoryMax(TuiDriver tui, String text) {
        tui.press("6");
        for (int i = 0; i < 9; i++) tui.press("j");
        assertThat(tui.text()).contains("MemoryMax: none = golive sets none", "infinity = no limit, written");
        tui.press("enter", "ctrl-u").type(text).press("enter");
    }

    @Test
    void noneTakesGolivesLineAwayAndSaysTheVendorsLimitStaysAndHowToLiftIt() throws Exception {
        try (TuiDriver tui = TuiDriver.on(tree(), "vend", 120, 40)) {
            tui.press("6");
            assertThat(tui.text()).contains("MemoryMax     1G", "from 60-golive.conf:4", "MemoryMax=1G");
            editMemoryMax(tui, "none");
            // the unit pane, right of the form: the note wraps there
            assertThat(tui.text()).contains("! MemoryMax: none leaves MemoryMax=512M in place:", VENDOR + ":6 sets it, and golive did",
                    "not write that file; to lift the limit ask for infinity (golive", "then writes MemoryMax=infinity, or an empty MemoryLimit= before");
            assertThat(tui.text()).as("an untouched field golive's drop-in gives stays golive's").contains("CPUQuota=50%")
                    .doesNotContain("MemoryMax=1G");
            var spec = ((UnitView) tui.app.current()).spec();
            assertThat(spec.resources().isUnset("memoryMax")).isTrue();
            assertThat(spec.resources().isUnset("cpuQuota")).as("untouched").isFalse();
        }
    }

    @Test
    void infinityIsWrittenAndAClearedFieldCountsAsNone() throws Exception {
        try (TuiDriver tui = TuiDriver.on(tree(), "vend", 120, 40)) {
            editMemoryMax(tui, "infinity");
            assertThat(tui.text()).contains("MemoryMax=infinity").doesNotContain("none leaves");
        }
        try (TuiDriver tui = TuiDriver.on(tree(), "vend", 120, 40)) {
            editMemoryMax(tui, "");
            assertThat(((UnitView) tui.app.current()).spec().resources().isUnset("memoryMax")).isTrue();
            assertThat(tui.text()).contains("! MemoryMax: none leaves MemoryMax=512M in place:");
        }
    }
}
