package dev.golive.inspect;

import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.NetworkFacts;
import dev.golive.model.Source;

import java.util.List;
import java.util.TreeSet;

/**
 * TCP ports in LISTEN state, from /proc/net/tcp and /proc/net/tcp6 (state 0A), read only as far
 * as the listeners go. The kernel prints the listening hash first and the established hash after
 * it (net/ipv4/tcp_ipv4.c: tcp_get_idx walks listening_get_first/next, then established_get_first;
 * tcp6 uses the same iterator), so the first socket line in another state ends the listeners. Before
 * Linux 4.4 a listener's pending connections (SYN_RECV, 03) were printed right after it, inside
 * the listening part, so those do not end it. Stopping there spares a busy server printing a line
 * for each of its connections (150 bytes each: 56 000 of them are past the 8 MiB golive reads of
 * a file) and the reads to the end of the file; a quiet host still pays the kernel's walk of the
 * whole established hash to find that there is no socket after its listeners.
 */
final class NetworkProbe {
    private NetworkProbe() { }

    static NetworkFacts probe(HostRoot root) {
        Fact<String> v4 = root.readUntil("/proc/net/tcp", PAST_LISTENERS);
        Fact<String> v6 = root.readUntil("/proc/net/tcp6", PAST_LISTENERS);
        if (!v4.known() && !v6.known()) return new NetworkFacts(Fact.unknown(CpuProbe.reason(v4)));
        TreeSet<Integer> ports = new TreeSet<>();
        listening(v4.orElse(""), ports);
        listening(v6.orElse(""), ports);
        String from = v4.known() ? "/proc/net/tcp" : "/proc/net/tcp6";
        if (v4.known() && v6.known()) from = "/proc/net/tcp and /proc/net/tcp6";
        return new NetworkFacts(Fact.of(List.copyOf(ports), new Source.Derived("LISTEN sockets in " + from)));
    }

    /** One predicate for both files: each lambda or method reference costs its linking on a cold JVM. */
    private static final java.util.function.Predicate<String> PAST_LISTENERS = NetworkProbe::pastListeners;

    /** A socket line ("  12: 0100007F:1F90 …") in a state other than LISTEN (0A) and SYN_RECV (03). */
    static boolean pastListeners(String line) {
        String[] f = Text.fields(line);
        return f.length >= 4 && f[0].endsWith(":") && !f[3].equals("0A") && !f[3].equals("03");
    }

    static void listening(String table, TreeSet<Integer> out) {
        for (String line : table.split("\n")) {
            String[] f = Text.fields(line);
            if (f.length < 4 || !f[3].equals("0A")) continue;
            int colon = f[1].lastIndexOf(':');
            if (colon < 0) continue;
            try {
                out.add(Integer.parseInt(f[1].substring(colon + 1), 16));
            } catch (NumberFormatException ignored) {
                // header line or garbage: skip
            }
        }
    }
}
