package dev.golive.plan;

import dev.golive.config.SysctlFile;
import dev.golive.config.TmpfilesLoadOrder;
import dev.golive.config.SystemdIni;
import dev.golive.inspect.SysctlProbe;
import dev.golive.model.Fact;
import dev.golive.model.FileChange;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.KernelSysctls;
import dev.golive.model.LiveChange;
import dev.golive.model.NofileLimit;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;
import dev.golive.model.PlanConflict;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFact;
import dev.golive.profile.LiveKeys;
import dev.golive.profile.Profile;
import dev.golive.profile.SysfsChoices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host facts + resolved profile (+ service, + picked fixes) + current owned files → Plan.
 * Pure: reads nothing, writes nothing. Only files golive owns are written (complete old and
 * new content); a fix that would edit any other file becomes a manual step. A value that is
 * already live and what the next boot gives (a sysctl file's value, or the kernel default
 * from model.KernelDefaults) produces nothing, so planning again after an apply gives an empty
 * plan; a value that is live only (set at runtime, no file) is written into golive's file.
 */
public final class Planner {

    /** Go reads somaxconn once per process (net/sock_linux.go, sync.Once): DOMAIN.md. */
    static final String SOMAXCONN_RESTART = "a Go service reads net.core.somaxconn once per process (net/sock_linux.go, cached by sync.Once); "
            + "it sees the new value only after a restart";
    /**
     * systemctl(1) and systemd-system.conf(5) (v252) promise only that daemon-reload reloads unit
     * files; re-reading system.conf on reload came with systemd commit 06af2a04 ("Reload manager
     * defaults at daemon-reload", 2015), so older managers (CentOS 7's 219) need a re-exec.
     * daemon-reexec re-reads it on every version.
     */
    static final String REEXEC_WHY = "the manager reads Default*= settings from system.conf.d when it starts; daemon-reexec re-reads them on every "
            + "systemd version (daemon-reload does only since 2015, commit 06af2a04). Services started before keep their old limits until restarted";

    private final ServiceFiles serviceFiles;

    public Planner(ServiceFiles serviceFiles) { this.serviceFiles = serviceFiles; }

    private record Want(String key, String value, String why, boolean perNamespace, String path) { }

