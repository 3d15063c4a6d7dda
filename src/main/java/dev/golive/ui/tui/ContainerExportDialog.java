package dev.golive.ui.tui;

import dev.golive.app.ContainerCarry;
import dev.golive.app.Session;
import dev.golive.build.BuildTarget;
import dev.golive.export.ContainerSpec;
import dev.golive.model.GoliveException;
import dev.golive.model.ServiceSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * x on the Unit and Build screens: asks where (a .yaml/.yml name: Kubernetes, else a
 * Dockerfile), the Go module when the screen does not know it, and the version; then writes
 * what `golive export --format dockerfile|kubernetes -o` writes for the same service, module and
 * target. The settings a container does not carry ({@link ContainerCarry}, the list the CLI
 * refuses) are named in the version question and left out of what is written.
 */
final class ContainerExportDialog {

    static final String TITLE = "Export container";

    private ContainerExportDialog() { }

    /** The key, on every screen that exports the service as a container (Unit, Build). */
    static Binding binding(String what, Runnable action, java.util.function.Supplier<String> blockedBy) {
        return Binding.quiet("x", "export container", "Export " + what + " as a Dockerfile (with its .dockerignore) or, for a .yaml name, "
                + "a Kubernetes Deployment and Service (golive export --format dockerfile|kubernetes) to a file you name", action).unless(blockedBy);
    }

    /**
     * @param module the Go module directory, or empty to ask for it
     * @param target the build stage's target, or empty for the target this root's host builds for
     */
    static void start(TuiApp app, ServiceSpec service, Optional<String> module, Optional<BuildTarget> target) {
        app.ask(TITLE, "Export " + service.unitName() + target.map(t -> " (built for " + t.text() + ")").orElse("") + " as a Dockerfile, or as Kubernetes YAML for a .yaml or .yml name, to "
                + "(a file there is replaced):", "Dockerfile", typed -> {
                    if (typed.isBlank()) return;
                    String to = typed.strip();
                    boolean kubernetes = to.endsWith(".yaml") || to.endsWith(".yml");
                    Consumer<String> withModule = mod -> askVersion(app, service, Path.of(mod), target, kubernetes, to);
                    module.ifPresentOrElse(withModule, () -> app.ask(TITLE,
                            "The service's Go module directory (its go.mod names the binary and the Go release):", ".", m -> {
                                if (!m.isBlank()) withModule.accept(m.strip());
                            }));
                });
    }

    private static void askVersion(TuiApp app, ServiceSpec service, Path module, Optional<BuildTarget> target, boolean kubernetes, String to) {
        String question = (kubernetes ? "Version (the image tag NAME:VERSION the Deployment runs):" : "Version to stamp (-X main.version; empty: none):")
                + leftOut(ContainerCarry.notCarried(service, kubernetes, field -> false), kubernetes);
        app.ask(TITLE, question, "", v -> {
            Optional<String> version = Optional.of(v.strip()).filter(x -> !x.isEmpty());
            if (kubernetes && version.isEmpty()) {
                app.error(GoliveException.badInput("no version: the Deployment runs the image " + service.name()
                        + ":VERSION, so Kubernetes YAML needs one; nothing written"));
                return;
            }
            ServiceSpec carried = ContainerCarry.carried(service, kubernetes);
            app.worker().run("exporting the container", () -> Session.writeContainer(app.model().session().containerSpec(carried,
                    new Session.ContainerOptions(module, target, version, ContainerSpec.Base.SCRATCH, Optional.empty(), Optional.empty(),
                            Optional.empty())), kubernetes, to), files -> app.status("wrote " + String.join(" and ", files)), app::error);
        });
    }

    /** "Not in the Dockerfile: user, dynamic user (systemd unit settings)." or "" when the export carries every setting. */
    static String leftOut(List<ContainerCarry.NotCarried> dropped, boolean kubernetes) {
        if (dropped.isEmpty()) return "";
        Map<ContainerCarry.Kind, List<String>> byKind = new LinkedHashMap<>();
        for (ContainerCarry.NotCarried n : dropped) byKind.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(UnitForm.label(n.field()));
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, labels) -> parts.add(String.join(", ", labels) + " (" + (labels.size() == 1 ? kind.one : kind.several) + ")"));
        return "\n\nNot in the " + (kubernetes ? "Kubernetes YAML" : "Dockerfile") + ": " + String.join("; ", parts) + ".";
    }
}
