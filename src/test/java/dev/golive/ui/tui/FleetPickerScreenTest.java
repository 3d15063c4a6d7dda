package dev.golive.ui.tui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `golive --root DIR` where DIR holds one capture per host: the host picker, a host opened from
 * it with every screen read-only, H back to the picker and another host. The fleet is made of
 * the fixture captures: debian12-vm twice (api-1, and api-2 whose Ansible rounds did not
 * finish), centos7-v1 (legacy-db1) and ubuntu2004-hybrid (web-2), beside a note and a .tar.gz
 * that is no capture.
 */
class FleetPickerScreenTest {

    /** A fixed relative path, so the screens show the same directory on every run. */
    static final String FLEET = "target/tui-fleets/web";

    @BeforeAll
    static void fleet() throws IOException {
        Path dir = Path.of(FLEET);
        if (Files.exists(dir)) dev.golive.host.RootSpec.deleteTree(dir);
        Files.createDirectories(dir);
        copy("debian12-vm", dir.resolve("api-1"));
        copy("debian12-vm", dir.resolve("api-2"));
        copy("centos7-v1", dir.resolve("legacy-db1"));
        copy("ubuntu2004-hybrid", dir.resolve("web-2"));
        // what golive assemble leaves when the host stopped answering: the wants not gathered, under "missing"
        Path manifest = dir.resolve("api-2/golive-capture.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        ObjectNode missing = m.putObject("missing");
        missing.putArray("files").add("/etc/systemd/system/api.service").add("/proc/sys/net/core/somaxconn");
        missing.putArray("dirs").add("/etc/sysctl.d");
        missing.putArray("commands").addArray().add("systemctl").add("show");
        Files.writeString(manifest, json.writeValueAsString(m), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "inventory notes\n");
        Files.write(dir.resolve("db-9.tar.gz"), "not gzip at all".getBytes(StandardCharsets.UTF_8));
    }

    /** A fixture host copied as a capture of the fleet, its links kept (the one tree copy of the tests). */
    private static void copy(String fixture, Path dst) throws IOException {
        dev.golive.host.Fixtures.copyTree(dev.golive.host.Fixtures.dir(fixture), dst);
    }

    @Test
    void thePickerListsEveryHostWorstFirstWithItsOutliersAt80x24() {
        try (TuiDriver tui = TuiDriver.onFleet(FLEET, 80, 24)) {
            tui.matchesGolden("fleet-picker-80x24");
            String screen = tui.text();
            assertThat(screen).contains("golive  fleet " + FLEET, "[read-only: captures]", "api-1", "api-2", "legacy-db1", "web-2",
                    "partial", "unreadable:");
            // the three kernels: the two debian12 copies are the majority, the others are marked
            assertThat(screen).contains("6.1.0-18-amd64", "!3.10.0-1160");
        }
    }

    @Test
    void thePickerAt120x40() {
        try (TuiDriver tui = TuiDriver.onFleet(FLEET, 120, 40)) {
            tui.matchesGolden("fleet-picker-120x40");
        }
    }

    @Test
    void unreadableEntriesAreListedWithTheirReasonAndCannotBeOpened() {
        try (TuiDriver tui = TuiDriver.onFleet(FLEET, 120, 40)) {
            assertThat(tui.text()).contains("notes.txt", "neither a capture directory nor a .tar.gz capture", "db-9");
            tui.press("/").type("db-9").press("enter");
            assertThat(tui.text()).contains("Not a capture golive can read: nothing to open.");
            tui.press("enter");
            assertThat(tui.app.current()).isInstanceOf(FleetView.class);
            assertThat(tui.app.model()).isNull();
            assertThat(tui.row(38)).startsWith("open host: not a readable capture: ");
        }
    }

    @Test
    void aDirectoryWhereNoCaptureCanBeReadSaysWhyAndStillQuits() throws IOException {
        Path dir = Path.of("target/tui-fleets/broken");
        if (Files.exists(dir)) dev.golive.host.RootSpec.deleteTree(dir);
        Files.createDirectories(dir);
        Files.write(dir.resolve("db-8.tar.gz"), "not gzip".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("db-9.tar.gz"), "not gzip either".getBytes(StandardCharsets.UTF_8));
        try (TuiDriver tui = TuiDriver.onFleet(dir.toString(), 80, 24)) {
            assertThat(tui.row(3)).startsWith(" golive: target/tui-fleets/broken: no capture could be read (db-8:");
            assertThat(tui.text()).contains("and 1 more");
            tui.press("enter", "j", "/", "x", "enter", "H", "tab", "1");
            assertThat(tui.app.model()).isNull();
            tui.press("q");
            assertThat(tui.quitRequested()).isTrue();
        }
    }

    @Test
    void aPartialCaptureSaysWhatItLacks() {
        try (TuiDriver tui = TuiDriver.onFleet(FLEET, 120, 40)) {
            tui.press("/").type("api-2").press("enter");
            assertThat(tui.text()).contains("partial: missing 2 files, 1 directory, 1 command");
        }
    }

    @Test
    void enterOpensTheHostWithEveryScreenAndTheHeaderNamesFleetAndHost() {
        try (TuiDriver tui = TuiDriver.onFleet(FLEET, 80, 24)) {
            tui.press("/").type("legacy").press("enter", "enter");
            tui.matchesGolden("fleet-host-80x24");
            assertThat(tui.row(0)).contains("legacy-db1 · fleet ", "web › legacy-db1", "[read-only: a capture]");
            assertThat(tui.app.current()).isInstanceOf(OverviewView.class);
            for (int i = 1; i <= tui.app.tabs().size(); i++) {
                tui.press(String.valueOf(i));
                assertThat(tui.app.current()).isSameAs(tui.app.tabs().get(i - 1));
                assertThat(tui.row(0)).as("header on %s", tui.app.current().title()).contains("web › legacy-db1");
            }
        }
    }

    @Test
    void applyRollbackAndFinishSayWhyTheyAreNotAvailable() {
        try (TuiDriver tui = TuiDriver.onFleet(FLEET, 120, 40)) {
            tui.press("/").type("api-1").press("enter", "enter");
            tui.press("4", "r");
            assertThat(tui.text()).contains("Plan 20260101-000000-test");
            assertThat(tui.row(39)).contains("a apply (read-only: a capture)");
            tui.press("a");
            assertThat(tui.app.current()).isInstanceOf(ReviewView.class);
            assertThat(tui.app.dialog()).isEmpty();
            assertThat(tui.row(38)).isEqualTo("apply: read-only: a capture");
            tui.press("F");
            assertThat(tui.row(38)).isEqualTo("apply+finish: read-only: a capture");
            tui.press("5", "r");
            assertThat(tui.row(38)).startsWith("roll back: read-only: a capture");
            assertThat(tui.app.changes()).isEmpty();
        }
    }

    @Test
    void hGoesBackToThePickerAndAnotherHostShowsItsOwnValues() {
        try (TuiDriver tui = TuiDriver.onFleet(FLEET, 120, 40)) {
            tui.press("/").type("legacy").press("enter", "enter");
            assertThat(tui.text()).contains("3.10.0-1160.el7.x86_64").doesNotContain("6.1.0-18-amd64");
            assertThat(tui.row(39)).contains("H hosts");
            tui.press("H");
            assertThat(tui.app.current()).isInstanceOf(FleetView.class);
            assertThat(tui.row(1)).startsWith(" 1 Overview › Hosts");
            // the host open now is marked; q would return to it
            assertThat(tui.text()).contains("› legacy-db1");
            tui.press("esc"); // clears the filter first
            tui.press("/").type("web-2").press("enter", "enter");
            assertThat(tui.app.current()).isInstanceOf(OverviewView.class);
            assertThat(tui.row(0)).contains("web-2 · fleet ", "web › web-2");
            assertThat(tui.text()).contains("5.4.0-173-generic").doesNotContain("3.10.0-1160");
            tui.press("2");
            assertThat(tui.text()).doesNotContain("legacy-db1");
        }
    }

    @Test
    void openingAHostRunsOnTheWorkerWhileThePickerStaysUsable() {
        try (TuiDriver tui = TuiDriver.onFleetHoldingWork(FLEET, 80, 24)) {
            tui.press("/").type("api-1").press("enter", "enter");
            assertThat(tui.row(0)).contains("opening api-1…");
            assertThat(tui.app.current()).isInstanceOf(FleetView.class);
            tui.press("j", "k");
            tui.press("enter");
            assertThat(tui.row(22)).startsWith("open host: busy: opening api-1");
            tui.finishWork();
            assertThat(tui.app.current()).isInstanceOf(OverviewView.class);
            assertThat(tui.row(0)).contains("web › api-1");
        }
    }

    @Test
    void aHostOpenedAfterAnotherHasItsScreensPreparedWhileIdleToo() {
        try (TuiDriver tui = TuiDriver.onFleet(FLEET, 80, 24)) {
            Canvas offscreen = new Canvas(new com.googlecode.lanterna.graphics.BasicTextImage(
                    new com.googlecode.lanterna.TerminalSize(80, 24)).newTextGraphics(), tui.theme);
            assertThat(tui.app.idle(offscreen)).as("no host yet: later").isTrue();
            tui.press("enter");
            assertThat(tui.app.preparableAgain()).isTrue();
            while (tui.app.idle(offscreen)) { /* prepares the first host's Build screen */ }
            assertThat(tui.app.preparableAgain()).isFalse();
            tui.press("H", "/").type("web-2").press("enter", "enter");
            assertThat(tui.app.preparableAgain()).as("new screens to prepare").isTrue();
            assertThat(tui.app.idle(offscreen)).as("the new Build screen prepared").isTrue();
        }
    }

    @Test
    void theBackKeyIsReachableOnEveryScreenAndInTheHelp() {
        try (TuiDriver tui = TuiDriver.onFleet(FLEET, 120, 40)) {
            tui.press("enter");
            Binding hosts = tui.app.globals().stream().filter(b -> b.keys().contains("H")).findFirst().orElseThrow();
            for (int i = 1; i <= tui.app.tabs().size(); i++) {
                tui.press(String.valueOf(i));
                assertThat(tui.app.resolve("H")).as("H on %s", tui.app.current().title()).containsSame(hosts);
            }
            tui.press("H");
            for (Binding b : tui.app.current().bindings()) for (String k : b.keys()) assertThat(tui.app.resolve(k)).containsSame(b);
            assertThat(new HelpView(tui.app, tui.app.current()).lines(120))
                    .anyMatch(l -> l.keys().equals("H") && hosts.help().startsWith(l.text()))
                    .anyMatch(l -> l.text().startsWith("Hosts (this screen)"));
        }
    }
}
