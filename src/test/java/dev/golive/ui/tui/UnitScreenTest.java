package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Writing the service's unit: a form, the unit it renders, validation as you type. */
class UnitScreenTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void aNewServiceStartsFromGolivesDefaults(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", cols, rows)) {
            tui.press("6");
            tui.matchesGolden("unit-new-ubuntu2004-hybrid-" + cols + "x" + rows);
            assertThat(tui.text()).contains("name          api", "exec          /usr/local/bin/api", "dynamic user  yes",
                    "no api.service on this host: a new unit", "unit /etc/systemd/system/api.service", "[Unit]")
                    .doesNotContain("from api.service");
            if (rows >= 40) assertThat(tui.text()).contains("ports         8080", "[Service]", "ExecStart=/usr/local/bin/api");
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void withServiceTheFormStartsFromTheExistingUnit(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", "api", cols, rows)) {
            tui.press("6");
            tui.matchesGolden("unit-service-api-debian12-vm-" + cols + "x" + rows);
            assertThat(tui.text()).contains("exec          /opt/api/bin/api", "from api.service:9",
                    "name from /etc/systemd/system/api.service", "drop-in /etc/systemd/system/api.service.d/60-golive.conf")
                    .doesNotContain("ports         8080");
            if (rows >= 40) {
                assertThat(tui.text()).contains("arguments     -config /etc/api/config.yaml", "user          api", "from api.service:8",
                        "dynamic user  no", "environment   GOMAXPROCS=4", "from override.conf:2", "LimitNOFILE   65536",
                        "= nothing to change: api.service already has every setting")
                        .as("api.service is the admin's unit: its restart policy and sandboxing stay as they are")
                        .doesNotContain("ExecStart=", "DynamicUser=yes", "ProtectSystem=", "Restart=", "StartLimit");
            }
        }
    }

    @Test
    void theUntouchedPrefilledFormPlansADropInThatKeepsTheUnitsCommand() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", "api", 120, 40)) {
            tui.press("6");
            var spec = ((UnitView) tui.app.current()).spec();
            assertThat(spec).as("an untouched form asks what `golive plan --service api` with no unit option asks")
                    .isEqualTo(dev.golive.model.ServiceSpec.named("api"));
            // editing the arguments replaces the unit's command, still from the prefilled program
            tui.press("j", "j", "enter", "ctrl-u").type("-config /etc/api/prod.yaml").press("enter");
            assertThat(tui.text()).contains("ExecStart=", "ExecStart=/opt/api/bin/api -config /etc/api/prod.yaml");
            assertThat(tui.row(4)).doesNotContain("from api.service");
        }
    }

    @Test
    void endingAnEditOfTheNameLoadsThatServicesUnit() {
        try (TuiDriver tui = TuiDriver.onFixture("arm64-server", 120, 40)) {
            tui.press("6");
            assertThat(tui.text()).contains("exec          /usr/local/bin/api", "ports         8080");
            tui.press("enter", "ctrl-u").type("ingest").press("enter");
            assertThat(tui.text()).contains("ingest.service exists: form filled from it; the drop-in changes only what you edit",
                    "exec          /opt/ingest/ingest", "arguments     -listen :9000", "CPUQuota      200%", "MemoryMax     24G",
                    "RestartSec    1s", "from ingest.service:11", "drop-in /etc/systemd/system/ingest.service.d/60-golive.conf")
                    .doesNotContain("ports         8080");
            // a name with no unit: golive's new-unit defaults again, not ingest's values
            tui.press("enter", "ctrl-u").type("web").press("enter");
            assertThat(tui.text()).contains("no web.service on this host: a new unit", "exec          /usr/local/bin/web",
                    "ports         8080", "unit /etc/systemd/system/web.service").doesNotContain("/opt/ingest");
        }
    }

    @Test
    void typingAFieldReRendersTheUnitAndABadValueIsReportedAtOnce() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            tui.press("6", "j", "j", "j", "j", "j", "j", "j", "enter").type(",x");
            assertThat(tui.text()).contains("golive: ports: \"x\" is not a port number", "No unit until the form is valid.");
            tui.press("backspace", "backspace").type(",9090").press("enter");
            assertThat(tui.text()).contains("ports         8080,9090", "[Service]").doesNotContain("golive: ports");
            tui.press("j", "enter").type("150%").press("enter");
            assertThat(tui.text()).contains("CPUQuota=150%");
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void aValidationMessageIsShownWholeAcrossTheScreen(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", cols, rows)) {
            tui.press("6", "j", "j", "j", "j", "j", "j", "j", "j", "enter").type("0%").press("enter");
            String problem = tui.app.current() instanceof UnitView ? problemText(tui) : "";
            assertThat(problem).startsWith("golive: CPUQuota").endsWith(")");
            assertThat(tui.text().replaceAll("\\s+", " ")).contains(problem.replaceAll("\\s+", " "));
        }
    }

    /** The error lines under the form, joined: what the admin reads. */
    private static String problemText(TuiDriver tui) {
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String line : tui.text().split("\n")) {
            String t = line.strip();
            if (t.startsWith("golive: CPUQuota")) in = true;
            else if (in && (t.isEmpty() || t.startsWith("enter edit") || t.startsWith("No unit"))) break;
            if (in) b.append(b.length() == 0 ? "" : " ").append(t);
        }
        return b.toString();
    }

    @Test
    void ctrlUClearsTheFieldBeingEdited() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            tui.press("6", "j", "enter");
            assertThat(tui.text()).contains("ctrl-u clears");
            tui.press("ctrl-u").type("/opt/x/bin/x").press("enter");
            assertThat(tui.text()).contains("exec          /opt/x/bin/x", "ExecStart=/opt/x/bin/x");
        }
    }

    @Test
    void thePreviewHeaderSaysTheSnapshotIdComesAtApply() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            tui.press("6");
            assertThat(tui.text()).contains("# Managed by golive (snapshot <id assigned at apply>)", "#   golive rollback <id assigned at apply>")
                    .doesNotContain("rollback preview");
        }
    }

    @Test
    void aBadValueWhileTypingIsNotAWarningInTheLog() {
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var events = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        events.start();
        root.addAppender(events);
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            tui.press("6", "j", "j", "j", "j", "j", "j", "j", "j", "enter").type("0%").press("enter");
            assertThat(tui.text()).contains("golive: CPUQuota");
        } finally {
            root.detachAppender(events);
        }
        assertThat(events.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
    }

    @Test
    void argumentsEnvironmentAndLimitsUseTheUnitFilesOwnQuoting() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            tui.press("6", "j", "j", "enter").type("--listen :8080 '--name=a b'").press("enter");
            tui.press("j", "j", "j", "enter").type("GOGC=50 'GREETING=hello world'").press("enter");
            tui.press("j", "j", "j", "j", "j", "j", "j", "enter").type("65536:524288").press("enter");
            assertThat(tui.text()).doesNotContain("golive:").contains("LimitNOFILE   65536:524288");
            var spec = ((UnitView) tui.app.current()).spec();
            assertThat(spec.arguments()).containsExactly("--listen", ":8080", "--name=a b");
            assertThat(spec.environment()).containsEntry("GOGC", "50").containsEntry("GREETING", "hello world");
            assertThat(spec.resources().nofile()).contains(new dev.golive.model.NofileLimit(65536, 524288));
        }
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            tui.press("6", "j", "j", "enter").type("'unterminated").press("enter");
            assertThat(tui.text()).contains("golive: arguments: col 1:");
        }
    }

    @Test
    void pPutsTheServiceIntoThePlanAndReviewShowsItsUnit() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("ubuntu2004-hybrid"), false, 120, 40)) {
            // the tree's systemd version is unknown, so golive writes for 219, which has no DynamicUser=
            tui.press("6", "j", "j", "j", "j", "enter", "p");
            assertThat(tui.row(1)).contains("4 Review");
            assertThat(tui.text()).contains("· service api.service", "Files (4)");
            tui.type("/ExecStart").press("enter");
            assertThat(tui.text()).contains("+ExecStart=/usr/local/bin/api");
            assertThat(tui.app.model().plan().orElseThrow().service()).contains("api.service");
        }
    }

    @Test
    void pOnAnExistingServicePlansADropInWithoutTheDefaultsThatWouldBreakIt() {
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("debian12-vm"), "api", 120, 40)) {
            tui.press("6", "p");
            assertThat(tui.row(1)).contains("4 Review");
            var plan = tui.app.model().plan().orElseThrow();
            var dropIn = plan.files().stream().filter(f -> f.path().equals("/etc/systemd/system/api.service.d/60-golive.conf"))
                    .findFirst().orElseThrow().after().orElseThrow();
            // what the unit has (User=api, GOMAXPROCS=4) and systemd's restart defaults are not repeated; override.conf's
            // soft limit 65536 stays under the profile's higher hard limit (a profile never lowers a unit's LimitNOFILE=)
            assertThat(dropIn).doesNotContain("ExecStart", "DynamicUser", "/usr/local/bin/api", "User=", "GOMAXPROCS", "RestartSec", "StartLimit")
                    .contains("LimitNOFILE=65536:1048576");
            assertThat(plan.files()).noneMatch(f -> f.path().equals("/etc/systemd/system/api.service"));
        }
    }

    @Test
    void aChoiceCyclesWithEnter() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            tui.press("6", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "enter");
            assertThat(tui.text()).contains("hardening     strict");
            assertThat(tui.text()).contains("ProtectSystem=strict");
        }
    }

    @Test
    void vRunsSystemdAnalyzeAndShowsTheExposureUnderTheUnit() {
        assumeThat(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/systemd-analyze"))).isTrue();
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6", "v");
            assertThat(tui.text()).containsPattern("exposure \\d+\\.\\d|exposure: ");
        }
    }

    /** The resource controls sit after the Go runtime: CPUWeight (16 down) and MemoryLow on a cgroup v2 host reach the unit. */
    @Test
    void cpuWeightAndMemoryLowTypedInTheFormAreInTheUnit() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6");
            for (int i = 0; i < 16; i++) tui.press("j");
            tui.press("enter").type("300").press("enter");
            tui.press("j", "enter").type("512M").press("enter");
            assertThat(tui.text()).contains("CPUWeight=300", "MemoryLow=512M");
        }
    }

    /** On a hybrid host MemoryLow= would do nothing: the form says why instead of writing it. */
    @Test
    void memoryLowOnAHybridHostIsRefusedInTheForm() {
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            tui.press("6");
            for (int i = 0; i < 17; i++) tui.press("j");
            tui.press("enter").type("512M").press("enter");
            assertThat(tui.text().replaceAll("\\s+", " ")).contains("MemoryLow: MemoryLow= is ignored on a cgroup hybrid host")
                    .doesNotContain("MemoryLow=512M");
        }
    }

    /** The journal tag typed in the form is in the unit; an appended log file is refused with the reason. */
    @Test
    void theJournalTagIsSetInTheFormAnAppendedFileIsTakenAndAFileOutputIsRefused() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6");
            for (int i = 0; i < 23; i++) tui.press("j");
            tui.press("enter").type("orders").press("enter");
            assertThat(tui.text()).contains("SyslogIdentifier=orders");
            tui.press("j", "enter").type("append:/var/log/api.log").press("enter");
            assertThat(tui.text()).contains("StandardOutput=append:/var/log/api.log");
        }
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6");
            for (int i = 0; i < 24; i++) tui.press("j");
            tui.press("enter").type("file:/var/log/api.log").press("enter");
            assertThat(tui.text().replaceAll("\\s+", " ")).contains("stdout: StandardOutput=file:/var/log/api.log writes a file that only copytruncate");
        }
    }

    /** Group= and the health URL sit last (26 and 27 down); each is checked by the spec's own validator as it is typed. */
    @Test
    void theGroupIsWrittenToTheUnitAndTheHealthUrlIsCheckedLikeTheSpecs() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6");
            for (int i = 0; i < 26; i++) tui.press("j");
            tui.press("enter").type("web").press("enter");
            assertThat(tui.text()).contains("group         web", "Group=web");
            tui.press("enter", "ctrl-u").type("-web").press("enter");
            assertThat(tui.text().replaceAll("\\s+", " ")).contains("group: \"-web\" is not a valid group name").doesNotContain("Group=-web");
            tui.press("enter", "ctrl-u").type("web").press("enter");
            tui.press("j", "enter").type("ftp://127.0.0.1/").press("enter");
            assertThat(tui.text().replaceAll("\\s+", " ")).contains("health URL: \"ftp://127.0.0.1/\": expected an http:// or https:// URL");
            tui.press("enter", "ctrl-u").type("http://127.0.0.1:8080/healthz").press("enter");
            assertThat(((UnitView) tui.app.current()).spec().healthUrl()).contains("http://127.0.0.1:8080/healthz");
            assertThat(((UnitView) tui.app.current()).spec().group()).contains("web");
        }
    }

    /** An append: output: the preview shows the logrotate file golive writes with the unit, as the plan does. */
    @Test
    void anAppendedLogFileShowsItsLogrotateFileUnderTheUnit() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 120, 40)) {
            tui.press("6");
            for (int i = 0; i < 24; i++) tui.press("j");
            tui.press("enter").type("append:/var/log/api.log").press("enter");
            for (int i = 0; i < 40; i++) tui.press("J");
            assertThat(tui.text()).contains("and /etc/logrotate.d/golive-api", "/var/log/api.log {", "copytruncate");
        }
    }
}
