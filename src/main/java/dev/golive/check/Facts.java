package dev.golive.check;

import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFact;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small readers over HostFacts shared by the rules; every one returns empty for Unknown. */
final class Facts {

    private Facts() { }

    /** The known sources of some facts, in order, without duplicates. */
    static List<Source> sources(Fact<?>... facts) {
        List<Source> out = new ArrayList<>();
        for (Fact<?> f : facts) f.src().filter(s -> !out.contains(s)).ifPresent(out::add);
        return out;
    }

    static List<Source> plus(List<Source> a, Optional<? extends Source> b) {
        List<Source> out = new ArrayList<>(a);
        b.filter(s -> !out.contains(s)).ifPresent(out::add);
        return out;
    }

    static Optional<SysctlFact> sysctl(HostFacts h, String key) { return h.sysctls().get(key); }

    static Optional<Long> liveLong(HostFacts h, String key) { return h.sysctls().liveLong(key); }

    static Optional<String> live(HostFacts h, String key) { return h.sysctls().live(key); }

    /** The winning assignment of a key in the sysctl files, if any. */
    static Optional<SysctlAssignment> configured(HostFacts h, String key) {
        Optional<SysctlAssignment> c = sysctl(h, key).flatMap(SysctlFact::configured);
        if (c.isPresent()) return c;
        SysctlAssignment last = null;
        for (SysctlAssignment a : h.sysctls().allAssignments()) if (a.key().equals(key)) last = a;
        return Optional.ofNullable(last);
    }

    /** Where a key's live value and its configured value come from. */
    static List<Source> sysctlSources(HostFacts h, String key) {
        List<Source> out = new ArrayList<>();
        sysctl(h, key).flatMap(f -> f.live().src()).ifPresent(out::add);
        configured(h, key).ifPresent(a -> { if (!out.contains(a.source())) out.add(a.source()); });
        return out;
    }

    /** " (set in FILE:LINE)" or "" when no file sets the key. */
    static String setBy(HostFacts h, String key) {
        return configured(h, key).map(a -> " (set in " + a.source().describe() + ")").orElse("");
    }

    static Optional<long[]> portRange(HostFacts h) {
        return live(h, "net.ipv4.ip_local_port_range").flatMap(v -> {
            String[] p = v.trim().split("\\s+");
            if (p.length != 2) return Optional.empty();
            Optional<Long> lo = ValueParsers.parseLong(p[0]);
            Optional<Long> hi = ValueParsers.parseLong(p[1]);
            return lo.isPresent() && hi.isPresent() ? Optional.of(new long[] {lo.get(), hi.get()}) : Optional.empty();
        });
    }

    /** net.ipv4.ip_local_reserved_ports ("8080,9000-9100") as a membership test; empty list when unset. */
    static boolean reserved(String spec, int port) {
        if (spec == null) return false;
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int dash = p.indexOf('-');
            try {
                if (dash < 0 ? Integer.parseInt(p) == port
                        : port >= Integer.parseInt(p.substring(0, dash).trim()) && port <= Integer.parseInt(p.substring(dash + 1).trim())) {
                    return true;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}
