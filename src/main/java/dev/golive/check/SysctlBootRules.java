package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.KernelSysctls;
import dev.golive.model.OwnedFiles;
import dev.golive.model.ProposedFix;
import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;
import dev.golive.model.SysctlFact;
import dev.golive.model.SysctlFacts;
import dev.golive.model.TunedSysctls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.golive.model.Severity.WARN;

/** What the next boot does to the live kernel tunables: a value only set at runtime does not survive it. */
final class SysctlBootRules {

    private SysctlBootRules() { }

    static final Rule RUNTIME_ONLY = Rule.host("SYSCTL-RUNTIME-ONLY", WARN, Area.SYSCTL_CONFIG,
            "sysctl value set only at runtime: the next boot loses it",
            "A value written to /proc/sys (`sysctl -w`, `echo > /proc/sys/…`, as many tuning guides advise) lives in the "
                    + "running kernel only. At boot the kernel starts from its compiled default and systemd-sysctl applies "
                    + "the sysctl.d files (systemd-sysctl.service(8), sysctl.d(5)); a value no file sets goes back to the "
                    + "default (sysctl(8): -w changes the running kernel; --system loads the files). This live value differs "
                    + "from the kernel's default for this version and no sysctl file sets it, so the host behaves differently "
                    + "after the next reboot, unless something outside sysctl.d (a script, kubelet) sets it again. Where "
                    + "tuned.service is enabled, TuneD's active profile (/etc/tuned/active_profile) sets its [sysctl] values at "
                    + "each start, and then, unless reapply_sysctl = 0 in /etc/tuned/tuned-main.conf, the lines of "
                    + "/etc/sysctl.d, /run/sysctl.d and /etc/sysctl.conf again: golive counts that as the boot's value. Inside "
                    + "a container the runtime sets values at each start, so containers are not checked.",
            "Write the value into a sysctl.d file (golive writes it into " + OwnedFiles.SYSCTL_DROPIN + "), or set it back "
                    + "to the default if it was a mistake.",
            "man 8 sysctl; man 5 sysctl.d; man 8 systemd-sysctl; the default's place in the kernel source is named in the finding",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                boolean inContainer = h.os().container().opt().filter(c -> !c.isBlank() && !c.equals("none")).isPresent();
                if (inContainer) return out;
                var s = h.sysctls();
                for (SysctlFact f : s.byKey().values()) {
                    if (!f.exists().orElse(true)) continue;
                    Optional<String> live = f.liveNormalized();
                    Optional<SysctlAssignment> byTuned = s.tunedAtBoot(f.key());
                    if (byTuned.isPresent()) {
                        // TuneD sets it at each start of tuned.service; a value it computes is not known here
                        SysctlAssignment t = byTuned.get();
                        if (live.isEmpty() || TunedSysctls.computed(t.value()) || SysctlFact.normalize(t.value()).equals(live.get())) continue;
                        out.add(r.titled(f.key() + " = " + live.get() + " is set only at runtime",
                                f.key() + " is " + live.get() + " now, but TuneD's active profile sets it when tuned.service starts: "
                                        + "the next boot gives " + SysctlFact.normalize(t.value()) + " (" + t.source().describe() + ")",
                                Facts.plus(List.<Source>of(t.source()), f.live().src()),
                                ProposedFix.of("keep " + f.key() + " = " + live.get() + " across reboots",
                                        new FixChange.SysctlChange(f.key(), live.get()))));
                        continue;
                    }
                    if (f.configured().isPresent()) continue;
                    Optional<KernelSysctls.Fixed> dflt = KernelSysctls.fixedDefault(f.key(), h.os());
                    if (live.isEmpty() || dflt.isEmpty() || live.get().equals(SysctlFact.normalize(dflt.get().value()))) continue;
                    String was = dflt.get().value().isEmpty() ? "empty" : dflt.get().value();
                    out.add(r.titled(f.key() + " = " + live.get() + " is set only at runtime",
                            f.key() + " is " + live.get() + " now, but no sysctl file sets it: the next boot gives the kernel default "
                                    + was + " (" + dflt.get().source() + ")",
                            Facts.plus(List.<Source>of(), f.live().src()),
                            ProposedFix.of("keep " + f.key() + " = " + live.get() + " across reboots",
                                    new FixChange.SysctlChange(f.key(), live.get()))));
                }
                return out;
            });

    static final Rule CONF_NOT_AT_BOOT = Rule.host("SYSCTL-CONF-NOT-AT-BOOT", WARN, Area.SYSCTL_CONFIG,
            "/etc/sysctl.conf is not read at boot: its values are lost",
            "At boot systemd-sysctl.service applies only the *.conf files of /etc/sysctl.d, /run/sysctl.d, "
                    + "/usr/local/lib/sysctl.d and /usr/lib/sysctl.d (systemd-sysctl.service(8), sysctl.d(5)); it has not read "
                    + "/etc/sysctl.conf since systemd 207. Distributions used to link it back as /etc/sysctl.d/99-sysctl.conf "
                    + "(Debian up to 12, Ubuntu, RHEL); Debian 13 no longer does (its release notes: \"/etc/sysctl.conf is no "
                    + "longer honored\"). procps' `sysctl --system` still reads /etc/sysctl.conf last (sysctl(8)), so a value "
                    + "there takes effect when an admin runs it by hand, and is gone after the next reboot. This host has no "
                    + "such link, and the value below is not set by any file systemd-sysctl reads.",
            "Move the line into a file in /etc/sysctl.d (golive writes it into " + OwnedFiles.SYSCTL_DROPIN + "; golive never "
                    + "rewrites /etc/sysctl.conf, so delete the line there yourself), or link /etc/sysctl.d/99-sysctl.conf to "
                    + "../sysctl.conf as older Debian releases did.",
            "man 8 systemd-sysctl.service; man 5 sysctl.d; man 8 sysctl; Debian 13 release notes (/etc/sysctl.conf is no longer honored)",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                var s = h.sysctls();
                boolean inContainer = h.os().container().opt().filter(c -> !c.isBlank() && !c.equals("none")).isPresent();
                // without systemd another init (procps' script) reads /etc/sysctl.conf at boot
                if (inContainer || !s.sysctlConfSkippedAtBoot() || h.systemd().version().opt().isEmpty()) return out;
                java.util.Map<String, SysctlAssignment> inConf = new java.util.LinkedHashMap<>();
                for (SysctlAssignment a : s.allAssignments()) {
                    if (a.source().path().equals(SysctlFacts.SYSCTL_CONF) && !a.key().contains("*") && !a.key().contains("?")) {
                        inConf.remove(a.key());
                        inConf.put(a.key(), a);
                    }
                }
                for (SysctlAssignment a : inConf.values()) {
                    String want = SysctlFact.normalize(a.value());
                    if (!s.get(a.key()).map(f -> f.exists().orElse(true)).orElse(true)) continue; // SYSCTL-DEAD-KEY's case
                    Optional<SysctlAssignment> boot = s.atBoot(a.key(), "");
                    if (s.tunedAtBoot(a.key()).filter(b -> TunedSysctls.computed(b.value())).isPresent()) continue;
                    if (boot.filter(b -> SysctlFact.normalize(b.value()).equals(want)).isPresent()) continue;
                    String then = boot.map(b -> SysctlFact.normalize(b.value()) + " from " + b.source().describe())
                            .or(() -> KernelSysctls.fixedDefault(a.key(), h.os()).map(d -> "the kernel default " + d.value() + " (" + d.source() + ")"))
                            .orElse("the kernel's default");
                    out.add(r.titled(a.key() + " = " + want + " in /etc/sysctl.conf is not applied at boot",
                            a.source().describe() + " sets " + a.key() + " = " + want + ", but systemd-sysctl does not read "
                                    + SysctlFacts.SYSCTL_CONF + " on this host (no link to it in a sysctl.d directory): the next boot gives "
                                    + then,
                            Facts.plus(List.<Source>of(a.source()), s.sysctlConfAtBoot().src()),
                            ProposedFix.of("move " + a.key() + " = " + want + " into " + OwnedFiles.SYSCTL_DROPIN
                                    + " (then delete " + a.source().describe() + " yourself)",
                                    new FixChange.SysctlChange(a.key(), want))));
                }
                return out;
            });

    static List<Rule> all() { return List.of(RUNTIME_ONLY, CONF_NOT_AT_BOOT); }
}
