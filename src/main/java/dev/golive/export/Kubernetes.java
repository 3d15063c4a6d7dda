package dev.golive.export;

import dev.golive.config.KubeYaml;
import dev.golive.model.ServiceSpec;
import dev.golive.unit.GoRuntimeDerivation;
import dev.golive.unit.GoRuntimeValue;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `golive export --format kubernetes`: a Deployment (and a Service for the ports) built with
 * fabric8's kubernetes-model. Pure: {@link ContainerSpec} → objects → YAML.
 *
 * <ul>
 * <li>resources: limits from CPUQuota= and MemoryMax=, requests equal to them (a Go runtime
 *     sized for the limit should be scheduled for it);</li>
 * <li>GOMAXPROCS and GOMEMLIMIT from {@link GoRuntimeDerivation#forContainer}, the derivation
 *     the unit's Environment= comes from;</li>
 * <li>probes on the health path, terminationGracePeriodSeconds from the stop timeout;</li>
 * <li>securityContext by hardening level: non-root always; basic adds no privilege escalation,
 *     every capability dropped but CAP_NET_BIND_SERVICE for a port below 1024, seccomp
 *     RuntimeDefault; strict adds a read-only root filesystem.</li>
 * </ul>
 */
public final class Kubernetes {

    private Kubernetes() { }

    /** The objects and the reasons behind the Go runtime values (printed as comments above them). */
    public record Manifest(List<HasMetadata> objects, GoRuntimeDerivation.Result go) { }

    public static Manifest build(ContainerSpec c) {
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.forContainer(c.service(), c.goModGo());
        String name = c.name();
        Map<String, String> labels = Map.of("app.kubernetes.io/name", name);
        ServiceSpec s = c.service();

        List<EnvVar> env = new ArrayList<>();
        Map<String, String> vars = new LinkedHashMap<>(s.environment());
        for (GoRuntimeValue v : go.all()) v.value().ifPresent(val -> vars.put(v.name(), val));
        vars.forEach((k, v) -> env.add(new EnvVar(k, v, null)));

        Map<String, Quantity> limits = new LinkedHashMap<>();
        s.resources().cpuQuota().ifPresent(q -> limits.put("cpu", cpu(ContainerSpec.millicores(q))));
        s.resources().memoryMax().ifPresent(m -> limits.put("memory", memory(ContainerSpec.memoryBytes(m))));

        ContainerBuilder cb = new ContainerBuilder().withName(name).withImage(c.image()).withImagePullPolicy("IfNotPresent");
        for (int p : s.ports()) cb.addNewPort().withContainerPort(p).withProtocol("TCP").endPort();
        if (!env.isEmpty()) cb.withEnv(env);
        if (!limits.isEmpty()) cb.withNewResources().withLimits(limits).withRequests(new LinkedHashMap<>(limits)).endResources();
        c.healthPath().ifPresent(h -> {
            int port = s.ports().get(0);
            cb.withLivenessProbe(probe(h, port, 10)).withReadinessProbe(probe(h, port, 5));
        });
        boolean lowPort = s.ports().stream().anyMatch(p -> p < 1024);
        SecurityContextBuilder sc = new SecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser((long) c.uid()).withRunAsGroup((long) c.uid());
        if (s.hardening() != ServiceSpec.Hardening.NONE) {
            sc.withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL")
                    .withAdd(lowPort ? List.of("NET_BIND_SERVICE") : List.of()).endCapabilities()
                    .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile();
        }
        if (s.hardening() == ServiceSpec.Hardening.STRICT) sc.withReadOnlyRootFilesystem(true);
        Container container = cb.withSecurityContext(sc.build()).build();

        Deployment d = new DeploymentBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withTerminationGracePeriodSeconds(c.stopTimeoutSeconds().orElse(null))
                .withSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).build())
                .withContainers(container)
                .endSpec().endTemplate().endSpec().build();
        List<HasMetadata> objects = new ArrayList<>(List.of(d));
        if (!s.ports().isEmpty()) {
            List<ServicePort> ports = new ArrayList<>();
            for (int p : s.ports()) {
                ports.add(new ServicePortBuilder().withName("tcp-" + p).withPort(p).withTargetPort(new IntOrString(p)).withProtocol("TCP").build());
            }
            Service svc = new ServiceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                    .withNewSpec().withSelector(labels).withPorts(ports).endSpec().build();
            objects.add(svc);
        }
        return new Manifest(List.copyOf(objects), go);
    }

    /** The manifest as YAML, with a comment per Go runtime value saying why it is (or is not) set. */
    public static String render(ContainerSpec c) {
        Manifest m = build(c);
        StringBuilder b = new StringBuilder();
        b.append("# Generated by golive for ").append(c.service().unitName()).append(" (image ").append(c.image()).append(")\n");
        for (GoRuntimeValue v : m.go().all()) b.append("# ").append(v.describe().replace('\n', ' ')).append("\n");
        return b.append(KubeYaml.write(m.objects())).toString();
    }

    private static Probe probe(String path, int port, int period) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString(port)).endHttpGet()
                .withPeriodSeconds(period).withTimeoutSeconds(2).withFailureThreshold(3).build();
    }

    /** Millicores as Kubernetes writes them: whole CPUs plainly ("2"), else "1500m". */
    static Quantity cpu(long millicores) {
        return millicores % 1000 == 0 ? new Quantity(Long.toString(millicores / 1000)) : new Quantity(millicores + "m");
    }

    /** Bytes in the largest binary unit that divides them exactly (1Gi, 512Mi), else plain bytes. */
    static Quantity memory(long bytes) {
        String[] units = {"Ti", "Gi", "Mi", "Ki"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes % unit == 0) return new Quantity((bytes / unit) + units[i]);
        }
        return new Quantity(Long.toString(bytes));
    }
}
