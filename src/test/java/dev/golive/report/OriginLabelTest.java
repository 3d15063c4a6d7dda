package dev.golive.report;

import dev.golive.model.CaptureInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OriginLabelTest {

    @Test
    void aReviewerSeesWhetherTheHeaderIsTheLiveHostACaptureOrAnImageTree() {
        assertThat(OriginLabel.of(new CaptureInfo("/", true, null, "web1"))).isEqualTo("live host");
        assertThat(OriginLabel.of(new CaptureInfo("/srv/cap", false, "2026-12-01T10:00:00Z", "web1"))).isEqualTo("capture /srv/cap");
        // an image being built has no manifest: calling it a capture would pass it off as a running server
        assertThat(OriginLabel.of(new CaptureInfo("/srv/image", false, null, null))).isEqualTo("target tree /srv/image");
    }
}
