package dev.golive.unit;

import dev.golive.config.SystemdIni;
import dev.golive.model.CgroupMode;
import dev.golive.model.Fact;
import dev.golive.model.ServiceFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What golive's own file of a unit (its drop-in on a unit it did not write, or the unit it
 * wrote) says, so that a later plan keeps it: a run that asks nothing about a setting (no
 * option, no spec line, nothing in the profile) leaves golive's earlier line as it stands,
 * and "none" is how the admin takes one away. Without this, `golive plan --service NAME`
 * with fewer options than the apply before it would plan golive's earlier lines away.
 *
 * <p>Order, most explicit first: what this run asks, the profile, then golive's own file.
 * A pure function of the file's text.
 */
public final class GolivesLines {

    private GolivesLines() { }

    /**
     * {@code wanted} (asked and merged with the profile) with every setting it leaves unsaid
     * taken from golive's {@code own} file; {@code dropIn}: that file is a drop-in (the Go
     * runtime values it holds then stand unless this run tunes the runtime; in golive's own
     * unit they are derived again).
     */
    public static Kept keep(ServiceSpec wanted, String path, String own, boolean dropIn,
                            Map<String, Fact<String>> managerDefaults, Optional<CgroupMode> cgroups, java.util.function.UnaryOperator<String> labels) {
        List<UnitDirective> lines = directives(path, own);
        if (lines.isEmpty()) return new Kept(wanted, List.of());
        ServiceFacts file = new ServiceFacts(wanted.unitName(), Fact.unknown("golive's file alone"), lines, Fact.unknown("not read"), Map.of(),
                "", Fact.unknown("not read"), Fact.unknown("not run"), Fact.unknown("not run"));
        SpecFromUnit from = SpecFromUnit.of(file, managerDefaults, cgroups);
        ServiceSpec o = from.spec();
        java.util.function.Predicate<String> says = field -> from.sources().get(field) instanceof Source.File;

        boolean execKept = wanted.exec().isEmpty() && says.test(SpecFromUnit.EXEC);
        Map<String, String> env = new LinkedHashMap<>(wanted.environment());
        for (Map.Entry<String, String> e : o.environment().entrySet()) {
            if (goRuntimeOutput(e.getKey(), wanted, dropIn)) continue;
            env.putIfAbsent(e.getKey(), e.getValue());
        }
        ServiceSpec.Resources asked = wanted.resources();
        ServiceSpec.Resources kept = asked.or(new ServiceSpec.Resources(o.resources().cpuQuota(), o.resources().memoryMax(),
                o.resources().memoryHigh(), o.resources().tasksMax(), o.resources().nofile(), ioWeight(lines), o.resources().cpuWeight(),
                o.resources().memoryLow(), o.resources().memoryMin(), o.resources().ioReadBandwidthMax(), o.resources().ioWriteBandwidthMax(),
                o.resources().allowedCpus(), o.resources().cpuAffinity()).withUnset(asked.unset()));
        ServiceSpec.Restart restart = wanted.restart().equals(ServiceSpec.Restart.DEFAULT) ? restart(lines, wanted.restart()) : wanted.restart();
        // basic is also what a run that says nothing gets; golive's own strict unit is not loosened by such a run
        ServiceSpec.Hardening hardening = wanted.hardening() == ServiceSpec.Hardening.BASIC && !dropIn
                && SpecFromUnit.hardening(file) == ServiceSpec.Hardening.STRICT ? ServiceSpec.Hardening.STRICT : wanted.hardening();
        List<String> notes = new ArrayList<>();
        // a unit does not record ports: the capability golive granted for a low one is derived from the spec's ports alone
        lines.stream().filter(d -> d.key().equals("AmbientCapabilities") && d.value().contains("CAP_NET_BIND_SERVICE")).findFirst()
                .filter(d -> wanted.ports().stream().noneMatch(p -> p < 1024))
                .ifPresent(d -> notes.add(labels.apply("ports") + ": golive granted CAP_NET_BIND_SERVICE (" + d.source().describe()
                        + ") for a port below 1024 asked before; a unit does not record ports, so give that port again to keep it "
                        + "(without it the service cannot bind that port as " + wanted.user().or(o::user).orElse("its user") + ")"));
        return new Kept(new ServiceSpec(wanted.name(), wanted.description().or(() -> last(lines, "Unit", "Description")),
                execKept ? o.exec() : wanted.exec(), execKept && wanted.arguments().isEmpty() ? o.arguments() : wanted.arguments(),
                // a user asked now ends golive's earlier DynamicUser=, and DynamicUser asked now its earlier User=
                wanted.user().or(() -> wanted.dynamicUser() ? Optional.empty() : o.user()),
                wanted.dynamicUser() || (wanted.user().isEmpty() && o.dynamicUser()),
                wanted.workingDirectory().or(() -> last(lines, "Service", "WorkingDirectory")),
                wanted.stateDirectories().isEmpty() ? o.stateDirectories() : wanted.stateDirectories(), env, wanted.ports(), kept,
                restart, hardening, wanted.go(), wanted.logging().or(logging(lines)), wanted.group().or(o::group), wanted.healthUrl()), notes);
    }

