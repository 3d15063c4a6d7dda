package dev.golive.report;

import dev.golive.model.CaptureInfo;

/**
 * What a report's header calls the host it read: the live host, a capture (a manifest says
 * when it was taken), or a target tree (an image being built, a root with no manifest), so a
 * reviewer never takes an image for a snapshot of a running server.
 */
final class OriginLabel {
    private OriginLabel() { }

    static String of(CaptureInfo o) {
        if (o.live()) return "live host";
        return (o.capturedAt() == null ? "target tree " : "capture ") + o.root();
    }
}