    public Plan plan(PlanInput in) {
        HostFacts facts = in.facts();
        Profile profile = in.profile();
        List<FileChange> files = new ArrayList<>();
        List<LiveChange> live = new ArrayList<>();
        List<PlanAction> actions = new ArrayList<>();
        List<PlanConflict> conflicts = new ArrayList<>();
        List<String> manual = new ArrayList<>();
        boolean container = facts.os().container().opt().filter(c -> !c.equals("none")).isPresent();
        // an image tree has no running kernel: nothing is set live, its files apply at first boot
        boolean firstBoot = !facts.sysctls().kernel().running();
        List<String> sysctlAtBoot = new ArrayList<>(), sysfsAtBoot = new ArrayList<>();

        for (Profile.Skipped s : profile.skipped()) {
            // a service setting the profile could not size matters only when a service is planned
            if (s.section() == dev.golive.profile.Section.SERVICE && in.service().isEmpty()) continue;
            manual.add("not planned: " + s.section().yamlName + " " + s.key() + " (" + s.origin() + "): " + s.reason());
        }

        // ---- sysctl: profile values, then the fixes the admin picked (they win) ----
        LinkedHashMap<String, Want> sysctls = new LinkedHashMap<>();
        for (Profile.Value v : profile.sysctls()) sysctls.put(v.key(), new Want(v.key(), v.value(), v.why(), v.perNamespace(), v.path()));
        LinkedHashMap<String, Want> manager = new LinkedHashMap<>();
        for (Profile.Value v : profile.manager()) manager.put(v.key(), new Want(v.key(), v.value(), v.why(), false, null));
        // sysfs (THP) the same way: a picked fix writes what a profile would, and wins over it
        LinkedHashMap<String, Want> sysfs = new LinkedHashMap<>();
        for (Profile.Value v : profile.sysfs()) sysfs.put(v.key(), new Want(v.key(), v.value(), v.why(), false, v.path()));
        List<FixChange> unitFixes = new ArrayList<>();
        Map<String, String> envFixes = new LinkedHashMap<>();
        List<String> removeFromOurs = new ArrayList<>();
        for (FixChange f : in.fixes()) {
            Optional<String> step = FixReach.manualStep(f); // a line in a file golive does not own
            if (step.isPresent()) {
                manual.add(step.get());
            } else if (f instanceof FixChange.SysctlChange c) {
                sysctls.put(c.key(), new Want(c.key(), SysctlFact.normalize(c.value()), "picked fix: " + c.describe(),
                        SysctlProbe.perNamespace(c.key()), SysctlProbe.procPath(c.key())));
            } else if (f instanceof FixChange.SysctlRemoval r) {
                removeFromOurs.add(r.key());
            } else if (f instanceof FixChange.ManagerDefaultChange m) {
                manager.put(m.key(), new Want(m.key(), m.value(), "picked fix: " + m.describe(), false, null));
            } else if (f instanceof FixChange.UnitDirectiveChange || f instanceof FixChange.UnitDirectiveRemoval) {
                unitFixes.add(f);
            } else if (f instanceof FixChange.ServiceEnvironmentChange e) {
                envFixes.put(e.name(), e.value());
            } else if (f instanceof FixChange.SysfsChange c) {
                sysfs.put(c.key(), new Want(c.key(), c.value(), "picked fix: " + c.describe(), false, c.path()));
            }
        }
        removeFromOurs.forEach(sysctls::remove);
        // a picked tcp_max_syn_backlog fix is moot when this plan turns syncookies on ("fix all" picks both)
        Want cookies = sysctls.get(dev.golive.profile.ProfileResolver.SYNCOOKIES);
        if (cookies != null && !cookies.value().equals("0") && sysctls.remove(dev.golive.profile.ProfileResolver.SYN_BACKLOG) != null) {
            manual.add("not planned: " + dev.golive.profile.ProfileResolver.SYN_BACKLOG + ": this plan sets " + cookies.key() + " = " + cookies.value()
                    + ", and " + dev.golive.profile.ProfileResolver.SYNCOOKIES_OFF_WHY);
        }

        String sysctlBody = sysctls(facts, in, sysctls, container, firstBoot ? sysctlAtBoot : null, live, conflicts, manual, profile.name());
        Optional<FileChange> sysctlFile = OwnedFileBodies.change(in.currentOf(OwnedFiles.SYSCTL_DROPIN), sysctlBody, in.planId(),
                "kernel tunables of profile " + profile.name() + ", applied at every boot by systemd-sysctl", manual);
        sysctlFile.ifPresent(files::add);

        // ---- systemd manager defaults ----
        String managerBody = manager(facts, in, manager, conflicts, manual, profile.name());
        Optional<FileChange> mgr = OwnedFileBodies.change(in.currentOf(OwnedFiles.MANAGER_DROPIN), managerBody, in.planId(),
                "service manager defaults of profile " + profile.name(), manual);
        mgr.ifPresent(files::add);
        if (mgr.isPresent()) actions.add(new PlanAction(PlanAction.Kind.DAEMON_REEXEC, Optional.empty(), REEXEC_WHY));

        // ---- sysfs (THP): live now, tmpfiles.d at boot ----
        String tmpfilesBody = sysfs(facts, in, sysfs, profile.name(), container, firstBoot ? sysfsAtBoot : null, live, manual);
        Optional<FileChange> tmpfilesFile = OwnedFileBodies.change(in.currentOf(OwnedFiles.TMPFILES_DROPIN), tmpfilesBody, in.planId(),
                "sysfs values of profile " + profile.name() + ", written at every boot by systemd-tmpfiles (sysctl.d cannot set /sys)", manual);
        tmpfilesFile.ifPresent(files::add);

        // ---- the service ----
        List<String> restartWhy = new ArrayList<>();
        Optional<String> unit = in.service().map(ServiceSpec::unitName);
        if (in.service().isPresent()) {
            ServiceSpec spec = serviceFiles.wanted(facts, in.service().get(), profile.service(), envFixes, in.current());
            // a renderer may hand back a file whose content only differs in the header: that is no change
            List<FileChange> rendered = serviceFiles.files(facts, in.service().get(), profile.service(), envFixes, unitFixes, in.current(), in.planId());
            // a later drop-in (override.conf from `systemctl edit`) beats golive's value: said, like a later sysctl file
            for (FileChange f : rendered) conflicts.addAll(serviceFiles.overrides(spec, f));
            manual.addAll(serviceFiles.notes(in.service().get()));
            List<FileChange> unitFiles = rendered.stream()
                    .filter(f -> !(f.before().isPresent() && f.after().isPresent()
                            && OwnedFileBodies.body(f.before().get()).equals(OwnedFileBodies.body(f.after().get()))
                            && in.currentOf(f.path()).mode() == f.mode()))
                    .toList();
            for (FileChange f : unitFiles) {
                if (!OwnedFiles.isOwnedPath(f.path())) throw new IllegalStateException("unit renderer returned a path golive does not own: " + f.path());
            }
            files.addAll(unitFiles);
            // an append: log file gets its rotation in the same snapshot; golive's old one goes when the output does
            String rotation = OwnedFiles.logrotate(unit.get());
            List<String> appended = dev.golive.unit.LogrotateFile.files(spec.logging());
            OwnedFileBodies.change(in.currentOf(rotation), dev.golive.unit.LogrotateFile.body(spec, in.logrotate()), in.planId(),
                    appended.isEmpty() ? unit.get() + " appends to no log file any more"
                            : "logrotate rotates " + String.join(", ", appended) + " (copytruncate: " + unit.get() + " keeps its descriptor)",
                    manual).ifPresent(files::add);
            if (!unitFiles.isEmpty()) {
                actions.add(new PlanAction(PlanAction.Kind.DAEMON_RELOAD, Optional.empty(), "unit files of " + unit.get() + " changed; systemd reads them on daemon-reload"));
                restartWhy.add("its unit changed (limits, environment and sandboxing apply when the process starts)");
            }
        } else {
            for (FixChange f : unitFixes) manual.add("needs --service: " + f.describe());
            envFixes.forEach((k, v) -> manual.add("needs --service: [Service] Environment=" + k + "=" + v));
        }
        if (live.stream().anyMatch(l -> l.key().equals("net.core.somaxconn"))) restartWhy.add(SOMAXCONN_RESTART);
        if (mgr.isPresent()) restartWhy.add("manager defaults apply to processes started after the re-exec");
        if (!restartWhy.isEmpty()) {
            if (unit.isPresent()) actions.add(new PlanAction(PlanAction.Kind.RESTART_SERVICE, unit, String.join("; ", restartWhy)));
            else if (!firstBoot) manual.add("restart running Go services when convenient: " + String.join("; ", restartWhy));
        }
        Optional<Plan.FirstBoot> atBoot = Optional.empty();
        if (firstBoot) {
            // only what this plan writes: a re-plan of an applied tree lists nothing
            List<String> values = new ArrayList<>();
            if (sysctlFile.isPresent()) values.addAll(sysctlAtBoot);
            if (tmpfilesFile.isPresent()) values.addAll(sysfsAtBoot);
            Fact<Integer> sd = facts.systemd().version();
            String systemd = sd instanceof Fact.Unknown<Integer> u
                    ? "unknown (" + u.reason() + "); units use only directives of systemd " + dev.golive.model.SystemdDirectives.BASELINE
                    : sd.opt().get() + " (" + sd.src().map(Source::describe).orElse("") + ")";
            atBoot = Optional.of(new Plan.FirstBoot(facts.sysctls().kernel().describe(), systemd, values));
        }
        return new Plan(in.planId(), profile.name(), unit, files, live, actions, conflicts, manual, atBoot);
    }

