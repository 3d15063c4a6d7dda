package dev.golive.ui.shell;

import dev.golive.app.Session;
import dev.golive.apply.ApplyResult;
import dev.golive.check.CheckReport;
import dev.golive.model.Finding;
import dev.golive.model.FinishPlan;
import dev.golive.model.FixChange;
import dev.golive.model.GoliveException;
import dev.golive.model.NofileLimit;
import dev.golive.model.Plan;
import dev.golive.model.ServiceHealth;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Severity;
import dev.golive.model.SystemdDirectives;
import dev.golive.plan.FinishPlanner;
import dev.golive.report.HostSummary;
import dev.golive.unit.UnitWords;
import dev.golive.verify.HealthJudge;

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
            "service.nofile", "service.hardening", "apply", "finish", "finish.binary", "finish.health-url", "finish.confirm");

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
        Optional<ServiceSpec> service = serviceQuestions(profile);
        Plan plan = backend.plan(profile, service, fixes);
        io.say("");
        if (plan.isEmpty()) {
            io.say("Nothing to change: the host is already as " + (Session.NO_PROFILE.equals(profile) ? "asked" : "profile " + profile + " asks") + ".");
            notes(plan);
            // the unit may be written already and its service still not finished (no user, not started)
            if (plan.service().isEmpty() || backend.readOnlyReason().isPresent()) return Outcome.NOTHING_TO_DO;
            return finish(plan, profile, service, fixes).orElse(Outcome.NOTHING_TO_DO);
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
        if (plan.service().isPresent()) {
            Optional<Outcome> finished = finish(plan, profile, service, fixes);
            if (finished.isPresent()) return finished.get();
        }
        String id = io.changing(() -> backend.apply(plan));
        applied(id);
        if (stoppedAfterTheChange()) return Outcome.APPLIED;
        plan.actions().stream().filter(a -> a.kind() == dev.golive.model.PlanAction.Kind.RESTART_SERVICE)
                .forEach(a -> io.say("Restart when convenient: systemctl restart " + a.unit().orElseThrow() + " (" + a.why() + ")"));
        verify();
        return Outcome.APPLIED;
    }

    /** Ctrl-C came while the apply ran: it ended, the undo line is said, and the guide asks and checks nothing more. */
    private boolean stoppedAfterTheChange() {
        if (!io.interrupted()) return false;
        io.say("golive guide: stopped (interrupted) once the apply ended");
        return true;
    }

    private void applied(String id) {
        var origin = backend.facts().origin();
        String root = origin.live() ? "" : " --root " + origin.root(); // a target tree keeps its snapshots inside
        io.say("Applied. Snapshot " + id + " holds everything needed to undo it, also after a reboot:");
        io.say("  golive rollback " + id + root + "     (or: golive rollback --last" + root + ")");
    }

    /**
     * Finishing the plan's service as {@code golive apply --finish} does, through the same app
     * calls: its user and group, the binary (the one the admin names), the directories systemd
     * will not create, enable and start (or restart), all in the plan's snapshot, then the health
     * step. The steps are listed before a confirm of their own; empty when the admin does not
     * want the finish (the plan alone is applied then).
     */
    private Optional<Outcome> finish(Plan shown, String profile, Optional<ServiceSpec> service, List<FixChange> fixes) {
        String unit = shown.service().orElseThrow();
        if (!Question.yes(io.ask(Question.yesNo("finish", "Also finish " + unit
                + " (its user and group, the binary, directories, enable and start, then a health check)?", false)))) {
            return Optional.empty();
        }
        String exec = service.flatMap(ServiceSpec::exec).orElse("the unit's ExecStart program");
        String binary = io.ask(Question.path("finish.binary", "The binary to install as " + exec + " (a file on this machine; empty: none, the one there stays)",
                "", a -> a.isBlank() ? Optional.empty() : backend.installing(a)));
        Plan plan = shown;
        if (!binary.isBlank()) {
            // checked and derived (Go version, GOMAXPROCS) from the binary that will run, as apply --finish --binary plans
            plan = backend.plan(profile, service, fixes);
            if (!plan.files().equals(shown.files())) {
                io.say("With " + binary + " as the service's binary the plan changes (nothing has been written yet):");
                io.page(backend.preview(plan));
            }
        }
        String url = io.ask(Question.text("finish.health-url", "A health URL that must answer 2xx/3xx once it runs (e.g. http://127.0.0.1:8080/healthz; none)",
                service.flatMap(ServiceSpec::healthUrl).orElse("none"), a -> isNone(a) ? Optional.empty() : backend.healthUrlProblem(a.strip())));
        FinishPlan fin = backend.finishPlan(plan, binary.isBlank() ? Optional.empty() : Optional.of(binary),
                service.map(ServiceSpec::ports).orElse(List.of()), opt(url));
        if (plan.isEmpty() && fin.isEmpty()) {
            io.say(fin.unit() + " is finished already: nothing to do.");
            return Optional.of(Outcome.NOTHING_TO_DO);
        }
        io.say("Finish " + fin.unit() + ":");
        FinishPlanner.describe(fin).forEach(l -> io.say("  " + l));
        String what = plan.isEmpty() ? "these " + fin.steps().size() + " steps" : "the plan and these " + fin.steps().size() + " steps";
        if (!Question.yes(io.ask(Question.yesNo("finish.confirm", "Apply " + what + " now (one snapshot holds it all)?", false)))) {
            io.say("Not applied. Nothing was changed on the host.");
            return Optional.of(Outcome.DECLINED);
        }
        Plan planned = plan;
        ApplyResult r = io.changing(() -> backend.applyAndFinish(planned, fin));
        r.lines().forEach(l -> io.say("  " + l));
        applied(r.snapshotId());
        if (stoppedAfterTheChange()) return Optional.of(Outcome.APPLIED);
        if (!backend.live()) {
            io.say("health: skipped: " + backend.facts().origin().root() + " is a target tree, nothing runs in it");
        } else {
            ServiceHealth h = backend.health(fin);
            io.say("health of " + h.unit() + ":");
            HealthJudge.lines(h).forEach(l -> io.say("  " + l));
            if (!h.ok()) io.say(h.unit() + " is not healthy; the apply stands: fix it and run golive health --service " + h.unit()
                    + " --wait 20, or undo with golive rollback " + r.snapshotId());
        }
        verify();
        return Optional.of(Outcome.APPLIED);
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

    /**
     * A service question: its answers-file key, the name the admin sees (the start of its
     * prompt, and what an error about it is called) and the spec fields it answers (as
     * unit.SpecValidator names them), so a refused value is asked again where it was given.
     */
    record ServiceQuestion(String id, String label, List<String> fields) {
        boolean answers(String field) {
            return fields.stream().anyMatch(f -> field.equals(f) || field.startsWith(f + "[") || field.startsWith(f + "."));
        }
    }

    static final List<ServiceQuestion> SERVICE = List.of(
            new ServiceQuestion("service.name", "Service name", List.of("name")),
            new ServiceQuestion("service.exec", "Binary", List.of("exec")),
            new ServiceQuestion("service.args", "Arguments", List.of("args", "arguments")),
            new ServiceQuestion("service.user", "Run as user", List.of("user", "dynamicUser")),
            new ServiceQuestion("service.ports", "TCP ports", List.of("ports")),
            new ServiceQuestion("service.memory-max", "MemoryMax", List.of("resources.memoryMax")),
            new ServiceQuestion("service.cpu-quota", "CPUQuota", List.of("resources.cpuQuota")),
            new ServiceQuestion("service.nofile", "LimitNOFILE", List.of("resources.nofile")),
            new ServiceQuestion("service.hardening", "Hardening", List.of("hardening")));

    /** A spec field as the admin saw it asked ("resources.cpuQuota" → "CPUQuota"); a field no question sets keeps its name. */
    static String label(String field) {
        return SERVICE.stream().filter(q -> q.answers(field)).map(ServiceQuestion::label).findFirst().orElse(field);
    }

    /** The question an error (as {@link #label} names its field) is about. */
    static Optional<ServiceQuestion> about(String problem) {
        return SERVICE.stream().filter(q -> problem.startsWith(q.label() + ": ")).findFirst();
    }

    private Optional<ServiceSpec> serviceQuestions(String profile) {
        boolean existing = backend.facts().service().isPresent();
        if (!Question.yes(io.ask(Question.yesNo("service", "Set up the Go service's systemd unit too?", existing)))) {
            return Optional.empty();
        }
        Map<String, String> answers = new LinkedHashMap<>();
        String dfltName = backend.facts().service().map(s -> s.name()).orElse("");
        Map<String, String> fromProfile = new LinkedHashMap<>();
        backend.profileService(profile, "LimitNOFILE").ifPresent(v -> fromProfile.put("service.nofile", v));
        String name = ask(answers, question(SERVICE.get(0), dfltName, answers, Optional.empty(), fromProfile));
        // an existing unit's values are the defaults (what the TUI's form is filled with); the
        // drop-in then holds only what the admin changed
        Optional<ServiceSpec> unit = backend.unitSpec(ServiceSpec.named(name).unitName());
        unit.ifPresent(u -> io.say("  " + u.unitName() + " exists: its values are the defaults; the drop-in changes only what you change."));
        for (ServiceQuestion q : SERVICE.subList(1, SERVICE.size())) ask(answers, question(q, dflt(q, unit, fromProfile), answers, unit, fromProfile));
        while (true) {
            ServiceSpec spec = spec(answers, unit, fromProfile);
            Optional<String> problem = backend.problem(spec, Guide::label);
            if (problem.isEmpty()) {
                // what golive unit prints as warnings: the spec is accepted, but the admin should know
                backend.warnings(spec, Guide::label).forEach(w -> io.say("  warning: " + w));
                io.say("");
                return Optional.of(spec);
            }
            Optional<ServiceQuestion> q = about(problem.get());
            if (q.isEmpty()) throw GoliveException.badInput(problem.get());
            // a problem only the whole spec shows: asked again where it was answered
            io.say("  " + problem.get());
            ask(answers, question(q.get(), answers.get(q.get().id()), answers, unit, fromProfile));
        }
    }

    /**
     * The question for {@code q}: its own format check, then the whole spec as it stands with
     * this answer (every later question at its default) checked by the backend — a problem
     * with this answer is said at once, without the field's internal name, and asked again.
     */
    private Question question(ServiceQuestion q, String dflt, Map<String, String> answers, Optional<ServiceSpec> unit,
                              Map<String, String> fromProfile) {
        java.util.function.Function<String, Optional<String>> own = format(q, unit);
        java.util.function.Function<String, Optional<String>> check = a -> own.apply(a).or(() -> {
            Map<String, String> with = new LinkedHashMap<>(answers);
            with.put(q.id(), a);
            return backend.problem(spec(with, unit, fromProfile), Guide::label)
                    .filter(p -> about(p).equals(Optional.of(q)))
                    .map(p -> p.substring(q.label().length() + 2));
        });
        boolean dropIn = unit.isPresent();
        return switch (q.id()) {
            case "service.name" -> Question.text(q.id(), q.label() + " (e.g. api, or api.service)", dflt, check);
            case "service.exec" -> Question.path(q.id(), q.label() + ", an absolute path (e.g. /usr/local/bin/api"
                    + (dropIn ? "" : "; Tab completes") + ")", dflt, check);
            case "service.args" -> Question.text(q.id(), q.label() + " (e.g. --listen :8080 --config /etc/api.yaml; empty for none)", dflt, check);
            case "service.user" -> {
                List<String> choices = new ArrayList<>(backend.users());
                if (dynamicKnown()) choices.add(0, "dynamic");
                if (dropIn) choices.add(0, "keep");
                yield Question.words(q.id(), q.label() + " (a login name" + (dynamicKnown() ? "; dynamic = DynamicUser=yes" : "")
                        + (dropIn ? "; keep = as the unit says" : "") + ")", dflt, choices, check);
            }
            case "service.ports" -> Question.text(q.id(), q.label() + " it listens on (e.g. 8080, or 80,443; none)", dflt, check);
            case "service.memory-max" -> Question.text(q.id(), q.label() + ", the memory limit (e.g. 512M, 2G, or 50% of RAM; " + NONE_OR_INFINITY + ")", dflt, check);
            case "service.cpu-quota" -> Question.text(q.id(), q.label() + ", in % of one CPU (e.g. 50% = half a CPU, 200% = two CPUs; " + NONE_OR_INFINITY + ")", dflt, check);
            case "service.nofile" -> Question.text(q.id(), q.label() + ", open files soft:hard (e.g. 65536:524288; " + NONE_OR_INFINITY + ")", dflt, check);
            case "service.hardening" -> Question.words(q.id(), q.label() + " (none, basic or strict)", dflt, HARDENING, check);
            default -> throw new IllegalArgumentException(q.id());
        };
    }

    /** Whether the host's systemd (golive's oldest when unknown) knows DynamicUser=yes. */
    private boolean dynamicKnown() {
        return SystemdDirectives.known(SystemdDirectives.target(backend.facts().systemd().version()), "Service", "DynamicUser", "yes");
    }

    private static final List<String> HARDENING = List.of("none", "basic", "strict");

    /**
     * The two answers a limit question takes besides a value: none (golive sets nothing, and takes
     * its own earlier line away) and infinity (golive writes "no limit", also over a vendor's).
     */
    static final String NONE_OR_INFINITY = "none = golive sets none, the unit's or systemd's applies; infinity = no limit";

    /** What an answer must look like before the spec can hold it. */
    private java.util.function.Function<String, Optional<String>> format(ServiceQuestion q, Optional<ServiceSpec> unit) {
        return switch (q.id()) {
            case "service.name" -> a -> a.isBlank() ? Optional.of("a name is needed")
                    : Session.unitNameProblem(a.endsWith(".service") ? a : a + ".service");
            case "service.exec" -> a -> a.isEmpty() || a.startsWith("/") ? Optional.empty()
                    : Optional.of("give an absolute path (systemd before 239 needs one, and it is unambiguous)");
            case "service.args" -> Guide::checkArguments;
            case "service.ports" -> Guide::checkPorts;
            case "service.nofile" -> a -> isNone(a) || NofileLimit.parse(a).isPresent() ? Optional.empty()
                    : Optional.of("expected soft:hard such as 65536:524288, infinity, or none");
            case "service.hardening" -> a -> HARDENING.contains(a.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("answer none, basic or strict");
            default -> Question.any();
        };
    }

    /** The default of a question: the existing unit's value, else golive's (or the profile's) for a new unit. */
    private String dflt(ServiceQuestion q, Optional<ServiceSpec> unit, Map<String, String> fromProfile) {
        ServiceSpec u = unit.orElse(null);
        return switch (q.id()) {
            case "service.exec" -> u == null ? "" : u.exec().orElse("");
            case "service.args" -> u == null ? "" : String.join(" ", u.arguments().stream().map(UnitWords::quote).toList());
            // a systemd that does not know DynamicUser= ignores it and runs the service as root: say root then
            case "service.user" -> u == null ? (dynamicKnown() ? "dynamic" : "root") : u.dynamicUser() ? "dynamic" : u.user().orElse("keep");
            case "service.ports" -> "";
            case "service.memory-max" -> u == null ? "none" : u.resources().memoryMax().orElse("none");
            case "service.cpu-quota" -> u == null ? "none" : u.resources().cpuQuota().orElse("none");
            // where the unit sets none, the profile's limit is written unless the admin answers otherwise: the default says so
            case "service.nofile" -> (u == null ? Optional.<NofileLimit>empty() : u.resources().nofile()).map(NofileLimit::toString)
                    .orElse(fromProfile.getOrDefault(q.id(), "none"));
            case "service.hardening" -> (u == null ? ServiceSpec.named("x").hardening() : u.hardening()).name().toLowerCase(Locale.ROOT);
            default -> "";
        };
    }

    /**
     * The spec the answers amount to; a question not answered yet counts as its default. On an
     * existing unit everything the guide does not ask (environment, restart, …) is the unit's.
     */
    private ServiceSpec spec(Map<String, String> answers, Optional<ServiceSpec> unit, Map<String, String> fromProfile) {
        java.util.function.Function<String, String> a = id -> {
            if (answers.containsKey(id)) return answers.get(id);
            return dflt(SERVICE.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow(), unit, fromProfile);
        };
        String name = answers.getOrDefault("service.name", "");
        ServiceSpec base = unit.orElse(ServiceSpec.named(name));
        String exec = a.apply("service.exec");
        String user = a.apply("service.user");
        boolean dynamic = user.equals("dynamic");
        boolean keep = user.equals("keep") || user.isBlank();
        String nofile = a.apply("service.nofile");
        String cpu = a.apply("service.cpu-quota"), memory = a.apply("service.memory-max");
        // none: golive sets nothing for it (no profile value either) and its own earlier line goes
        List<String> unset = new ArrayList<>();
        if (isNone(cpu)) unset.add("cpuQuota");
        if (isNone(memory)) unset.add("memoryMax");
        if (isNone(nofile)) unset.add("nofile");
        ServiceSpec.Resources r = base.resources();
        List<String> args;
        try {
            args = UnitWords.split(a.apply("service.args"));
        } catch (GoliveException e) {
            args = List.of(); // refused by the question's own check
        }
        List<Integer> ports;
        try {
            ports = parsePorts(a.apply("service.ports"));
        } catch (NumberFormatException e) {
            ports = List.of(); // refused by the question's own check
        }
        String hard = a.apply("service.hardening").toLowerCase(Locale.ROOT);
        return new ServiceSpec(name, base.description(), exec.isEmpty() ? Optional.empty() : Optional.of(exec), args,
                dynamic || keep ? (keep ? base.user() : Optional.empty()) : Optional.of(user), dynamic || (keep && base.dynamicUser()),
                base.workingDirectory(), base.stateDirectories(), base.environment(), ports,
                new ServiceSpec.Resources(opt(cpu), opt(memory), r.memoryHigh(), r.tasksMax(),
                        isNone(nofile) ? Optional.empty() : NofileLimit.parse(nofile), r.ioWeight()).withControlsOf(r).withUnset(unset),
                base.restart(), HARDENING.contains(hard) ? ServiceSpec.Hardening.valueOf(hard.toUpperCase(Locale.ROOT)) : base.hardening(),
                base.go(), base.logging(), base.group(), base.healthUrl()); // what the guide does not ask stays as the base (existing unit or spec) has it
    }

    private String ask(Map<String, String> answers, Question q) {
        String a = io.ask(q);
        answers.put(q.id(), a);
        return a;
    }

    /** Conflicts and manual steps when there is no preview to show them. */
    private void notes(Plan plan) {
        plan.conflicts().forEach(c -> io.say("Conflict: " + c.key() + " = " + c.wanted() + " would be overridden " + c.when() + " by "
                + c.winner().describe() + ", which " + c.winnerSays() + ". " + c.why()));
        plan.manualSteps().forEach(s -> io.say("Do by hand: " + s));
    }

    static Optional<String> checkArguments(String a) {
        try {
            UnitWords.split(a);
            return Optional.empty();
        } catch (GoliveException e) {
            return Optional.of("arguments are split as systemd splits ExecStart= (" + e.getMessage() + ")");
        }
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
