package dev.golive.check;

import dev.golive.config.DockerfileText;
import dev.golive.config.KubeYaml;
import dev.golive.config.LocatedYaml;
import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.GoMemLimit;
import dev.golive.model.GoVersion;
import dev.golive.model.GoliveException;
import dev.golive.model.Printable;
import dev.golive.model.Severity;
import dev.golive.model.Source;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `golive check --manifest FILE|DIR`: the Go runtime and container rules for Dockerfiles and
 * Kubernetes workload YAML (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob).
 * Pure: parsed files in, findings out, each at the file and line of what it is about. These
 * rules are not host rules: {@link RuleCatalog#all()} does not hold them, {@link RuleCatalog#byId}
 * finds them (golive explain).
 */
public final class ManifestRules {

    private ManifestRules() { }

    /** What the rules read: the YAML documents and Dockerfiles by file, and go.mod's go line when named. */
    public record Input(Map<String, List<LocatedYaml.Doc>> yaml, Map<String, List<DockerfileText.Instruction>> dockerfiles,
                        Optional<GoVersion> goModGo) { }


    private static Rule rule(String id, Severity s, String title, String why, String fix, String ref) {
        return new Rule(id, s, Area.CONTAINER, Rule.Scope.MANIFEST, title, why, fix, ref, (r, f) -> List.of());
    }

    static final Rule GOMAXPROCS_ABOVE_LIMIT = rule("K8S-GOMAXPROCS-ABOVE-CPU-LIMIT", Severity.ERROR,
            "GOMAXPROCS is set above the container's CPU limit",
            "GOMAXPROCS is how many threads run Go code at once. Set in the environment it turns off every automatic sizing, "
                    + "and more running threads than the CPU limit allows spend the CFS quota early in each 100 ms period: the container is "
                    + "throttled and its latency jumps, although the node has idle CPUs.",
            "Set GOMAXPROCS to the CPU limit rounded down (at least 1), or remove it where the Go release sizes itself from the limit.",
            "Go runtime package documentation, GOMAXPROCS (pkg.go.dev/runtime); Go 1.25 release notes, \"Container-aware GOMAXPROCS\"; "
                    + "kernel Documentation/scheduler/sched-bwc.rst (CFS bandwidth control)");

    static final Rule GOMAXPROCS_UNSET = rule("K8S-GOMAXPROCS-UNSET-UNDER-CPU-LIMIT", Severity.WARN,
            "GOMAXPROCS is not set under a CPU limit the runtime will not size itself to",
            "Before Go 1.25 (or with go.mod older than 1.25) the runtime starts one P per CPU of the node and ignores the "
                    + "container's CPU limit. Go 1.25 reads the limit but rounds it up with a floor of 2 "
                    + "(adjustCgroupGOMAXPROCS in runtime/cgroup_linux.go), so a fractional or sub-2 limit is still overrun and throttled.",
            "Set GOMAXPROCS in the container's env to the CPU limit rounded down, at least 1 (golive export --format kubernetes does).",
            "Go 1.25 release notes, \"Container-aware GOMAXPROCS\"; Go source runtime/cgroup_linux.go; "
                    + "Go runtime package documentation, GOMAXPROCS (pkg.go.dev/runtime)");

    static final Rule NO_GOMEMLIMIT = rule("K8S-MEMORY-LIMIT-WITHOUT-GOMEMLIMIT", Severity.WARN,
            "A memory limit without GOMEMLIMIT",
            "Go does not derive a soft memory limit from the cgroup's memory.max: without GOMEMLIMIT the GC paces on GOGC alone, "
                    + "the heap can grow past the limit before a collection, and the kernel's OOM killer ends the container.",
            "Set GOMEMLIMIT to about 90% of the memory limit (golive export --format kubernetes does), leaving room for non-heap memory.",
            "Go GC guide, \"Memory limit\" (go.dev/doc/gc-guide); Go runtime package documentation, GOMEMLIMIT; "
                    + "kernel Documentation/admin-guide/cgroup-v2.rst (memory.max)");

    static final Rule GOMEMLIMIT_AT_LIMIT = rule("K8S-GOMEMLIMIT-AT-OR-ABOVE-LIMIT", Severity.ERROR,
            "GOMEMLIMIT is at or above the container's memory limit",
            "GOMEMLIMIT bounds only memory the Go runtime manages; stacks outside it, cgo and the binary's pages come on top. At or "
                    + "above memory.max the kernel kills the container before the GC works harder.",
            "Lower GOMEMLIMIT to about 90% of the memory limit.",
            "Go GC guide, \"Memory limit\" (go.dev/doc/gc-guide); kernel Documentation/admin-guide/cgroup-v2.rst (memory.max)");

    static final Rule NO_LIMITS = rule("K8S-NO-RESOURCE-LIMITS", Severity.WARN,
            "A container without CPU and memory limits",
            "Without limits nothing bounds the container on a busy node, and there is nothing to size GOMAXPROCS and GOMEMLIMIT "
                    + "from: the Go runtime then sees the whole node.",
            "Set resources.limits.cpu and resources.limits.memory (and GOMAXPROCS/GOMEMLIMIT from them).",
            "Kubernetes documentation, \"Resource Management for Pods and Containers\" (kubernetes.io/docs/concepts/configuration/manage-resources-containers)");

    static final Rule REQUEST_WITHOUT_LIMIT = rule("K8S-REQUEST-WITHOUT-LIMIT", Severity.WARN,
            "A resource request without a limit",
            "A request only reserves a share for scheduling. A CPU-bound Go service without a CPU limit runs as many Ps as the node "
                    + "has CPUs and competes for all of them; its latency then depends on its neighbours, and no runtime sizing follows the request.",
            "Set the limit too (equal to the request gives the Guaranteed QoS class), then GOMAXPROCS/GOMEMLIMIT from it.",
            "Kubernetes documentation, \"Resource Management for Pods and Containers\" and \"Pod Quality of Service Classes\" (kubernetes.io/docs)");

    static final Rule RUNS_AS_ROOT = rule("CONTAINER-RUNS-AS-ROOT", Severity.WARN,
            "The container runs as root",
            "A process running as UID 0 in a container is root in its user namespace: a runtime or kernel flaw, or a writable host "
                    + "mount, turns into root on the node. A Go server needs no root (ports below 1024 need only CAP_NET_BIND_SERVICE).",
            "Dockerfile: USER with a numeric non-zero UID in the last stage. Kubernetes: securityContext.runAsNonRoot: true and runAsUser.",
            "Dockerfile reference, USER (docs.docker.com/reference/dockerfile); Kubernetes \"Pod Security Standards\", Restricted "
                    + "(kubernetes.io/docs/concepts/security/pod-security-standards)");

    static final Rule IMAGE_UNPINNED = rule("CONTAINER-IMAGE-UNPINNED", Severity.WARN,
            "An image with no tag or the tag latest",
            "latest (what an image without a tag means) moves: two nodes, or two builds, get different images, a rollback does not "
                    + "bring the old one back, and Kubernetes pulls it on every start (imagePullPolicy defaults to Always for :latest).",
            "Name a version tag, or a digest (@sha256:...) for bases.",
            "Kubernetes documentation, \"Images\" (kubernetes.io/docs/concepts/containers/images); Dockerfile reference, FROM");

    static final Rule NO_PROBES = rule("K8S-NO-PROBES", Severity.WARN,
            "A container without liveness or readiness probes",
            "Without a readiness probe a pod gets traffic as soon as its process starts, before the Go server listens; without a "
                    + "liveness probe a deadlocked server stays in the Service for ever.",
            "Add an httpGet readinessProbe and livenessProbe on the service's health endpoint (golive export --health-path).",
            "Kubernetes documentation, \"Configure Liveness, Readiness and Startup Probes\" (kubernetes.io/docs/tasks/configure-pod-container)");

    static final Rule CGO_ON_MUSL = rule("DOCKERFILE-CGO-BINARY-ON-MUSL", Severity.ERROR,
            "A Go binary built with cgo on glibc is copied onto a musl (Alpine) image",
            "In the golang image a C compiler is present, so cgo is on unless CGO_ENABLED=0, and a program that imports net or os/user "
                    + "links dynamically against glibc. Alpine has musl and no glibc loader: the container fails with \"not found\" on start.",
            "Build with CGO_ENABLED=0 (a static binary), or build on golang:*-alpine when cgo is needed.",
            "Go cmd/cgo documentation (CGO_ENABLED; pkg.go.dev/cmd/cgo); Go net package documentation, \"Name Resolution\"; "
                    + "musl libc FAQ on glibc binaries (wiki.musl-libc.org)");

    static final Rule SCRATCH_NO_CA = rule("DOCKERFILE-SCRATCH-WITHOUT-CA-CERTS", Severity.WARN,
            "FROM scratch without CA certificates",
            "scratch is empty. Go's crypto/x509 looks for the system roots in /etc/ssl/certs/ca-certificates.crt and the other files "
                    + "root_linux.go lists; with none there every TLS connection the service makes fails with \"certificate signed by unknown authority\".",
            "COPY /etc/ssl/certs/ca-certificates.crt from the build stage (golive export --format dockerfile does), or use distroless static.",
            "Go source crypto/x509/root_linux.go (certFiles); Dockerfile reference, FROM scratch");

    public static List<Rule> all() {
        return List.of(GOMAXPROCS_ABOVE_LIMIT, GOMAXPROCS_UNSET, NO_GOMEMLIMIT, GOMEMLIMIT_AT_LIMIT, NO_LIMITS, REQUEST_WITHOUT_LIMIT,
                RUNS_AS_ROOT, IMAGE_UNPINNED, NO_PROBES, CGO_ON_MUSL, SCRATCH_NO_CA);
    }

    // ---- running

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::ruleId).thenComparing(f -> f.sources().isEmpty() ? "" : f.sources().get(0).describe());

    private static final Map<String, String> POD_SPEC = Map.of(
            "Pod", "spec", "Deployment", "spec.template.spec", "StatefulSet", "spec.template.spec", "DaemonSet", "spec.template.spec",
            "ReplicaSet", "spec.template.spec", "Job", "spec.template.spec", "CronJob", "spec.jobTemplate.spec.template.spec");

    public static CheckReport run(Input in) {
        List<Finding> out = new ArrayList<>();
        Optional<GoVersion> go = in.goModGo().or(() -> goOfDockerfiles(in.dockerfiles()));
        in.dockerfiles().forEach((file, ins) -> dockerfile(file, ins, out));
        in.yaml().forEach((file, docs) -> {
            for (LocatedYaml.Doc d : docs) kube(file, d, go, out);
        });
        out.sort(ORDER);
        return new CheckReport(out, all().size(), List.of(), null);
    }

    /** The Go release of a build stage ({@code FROM golang:1.22 AS build}), when the Dockerfiles name one. */
    static Optional<GoVersion> goOfDockerfiles(Map<String, List<DockerfileText.Instruction>> files) {
        for (List<DockerfileText.Instruction> ins : files.values()) {
            for (DockerfileText.Instruction i : ins) {
                if (!i.keyword().equals("FROM")) continue;
                Matcher m = GOLANG.matcher(image(i));
                if (m.matches()) {
                    Optional<GoVersion> v = GoVersion.parse(m.group(1));
                    if (v.isPresent()) return v;
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern GOLANG = Pattern.compile("(?:.*/)?golang:(\\d+\\.\\d+(?:\\.\\d+)?)(?:-.*)?(?:@.*)?");

    // ---- Kubernetes

    @SuppressWarnings("unchecked")
    private static void kube(String file, LocatedYaml.Doc d, Optional<GoVersion> go, List<Finding> out) {
        if (d.tree() == null) return;
        if (!(d.tree() instanceof Map<?, ?> m) || !(m.get("kind") instanceof String kind) || !(m.get("apiVersion") instanceof String)) {
            throw bad(file, d.start(), "not a Kubernetes object (a mapping with apiVersion and kind)");
        }
        KubeYaml.modelOf(kind).ifPresent(type -> {
            try {
                KubeYaml.toObject((Map<String, Object>) m, type);
            } catch (IllegalArgumentException e) {
                String at = KubeYaml.pathOf(e);
                throw bad(file, at.isEmpty() ? d.start() : d.at(at), (at.isEmpty() ? "" : at + ": ") + "not what Kubernetes' " + kind + " takes: " + oneLine(e.getMessage()));
            }
        });
        String podSpec = POD_SPEC.get(kind);
        if (podSpec == null) return;
        Object containers = LocatedYaml.get(d.tree(), podSpec + ".containers").orElse(List.of());
        if (!(containers instanceof List<?> list)) throw bad(file, d.at(podSpec + ".containers"), "containers must be a list");
        Map<String, Object> podSc = map(LocatedYaml.get(d.tree(), podSpec + ".securityContext"));
        for (int i = 0; i < list.size(); i++) {
            container(file, d, podSpec + ".containers[" + i + "]", podSc, go, out);
        }
    }

    private static void container(String file, LocatedYaml.Doc d, String path, Map<String, Object> podSc, Optional<GoVersion> go, List<Finding> out) {
        Object tree = d.tree();
        String name = LocatedYaml.get(tree, path + ".name").map(String::valueOf).orElse("?");
        String who = "container " + name;
        Optional<String> image = LocatedYaml.get(tree, path + ".image").map(String::valueOf);
        image.ifPresent(img -> {
            if (unpinned(img)) {
                out.add(IMAGE_UNPINNED.finding(who + " runs image " + Printable.clip(img, 80) + (untagged(img) ? " (no tag: latest)" : ""),
                        src(file, d, path + ".image")));
            }
        });
        Map<String, String> env = new LinkedHashMap<>();
        Object envList = LocatedYaml.get(tree, path + ".env").orElse(List.of());
        Map<String, String> envPath = new LinkedHashMap<>();
        if (envList instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map<?, ?> e && e.get("name") instanceof String n) {
                    envPath.put(n, path + ".env[" + i + "]");
                    if (e.get("value") instanceof String v) env.put(n, v);
                }
            }
        }
        Optional<BigDecimal> cpuLimit = quantity(file, d, path + ".resources.limits.cpu");
        Optional<BigDecimal> memLimit = quantity(file, d, path + ".resources.limits.memory");
        Optional<BigDecimal> cpuReq = quantity(file, d, path + ".resources.requests.cpu");
        Optional<BigDecimal> memReq = quantity(file, d, path + ".resources.requests.memory");

        if (cpuLimit.isEmpty() && memLimit.isEmpty() && cpuReq.isEmpty() && memReq.isEmpty()) {
            out.add(NO_LIMITS.finding(who + " has no resources.limits", src(file, d, path)));
        }
        if (cpuReq.isPresent() && cpuLimit.isEmpty()) {
            out.add(REQUEST_WITHOUT_LIMIT.finding(who + " requests cpu " + cpuReq.get().stripTrailingZeros().toPlainString()
                    + " without a cpu limit: the Go runtime sees every CPU of the node", src(file, d, path + ".resources.requests.cpu")));
        }
        if (memReq.isPresent() && memLimit.isEmpty()) {
            out.add(REQUEST_WITHOUT_LIMIT.finding(who + " requests memory " + memReq.get().toBigInteger() + " bytes without a memory limit",
                    src(file, d, path + ".resources.requests.memory")));
        }

        if (cpuLimit.isPresent()) {
            double cpus = cpuLimit.get().doubleValue();
            String limitText = cpuLimit.get().stripTrailingZeros().toPlainString();
            if (env.containsKey("GOMAXPROCS")) {
                String v = env.get("GOMAXPROCS").trim();
                long fits = Math.max(1, (long) Math.floor(cpus)); // 1 is the least GOMAXPROCS there is
                if (v.matches("[0-9]{1,9}") && Long.parseLong(v) > fits) {
                    out.add(GOMAXPROCS_ABOVE_LIMIT.finding(who + ": GOMAXPROCS=" + v + " above the CPU limit of " + limitText
                            + "; floor(limit), at least 1, is " + fits, src(file, d, envPath.get("GOMAXPROCS"), path + ".resources.limits.cpu")));
                }
            } else if (!envPath.containsKey("GOMAXPROCS")) {
                boolean fractional = cpus != Math.rint(cpus);
                boolean old = go.isPresent() && !go.get().atLeast(1, 25, 0);
                if (old || fractional || cpus < 2) {
                    String why = old ? go.get() + " ignores CPU limits and starts one P per node CPU"
                            : "Go 1.25 and later round the limit up with a floor of 2, so " + (fractional ? "a fractional" : "this") + " limit is overrun";
                    out.add(GOMAXPROCS_UNSET.finding(who + ": CPU limit " + limitText + " and no GOMAXPROCS: " + why
                            + "; set GOMAXPROCS=" + Math.max(1, (long) Math.floor(cpus)), src(file, d, path + ".resources.limits.cpu")));
                }
            }
        }
        if (memLimit.isPresent()) {
            long limit = memLimit.get().longValue();
            if (!envPath.containsKey("GOMEMLIMIT")) {
                out.add(NO_GOMEMLIMIT.finding(who + ": memory limit " + limit + " bytes and no GOMEMLIMIT"
                        + GoMemLimit.target(limit, 90).map(t -> "; 90% is " + t).orElse(""), src(file, d, path + ".resources.limits.memory")));
            } else if (env.containsKey("GOMEMLIMIT")) {
                Optional<Long> v = GoMemLimit.value(env.get("GOMEMLIMIT").trim());
                if (v.isPresent() && v.get() >= limit) {
                    out.add(GOMEMLIMIT_AT_LIMIT.finding(who + ": GOMEMLIMIT=" + env.get("GOMEMLIMIT") + " (" + v.get() + " bytes) is not below the memory limit of "
                            + limit + " bytes", src(file, d, envPath.get("GOMEMLIMIT"), path + ".resources.limits.memory")));
                }
            }
        }

        List<String> missing = new ArrayList<>();
        if (LocatedYaml.get(tree, path + ".readinessProbe").isEmpty()) missing.add("readinessProbe");
        if (LocatedYaml.get(tree, path + ".livenessProbe").isEmpty()) missing.add("livenessProbe");
        if (!missing.isEmpty()) out.add(NO_PROBES.finding(who + " has no " + String.join(" and no ", missing), src(file, d, path)));

        Map<String, Object> sc = map(LocatedYaml.get(tree, path + ".securityContext"));
        Object nonRoot = sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot") : podSc.get("runAsNonRoot");
        Object user = sc.containsKey("runAsUser") ? sc.get("runAsUser") : podSc.get("runAsUser");
        boolean userZero = user != null && String.valueOf(user).trim().equals("0");
        boolean userSet = user != null && String.valueOf(user).trim().matches("[1-9][0-9]*");
        if (userZero || (!"true".equals(String.valueOf(nonRoot)) && !userSet)) {
            out.add(RUNS_AS_ROOT.finding(who + (userZero ? " sets runAsUser: 0" : " does not set runAsNonRoot: true or a runAsUser: the image's user (root unless it says otherwise) runs it"),
                    src(file, d, sc.isEmpty() ? path : path + ".securityContext")));
        }
    }

    private static Optional<BigDecimal> quantity(String file, LocatedYaml.Doc d, String path) {
        Optional<Object> v = LocatedYaml.get(d.tree(), path);
        if (v.isEmpty()) return Optional.empty();
        String text = String.valueOf(v.get());
        try {
            return Optional.of(Quantity.getAmountInBytes(new Quantity(text)));
        } catch (RuntimeException e) {
            throw bad(file, d.at(path), path.substring(path.lastIndexOf(".resources.") + 1) + " \"" + Printable.clip(text, 40) + "\" is not a Kubernetes quantity (e.g. 500m, 2, 1Gi)");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Optional<Object> o) {
        return o.filter(x -> x instanceof Map).map(x -> (Map<String, Object>) x).orElse(Map.of());
    }

    // ---- Dockerfiles

    private static void dockerfile(String file, List<DockerfileText.Instruction> ins, List<Finding> out) {
        List<Stage> stages = new ArrayList<>();
        for (DockerfileText.Instruction i : ins) {
            if (i.keyword().equals("FROM")) stages.add(new Stage(i, stageName(i), new ArrayList<>()));
            else if (!stages.isEmpty()) stages.get(stages.size() - 1).body().add(i);
        }
        if (stages.isEmpty()) {
            throw GoliveException.badInput(file + ":1:1: no FROM instruction: not a Dockerfile");
        }
        Set<String> names = new java.util.HashSet<>();
        for (Stage s : stages) {
            String img = image(s.from());
            if (!names.contains(img.toLowerCase(Locale.ROOT)) && !img.equals("scratch") && !img.contains("$") && unpinned(img)) {
                out.add(IMAGE_UNPINNED.finding("FROM " + Printable.clip(img, 80) + (untagged(img) ? " (no tag: latest)" : ""),
                        List.of(new Source.File(file, s.from().line()))));
            }
            s.name().ifPresent(n -> names.add(n.toLowerCase(Locale.ROOT)));
        }
        Stage last = stages.get(stages.size() - 1);
        String base = image(last.from());
        Optional<DockerfileText.Instruction> user = last.body().stream().filter(i -> i.keyword().equals("USER")).reduce((a, b) -> b);
        boolean baseNonRoot = base.contains("distroless") && base.contains("nonroot");
        if (user.isPresent()) {
            String u = user.get().args().trim().split(":", 2)[0]; // "USER :" has no name before the colon, still one element
            if (u.equals("0") || u.equals("root")) {
                out.add(RUNS_AS_ROOT.finding("the last stage sets USER " + Printable.clip(user.get().args(), 40), List.of(new Source.File(file, user.get().line()))));
            }
        } else if (!baseNonRoot) {
            out.add(RUNS_AS_ROOT.finding("the last stage (FROM " + Printable.clip(base, 60) + ") has no USER: the process runs as root",
                    List.of(new Source.File(file, last.from().line()))));
        }
        if (base.equals("scratch")) {
            boolean certs = last.body().stream().anyMatch(i -> (i.keyword().equals("COPY") || i.keyword().equals("ADD"))
                    && (i.args().contains("ca-certificates") || i.args().contains("/etc/ssl")));
            if (!certs) {
                out.add(SCRATCH_NO_CA.finding("the last stage is FROM scratch and copies no CA certificates (/etc/ssl/certs/ca-certificates.crt)",
                        List.of(new Source.File(file, last.from().line()))));
            }
        }
        if (musl(base)) {
            for (Stage s : stages) {
                if (s == last || !GOLANG.matcher(image(s.from())).matches() || image(s.from()).contains("alpine")) continue;
                boolean builds = s.body().stream().anyMatch(i -> i.keyword().equals("RUN") && i.args().contains("go") && i.args().contains("build"));
                boolean cgoOff = s.body().stream().anyMatch(i -> (i.keyword().equals("ENV") || i.keyword().equals("RUN") || i.keyword().equals("ARG"))
                        && i.args().matches(".*\\bCGO_ENABLED[= ]\"?0\\b.*"));
                if (builds && !cgoOff) {
                    out.add(CGO_ON_MUSL.finding("stage FROM " + Printable.clip(image(s.from()), 60) + " builds without CGO_ENABLED=0 (glibc, cgo on), and the last stage is FROM "
                            + Printable.clip(base, 60) + " (musl)", List.of(new Source.File(file, s.from().line()), new Source.File(file, last.from().line()))));
                }
            }
        }
    }

    private record Stage(DockerfileText.Instruction from, Optional<String> name, List<DockerfileText.Instruction> body) { }

    /** FROM's image, without --platform=... and AS name. */
    static String image(DockerfileText.Instruction from) {
        for (String w : from.args().trim().split("\\s+")) {
            if (!w.startsWith("--")) return w;
        }
        return "";
    }

    private static Optional<String> stageName(DockerfileText.Instruction from) {
        String[] w = from.args().trim().split("\\s+");
        for (int i = 0; i + 1 < w.length; i++) if (w[i].equalsIgnoreCase("AS")) return Optional.of(w[i + 1]);
        return Optional.empty();
    }

    private static boolean musl(String image) {
        String repo = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
        return repo.endsWith("alpine") || tag.contains("alpine");
    }

    /** No tag (latest) or the tag latest, and no digest. */
    static boolean unpinned(String image) {
        if (image.contains("@")) return false;
        return untagged(image) || image.substring(image.lastIndexOf(':') + 1).equals("latest");
    }

    /** No tag: no colon after the last slash (the colon of a registry's port, registry:5000/web, is not a tag). */
    private static boolean untagged(String image) {
        return image.lastIndexOf(':') <= image.lastIndexOf('/');
    }

    private static List<Source> src(String file, LocatedYaml.Doc d, String... paths) {
        List<Source> s = new ArrayList<>();
        for (String p : paths) if (p != null) s.add(new Source.File(file, d.at(p).line()));
        return s;
    }

    private static GoliveException bad(String file, LocatedYaml.Loc at, String why) {
        return GoliveException.badInput(file + ":" + at.line() + ":" + at.col() + ": " + why);
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        int cut = t.indexOf(" (through reference chain");
        return Printable.clip(cut > 0 ? t.substring(0, cut) : t, 160);
    }
}
