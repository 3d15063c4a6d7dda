package dev.golive.export;

import dev.golive.build.BuildSpec;
import dev.golive.build.BuildTarget;
import dev.golive.model.GoVersion;
import dev.golive.model.GoliveException;
import dev.golive.model.Printable;
import dev.golive.model.ServiceSpec;
import dev.golive.model.SystemdValues;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The service as a container: the same {@link ServiceSpec} a unit is rendered from, plus what
 * only an image needs (the module and its go line, the target, the runtime base, the image
 * reference, a health path, the stop timeout). Checked when made, so the renderers only lay out.
 *
 * @param goLine     the go.mod {@code go} line as written ({@code 1.22}, {@code 1.25.3}): the build stage's tag
 * @param image      the image reference the Deployment runs, with a tag other than {@code latest} or a digest
 * @param uid        the numeric user the container runs as
 */
public record ContainerSpec(ServiceSpec service, String modulePath, String goLine, GoVersion goModGo, BuildTarget target,
                            Optional<String> version, Base base, String image, Optional<String> healthPath,
                            Optional<Long> stopTimeoutSeconds, int uid) {

    /**
     * The runtime stage's base. SCRATCH: an empty image, nothing but what golive copies in.
     * DISTROLESS: Google's distroless static image, which already has CA certificates, tzdata and
     * a passwd with the nonroot user (65532).
     */
    public enum Base { SCRATCH, DISTROLESS }

    /** distroless's "nonroot" user; any non-zero UID without a passwd entry works on scratch too. */
    public static final int NONROOT_UID = 65532;

    private static final Pattern HEALTH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@/%-]*");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9]+([._/:-][A-Za-z0-9_.-]+)*(@sha256:[0-9a-f]{64})?");
    private static final Pattern EXEC = Pattern.compile("(/[A-Za-z0-9._+-]+)+");
    private static final Pattern GO_LINE = Pattern.compile("1\\.[0-9]+(\\.[0-9]+)?");

    public ContainerSpec {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(base, "base");
        if (!GO_LINE.matcher(goLine).matches()) {
            throw GoliveException.badInput("go.mod: go line \"" + Printable.clip(goLine, 40) + "\" is not a Go release such as 1.25 or 1.25.3");
        }
        if (!target.goos().equals("linux")) {
            throw GoliveException.badInput("--target " + target.text() + ": a container image runs a linux binary");
        }
        if (!IMAGE.matcher(image).matches()) {
            throw GoliveException.badInput("--image \"" + Printable.clip(image, 80) + "\": expected REPOSITORY:TAG or REPOSITORY@sha256:DIGEST");
        }
        if (!image.contains("@") && (tagOf(image).isEmpty() || tagOf(image).get().equals("latest"))) {
            throw GoliveException.badInput("--image " + image + ": name a tag other than latest (or a digest), so every node runs the same build");
        }
        healthPath.ifPresent(h -> {
            if (!HEALTH.matcher(h).matches()) throw GoliveException.badInput("--health-path \"" + Printable.clip(h, 80) + "\": expected an absolute URL path such as /healthz");
            if (service.ports().isEmpty()) throw GoliveException.badInput("--health-path needs --port: the probe asks the service's first port");
        });
        service.exec().ifPresent(e -> {
            if (!EXEC.matcher(e).matches()) throw GoliveException.badInput("--exec \"" + Printable.clip(e, 80) + "\": the binary's absolute path in the image, e.g. /usr/local/bin/api");
        });
        if (uid <= 0) throw GoliveException.badInput("uid " + uid + ": the container must not run as root");
        service.resources().memoryMax().ifPresent(m -> memoryBytes(m));
        service.resources().cpuQuota().ifPresent(q -> millicores(q));
    }

    /** The tag of an image reference (after the last ':' that follows the last '/'). */
    public static Optional<String> tagOf(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? Optional.of(ref.substring(colon + 1)) : Optional.empty();
    }

    /** The binary's file name: the module path's last element, as `golive build` names it. */
    public String binaryName() { return BuildSpec.defaultBinaryName(modulePath); }

    /** Where the binary sits in the image: the spec's exec path, else /NAME. */
    public String binaryPath() { return service.exec().orElse("/" + binaryName()); }

    /** The kubernetes name: the service name without ".service". */
    public String name() {
        String n = service.name();
        return n.endsWith(".service") ? n.substring(0, n.length() - ".service".length()) : n;
    }

    /** MemoryMax= as bytes; a share of RAM has no meaning for a container (the node's RAM is not known). */
    public static long memoryBytes(String memoryMax) {
        Optional<SystemdValues.Size> s = SystemdValues.memory(memoryMax);
        if (s.isPresent() && s.get() instanceof SystemdValues.Bytes b) return b.bytes();
        throw GoliveException.badInput("--memory-max " + Printable.clip(memoryMax, 40) + ": a container limit needs a size such as 512M or 2G"
                + (s.isPresent() ? " (a share of RAM depends on the node)" : ""));
    }

    /** CPUQuota= as Kubernetes millicores (200% → 2000). */
    public static long millicores(String cpuQuota) {
        if (cpuQuota.equals(SystemdValues.INFINITY)) {
            throw GoliveException.badInput("--cpu-quota infinity: a Kubernetes CPU limit is a number; leave --cpu-quota out for no limit");
        }
        Optional<Double> cpus = SystemdValues.cpuQuota(cpuQuota);
        if (cpus.isEmpty()) throw GoliveException.badInput("--cpu-quota " + Printable.clip(cpuQuota, 40) + ": expected a percentage such as 150%");
        long m = BigDecimal.valueOf(cpus.get()).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        if (m < 1) throw GoliveException.badInput("--cpu-quota " + cpuQuota + ": below Kubernetes' smallest CPU unit (1m = 0.1%)");
        return m;
    }
}
