package dev.golive.ui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.app.Session;
import dev.golive.model.Fact;
import dev.golive.unit.GoRuntimeValue;
import dev.golive.unit.ExposureOnHost;
import dev.golive.unit.UnitAnalysis;
import dev.golive.unit.UnitPreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code golive unit}: render the service's unit (or drop-in), verify it and score its sandboxing. */
@Command(name = "unit", mixinStandardHelpOptions = true,
        description = "Render the systemd unit for a Go service (or a drop-in when the unit already exists and golive "
                + "did not write it), with GOMAXPROCS/GOMEMLIMIT derived from the binary and the limits, then run "
                + "systemd-analyze verify and security --offline on it. Nothing is written to the host.",
        footer = {"",
                "Example: golive unit --service app --exec /usr/local/bin/app --user app --port 443 --cpu-quota 200%% --memory-max 2G --hardening strict",
                "",
                "Exit codes: 0 rendered (verify found nothing), 1 systemd-analyze verify complained about the unit,",
                "2 bad spec or option, 3 environment, 5 internal error."})
public final class UnitCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Mixin ServiceOptions service;
    @Spec CommandSpec spec;

    @Option(names = "--tighten", description = "Also add sandboxing, a task limit and restart changes to a unit golive did not write "
            + "(never to a container runtime, never replacing Restart=always); see docs/unit.md.")
    boolean tighten;

    /** The restart policy under its first name (plan, apply and export call it --restart-policy). */
    @Option(names = "--restart", paramLabel = "POLICY", hidden = true, description = "Restart= (as --restart-policy).")
    void restartPolicy(String policy) { service.restart = policy; }

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--no-analyze", description = "Do not run systemd-analyze.")
    boolean noAnalyze;

    @Option(names = "--plan-id", paramLabel = "ID", hidden = true, description = "Snapshot id for the header (default: preview).")
    String planId = "preview";

    @Override public Integer call() {
        ServiceOptions.Input in = service.build();
        UnitPreview p;
        try (Session s = Session.open(common.root)) {
            if (tighten) s.tighten(true);
            p = s.previewUnit(in.spec(), in.goModGo(), in.labels(), planId, !noAnalyze);
        }
        // the binary missing on the live host: the TUI's editor renders anyway; here it stays the one-line refusal
        if (!p.check().errors().isEmpty()) throw dev.golive.model.GoliveException.badInput(p.check().errors().get(0));
        PrintWriter o = spec.commandLine().getOut();
        if (json) printJson(o, p);
        else printText(o, p);
        o.flush();
        boolean complained = p.analysis().flatMap(a -> a.verify().opt())
                .map(l -> l.stream().anyMatch(m -> !binaryMissingHere(p, m) && expectedOnHost(p, m).isEmpty())).orElse(false);
        return complained ? 1 : 0;
    }

    /** A deprecation this machine's systemd-analyze names for the old name golive wrote because the host's systemd knows only it. */
    private static java.util.Optional<String> expectedOnHost(UnitPreview p, UnitAnalysis.VerifyMessage m) {
        return dev.golive.unit.VerifyOnHost.expected(m, p.facts().systemd().version());
    }

    /** "Command … is not executable" for a binary that is simply not on this machine (rendering for a capture). */
    private static boolean binaryMissingHere(UnitPreview p, UnitAnalysis.VerifyMessage m) {
        return !p.binary().presence().liveRoot() && m.field().filter("exec"::equals).isPresent() && m.message().contains("is not executable");
    }

    private static void printText(PrintWriter o, UnitPreview p) {
        o.println("# " + p.unit().path() + " (" + p.unit().change().kind().name().toLowerCase(Locale.ROOT) + ": " + p.unit().change().why() + ")");
        o.print(p.unit().content());
        o.println();
        for (GoRuntimeValue v : p.unit().go().all()) o.println("go: " + v.describe());
        for (String n : p.unit().notes()) o.println("note: " + n);
        for (String w : p.check().warnings()) o.println("warning: " + w);
        p.rotation().ifPresent(r -> {
            // written with the unit in the same snapshot (plan and apply list it as a file of its own)
            o.println();
            o.println("# " + r.path() + " (with the unit: logrotate rotates " + String.join(", ", r.files()) + ")");
            o.print(r.body());
        });
        if (p.analysis().isEmpty()) return;
        UnitAnalysis a = p.analysis().get();
        if (a.verify() instanceof Fact.Unknown<List<UnitAnalysis.VerifyMessage>> u) {
            o.println("verify: not run: " + u.reason());
        } else {
            List<UnitAnalysis.VerifyMessage> msgs = a.verify().opt().get();
            o.println("verify: " + (msgs.isEmpty() ? "ok (systemd-analyze " + a.version().opt().get() + ")" : msgs.size() + " message(s)"));
            for (UnitAnalysis.VerifyMessage m : msgs) {
                o.println("  " + m.describe() + (binaryMissingHere(p, m) ? " (expected: the binary is not on this machine)"
                        : expectedOnHost(p, m).map(w -> " (expected: " + w + ")").orElse("")));
            }
        }
        if (a.security() instanceof Fact.Unknown<UnitAnalysis.Security> u) {
            o.println("exposure: unknown: " + u.reason());
            return;
        }
        UnitAnalysis.Security sec = a.security().opt().get();
        o.println(String.format(Locale.ROOT, "exposure: %.1f %s (systemd-analyze security --offline=true; 0.0 best, 10.0 worst; sandboxing only)",
                sec.exposure(), sec.rating()));
        ExposureOnHost.caveat(a, p.facts().systemd().version()).ifPresent(c -> o.println("  " + c));
        List<ExposureOnHost.OpenItem> open = ExposureOnHost.openItems(sec, p.facts().systemd().version());
        int shown = Math.min(open.size(), 8);
        if (shown > 0) o.println("  largest open items:");
        for (ExposureOnHost.OpenItem oi : open.subList(0, shown)) {
            UnitAnalysis.SecurityItem i = oi.item();
            o.println(String.format(Locale.ROOT, "  %4.1f  %-40s %s", i.exposure().get(), i.name(), i.description())
                    + oi.hostLacks().map(w -> " (" + w + ")").orElse(""));
        }
        if (open.size() > shown) o.println("  … " + (open.size() - shown) + " more (--json gives the full table)");
    }

    private static void printJson(PrintWriter o, UnitPreview p) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("path", p.unit().path());
        root.put("kind", p.unit().kind().name().toLowerCase(Locale.ROOT));
        root.put("change", p.unit().change().kind().name().toLowerCase(Locale.ROOT));
        root.put("why", p.unit().change().why());
        root.put("content", p.unit().content());
        p.unit().change().before().ifPresentOrElse(b -> root.put("before", b), () -> root.putNull("before"));
        ArrayNode go = root.putArray("go");
        for (GoRuntimeValue v : p.unit().go().all()) {
            ObjectNode n = go.addObject().put("name", v.name());
            v.value().ifPresentOrElse(x -> n.put("value", x), () -> n.putNull("value"));
            n.put("why", v.why());
        }
        p.unit().notes().forEach(root.putArray("notes")::add);
        p.check().warnings().forEach(root.putArray("warnings")::add);
        p.rotation().ifPresentOrElse(r -> {
            ObjectNode n = root.putObject("logrotate").put("path", r.path()).put("content", r.body());
            r.files().forEach(n.putArray("files")::add);
        }, () -> root.putNull("logrotate"));
        p.analysis().ifPresent(a -> {
            ObjectNode an = root.putObject("analyze");
            a.version().opt().ifPresentOrElse(v -> an.put("systemdVersion", v), () -> an.putNull("systemdVersion"));
            ObjectNode ver = an.putObject("verify");
            if (a.verify() instanceof Fact.Unknown<List<UnitAnalysis.VerifyMessage>> u) {
                ver.put("known", false).put("reason", u.reason());
            } else {
                ver.put("known", true);
                ArrayNode arr = ver.putArray("messages");
                for (UnitAnalysis.VerifyMessage vm : a.verify().opt().get()) {
                    ObjectNode n = arr.addObject().put("path", vm.path()).put("line", vm.line()).put("message", vm.message());
                    vm.field().ifPresentOrElse(f -> n.put("field", f), () -> n.putNull("field"));
                    expectedOnHost(p, vm).ifPresentOrElse(w -> n.put("expectedOnHost", w), () -> n.putNull("expectedOnHost"));
                }
            }
            ObjectNode sec = an.putObject("security");
            if (a.security() instanceof Fact.Unknown<UnitAnalysis.Security> u) {
                sec.put("known", false).put("reason", u.reason());
            } else {
                UnitAnalysis.Security s = a.security().opt().get();
                sec.put("known", true).put("exposure", s.exposure()).put("rating", s.rating());
                ExposureOnHost.caveat(a, p.facts().systemd().version()).ifPresentOrElse(c -> sec.put("caveat", c), () -> sec.putNull("caveat"));
                java.util.Map<UnitAnalysis.SecurityItem, String> lacks = new java.util.IdentityHashMap<>();
                for (ExposureOnHost.OpenItem oi : ExposureOnHost.openItems(s, p.facts().systemd().version())) oi.hostLacks().ifPresent(w -> lacks.put(oi.item(), w));
                ArrayNode arr = sec.putArray("items");
                for (UnitAnalysis.SecurityItem i : s.items()) {
                    ObjectNode n = arr.addObject().put("name", i.name()).put("description", i.description());
                    i.passed().ifPresentOrElse(x -> n.put("passed", x), () -> n.putNull("passed"));
                    i.exposure().ifPresentOrElse(x -> n.put("exposure", x), () -> n.putNull("exposure"));
                    if (lacks.containsKey(i)) n.put("hostLacks", lacks.get(i)); else n.putNull("hostLacks");
                }
            }
        });
        try {
            o.println(m.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
