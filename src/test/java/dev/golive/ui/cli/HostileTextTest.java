package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.app.Session;
import dev.golive.config.SysctlFile;
import dev.golive.model.SysctlAssignment;
import dev.golive.report.HostileCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer runs golive on a capture someone handed them, and plans with a profile someone
 * wrote: escapes in the capture's os-release and hostname, and line breaks in a profile's
 * why, are shown as visible escapes and never reach the terminal or a written file raw.
 */
class HostileTextTest {

    @TempDir Path tmp;

    @Test
    void inspectShowsTheCapturesEscapesInsteadOfSendingThem() throws Exception {
        Path cap = HostileCapture.under(tmp);
        CheckCommandTest.Run r = CheckCommandTest.run(new InspectCommand(), "--root", cap.toString(), "--no-color");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(HostileCapture.hasRawControl(r.out())).as(r.out()).isFalse();
        assertThat(r.out()).contains("api" + HostileCapture.TITLE_SHOWN + "-1" + HostileCapture.CLEAR_SHOWN)
                .contains("Debian " + HostileCapture.TITLE_SHOWN + "12" + HostileCapture.CLEAR_SHOWN);
    }

    @Test
    void checkShowsTheCapturesEscapesInsteadOfSendingThem() throws Exception {
        Path cap = HostileCapture.under(tmp);
        CheckCommandTest.Run r = CheckCommandTest.run(new CheckCommand(), "--root", cap.toString(), "--no-color");
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        assertThat(HostileCapture.hasRawControl(r.out())).as(r.out()).isFalse();
        assertThat(r.out()).contains(HostileCapture.TITLE_SHOWN);
    }

    @ParameterizedTest(name = "report --format {0}")
    @ValueSource(strings = {"md", "html"})
    void theReportShowsTheCapturesEscapesInsteadOfSendingThem(String format) throws Exception {
        Path cap = HostileCapture.under(tmp);
        CheckCommandTest.Run r = CheckCommandTest.run(new ReportCommand(), "--root", cap.toString(), "--format", format);
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(HostileCapture.hasRawControl(r.out())).isFalse();
        assertThat(r.out()).contains(HostileCapture.TITLE_SHOWN);
    }

    @ParameterizedTest(name = "why with {0}")
    @ValueSource(strings = {"\\n", "\\r", "\\0", "\\u2028", "\\e"})
    void aLineBreakInAWhyCannotAddASettingToTheSysctlFile(String breaker) throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc")), home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(etc.resolve("sly.yaml"), "include: base\nsysctl:\n  net.core.somaxconn:\n    value: 16384\n"
                + "    why: \"Backlog" + breaker + "kernel.core_pattern=|/tmp/x\"\n");
        String fixture = Path.of("src/test/resources/hosts/debian12-vm").toAbsolutePath().toString();
        CheckCommandTest.Run r = CheckCommandTest.run(new PlanCommand(root -> Session.open(root).profileDirs(List.of(etc.toString(), home.toString()))),
                "--profile", "sly", "--root", fixture, "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode plan = new ObjectMapper().readTree(r.out());
        String sysctlD = null;
        for (JsonNode f : plan.get("files")) if (f.get("path").asText().startsWith("/etc/sysctl.d/")) sysctlD = f.get("after").asText();
        assertThat(sysctlD).isNotNull();
        assertThat(HostileCapture.hasRawControl(sysctlD)).as(sysctlD).isFalse();
        assertThat(sysctlD.chars().noneMatch(c -> c == 0x2028)).isTrue();
        List<String> keys = SysctlFile.parse("/etc/sysctl.d/60-golive.conf", sysctlD).assignments().stream().map(SysctlAssignment::key).toList();
        assertThat(keys).contains("net.core.somaxconn").doesNotContain("kernel.core_pattern");
        assertThat(sysctlD).contains("kernel.core_pattern=|/tmp/x").as("the text stays, inside its comment");
    }
}