    // ------------------------------------------------------------------------------------------

    /** {@code atBoot}: null on a host with a running kernel; else where the values an image gets at first boot are listed. */
    private static String sysctls(HostFacts facts, PlanInput in, Map<String, Want> wants, boolean container, List<String> atBoot,
                                  List<LiveChange> live, List<PlanConflict> conflicts, List<String> manual, String profile) {
        Map<String, String> ours = new LinkedHashMap<>();
        in.currentOf(OwnedFiles.SYSCTL_DROPIN).content().filter(OwnedFiles::isOwned)
                .ifPresent(c -> SysctlFile.parse(OwnedFiles.SYSCTL_DROPIN, c).assignments().forEach(a -> ours.put(a.key(), a.value())));
        StringBuilder body = new StringBuilder();
        for (Want w : wants.values()) {
            Optional<SysctlFact> fact = facts.sysctls().get(w.key());
            if (fact.isPresent() && fact.get().exists().opt().orElse(true).equals(false)) {
                manual.add("not planned: " + w.key() + " does not exist on " + (atBoot == null ? "this kernel"
                        : fact.get().exists().src().map(Source::describe).orElse("the kernel named with --kernel")));
                continue;
            }
            if (container && !w.perNamespace()) {
                manual.add("set " + w.key() + " = " + w.value() + " on the container's host: it is global, not per network namespace ("
                        + OwnedFileBodies.firstSentence(w.why()) + ")");
                continue;
            }
            Optional<String> now = facts.sysctls().live(w.key());
            Optional<SysctlAssignment> winner = fact.flatMap(SysctlFact::configured)
                    .filter(a -> !a.source().path().equals(OwnedFiles.SYSCTL_DROPIN));
            boolean liveOk = now.filter(w.value()::equals).isPresent();
            // what the next boot gives: the winning file's value, else the kernel's default. A value that
            // is only live (sysctl -w; it differs from the known default) is written, so the boot keeps it.
            // Where the default is not known golive cannot tell, and a container's runtime sets its values
            // at each start: there the live value stands.
            // /etc/sysctl.conf counts only where systemd-sysctl reads it (SysctlFacts.atBoot)
            Optional<String> nextBoot = facts.sysctls().atBoot(w.key(), OwnedFiles.SYSCTL_DROPIN).map(a -> SysctlFact.normalize(a.value()))
                    .or(() -> container ? Optional.empty() : KernelSysctls.fixedDefault(w.key(), facts.os()).map(d -> SysctlFact.normalize(d.value())));
            boolean configuredOk = nextBoot.map(w.value()::equals).orElse(true);
            if (ours.containsKey(w.key()) || !(liveOk && configuredOk)) {
                body.append("# ").append(OwnedFileBodies.firstSentence(w.why())).append('\n');
                body.append(w.key()).append(" = ").append(w.value()).append('\n');
                if (atBoot != null) atBoot.add(w.key() + " = " + w.value() + "  (" + OwnedFiles.SYSCTL_DROPIN + ", systemd-sysctl)");
                winner.filter(a -> !SysctlFact.normalize(a.value()).equals(w.value()) && loadsAfterOurs(a.source()))
                        .ifPresent(a -> conflicts.add(new PlanConflict(w.key(), w.value(), SysctlFact.normalize(a.value()), a.source(),
                                (facts.sysctls().sysctlConfSkippedAtBoot() && a.source().path().equals(dev.golive.model.SysctlFacts.SYSCTL_CONF)
                                        ? a.source().describe() + " sets " + a.value() + ": systemd-sysctl does not read it at boot here, but `sysctl --system` reads it after "
                                                + OwnedFiles.SYSCTL_DROPIN + " and sets it back. Remove or change that line yourself."
                                        : a.source().describe() + " loads after " + OwnedFiles.SYSCTL_DROPIN + " and sets " + a.value()
                                                + ": at the next boot it wins. Remove or change that line yourself."))));
                // TuneD writes its profile's value after systemd-sysctl; with reapply_sysctl = 0 it does not
                // write the sysctl.d files again afterwards, so its value wins over ours
                var tuned = facts.sysctls().tuned();
                tuned.atBoot(w.key()).filter(t -> !tuned.reapplySysctl() && !SysctlFact.normalize(t.value()).equals(w.value()))
                        .ifPresent(t -> conflicts.add(new PlanConflict(w.key(), w.value(), SysctlFact.normalize(t.value()), t.source(),
                                t.source().describe() + " (TuneD's active profile) sets " + t.value() + " when tuned.service starts, after "
                                        + OwnedFiles.SYSCTL_DROPIN + ", and reapply_sysctl = 0 in /etc/tuned/tuned-main.conf keeps it: at the "
                                        + "next boot it wins. Change the profile (a copy under /etc/tuned) yourself.")));
            }
            // an image tree has no kernel to set it in: the file's line is the whole change
            if (atBoot == null && now.isPresent() && !liveOk) {
                live.add(new LiveChange(w.key(), w.path(), LiveChange.Format.SYSCTL, now.get(), w.value(), w.perNamespace(), w.why()));
            } else if (atBoot == null && now.isEmpty()) {
                manual.add(w.key() + ": live value unknown here (" + fact.map(f -> f.live() instanceof Fact.Unknown<String> u ? u.reason() : "not read")
                        .orElse("not read") + "); it takes effect at the next boot or with `sysctl --system`");
            }
            if (w.key().equals("net.ipv4.ip_local_port_range")) portRangeCollisions(facts, w.value(), manual);
        }
        return body.isEmpty() ? "" : "# Profile " + profile + "\n" + body;
    }

