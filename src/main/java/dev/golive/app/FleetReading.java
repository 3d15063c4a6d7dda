package dev.golive.app;

import dev.golive.check.Checker;
import dev.golive.host.FleetDirectory;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.report.FactFilter;
import dev.golive.report.Fleet;
import dev.golive.report.FleetBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads many captures for {@link Session#fleet} and {@link Session#fleetOf}: each one opened,
 * inspected (as {@code service} sees the host, when one is named) and checked exactly as
 * `golive check --root` would, on as many threads as there are cores. A capture that cannot be
 * read is kept as {@link Fleet.Unreadable} with the one-line reason, never skipped.
 */
final class FleetReading {

    private FleetReading() { }

    /** One host to read: its name in the review and the capture to open. */
    record Named(String name, String spec) { }

    static Fleet directory(String dir, Optional<String> service, FactFilter filter, String generatedAt, String golive) {
        List<Named> captures = new ArrayList<>();
        List<Fleet.Unreadable> unreadable = new ArrayList<>();
        for (FleetDirectory.Entry e : FleetDirectory.list(dir)) {
            if (e.notACapture().isPresent()) unreadable.add(new Fleet.Unreadable(e.name(), e.path(), e.notACapture().get()));
            else captures.add(new Named(e.name(), e.path()));
        }
        return read(dir, captures, unreadable, service, filter, generatedAt, golive);
    }

    static Fleet hosts(List<String> specs, Optional<String> service, FactFilter filter, String generatedAt, String golive) {
        List<Named> named = specs.stream().map(s -> new Named(s, s)).toList();
        if (named.stream().map(Named::name).distinct().count() < named.size()) {
            throw GoliveException.badInput("a host is named twice: give each capture once");
        }
        Fleet f = read(String.join(" ", specs), named, List.of(), service, filter, generatedAt, golive);
        // a host named on the command line is input: one that cannot be read is an error, as for `golive diff A B`
        if (!f.unreadable().isEmpty()) throw GoliveException.badInput(f.unreadable().get(0).reason());
        return f;
    }

    private static Fleet read(String source, List<Named> captures, List<Fleet.Unreadable> unreadable, Optional<String> service,
                              FactFilter filter, String generatedAt, String golive) {
        List<FleetBuilder.Member> members = new ArrayList<>();
        List<Fleet.Unreadable> bad = new ArrayList<>(unreadable);
        int threads = Math.max(1, Math.min(captures.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "golive-fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (Named n : captures) results.add(pool.submit(() -> one(n, service)));
            for (int i = 0; i < captures.size(); i++) {
                Object r = get(results.get(i));
                if (r instanceof FleetBuilder.Member m) members.add(m);
                else bad.add((Fleet.Unreadable) r);
            }
        } finally {
            pool.shutdownNow();
        }
        if (members.isEmpty()) {
            throw GoliveException.badInput(source + ": no capture could be read"
                    + (bad.isEmpty() ? "" : " (" + bad.get(0).name() + ": " + bad.get(0).reason() + (bad.size() > 1 ? "; and " + (bad.size() - 1) + " more" : "") + ")"));
        }
        return FleetBuilder.build(new FleetBuilder.Inputs(source, members, bad, service, filter, generatedAt, golive));
    }

    /** A member, or the reason this capture cannot be read. */
    private static Object one(Named n, Optional<String> service) {
        try (Session s = Session.open(HostComparison.LIVE.equals(n.spec()) ? null : n.spec())) {
            HostFacts f = service.map(u -> s.inspectService(u, null)).orElseGet(s::inspect);
            return FleetBuilder.Member.of(n.name(), n.spec(), f, Checker.run(f), s.captureMissing());
        } catch (GoliveException e) {
            return new Fleet.Unreadable(n.name(), n.spec(), e.getMessage());
        }
    }

    private static Object get(Future<Object> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GoliveException.environment("interrupted while reading the captures");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }
}
