package dev.golive.inspect;

import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.NetworkFacts;
import dev.golive.model.Source;

import java.util.List;
import java.util.TreeSet;

/** TCP ports in LISTEN state, from /proc/net/tcp and /proc/net/tcp6 (state 0A). */
final class NetworkProbe {
    private NetworkProbe() { }

    static NetworkFacts probe(HostRoot root) {
        Fact<String> v4 = root.read("/proc/net/tcp");
        Fact<String> v6 = root.read("/proc/net/tcp6");
        if (!v4.known() && !v6.known()) return new NetworkFacts(Fact.unknown(CpuProbe.reason(v4)));
        TreeSet<Integer> ports = new TreeSet<>();
        listening(v4.orElse(""), ports);
        listening(v6.orElse(""), ports);
        String from = v4.known() ? "/proc/net/tcp" : "/proc/net/tcp6";
        if (v4.known() && v6.known()) from = "/proc/net/tcp and /proc/net/tcp6";
        return new NetworkFacts(Fact.of(List.copyOf(ports), new Source.Derived("LISTEN sockets in " + from)));
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