    /**
     * Files load by name across the sysctl.d directories, /etc/sysctl.conf last (or where
     * Debian's 99-sysctl.conf link puts it, which also sorts after 60-golive.conf): a file
     * whose name sorts after ours overrides it at boot.
     */
    static boolean loadsAfterOurs(Source.File f) {
        if (f.path().equals(dev.golive.config.SysctlLoadOrder.SYSCTL_CONF)) return true;
        String name = f.path().substring(f.path().lastIndexOf('/') + 1);
        return name.compareTo("60-golive.conf") > 0;
    }

    private static void portRangeCollisions(HostFacts facts, String range, List<String> manual) {
        String[] p = range.split(" ");
        long lo = Long.parseLong(p[0]), hi = Long.parseLong(p[1]);
        List<Integer> inside = facts.network().listeningTcpPorts().opt().orElse(List.of()).stream().filter(x -> x >= lo && x <= hi).toList();
        if (!inside.isEmpty()) {
            manual.add("listening ports " + inside + " fall inside net.ipv4.ip_local_port_range " + range
                    + ": reserve them with net.ipv4.ip_local_reserved_ports so outgoing connections cannot take them");
        }
    }

    private static String manager(HostFacts facts, PlanInput in, Map<String, Want> wants, List<PlanConflict> conflicts, List<String> manual, String profile) {
        if (wants.isEmpty()) return "";
        if (facts.systemd().pid1().opt().filter(b -> !b).isPresent() && facts.os().container().opt().filter(c -> !c.equals("none")).isPresent()) {
            wants.values().forEach(w -> manual.add("not planned: [Manager] " + w.key() + "=" + w.value() + ": systemd is not PID 1 in this container"));
            return "";
        }
        Map<String, String> ours = new LinkedHashMap<>();
        in.currentOf(OwnedFiles.MANAGER_DROPIN).content().filter(OwnedFiles::isOwned)
                .ifPresent(c -> SystemdIni.parse(OwnedFiles.MANAGER_DROPIN, c).entries().stream()
                        .filter(e -> e.section().equals("Manager")).forEach(e -> ours.put(e.key(), e.value())));
        StringBuilder body = new StringBuilder();
        for (Want w : wants.values()) {
            Optional<String> effective = effectiveManager(facts, w.key());
            boolean same = effective.map(e -> sameManagerValue(w.key(), e, w.value())).orElse(false);
            if (ours.containsKey(w.key()) || !same) {
                body.append("# ").append(OwnedFileBodies.firstSentence(w.why())).append('\n');
                body.append(w.key()).append('=').append(w.value()).append('\n');
                Fact<String> f = facts.systemd().managerDefaults().get(w.key());
                if (f != null && f.src().orElse(null) instanceof Source.File src && !src.path().equals(OwnedFiles.MANAGER_DROPIN)
                        && src.path().contains("/system.conf.d/") && src.path().substring(src.path().lastIndexOf('/') + 1).compareTo("60-golive.conf") > 0
                        && !sameManagerValue(w.key(), f.orElse(""), w.value())) {
                    conflicts.add(new PlanConflict(w.key(), w.value(), f.orElse(""), src,
                            src.describe() + " sorts after " + OwnedFiles.MANAGER_DROPIN + " and sets " + w.key() + "=" + f.orElse("") + ": it wins."));
                }
            }
        }
        return body.isEmpty() ? "" : "# Profile " + profile + "\n[Manager]\n" + body;
    }

