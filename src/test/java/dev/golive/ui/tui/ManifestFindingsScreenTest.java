package dev.golive.ui.tui;

import dev.golive.app.Session;
import dev.golive.model.Area;
import dev.golive.model.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** golive --manifest DIR: the findings of `golive check --manifest DIR` in the Findings screen, under the area container. */
class ManifestFindingsScreenTest {

    private static final String TRAPS = "src/test/resources/manifests/traps";

    /** a cycles through the areas in their order; container is the last. */
    private static void onlyContainers(TuiDriver tui) {
        tui.press("2");
        for (int i = 0; i <= Area.CONTAINER.ordinal(); i++) tui.press("a");
        assertThat(tui.row(2)).contains("area container");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80, 24", "120, 40"})
    void theContainerFindingsAreListedWithTheirFileLineWhyAndFix(int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixtureWithManifests("debian12-vm", TRAPS, cols, rows)) {
            onlyContainers(tui);
            tui.matchesGolden("findings-manifests-debian12-vm-" + cols + "x" + rows);
            assertThat(tui.text()).contains(TRAPS + "/", "Source", "Fix");
        }
    }

    @Test
    void theScreenListsWhatCheckManifestFindsNextToTheHostsFindings() {
        var cli = Session.checkManifests(TRAPS, Optional.empty());
        assertThat(cli.findings()).isNotEmpty();
        try (TuiDriver tui = TuiDriver.onFixtureWithManifests("debian12-vm", TRAPS, 120, 40)) {
            var all = tui.app.model().loaded().orElseThrow().report().findings();
            assertThat(all.stream().filter(f -> f.area() == Area.CONTAINER).toList()).containsExactlyInAnyOrderElementsOf(cli.findings());
            assertThat(all).as("the host's own findings stay").anyMatch(f -> f.area() != Area.CONTAINER);
            assertThat(all).as("worst first across both").isSortedAccordingTo(
                    java.util.Comparator.comparing(Finding::severity).reversed());
        }
    }

    @Test
    void aContainerFindingIsAdviceNotAFixForThePlan() {
        try (TuiDriver tui = TuiDriver.onFixtureWithManifests("debian12-vm", TRAPS, 120, 40)) {
            onlyContainers(tui);
            tui.press("enter");
            assertThat(tui.app.model().picked()).isEmpty();
            assertThat(tui.text()).contains("golive cannot change this itself; see Fix");
        }
    }
}
