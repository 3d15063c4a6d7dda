package dev.golive.ui.cli;

import dev.golive.app.ContainerCarry;
import dev.golive.app.Session;
import dev.golive.export.Playbook;
import dev.golive.export.ShellScript;
import dev.golive.host.AdminNamedFiles;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "export",
        description = {"Write the plan for a profile as an Ansible playbook or a POSIX shell script that makes the same",
                "changes as `golive apply` (files, live values, systemctl), for hosts golive does not run on.",
                "Both are idempotent and take no snapshot: only golive's own apply can be rolled back.",
                "Or write the service as a container: a Dockerfile (and .dockerignore beside -o) or a Kubernetes",
                "Deployment and Service, from the same service options (--service, --exec, --port, --cpu-quota, ...)."},
        footer = {"", "The playbook takes -e golive_root=DIR, the script GOLIVE_ROOT=DIR: write into a target tree as",
                "`golive apply --root DIR` does, without systemctl.",
                "dockerfile and kubernetes need --service and --go-mod DIR (the module: its path names the binary,",
                "its go line the build stage's Go); kubernetes also --image REPO:TAG or --version V.",
                "Exit codes: 0 written, 2 bad input (unknown profile, bad --format), 3 environment."})
public final class ExportCommand implements Callable<Integer> {

    enum Format {
        ansible, shell, dockerfile, kubernetes, ansible_capture;

        @Override public String toString() { return name().replace('_', '-'); }
    }

    /** "ansible-capture" on the command line; picocli's own enum conversion knows only Java names. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override public Format convert(String value) {
            for (Format f : Format.values()) if (f.toString().equals(value)) return f;
            throw new picocli.CommandLine.TypeConversionException("expected one of " + java.util.Arrays.toString(Format.values()) + " but was '" + value + "'");
        }
    }

    enum Base { scratch, distroless }

    @Mixin CommonOptions common;
    @Mixin KernelOption kernel;
    @Spec CommandSpec spec;

    // not mixinStandardHelpOptions: its --version would clash with the version stamp below (as in `golive build`)
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--format", paramLabel = "ansible|shell|dockerfile|kubernetes|ansible-capture", required = true, converter = FormatConverter.class,
            description = "ansible: a playbook; shell: a POSIX sh script; dockerfile: a Dockerfile for the service; kubernetes: its Deployment and Service; "
                    + "ansible-capture: a playbook that captures every host of an inventory (-o DIR).")
    Format format;

    @Option(names = "--profile", paramLabel = "NAME", description = "The profile (see `golive profiles`, `golive recommend`); ansible and shell only.")
    String profile;

    @Option(names = "--target", paramLabel = "GOOS/GOARCH[/LEVEL]", description = "dockerfile: the target the image's binary is built for (default: this root's host).")
    String target;

    @Option(names = "--version", paramLabel = "V", description = "dockerfile: stamp the binary (-X main.version=V, as `golive build`); kubernetes: the image tag when --image is not given.")
    String version;

    @Option(names = "--base", paramLabel = "scratch|distroless", description = "dockerfile: the runtime stage's base (default: scratch).")
    Base base;

    @Option(names = "--image", paramLabel = "REPO:TAG", description = "kubernetes: the image the Deployment runs (default NAME:VERSION).")
    String image;

    @Option(names = "--health-path", paramLabel = "PATH", description = "kubernetes: the HTTP path of the liveness and readiness probes, on the first --port.")
    String healthPath;

    @Option(names = "--stop-timeout", paramLabel = "TIME", description = "kubernetes: terminationGracePeriodSeconds, as a systemd time span (TimeoutStopSec=).")
    String stopTimeout;

    /** The service as `golive unit` and `golive plan` take it. */
    @Mixin ServiceOptions service;

    /**
     * Decided: the exports carry what {@code golive apply} writes (files, live values, systemctl
     * daemon-reload/restart), not the finish of {@code apply --finish}. Creating accounts,
     * installing a binary and starting a unit depend on the target host at run time (free
     * system ids, the binary on this machine, the health step's polling), which golive decides
     * only where it runs. So these are refused, never silently left out.
     */
    @Option(names = "--finish", description = "Refused: the exports do not carry apply --finish's steps (user and group, binary, "
            + "directories, enable and start, health); run `golive apply --finish` on the host or with --root.")
    boolean finish;

    @Option(names = "--binary", paramLabel = "FILE", description = "Refused, as --finish.")
    String binary;

    @Option(names = "--health-url", paramLabel = "URL", description = "Refused, as --finish.")
    String healthUrl;

    @Option(names = "--id", paramLabel = "ID", description = "The plan id named in the headers (default: time and a random suffix).")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (a script gets mode 0755) instead of standard output.")
    String output;

    private final Function<String, Session> sessions;

    public ExportCommand() { this(Session::open); }

    ExportCommand(Function<String, Session> sessions) { this.sessions = sessions; }

