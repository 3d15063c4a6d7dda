package dev.golive.ui.tui;

import dev.golive.model.Finding;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * golive's own output is not a finding: after applying a profile with the service's unit or
 * drop-in, the check golive runs again finds nothing new in the files it just wrote.
 */
class OwnOutputRecheckTest {

    @ParameterizedTest(name = "{0}: {1}.service, profile {2}")
    @CsvSource(delimiter = ';', value = {
        "debian12-vm; api; base; 6 p",                  // a drop-in on the existing unit
        "debian12-vm; api; web-api; 6 p",
        "ubuntu2004-hybrid; api; base; 6 j j j j enter p", // a new unit from the form
        "ubuntu2004-hybrid; api; web-api; 6 j j j j enter p"})
    void aReCheckAfterAnApplyFindsNothingNewInWhatGoliveWrote(String fixture, String service, String profile, String unitKeys) {
        String tree = TuiDriver.targetTree(fixture);
        try (TuiDriver tui = TuiDriver.on(tree, service, 120, 40)) {
            Set<String> before = tui.app.model().loaded().orElseThrow().report().findings().stream()
                    .map(Finding::ruleId).collect(Collectors.toSet());
            tui.press("3").type("/" + profile).press("enter", "enter").press(unitKeys.split(" ")).press("a", "y");
            assertThat(tui.text()).contains("applied 20260101-000000-test");
            List<Finding> after = tui.app.model().loaded().orElseThrow().report().findings();
            assertThat(after).as("new findings in the files golive just wrote")
                    .filteredOn(f -> !before.contains(f.ruleId()) && !f.sources().isEmpty() && wroteByGolive(tree, f.sources().get(0)))
                    .extracting(f -> f.ruleId() + ": " + f.message())
                    .isEmpty();
        }
    }

    /** A file with golive's header: one golive wrote (an admin's override.conf next to it is not). */
    private static boolean wroteByGolive(String tree, Source s) {
        if (!(s instanceof Source.File f)) return false;
        try {
            Path p = Path.of(tree, f.path());
            return Files.isRegularFile(p) && OwnedFiles.isOwned(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
