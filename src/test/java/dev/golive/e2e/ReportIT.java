package dev.golive.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's report and diff calls through scripts/golive: capture here, review and compare it elsewhere. */
class ReportIT {

    @Test
    void captureThenReviewItAsHtmlAndCompareItWithTheLiveHost(@TempDir Path tmp) throws Exception {
        Path capture = tmp.resolve("host.tar.gz");
        Run c = Run.golive("capture", "-o", capture.toString());
        assertThat(c.exit()).as(c.err()).isZero();

        Path html = tmp.resolve("review.html");
        Run r = Run.golive("report", "--root", capture.toString(), "-o", html.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<h2 id=\"findings\">Findings</h2>", "<h2 id=\"plan\">");
        // a capture carries no snapshot directory: the section says so instead of claiming "no snapshots"
        assertThat(page).contains("this capture does not include /var/lib/golive/snapshots");

        Run md = Run.golive("report");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).startsWith("# Pre-go-live review: ").contains("Live host", "## Snapshot history");

        Run d = Run.golive("diff", "--no-color", capture.toString(), "live");
        assertThat(d.exit()).as(d.err()).isZero();
        assertThat(d.out()).startsWith("golive diff\n  A  " + capture).contains("\n  B  live", "\nFacts (", "\nOwned files\n");
        // the kernel does not change between a capture and a moment later
        assertThat(d.out()).doesNotContain("os.kernelRelease", "cgroups.mode");
        Run j = Run.golive("diff", "--json", "live", "live");
        assertThat(j.exit()).isZero();
        assertThat(j.out()).contains("\"kind\" : \"golive-diff\"");
    }
}
