package dev.golive.ui.shell;

import dev.golive.app.Session;
import dev.golive.check.CheckReport;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.GoliveException;
import dev.golive.model.NofileLimit;
import dev.golive.model.Plan;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Severity;
import dev.golive.report.HostSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The guided setup on plain lines: host summary → which findings to fix → profile →
 * service questions → preview → confirm → apply → how to roll back. Every question has a
 * default; nothing is written before the last confirmation, so stopping anywhere leaves
 * the host as it was. The same flow runs from a terminal or from an answers file.
 */
public final class Guide {

    /** Every question id, in the order asked: the keys an answers file may use. */
    public static final List<String> QUESTION_IDS = List.of("fix", "profile", "service", "service.name",
            "service.exec", "service.args", "service.user", "service.ports", "service.memory-max", "service.cpu-quota",
            "service.nofile", "service.hardening", "apply");

    /** How the flow ended. */
    public enum Outcome { APPLIED, NOTHING_TO_DO, DECLINED, READ_ONLY }

    private final GuideBackend backend;
    private final Prompter io;

    public Guide(GuideBackend backend, Prompter io) {
        this.backend = backend;
        this.io = io;
    }

    public Outcome run() {
        CheckReport report = backend.check();
        summary(report);
        List<FixChange> fixes = chooseFixes(report);
        String profile = chooseProfile();
        Optional<ServiceSpec> service = serviceQuestions();
        Plan plan = backend.plan(profile, service, fixes);
        io.say("");
        if (plan.isEmpty()) {
            io.say("Nothing to change: the host is already as " + (Session.NO_PROFILE.equals(profile) ? "asked" : "profile " + profile + " asks") + ".");
            notes(plan);
            return Outcome.NOTHING_TO_DO;
        }
        io.say("Preview (nothing has been written yet):");
        io.page(backend.preview(plan)); // conflicts and manual steps are part of the preview
        Optional<String> ro = backend.readOnlyReason();
        if (ro.isPresent()) {
            io.say("Not applying: " + ro.get() + ". Nothing was changed.");
            return Outcome.READ_ONLY;
        }
        if (!Question.yes(io.ask(Question.yesNo("apply", "Apply these changes now (a snapshot is taken first)?", false)))) {
            io.say("Not applied. Nothing was changed on the host.");
            return Outcome.DECLINED;
        }
        String id = backend.apply(plan);
        var origin = backend.facts().origin();
        String root = origin.live() ? "" : " --root " + origin.root(); // a target tree keeps its snapshots inside
        io.say("Applied. Snapshot " + id + " holds everything needed to undo it, also after a reboot:");
        io.say("  golive rollback " + id + root + "     (or: golive rollback --last" + root + ")");
        plan.actions().stream().filter(a -> a.kind() == dev.golive.model.PlanAction.Kind.RESTART_SERVICE)
                .forEach(a -> io.say("Restart when convenient: systemctl restart " + a.unit().orElseThrow() + " (" + a.why() + ")"));
        verify();
        return Outcome.APPLIED;
    }

    /** The guide ends with golive verify: what the apply reached and what still waits (a restart, a reexec, a boot). */
    private void verify() {
        io.say("");
        try {
            dev.golive.verify.VerifyText.brief(backend.verify()).forEach(io::say);
        } catch (dev.golive.model.GoliveException e) {
            io.say("golive verify: " + e.getMessage());
        }
    }

    private void summary(CheckReport report) {
        var f = backend.facts();
        io.say("golive guide · " + (f.origin().hostname() == null ? f.origin().root() : f.origin().hostname()));
        for (HostSummary.Line l : HostSummary.of(f, report)) {
            // the same status word as the TUI's overview: "unknown" when the area's key fact could not be read
            String mark = "[" + l.status() + "]";
            io.say(String.format(Locale.ROOT, "  %-9s %-8s %s%s", mark, l.label(), l.text(),
                    l.findings() > 0 ? " (" + l.findings() + (l.findings() == 1 ? " finding)" : " findings)") : ""));
        }
        io.say("");
    }

