package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.HostFacts;
import dev.golive.model.ProposedFix;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFact;
import dev.golive.model.SysctlModules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.golive.model.Severity.INFO;
import static dev.golive.model.Severity.WARN;

/** The sysctl files against the running kernel: applied, existing, consistent. */
final class SysctlConfigRules {

    private SysctlConfigRules() { }

    static final String SYSCTL_D = "man 5 sysctl.d; man 8 systemd-sysctl; man 8 sysctl";

    /** Keys with their own rule that already explains a dead or odd assignment. */
    static final Set<String> OWN_RULE = Set.of("net.ipv4.tcp_tw_recycle");

    static final Rule NOT_APPLIED = Rule.host("SYSCTL-NOT-APPLIED", WARN, Area.SYSCTL_CONFIG,
            "sysctl file value differs from the live value",
            "The value a sysctl file sets is applied at boot (systemd-sysctl) or by `sysctl --system`. When the live value "
                    + "differs, the file was edited without applying it, something later overwrote the value, or the kernel "
                    + "rejected it; the host does not run what the files say and a reboot will change behaviour. A key that "
                    + "a Go service reads once at start (net.core.somaxconn) also needs the service restarted. Inside a "
                    + "container only per-network-namespace keys are reported: global keys (vm.*, fs.*, "
                    + "net.core.netdev_max_backlog, …) belong to the host's kernel and the container cannot set them.",
            "Apply the files (sysctl --system) and check the value; find who overwrites it if it changes back.",
            SYSCTL_D,
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                boolean inContainer = h.os().container().opt().filter(c -> !c.isBlank() && !c.equals("none")).isPresent();
                for (SysctlFact f : h.sysctls().byKey().values()) {
                    if (OWN_RULE.contains(f.key()) || f.configured().isEmpty() || !f.exists().orElse(true)) continue;
                    // a container shares the host's kernel: a global key differs because the host
                    // sets it, and nothing done in the container can change that
                    if (inContainer && !f.perNamespace()) continue;
                    Optional<String> live = f.liveNormalized();
                    SysctlAssignment a = f.configured().get();
                    String want = SysctlFact.normalize(a.value());
                    if (live.isEmpty() || live.get().equals(want)) continue;
                    Optional<SysctlModules.Owner> owner = SysctlModules.ownerOf(f.key());
                    if (owner.isPresent()) {
                        // the module came after systemd-sysctl (dockerd loads br_netfilter): it runs with its own default,
                        // which what loaded it may rely on; the file's value is no fix to apply behind its back
                        String module = owner.get().module();
                        out.add(r.finding(a.source().describe() + " sets " + f.key() + " = " + want + ", live is " + live.get()
                                        + ": " + module + " was loaded after systemd-sysctl ran at boot, so the key has the module's own "
                                        + "default, and whatever loaded the module may rely on it",
                                Facts.plus(List.of(a.source()), f.live().src()),
                                ProposedFix.advice(vendor(a.source().path()).isPresent()
                                        ? "nothing to change in " + a.source().path() + " (a vendor file); only if this host needs "
                                                + want + " (no bridged containers), list " + module + " in /etc/modules-load.d/" + module + ".conf"
                                        : "decide which value the host needs; to make the file's hold, list " + module
                                                + " in /etc/modules-load.d/" + module + ".conf so it loads before systemd-sysctl")));
                        continue;
                    }
                    out.add(r.finding(a.source().describe() + " sets " + f.key() + " = " + want + ", live is " + live.get(),
                            Facts.plus(List.of(a.source()), f.live().src()),
                            ProposedFix.of("apply " + f.key() + " = " + want, new FixChange.SysctlChange(f.key(), want))));
                }
                return out;
            });

    static final Rule DEAD_KEY = Rule.host("SYSCTL-DEAD-KEY", WARN, Area.SYSCTL_CONFIG,
            "sysctl file sets a key this kernel does not have",
            "A key that does not exist under /proc/sys on this kernel (removed, renamed, a module not loaded, or a typo) is "
                    + "dead configuration: systemd-sysctl logs and continues, `sysctl --system` skips it silently, and "
                    + "`sysctl -p FILE` fails with \"cannot stat\". Whoever reads the file believes a setting is in force "
                    + "that is not. A leading '-' only silences the error.",
            "Remove the line, or fix the key name. In a vendor file (/usr/lib/sysctl.d, /lib/sysctl.d, "
                    + "/usr/local/lib/sysctl.d) do not edit it: a file of the same name in /etc/sysctl.d masks it, so copy it "
                    + "there without the line.",
            SYSCTL_D + "; man 5 sysctl.d (a file in /etc masks one of the same name in /run and /usr/lib)",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                for (SysctlAssignment a : h.sysctls().allAssignments()) {
                    if (OWN_RULE.contains(a.key())) continue;
                    boolean missing = absent(h, a.key());
                    // a module's key is not dead: it comes back with the module (SYSCTL-MODULE-KEY)
                    if (!missing || SysctlModules.ownerOf(a.key()).isPresent()) continue;
                    // three rows of the same rule must say which key and where (the list shows titles)
                    out.add(r.titled(a.key() + ": no such key on this kernel (" + a.source().describe() + ")",
                            a.source().describe() + " sets " + (a.ignoreFailure() ? "-" : "") + a.key() + " = " + a.value()
                                    + h.os().kernel().map(k -> "; kernel " + k + " has no such key").orElse("; this kernel has no such key"),
                            List.<Source>of(a.source()),
                            vendor(a.source().path()).map(name -> ProposedFix.advice("do not edit " + a.source().path()
                                            + " (a package update puts it back): copy it to /etc/sysctl.d/" + name + " without line "
                                            + a.source().line() + "; a file of the same name in /etc/sysctl.d masks the vendor file"))
                                    .orElse(ProposedFix.of("remove the line", new FixChange.SysctlRemoval(a.key(), a.source())))));
                }
                return out;
            });

    static final Rule MODULE_KEY = Rule.host("SYSCTL-MODULE-KEY", INFO, Area.SYSCTL_CONFIG,
            "sysctl file sets a key of a kernel module that is not loaded",
            "Some keys exist only while the kernel module that registers them is loaded: net.bridge.* (br_netfilter; "
                    + "the bridge module itself before Linux 3.18), net.netfilter.* and net.nf_conntrack_max (nf_conntrack), "
                    + "net.ipv4.vs.* (ip_vs). systemd-sysctl sets the files' keys once at boot, after systemd-modules-load: a "
                    + "key whose module loads later is skipped (\"Couldn't write ... No such file or directory\") and the "
                    + "module starts with its own default, unless the module is listed in modules-load.d or a udev rule reruns "
                    + "systemd-sysctl when it loads. The line is not dead configuration: it applies whenever the module is "
                    + "there at the right time.",
            "If the setting must hold, list the module in /etc/modules-load.d/ (it then loads before systemd-sysctl at "
                    + "every boot) or add a udev rule that reruns systemd-sysctl --prefix for it (sysctl.d(5), examples 2 and 3). "
                    + "If the host never loads the module, the line does nothing; a vendor file's line is the vendor's to keep.",
            "man 5 sysctl.d (examples 2 and 3: settings available only when a module is loaded); man 8 systemd-modules-load.service; "
                    + "Linux commit 34666d46 \"netfilter: bridge: move br_netfilter out of the core\" (3.18)",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                for (SysctlAssignment a : h.sysctls().allAssignments()) {
                    Optional<SysctlModules.Owner> owner = SysctlModules.ownerOf(a.key());
                    boolean missing = absent(h, a.key());
                    if (owner.isEmpty() || !missing) continue;
                    String module = owner.get().module();
                    String also = owner.get().note().isEmpty() ? "" : " (" + owner.get().note() + ")";
                    out.add(r.titled(a.key() + ": module " + module + " not loaded (" + a.source().describe() + ")",
                            a.source().describe() + " sets " + a.key() + " = " + a.value() + "; the key exists only while "
                                    + module + also + " is loaded, and it is not loaded now: the value applies only if the module "
                                    + "is loaded before systemd-sysctl runs or a udev rule reapplies it",
                            List.<Source>of(a.source()),
                            ProposedFix.advice(vendor(a.source().path()).isPresent()
                                    ? "nothing to change in " + a.source().path() + " (a vendor file); if bridged or tracked traffic "
                                            + "must get this value, list " + module + " in /etc/modules-load.d/" + module + ".conf"
                                    : "if the value must hold, list " + module + " in /etc/modules-load.d/" + module + ".conf so it "
                                            + "loads before systemd-sysctl; if the host never loads " + module + ", the line does nothing")));
                }
                return out;
            });

    static final Rule CONFLICT = Rule.host("SYSCTL-CONFLICT", WARN, Area.SYSCTL_CONFIG,
            "Same key set to different values in several places",
            "Files in sysctl.d are read sorted by name across /etc, /run, /usr/local/lib and /usr/lib, then "
                    + "/etc/sysctl.conf; the last assignment of a key wins. When two places set different values, only one "
                    + "takes effect and the other misleads whoever reads it; renaming a file can silently swap which wins.",
            "Keep one assignment per key (golive writes its own in /etc/sysctl.d/60-golive.conf) and remove the others.",
            SYSCTL_D,
            (r, h) -> {
                Map<String, List<SysctlAssignment>> byKey = new LinkedHashMap<>();
                for (SysctlAssignment a : h.sysctls().allAssignments()) byKey.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a);
                List<Finding> out = new ArrayList<>();
                for (Map.Entry<String, List<SysctlAssignment>> e : byKey.entrySet()) {
                    Set<String> values = new LinkedHashSet<>();
                    for (SysctlAssignment a : e.getValue()) values.add(SysctlFact.normalize(a.value()));
                    if (values.size() < 2) continue;
                    SysctlAssignment winner = e.getValue().get(e.getValue().size() - 1);
                    List<String> parts = e.getValue().stream().map(a -> a.source().describe() + " = " + SysctlFact.normalize(a.value())).toList();
                    List<FixChange> removals = e.getValue().subList(0, e.getValue().size() - 1).stream()
                            .filter(a -> !SysctlFact.normalize(a.value()).equals(SysctlFact.normalize(winner.value())))
                            .map(a -> (FixChange) new FixChange.SysctlRemoval(a.key(), a.source())).toList();
                    out.add(r.finding(e.getKey() + ": " + String.join(", ", parts) + "; the last one wins (" + winner.source().describe() + ")",
                            e.getValue().stream().map(a -> (Source) a.source()).toList(),
                            new ProposedFix("remove the assignments that lose", removals)));
                }
                return out;
            });

    /** Whether the kernel certainly lacks {@code key} now (unknown: not absent), the test both DEAD_KEY and MODULE_KEY start from. */
    private static boolean absent(HostFacts h, String key) {
        return h.sysctls().get(key).flatMap(f -> f.exists().opt()).map(e -> !e).orElse(false);
    }

    /** The file name of a vendor sysctl.d file (one a package owns), which a same-named file in /etc/sysctl.d masks. */
    static java.util.Optional<String> vendor(String path) {
        for (String dir : List.of("/usr/lib/sysctl.d/", "/lib/sysctl.d/", "/usr/local/lib/sysctl.d/", "/run/sysctl.d/")) {
            if (path.startsWith(dir) && path.indexOf('/', dir.length()) < 0) return java.util.Optional.of(path.substring(dir.length()));
        }
        return java.util.Optional.empty();
    }

    static List<Rule> all() { return List.of(NOT_APPLIED, DEAD_KEY, MODULE_KEY, CONFLICT); }
}