    /**
     * The lines of golive's drop-in that only an asked tightening writes (sandboxing, a restart
     * policy, a task limit: see UnitDirectives): written with --tighten on a run before, they stay
     * as they are on a later run that does not ask to tighten.
     */
    public static List<UnitDirective> tighteningLines(String path, String own) {
        return directives(path, own).stream().filter(d -> UnitDirectives.TIGHTENING_ONLY.contains(d.key())).toList();
    }

    /** The spec with golive's earlier lines kept, and what the admin must know about it. */
    public record Kept(ServiceSpec spec, List<String> notes) {
        public Kept { notes = List.copyOf(notes); }
    }

    /**
     * GOMAXPROCS and GOMEMLIMIT in golive's file are the Go runtime tuning of an earlier run: they
     * stand in a drop-in while this run says nothing about the runtime; a run that derives, sets
     * or turns them off decides them anew, and golive's own unit derives them again every time.
     */
    private static boolean goRuntimeOutput(String name, ServiceSpec wanted, boolean dropIn) {
        if (!name.equals("GOMAXPROCS") && !name.equals("GOMEMLIMIT")) return false;
        return !dropIn || wanted.go().mode() != ServiceSpec.GoRuntime.Mode.DEFAULT;
    }

    private static List<UnitDirective> directives(String path, String text) {
        List<UnitDirective> out = new ArrayList<>();
        for (SystemdIni.Entry e : SystemdIni.parse(path, text).entries()) {
            out.add(new UnitDirective(e.section(), e.key(), e.value(), new Source.File(path, e.line())));
        }
        return out;
    }

    private static Optional<String> last(List<UnitDirective> lines, String section, String key) {
        Optional<String> v = Optional.empty();
        for (UnitDirective d : lines) if (d.section().equals(section) && d.key().equals(key)) v = Optional.of(d.value().strip());
        return v.filter(s -> !s.isEmpty());
    }

    /** IOWeight= as written; BlockIOWeight= (systemd before 230) is IOWeight ×5, as golive writes it. */
    private static Optional<Integer> ioWeight(List<UnitDirective> lines) {
        Optional<Integer> io = last(lines, "Service", "IOWeight").filter(v -> v.matches("\\d{1,5}")).map(Integer::parseInt);
        if (io.isPresent()) return io;
        return last(lines, "Service", "BlockIOWeight").filter(v -> v.matches("\\d{1,4}")).map(v -> Math.max(1, Integer.parseInt(v) / 5));
    }

    private static ServiceSpec.Restart restart(List<UnitDirective> lines, ServiceSpec.Restart asked) {
        Optional<Integer> burst = last(lines, "Unit", "StartLimitBurst").or(() -> last(lines, "Service", "StartLimitBurst"))
                .filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt);
        return new ServiceSpec.Restart(last(lines, "Service", "Restart").orElse(asked.policy()),
                last(lines, "Service", "RestartSec").orElse(asked.restartSec()),
                last(lines, "Unit", "StartLimitIntervalSec").or(() -> last(lines, "Service", "StartLimitInterval"))
                        .orElse(asked.startLimitIntervalSec()),
                burst.orElse(asked.startLimitBurst()));
    }

    private static ServiceSpec.Logging logging(List<UnitDirective> lines) {
        return new ServiceSpec.Logging(last(lines, "Service", "SyslogIdentifier").map(v -> SpecFromUnit.unescape(v, false)),
                last(lines, "Service", "StandardOutput"), last(lines, "Service", "StandardError"),
                last(lines, "Service", "LogRateLimitIntervalSec"),
                last(lines, "Service", "LogRateLimitBurst").filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt));
    }
}