    private List<FixChange> chooseFixes(CheckReport report) {
        List<Finding> fixable = report.findings().stream()
                .filter(x -> Session.fixReach(x).goliveCanFix()) // a line in a vendor file is the admin's step: golive check says it
                .sorted((a, b) -> b.severity().compareTo(a.severity()))
                .toList();
        long advice = report.findings().size() - fixable.size();
        if (fixable.isEmpty()) {
            io.say(report.findings().isEmpty() ? "No findings." : "No finding here has a fix golive can make itself ("
                    + advice + " with advice: golive check).");
            return List.of();
        }
        io.say("Findings golive can fix:");
        for (int i = 0; i < fixable.size(); i++) {
            Finding x = fixable.get(i);
            io.say(String.format(Locale.ROOT, "  %2d. %-5s %s: %s", i + 1, sev(x.severity()), x.ruleId(), x.title()));
            for (FixChange c : x.fix().orElseThrow().changes()) io.say("        → " + c.describe());
        }
        if (advice > 0) io.say("  (" + advice + " more with advice only: golive check)");
        int n = fixable.size();
        String answer = io.ask(Question.words("fix", "Fix which (all, none, or numbers like 1,3-4)?", "all",
                List.of("all", "none"), a -> Selection.check(a, n)));
        SortedSet<Integer> picked = Selection.parse(answer, n).orElseThrow();
        List<FixChange> out = new ArrayList<>();
        for (int i : picked) out.addAll(fixable.get(i - 1).fix().orElseThrow().changes());
        io.say("");
        return out;
    }

    private String chooseProfile() {
        List<String> names = backend.profiles();
        Optional<GuideBackend.Recommendation> rec = backend.recommended();
        io.say("Profiles: " + String.join(", ", names) + ", " + Session.NO_PROFILE + " (only the picked fixes)");
        rec.ifPresent(r -> {
            io.say("Recommended for this host: " + r.profile());
            r.reasons().forEach(reason -> io.say("  - " + reason));
        });
        List<String> choices = new ArrayList<>(names);
        choices.add(Session.NO_PROFILE);
        String dflt = rec.map(GuideBackend.Recommendation::profile).orElse(names.contains("base") ? "base" : Session.NO_PROFILE);
        String answer = io.ask(Question.words("profile", "Profile (tab completes)", dflt, choices,
                a -> choices.contains(a) ? Optional.empty()
                        : Optional.of("no profile \"" + a + "\"" + dev.golive.model.Suggest.didYouMean(a, choices))));
        io.say("");
        return answer;
    }

    private Optional<ServiceSpec> serviceQuestions() {
        boolean existing = backend.facts().service().isPresent();
        if (!Question.yes(io.ask(Question.yesNo("service", "Set up the Go service's systemd unit too?", existing)))) {
            return Optional.empty();
        }
        Map<String, String> last = new LinkedHashMap<>();
        while (true) {
            ServiceSpec spec = askSpec(last);
            List<String> problems = backend.validate(spec);
            if (problems.isEmpty()) {
                io.say("");
                return Optional.of(spec);
            }
            problems.forEach(p -> io.say("  " + p));
            if (io instanceof AnswersPrompter) throw GoliveException.badInput(problems.get(0));
            io.say("Please correct the service answers (your previous answers are the defaults).");
        }
    }

