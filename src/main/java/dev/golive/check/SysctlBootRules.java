package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.KernelDefaults;
import dev.golive.model.OwnedFiles;
import dev.golive.model.ProposedFix;
import dev.golive.model.Source;
import dev.golive.model.SysctlFact;

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
                    + "after the next reboot, unless something outside sysctl.d (a script, tuned, kubelet) sets it again. Inside "
                    + "a container the runtime sets values at each start, so containers are not checked.",
            "Write the value into a sysctl.d file (golive writes it into " + OwnedFiles.SYSCTL_DROPIN + "), or set it back "
                    + "to the default if it was a mistake.",
            "man 8 sysctl; man 5 sysctl.d; man 8 systemd-sysctl; the default's place in the kernel source is named in the finding",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                boolean inContainer = h.os().container().opt().filter(c -> !c.isBlank() && !c.equals("none")).isPresent();
                if (inContainer) return out;
                for (SysctlFact f : h.sysctls().byKey().values()) {
                    if (f.configured().isPresent() || !f.exists().orElse(true)) continue;
                    Optional<String> live = f.liveNormalized();
                    Optional<KernelDefaults.Row> dflt = KernelDefaults.of(f.key(), h.os());
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

    static List<Rule> all() { return List.of(RUNTIME_ONLY); }
}
