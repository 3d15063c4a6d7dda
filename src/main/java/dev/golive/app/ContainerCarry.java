package dev.golive.app;

import dev.golive.model.ServiceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which service settings a container export carries: the one place that knows it, for
 * `golive export --format dockerfile|kubernetes` (which refuses the others with exit 2) and the
 * TUI's exports (which name them in the dialog and export without them), so neither drops a
 * setting without a word.
 *
 * <p>A systemd unit's own settings (its user, directories, restart policy, task and file limits,
 * the cgroup controls beyond a CPU and memory limit, the journal) have no place in an image or a
 * pod spec; a Dockerfile also carries no runtime limits, no hardening and no Go runtime values
 * (they belong to where the container runs: the Kubernetes export carries them).
 */
public final class ContainerCarry {

    private ContainerCarry() { }

    /** What a left-out setting is, said of one ({@code NAME is …}) and of several. */
    public enum Kind {
        UNIT("a systemd unit setting", "systemd unit settings"),
        RUNTIME("a setting of where the container runs, not of its image (the Kubernetes export carries it)",
                "settings of where the container runs, not of its image (the Kubernetes export carries them)");

        public final String one, several;

        Kind(String one, String several) {
            this.one = one;
            this.several = several;
        }
    }

    /** A setting the export leaves out: its spec field ({@code restart.restartSec}) and what it is. */
    public record NotCarried(String field, Kind kind) {
        /** What it is, to follow "NAME is". */
        public String why() { return kind.one; }
    }

    private record Setting(String field, Function<ServiceSpec, Object> value, boolean kubernetesCarries) { }

    private static final List<Setting> SETTINGS = List.of(
            unit("description", ServiceSpec::description),
            unit("user", ServiceSpec::user),
            unit("group", ServiceSpec::group),
            unit("dynamicUser", ServiceSpec::dynamicUser),
            unit("workingDirectory", ServiceSpec::workingDirectory),
            unit("stateDirectories", ServiceSpec::stateDirectories),
            unit("healthUrl", ServiceSpec::healthUrl),
            unit("resources.memoryHigh", s -> s.resources().memoryHigh()),
            unit("resources.tasksMax", s -> s.resources().tasksMax()),
            unit("resources.nofile", s -> s.resources().nofile()),
            unit("resources.ioWeight", s -> s.resources().ioWeight()),
            unit("resources.cpuWeight", s -> s.resources().cpuWeight()),
            unit("resources.memoryLow", s -> s.resources().memoryLow()),
            unit("resources.memoryMin", s -> s.resources().memoryMin()),
            unit("resources.ioReadBandwidthMax", s -> s.resources().ioReadBandwidthMax()),
            unit("resources.ioWriteBandwidthMax", s -> s.resources().ioWriteBandwidthMax()),
            // a Deployment pins no CPUs, so a cpuset must not shape the pod's GOMAXPROCS either
            unit("resources.allowedCpus", s -> s.resources().allowedCpus()),
            unit("resources.cpuAffinity", s -> s.resources().cpuAffinity()),
            unit("logs.syslogIdentifier", s -> s.logging().syslogIdentifier()),
            unit("logs.standardOutput", s -> s.logging().standardOutput()),
            unit("logs.standardError", s -> s.logging().standardError()),
            unit("logs.rateLimitIntervalSec", s -> s.logging().rateLimitIntervalSec()),
            unit("logs.rateLimitBurst", s -> s.logging().rateLimitBurst()),
            unit("restart.policy", s -> s.restart().policy()),
            unit("restart.restartSec", s -> s.restart().restartSec()),
            unit("restart.startLimitIntervalSec", s -> s.restart().startLimitIntervalSec()),
            unit("restart.startLimitBurst", s -> s.restart().startLimitBurst()),
            runtime("resources.cpuQuota", s -> s.resources().cpuQuota()),
            runtime("resources.memoryMax", s -> s.resources().memoryMax()),
            runtime("hardening", ServiceSpec::hardening),
            runtime("go.gomaxprocs", s -> s.go().gomaxprocs()),
            runtime("go.gomemlimit", s -> s.go().gomemlimit()),
            runtime("go.memLimitPercent", s -> s.go().memLimitPercent()));

    private static Setting unit(String field, Function<ServiceSpec, Object> value) { return new Setting(field, value, false); }

    private static Setting runtime(String field, Function<ServiceSpec, Object> value) { return new Setting(field, value, true); }

    /**
     * The settings of {@code spec} that a Dockerfile ({@code kubernetes} false) or a Kubernetes
     * manifest does not carry: those set to something other than {@link ServiceSpec#named}'s
     * "not said", and those {@code given} names (an option typed with the default value is
     * still an option the export would drop).
     */
    public static List<NotCarried> notCarried(ServiceSpec spec, boolean kubernetes, Predicate<String> given) {
        ServiceSpec unsaid = ServiceSpec.named(spec.name());
        List<NotCarried> out = new ArrayList<>();
        for (Setting s : SETTINGS) {
            if (kubernetes && s.kubernetesCarries()) continue;
            if (given.test(s.field()) || !Objects.equals(s.value().apply(spec), s.value().apply(unsaid))) {
                out.add(new NotCarried(s.field(), s.kubernetesCarries() ? Kind.RUNTIME : Kind.UNIT));
            }
        }
        return List.copyOf(out);
    }

    /** {@code spec} with what {@link #notCarried} lists set back to "not said": what the export is made from. */
    public static ServiceSpec carried(ServiceSpec spec, boolean kubernetes) {
        ServiceSpec u = ServiceSpec.named(spec.name());
        ServiceSpec.Resources r = spec.resources();
        ServiceSpec.Resources n = u.resources();
        ServiceSpec.Resources res = new ServiceSpec.Resources(kubernetes ? r.cpuQuota() : n.cpuQuota(), kubernetes ? r.memoryMax() : n.memoryMax(),
                n.memoryHigh(), n.tasksMax(), n.nofile(), n.ioWeight(), n.cpuWeight(), n.memoryLow(), n.memoryMin(),
                n.ioReadBandwidthMax(), n.ioWriteBandwidthMax(), n.allowedCpus(), n.cpuAffinity());
        ServiceSpec.GoRuntime go = kubernetes ? spec.go() : new ServiceSpec.GoRuntime(spec.go().mode(), u.go().gomaxprocs(), u.go().gomemlimit(),
                u.go().memLimitPercent());
        return new ServiceSpec(spec.name(), u.description(), spec.exec(), spec.arguments(), u.user(), u.dynamicUser(), u.workingDirectory(),
                u.stateDirectories(), spec.environment(), spec.ports(), res, u.restart(), kubernetes ? spec.hardening() : u.hardening(), go,
                u.logging(), u.group(), u.healthUrl());
    }
}
