package dev.golive.check;

import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoVersion;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Go runtime of a service will do, from the facts golive can read: the binary's
 * build info first (the truth), else the go.mod line and the toolchain on the host (what a
 * build here would produce). DOMAIN.md: before 1.25 CPU quotas are ignored; 1.25 reads the
 * leaf cgroup only when go.mod says go ≥ 1.25 (a binary shows the opposite as
 * containermaxprocs=0 in DefaultGODEBUG); GODEBUG=containermaxprocs=0 opts out.
 */
final class GoRuntime {

    private GoRuntime() { }

    enum QuotaAwareness { IGNORES_QUOTA, READS_LEAF, UNKNOWN }

    record Awareness(QuotaAwareness kind, String reason, List<Source> sources) { }

    /** The Go version the service runs (binary), else the toolchain that would build it. */
    static Optional<GoVersion> version(HostFacts f) {
        Optional<GoVersion> fromBinary = f.service().flatMap(s -> s.binary().opt()).flatMap(GoBuildInfo::version);
        return fromBinary.isPresent() ? fromBinary : f.go().goVersion();
    }

    static Optional<Source> versionSource(HostFacts f) {
        Optional<Source> b = f.service().filter(s -> s.binary().opt().flatMap(GoBuildInfo::version).isPresent())
                .flatMap(s -> s.binary().src());
        return b.isPresent() ? b : f.go().version().src();
    }

    /** GODEBUG of the service's environment, as key → value. */
    static Map<String, String> godebugEnv(ServiceFacts s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : env(s, "GODEBUG").orElse("").split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return m;
    }

    static Optional<String> env(ServiceFacts s, String name) {
        Fact<String> f = s.environment().get(name);
        return f == null ? Optional.empty() : f.opt();
    }

    static List<Source> envSource(ServiceFacts s, String name) {
        Fact<String> f = s.environment().get(name);
        return f == null ? List.of() : f.src().stream().toList();
    }

    static Awareness quotaAwareness(HostFacts f, ServiceFacts s) {
        List<Source> src = new ArrayList<>();
        Optional<GoVersion> v = version(f);
        versionSource(f).ifPresent(src::add);
        if (v.isEmpty()) return new Awareness(QuotaAwareness.UNKNOWN, "the Go version of the service is unknown", src);
        if (!v.get().atLeast(1, 25, 0)) {
            return new Awareness(QuotaAwareness.IGNORES_QUOTA, v.get() + " sizes GOMAXPROCS from the CPU count and ignores CPU quotas", src);
        }
        if ("0".equals(godebugEnv(s).get("containermaxprocs"))) {
            src.addAll(envSource(s, "GODEBUG"));
            return new Awareness(QuotaAwareness.IGNORES_QUOTA, "GODEBUG=containermaxprocs=0 in the service's environment turns off the quota-aware default", src);
        }
        Optional<GoBuildInfo> bin = s.binary().opt();
        if (bin.isPresent() && bin.get().version().isPresent()) {
            if ("0".equals(bin.get().defaultGodebug().get("containermaxprocs"))) {
                return new Awareness(QuotaAwareness.IGNORES_QUOTA, "the binary's DefaultGODEBUG has containermaxprocs=0 (its go.mod says go < 1.25), so "
                        + v.get() + " still ignores CPU quotas", src);
            }
            return new Awareness(QuotaAwareness.READS_LEAF, v.get() + " with go ≥ 1.25 in go.mod reads the leaf cgroup's quota", src);
        }
        Optional<GoVersion> mod = s.goModGoVersion().opt().flatMap(GoVersion::parse);
        if (mod.isEmpty()) return new Awareness(QuotaAwareness.UNKNOWN, "neither the binary's build info nor go.mod is readable", src);
        s.goModGoVersion().src().ifPresent(src::add);
        if (!mod.get().atLeast(1, 25, 0)) {
            return new Awareness(QuotaAwareness.IGNORES_QUOTA, "go.mod says " + mod.get() + " (< 1.25), so the runtime keeps the pre-1.25 default and ignores CPU quotas", src);
        }
        return new Awareness(QuotaAwareness.READS_LEAF, "go.mod says " + mod.get() + " and the toolchain is " + v.get() + ": the runtime reads the leaf cgroup's quota", src);
    }
}