    /** The manager's effective value: from the config files, or for DefaultLimitNOFILE the compiled default of its version. */
    private static Optional<String> effectiveManager(HostFacts facts, String key) {
        Fact<String> f = facts.systemd().managerDefaults().get(key);
        if (f != null && f.known()) return f.opt();
        if (key.equals("DefaultLimitNOFILE")) return facts.fds().systemdDefaultLimitNofile().opt().map(NofileLimit::toString);
        return Optional.empty();
    }

    private static boolean sameManagerValue(String key, String a, String b) {
        if (key.equals("DefaultLimitNOFILE")) {
            Optional<NofileLimit> x = NofileLimit.parse(a), y = NofileLimit.parse(b);
            return x.isPresent() && x.equals(y);
        }
        return a.trim().equals(b.trim());
    }

    private static String sysfs(HostFacts facts, PlanInput in, Map<String, Want> wants, String profile, boolean container,
                                List<String> atBoot, List<LiveChange> live, List<String> manual) {
        Map<String, String> ours = new LinkedHashMap<>();
        in.currentOf(OwnedFiles.TMPFILES_DROPIN).content().filter(OwnedFiles::isOwned).ifPresent(c -> {
            for (String line : c.split("\n")) TmpfilesLoadOrder.parse(line).ifPresent(w -> ours.put(w[0], w[1]));
        });
        StringBuilder body = new StringBuilder();
        for (Want v : wants.values()) {
            if (container) {
                manual.add("set " + v.path() + " to " + v.value() + " on the container's host: /sys/kernel/mm is the host kernel's");
                continue;
            }
            Fact<String> now = v.key().equals("transparent_hugepage.enabled") ? facts.memory().thpEnabled()
                    : v.key().equals("transparent_hugepage.defrag") ? facts.memory().thpDefrag()
                    : v.key().equals(SysfsChoices.THP_PTES_NONE) ? facts.memory().khugepagedMaxPtesNone().map(String::valueOf)
                    : Fact.unknown("not read");
            boolean liveOk = now.opt().filter(v.value()::equals).isPresent();
            if (ours.containsKey(v.path()) || !liveOk) {
                body.append("# ").append(OwnedFileBodies.firstSentence(v.why())).append('\n');
                // tmpfiles.d(5): w PATH MODE USER GROUP AGE ARGUMENT — write ARGUMENT to the file if it exists
                body.append("w ").append(v.path()).append(" - - - - ").append(v.value()).append('\n');
                if (atBoot != null) atBoot.add(v.path() + " = " + v.value() + "  (" + OwnedFiles.TMPFILES_DROPIN + ", systemd-tmpfiles)");
            }
            // an image tree has no kernel to set it in: tmpfiles.d writes it at boot
            if (atBoot == null && now.known() && !liveOk) {
                LiveChange.Format format = LiveKeys.of(v.key()).map(LiveKeys.LiveKey::format).orElse(LiveChange.Format.SYSFS_CHOICE);
                live.add(new LiveChange(v.key(), v.path(), format, now.orElse(""), v.value(), false, v.why()));
            } else if (atBoot == null && !now.known()) {
                manual.add(v.path() + ": live value unknown here; it takes effect at the next boot");
            }
        }
        return body.isEmpty() ? "" : "# Profile " + profile + "\n" + body;
    }

    /** Convenience: a plan for a profile only (no service, no fixes). */
    public Plan plan(HostFacts facts, Profile profile, Map<String, OwnedFileState> current, String planId) {
        return plan(new PlanInput(facts, profile, Optional.empty(), List.of(), current, planId));
    }
}
