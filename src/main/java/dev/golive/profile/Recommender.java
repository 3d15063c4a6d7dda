package dev.golive.profile;

import dev.golive.model.HostFacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Ranks the profiles for a host, each with the reasons: a pure function of the facts. The
 * rules are few and stated here so an admin can predict them; a user profile that golive has
 * no rule for is listed last with that said.
 */
public final class Recommender {
    private Recommender() { }

    public record Recommendation(String profile, int score, List<String> reasons, String origin) { }

    static final long GIB = 1L << 30;

    public static List<Recommendation> rank(HostFacts facts, ProfileCatalog catalog) {
        List<Recommendation> out = new ArrayList<>();
        Optional<String> container = facts.os().container().opt().filter(c -> !c.equals("none"));
        Optional<Double> quota = facts.cpu().effectiveQuota();
        Optional<Long> memLimit = facts.memory().effectiveLimit();
        Optional<Integer> cpus = facts.cpu().logicalCpus().opt();
        Optional<Long> ram = facts.memory().totalBytes().opt();
        Optional<List<Integer>> ports = facts.network().listeningTcpPorts().opt();
        List<Integer> servicePorts = ports.orElse(List.of()).stream().filter(p -> p != 22).toList();
        boolean isolated = facts.cpu().isolcpus().opt().filter(x -> !x.isBlank() && !x.equals("not set")).isPresent()
                || facts.cpu().nohzFull().opt().filter(x -> !x.isBlank() && !x.equals("not set")).isPresent();

        for (ProfileCatalog.Listing l : catalog.list()) {
            int score = 0;
            List<String> why = new ArrayList<>();
            switch (l.name()) {
                case "base" -> {
                    score = 10;
                    why.add("fits any host running a Go service; every other shipped profile includes it");
                }
                case "container-limited" -> {
                    if (container.isPresent()) { score += 60; why.add("runs in a container (" + container.get() + ")"); }
                    if (quota.isPresent()) { score += 30; why.add("CPU quota of " + fmt(quota.get()) + " CPUs: GOMAXPROCS must follow it, not the " + cpus.map(String::valueOf).orElse("?") + " CPUs the host shows"); }
                    if (memLimit.isPresent()) { score += 20; why.add("memory limit of " + (memLimit.get() / (1 << 20)) + " MiB: GOMEMLIMIT should sit below it"); }
                    if (cpus.filter(c -> c <= 2).isPresent()) { score += 15; why.add("small instance: " + cpus.get() + " CPUs"); }
                    if (ram.filter(r -> r <= 2 * GIB).isPresent()) { score += 15; why.add("small instance: " + (ram.get() / (1 << 20)) + " MiB of RAM"); }
                }
                case "web-api" -> {
                    if (!servicePorts.isEmpty()) { score += 30; why.add("listening on " + servicePorts + ": a network service"); }
                    if (cpus.filter(c -> c >= 4).isPresent()) { score += 15; why.add(cpus.get() + " CPUs can serve many concurrent connections"); }
                    if (container.isPresent()) { score -= 20; why.add("in a container the global network settings belong to the host"); }
                }
                case "high-connections" -> {
                    if (!servicePorts.isEmpty() && cpus.filter(c -> c >= 16).isPresent()) {
                        score += 35; why.add(cpus.get() + " CPUs and listening on " + servicePorts + ": room for very many connections");
                    }
                    if (servicePorts.contains(80) || servicePorts.contains(443)) { score += 15; why.add("port 80/443 open: often a gateway or proxy"); }
                    if (container.isPresent()) { score -= 20; why.add("in a container the global network settings belong to the host"); }
                }
                case "low-latency" -> {
                    if (isolated) { score += 50; why.add("isolated CPUs (isolcpus=/nohz_full=) on the kernel command line: tuned for latency"); }
                }
                case "batch" -> {
                    if (ports.isPresent() && servicePorts.isEmpty()) { score += 25; why.add("no service port listening (only ssh, if any): a worker or batch host"); }
                }
                default -> why.add("user profile from " + l.origin() + ": golive has no rule for it");
            }
            if (why.isEmpty()) why.add("nothing on this host points to it");
            out.add(new Recommendation(l.name(), score, why, l.origin()));
        }
        List<String> order = catalog.list().stream().map(ProfileCatalog.Listing::name).toList();
        out.sort(Comparator.comparingInt(Recommendation::score).reversed().thenComparingInt(r -> order.indexOf(r.profile())));
        return out;
    }

    private static String fmt(double d) { return d == Math.rint(d) ? Long.toString((long) d) : String.format("%.2f", d); }
}
