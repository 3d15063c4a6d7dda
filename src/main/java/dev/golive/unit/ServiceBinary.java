package dev.golive.unit;

import dev.golive.binfmt.GoBuildInfoReader;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;
import dev.golive.model.Source;

import dev.golive.config.ExecLine;
import dev.golive.config.SystemdIni;
import dev.golive.model.ServiceSpec;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

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

    /**
     * The binary the service will run: the spec's {@code exec}, else (a drop-in that keeps the
     * unit's command) the program of the existing unit's last {@code ExecStart=}, so the Go
     * runtime values come from the binary that actually starts.
     */
    public static ServiceBinary forSpec(HostRoot root, ServiceSpec spec, CurrentUnitFiles current) {
        if (spec.exec().isPresent()) {
            String e = spec.exec().get();
            boolean normal = e.startsWith("/") && !List.of(e.split("/")).contains("..") && !List.of(e.split("/")).contains(".");
            return normal ? read(root, e) : none(e + " is not a normalized absolute path"); // the validator says why
        }
        Optional<String> base = current.etcUnit().or(() -> current.vendorUnit().map(CurrentUnitFiles.Located::content));
        if (base.isEmpty()) return none("no exec in the spec and no unit on the host");
        List<String> starts = SystemdIni.parse("unit", base.get()).values("Service", "ExecStart").stream().filter(v -> !v.isEmpty()).toList();
        if (starts.isEmpty()) return none("the unit has no ExecStart=");
        ExecLine.Program prog = ExecLine.program(starts.get(starts.size() - 1));
        if (!prog.known()) return none(prog.problem());
        // the unit's binary: its presence is the unit's business, not the spec's
        ServiceBinary b = read(root, prog.path());
        return new ServiceBinary(BinaryPresence.notChecked("ExecStart= of the existing unit"), b.buildInfo());
    }

    /**
     * The binary {@code apply --finish --binary FILE} will install as {@code exec}: present (once
     * installed), and its Go build info read from {@code bytes}, the file that will run.
     */
    public static ServiceBinary installing(ByteBuffer bytes, String exec, String from) {
        BinaryPresence presence = new BinaryPresence(false, Fact.of(true, new Source.Derived("installed from " + from + " by apply --finish")));
        try {
            return new ServiceBinary(presence, Fact.of(GoBuildInfoReader.read(bytes, from), Source.File.of(from)));
        } catch (GoliveException e) {
            return new ServiceBinary(presence, Fact.unknown(e.getMessage()));
        }
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