    @Override public Integer call() {
        if (finish || binary != null || healthUrl != null) {
            throw GoliveException.badInput((finish ? "--finish" : binary != null ? "--binary" : "--health-url")
                    + ": an export carries the files, live values and systemctl reload/restart of golive apply, not the finish of "
                    + "apply --finish (user and group, binary, directories, enable and start, health): run golive apply --finish on the host"
                    + " (or with --root DIR for an image tree)");
        }
        if (format == Format.ansible_capture) return capture();
        if (format == Format.dockerfile || format == Format.kubernetes) return container();
        refuse("--target", target);
        refuse("--version", version);
        refuse("--base", base);
        refuse("--image", image);
        refuse("--health-path", healthPath);
        refuse("--stop-timeout", stopTimeout);
        if (profile == null) throw GoliveException.badInput("--format " + format + " needs --profile NAME (see `golive profiles`)");
        String planId = id == null ? Session.newPlanId() : id;
        if (!planId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw GoliveException.badInput("--id " + planId + ": use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        Plan plan;
        HostFacts facts;
        try (Session s = sessions.apply(common.root)) {
            s.kernel(kernel.kernel);
            Optional<ServiceOptions.Input> svc = service.buildIfGiven();
            facts = s.inspect();
            plan = s.planFor(profile, svc.map(ServiceOptions.Input::spec), List.of(), planId,
                    svc.map(ServiceOptions.Input::labels).orElse(UnaryOperator.identity()));
        }
        String host = facts.origin().hostname() == null ? facts.origin().root() : facts.origin().hostname();
        String text = format == Format.ansible ? Playbook.render(plan, host) : ShellScript.render(plan, host);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(text);
        } else {
            AdminNamedFiles.writeText(output, text, format == Format.shell ? 0755 : 0644);
            out.println("wrote " + output + " (" + format + ", plan " + plan.id() + ": " + plan.files().size() + " file(s), "
                    + plan.live().size() + " live value(s))");
        }
        out.flush();
        return 0;
    }

    private void refuse(String option, Object value) {
        if (value != null) throw GoliveException.badInput(option + " is for --format dockerfile or kubernetes, not " + format);
    }

    /** --format dockerfile|kubernetes: the service as a container, no plan and no profile. */
    private int container() {
        if (profile != null) throw GoliveException.badInput("--profile is for --format ansible or shell: a container is not tuned by a host profile");
        if (id != null) throw GoliveException.badInput("--id is for --format ansible or shell: a container export has no plan");
        if (format == Format.dockerfile) {
            for (Object[] o : new Object[][] {{"--image", image}, {"--health-path", healthPath}, {"--stop-timeout", stopTimeout}}) {
                if (o[1] != null) throw GoliveException.badInput(o[0] + " is for --format kubernetes, not dockerfile");
            }
        } else {
            for (Object[] o : new Object[][] {{"--target", target}, {"--base", base}}) {
                if (o[1] != null) throw GoliveException.badInput(o[0] + " is for --format dockerfile, not kubernetes");
            }
        }
        if (service.goMod == null) throw GoliveException.badInput("--format " + format + " needs --go-mod DIR (the module's go.mod names the binary and the Go release)");
        ServiceOptions.Input svc = service.build();
        List<ContainerCarry.NotCarried> dropped = ContainerCarry.notCarried(svc.spec(), format == Format.kubernetes, service::typed);
        if (!dropped.isEmpty()) {
            throw GoliveException.badInput(svc.labels().apply(dropped.get(0).field()) + " is " + dropped.get(0).why() + "; --format " + format + " does not use it");
        }
        dev.golive.export.ContainerSpec c;
        try (Session s = sessions.apply(common.root)) {
            s.kernel(kernel.kernel);
            c = s.containerSpec(svc.spec(), new Session.ContainerOptions(java.nio.file.Path.of(service.goMod),
                    Optional.ofNullable(target).map(dev.golive.build.BuildTarget::parse), Optional.ofNullable(version),
                    base == Base.distroless ? dev.golive.export.ContainerSpec.Base.DISTROLESS : dev.golive.export.ContainerSpec.Base.SCRATCH,
                    Optional.ofNullable(image), Optional.ofNullable(healthPath), Optional.ofNullable(stopTimeout)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(Session.renderContainer(c, format == Format.kubernetes));
        } else {
            List<String> written = Session.writeContainer(c, format == Format.kubernetes, output);
            out.println("wrote " + output + " (" + format + " for " + c.service().unitName() + ")");
            written.stream().skip(1).forEach(f -> out.println("wrote " + f));
        }
        out.flush();
        return 0;
    }

    /**
     * --format ansible-capture: the capture playbook, its round and its recipe into -o DIR. Only
     * --service (a service unit) goes with it; every other option is refused, never dropped.
     */
    private int capture() {
        if (output == null) throw GoliveException.badInput("--format ansible-capture needs -o DIR (a playbook, its round and the recipe: three files)");
        if (common.root != null) throw GoliveException.badInput("--root: the capture playbook reads the inventory's hosts; it has no root");
        if (kernel.kernel != null) throw GoliveException.badInput("--kernel: the capture playbook reads each host's own kernel");
        for (Object[] o : new Object[][] {{"--profile", profile}, {"--id", id}, {"--target", target}, {"--version", version}, {"--base", base},
                {"--image", image}, {"--health-path", healthPath}, {"--stop-timeout", stopTimeout}}) {
            if (o[1] != null) throw GoliveException.badInput(o[0] + " is not for --format ansible-capture (it takes --service and -o)");
        }
        if (service.givenBeyondName()) throw GoliveException.badInput("--format ansible-capture takes --service NAME only: it reads the service as each host has it");
        String unit = service.service == null ? null : checkCaptureService(service.service);
        List<String> written = dev.golive.app.FleetCapture.writePlaybook(output, Optional.ofNullable(unit));
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(f -> out.println("wrote " + f));
        out.println("run: ansible-playbook -i INVENTORY " + written.get(0) + "   (captures go to " + output + "/captures/HOST)");
        out.flush();
        return 0;
    }

    /** A capture's --service: a service unit ("app" or "app.service"), its name as the capture reads it. */
    static String checkCaptureService(String name) {
        String unit = Session.serviceUnit(name);
        if (!unit.endsWith(".service")) throw GoliveException.badInput("--service " + name + ": name a service (NAME or NAME.service), not a " + unit.substring(unit.lastIndexOf('.') + 1) + " unit");
        return unit;
    }
}
