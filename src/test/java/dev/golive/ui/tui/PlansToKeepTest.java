package dev.golive.ui.tui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.golive.apply.PlanCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans to keep: on Review, s saves the plan as the JSON `golive apply --plan-file` reads, and R
 * the report `golive report` writes, each to the path the admin types.
 */
class PlansToKeepTest {

    @TempDir Path out;

    @Test
    void theReviewedPlanIsSavedAsThePlanFileApplyReads() throws Exception {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("3").type("/web").press("enter", "p", "s");
            assertThat(tui.text()).contains("Save plan 20260101-000000-test as JSON to", "golive-plan-20260101-000000-test.json_");
            Path file = out.resolve("web.json");
            tui.press("ctrl-u").type(file.toString()).press("enter");
            assertThat(tui.row(22)).contains("saved plan 20260101-000000-test to " + file);
            var plan = tui.app.model().plan().orElseThrow();
            assertThat(Files.readString(file)).isEqualTo(PlanCodec.toJson(plan));
            assertThat(PlanCodec.readPlanFile(file.toString(), Files.readString(file))).isEqualTo(plan);
        }
    }

    @Test
    void theReportIsSavedInTheFormatItsNameSays() throws Exception {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("4", "R");
            assertThat(tui.text()).contains("Save report");
            Path json = out.resolve("review.json");
            tui.press("ctrl-u").type(json.toString()).press("enter");
            assertThat(tui.row(22)).contains("saved the json report to " + json);
            assertThat(new ObjectMapper().readTree(Files.readString(json)).isObject()).isTrue();
            Path md = out.resolve("review.md");
            tui.press("R", "ctrl-u").type(md.toString()).press("enter");
            assertThat(Files.readString(md)).startsWith("# ");
        }
    }

    @Test
    void aPathInADirectoryThatDoesNotExistIsOneLineAndWritesNothing() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("3").type("/web").press("enter", "p", "s", "ctrl-u").type(out.resolve("no/such/dir/p.json").toString()).press("enter");
            assertThat(tui.text()).contains("Error", "/no/such/dir/p.json: no such");
            assertThat(out.resolve("no")).doesNotExist();
        }
    }
}
