package dev.golive.unit;

import dev.golive.binfmt.GoBuildInfoReader;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;
import dev.golive.model.Source;

import java.nio.ByteBuffer;

/**
 * The service's binary as the host has it: whether it exists and what Go built it (its
 * {@code .go.buildinfo}, read in Java from a memory-mapped file, so nothing is executed).
 */
public record ServiceBinary(BinaryPresence presence, Fact<GoBuildInfo> buildInfo) {

    /** No Go binary ever comes near this; a bigger file is not read. */
    static final long MAX_BYTES = 1L << 30;

    public static ServiceBinary none(String why) {
        return new ServiceBinary(BinaryPresence.notChecked(why), Fact.unknown(why));
    }

    public static ServiceBinary read(HostRoot root, String exec) {
        BinaryPresence presence = new BinaryPresence(root.isLive(), root.presence(exec));
        if (presence.exists().opt().equals(java.util.Optional.of(false))) {
            return new ServiceBinary(presence, Fact.unknown(exec + ": no such file"));
        }
        Fact<ByteBuffer> bytes = root.readBinary(exec, MAX_BYTES);
        if (bytes instanceof Fact.Unknown<ByteBuffer> u) return new ServiceBinary(presence, Fact.unknown(u.reason()));
        try {
            GoBuildInfo info = GoBuildInfoReader.read(bytes.opt().get(), exec);
            return new ServiceBinary(presence, Fact.of(info, Source.File.of(exec)));
        } catch (GoliveException e) {
            return new ServiceBinary(presence, Fact.unknown(e.getMessage()));
        }
    }
}