    private ServiceSpec askSpec(Map<String, String> last) {
        String dfltName = last.getOrDefault("service.name", backend.facts().service().map(s -> s.name()).orElse(""));
        String name = ask(last, Question.text("service.name", "Service name (e.g. api or api.service)", dfltName, a -> {
            if (a.isBlank()) return Optional.of("a name is needed");
            return Session.unitNameProblem(a.endsWith(".service") ? a : a + ".service");
        }));
        String exec = ask(last, Question.path("service.exec", "Binary (absolute path; empty keeps an existing unit's ExecStart)",
                last.getOrDefault("service.exec", ""), a -> a.isEmpty() || a.startsWith("/") ? Optional.empty()
                        : Optional.of("give an absolute path (systemd before 239 needs one, and it is unambiguous)")));
        String args = ask(last, Question.text("service.args", "Arguments", last.getOrDefault("service.args", ""), Question.any()));
        List<String> userChoices = new ArrayList<>(backend.users());
        userChoices.add(0, "dynamic");
        // a drop-in on an existing unit keeps its User= unless asked: DynamicUser=yes there would
        // change who owns the service's files
        boolean dropIn = exec.isEmpty();
        if (dropIn) userChoices.add(0, "keep");
        String user = ask(last, Question.words("service.user",
                "Run as user (dynamic = DynamicUser=yes" + (dropIn ? ", keep = as the unit says" : "") + ")",
                last.getOrDefault("service.user", dropIn ? "keep" : "dynamic"), userChoices, Question.any()));
        String ports = ask(last, Question.text("service.ports", "TCP ports it listens on (e.g. 8080 or 80,443)",
                last.getOrDefault("service.ports", ""), Guide::checkPorts));
        String mem = ask(last, Question.text("service.memory-max", "MemoryMax (e.g. 2G; none)", last.getOrDefault("service.memory-max", "none"), Question.any()));
        String cpu = ask(last, Question.text("service.cpu-quota", "CPUQuota (e.g. 200%; none)", last.getOrDefault("service.cpu-quota", "none"), Question.any()));
        String nofile = ask(last, Question.text("service.nofile", "LimitNOFILE soft:hard (none keeps systemd's default)",
                last.getOrDefault("service.nofile", "none"),
                a -> isNone(a) || NofileLimit.parse(a).isPresent() ? Optional.empty() : Optional.of("expected soft:hard such as 65536:524288, or none")));
        String hard = ask(last, Question.words("service.hardening", "Hardening (none, basic, strict)",
                last.getOrDefault("service.hardening", "basic"), List.of("none", "basic", "strict"),
                a -> List.of("none", "basic", "strict").contains(a.toLowerCase(Locale.ROOT)) ? Optional.empty()
                        : Optional.of("answer none, basic or strict")));

        ServiceSpec base = ServiceSpec.named(name);
        boolean dynamic = user.equals("dynamic");
        boolean keep = user.equals("keep") || user.isBlank();
        return new ServiceSpec(name, Optional.empty(), exec.isEmpty() ? Optional.empty() : Optional.of(exec),
                args.isBlank() ? List.of() : List.of(args.strip().split("\\s+")),
                dynamic || keep ? Optional.empty() : Optional.of(user), dynamic, Optional.empty(), List.of(), Map.of(),
                parsePorts(ports),
                new ServiceSpec.Resources(opt(cpu), opt(mem), Optional.empty(), Optional.empty(),
                        isNone(nofile) ? Optional.empty() : NofileLimit.parse(nofile), Optional.empty()),
                base.restart(), ServiceSpec.Hardening.valueOf(hard.toUpperCase(Locale.ROOT)), base.go());
    }

    private String ask(Map<String, String> last, Question q) {
        String a = io.ask(q);
        last.put(q.id(), a);
        return a;
    }

    /** Conflicts and manual steps when there is no preview to show them. */
    private void notes(Plan plan) {
        plan.conflicts().forEach(c -> io.say("Conflict: " + c.key() + " = " + c.wanted() + " would be overridden " + c.when() + " by "
                + c.winner().describe() + ", which " + c.winnerSays() + ". " + c.why()));
        plan.manualSteps().forEach(s -> io.say("Do by hand: " + s));
    }

    static Optional<String> checkPorts(String a) {
        try {
            parsePorts(a);
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("ports are numbers between 1 and 65535, separated by commas or spaces");
        }
    }

    static List<Integer> parsePorts(String a) {
        List<Integer> out = new ArrayList<>();
        if (isNone(a)) return out;
        for (String p : a.strip().split("[,\\s]+")) {
            int n = Integer.parseInt(p);
            if (n < 1 || n > 65535) throw new NumberFormatException(p);
            out.add(n);
        }
        return out;
    }

    private static boolean isNone(String a) { return a.isBlank() || a.equalsIgnoreCase("none"); }

    private static Optional<String> opt(String a) { return isNone(a) ? Optional.empty() : Optional.of(a.strip()); }

    private static String sev(Severity s) { return s.name().toLowerCase(Locale.ROOT); }
}
