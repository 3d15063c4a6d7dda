package dev.golive.unit;

import dev.golive.model.Fact;

/**
 * Whether the service's binary exists on the host golive renders for, and whether that host
 * is the live one: missing on the live host is an error (Type=exec would fail every start);
 * missing in a target tree or a capture is a warning, since the binary is often installed
 * later (an image build) or simply not copied into a capture.
 */
public record BinaryPresence(boolean liveRoot, Fact<Boolean> exists) {

    public static BinaryPresence notChecked(String why) { return new BinaryPresence(false, Fact.unknown(why)); }
}
