package dev.golive.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.report.FactFilter;
import dev.golive.report.Fleet;
import dev.golive.report.FleetFormat;
import dev.golive.report.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture whose Ansible rounds did not finish (its manifest lists what was not gathered under
 * "missing") is read with the fleet and marked partial with what it lacks, in the review and its JSON;
 * a complete one is not.
 */
class PartialCaptureInFleetTest {

    @TempDir Path fleet;

    @Test
    void aPartialCaptureIsReadAndSaysWhatItLacks() throws IOException {
        copy("debian12-vm", fleet.resolve("api-1"));
        copy("debian12-vm", fleet.resolve("api-2"));
        Path manifest = fleet.resolve("api-2/golive-capture.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        ObjectNode missing = m.putObject("missing");
        missing.putArray("files").add("/etc/sysctl.conf");
        missing.putArray("dirs").add("/etc/sysctl.d").add("/run/sysctl.d");
        missing.putArray("commands");
        Files.writeString(manifest, json.writeValueAsString(m), StandardCharsets.UTF_8);

        Fleet f = Session.fleet(fleet.toString(), null, FactFilter.DEFAULT);
        assertThat(f.hosts()).extracting(Fleet.Host::name, Fleet.Host::missing).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("api-1", java.util.Optional.empty()),
                org.assertj.core.groups.Tuple.tuple("api-2", java.util.Optional.of("1 file, 2 directories, 0 commands")));
        assertThat(FleetFormat.TEXT.render(f, Style.PLAIN)).contains("\nPartial captures (1)\n  api-2  missing 1 file, 2 directories, 0 commands\n");
        assertThat(FleetFormat.MD.render(f, Style.PLAIN)).contains("## Partial captures (1)", "| api-2 | 1 file, 2 directories, 0 commands |");
        assertThat(FleetFormat.HTML.render(f, Style.PLAIN)).contains("<h2>Partial captures (1)</h2>",
                "<tr><td>api-2</td><td>1 file, 2 directories, 0 commands</td></tr>");
        var hosts = json.readTree(FleetFormat.JSON.render(f, Style.PLAIN)).get("hosts");
        assertThat(hosts.findValuesAsText("missing")).contains("1 file, 2 directories, 0 commands");
    }

    @Test
    void aMissingListGoliveCannotReadIsSaidSoNotTakenForComplete() throws IOException {
        copy("debian12-vm", fleet.resolve("api-1"));
        Path manifest = fleet.resolve("api-1/golive-capture.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        m.put("missing", "everything");
        Files.writeString(manifest, json.writeValueAsString(m), StandardCharsets.UTF_8);
        try (Session s = Session.open(fleet.resolve("api-1").toString())) {
            assertThat(s.captureMissing()).get().asString().startsWith("not known: ");
        }
    }

    /** A fixture host copied as a capture of the fleet, its links kept (the one tree copy of the tests). */
    private static void copy(String fixture, Path dst) throws IOException {
        dev.golive.host.Fixtures.copyTree(dev.golive.host.Fixtures.dir(fixture), dst);
    }
}
