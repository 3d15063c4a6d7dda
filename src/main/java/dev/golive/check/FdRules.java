package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.GoVersion;
import dev.golive.model.HostFacts;
import dev.golive.model.LimitsEntry;
import dev.golive.model.NofileLimit;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.golive.model.Severity.INFO;
import static dev.golive.model.Severity.WARN;

/** File descriptor limits: kernel ceilings, systemd defaults, the unit's LimitNOFILE, limits.conf. */
final class FdRules {

    private FdRules() { }

    static final String SYSTEMD_EXEC = "man 5 systemd.exec (LimitNOFILE=); man 5 systemd-system.conf (DefaultLimitNOFILE=)";
    static final String FS_DOC = "https://docs.kernel.org/admin-guide/sysctl/fs.html (file-max, nr_open)";
    static final long DEFAULT_HARD = 524288;
    /** The soft RLIMIT_NOFILE a service gets without LimitNOFILE=: 1024 from the kernel and from every systemd's DefaultLimitNOFILE=. */
    static final long DEFAULT_SOFT = 1024;

    /** The RLIMIT_NOFILE the service gets: its LimitNOFILE= or the manager default; infinity means nr_open. */
    record Effective(NofileLimit limit, Source source, boolean fromUnit) { }

    static Optional<Effective> effective(HostFacts h) {
        Optional<UnitDirective> d = h.service().flatMap(s -> s.last("Service", "LimitNOFILE"));
        if (d.isPresent()) {
            Optional<NofileLimit> l = NofileLimit.parse(d.get().value());
            if (l.isEmpty()) return Optional.empty();
            long nrOpen = h.fds().nrOpen().orElse(1048576L);
            NofileLimit v = new NofileLimit(Math.min(l.get().soft(), nrOpen), Math.min(l.get().hard(), nrOpen));
            if (l.get().hard() != NofileLimit.INFINITY) v = l.get();
            return Optional.of(new Effective(v, d.get().source(), true));
        }
        return h.fds().systemdDefaultLimitNofile().opt()
                .map(l -> new Effective(l, h.fds().systemdDefaultLimitNofile().src().get(), false));
    }

    static final Rule LIMITS_CONF = Rule.host("FD-LIMITS-CONF-IGNORED", WARN, Area.FDS,
            "nofile in limits.conf does not reach systemd services",
            "Advice to raise nofile in /etc/security/limits.conf (or limits.d/) for a service is wrong. Those files are "
                    + "read by pam_limits when someone logs in; a systemd service never passes through PAM unless its "
                    + "unit sets PAMName=. The service keeps the limit systemd gives it: LimitNOFILE= of the unit, or "
                    + "DefaultLimitNOFILE= of the manager (1024 soft / 524288 hard since systemd 240).",
            "Set LimitNOFILE= in the service's unit (a drop-in), or DefaultLimitNOFILE= in system.conf.d for all services; "
                    + "a unit that already sets LimitNOFILE= needs nothing, and the limits.conf lines can go.",
            "man 5 limits.conf; man 8 pam_limits; " + SYSTEMD_EXEC,
            FdRules::limitsConf);

    private static List<Finding> limitsConf(Rule r, HostFacts h) {
        List<LimitsEntry> nofile = h.fds().limitsNofile().stream().filter(e -> e.item().equals("nofile")).toList();
        if (nofile.isEmpty()) return List.of();
        Optional<ServiceFacts> svc = h.service();
        if (svc.isPresent() && svc.get().last("Service", "PAMName").isPresent()) return List.of();
        List<Source> src = new ArrayList<>(nofile.stream().map(e -> (Source) e.source()).toList());
        String lines = String.join("; ", nofile.stream().map(e -> e.source().describe() + ": " + e.domain() + " "
                + e.type() + " nofile " + e.value()).toList());
        Optional<Effective> eff = effective(h);
        String gets = eff.map(e -> " The service gets " + e.limit() + " (" + e.source().describe() + ").").orElse("");
        String hard = nofile.stream().filter(e -> !e.type().equals("soft")).map(LimitsEntry::value).reduce((a, b) -> b)
                .orElse(nofile.get(nofile.size() - 1).value());
        Optional<dev.golive.model.UnitDirective> own = svc.flatMap(s -> s.last("Service", "LimitNOFILE"));
        ProposedFix fix = own.isPresent()
                // the unit already says what it gets: nothing to set, only dead lines to drop
                ? ProposedFix.advice(svc.get().name() + " already sets LimitNOFILE=" + own.get().value() + " ("
                        + own.get().source().describe() + "); the nofile lines in limits.conf do nothing for it: remove them "
                        + "or keep them for login sessions")
                : svc.isPresent()
                ? ProposedFix.of("set LimitNOFILE=" + hard + " in the unit", new FixChange.UnitDirectiveChange("Service", "LimitNOFILE", hard))
                : ProposedFix.advice("set LimitNOFILE= in the service's unit (or DefaultLimitNOFILE= for all services) instead");
        return r.one(lines + ": applies to PAM logins only." + gets, src, fix);
    }

    static final Rule ABOVE_NR_OPEN = Rule.host("FD-NOFILE-ABOVE-NR-OPEN", WARN, Area.FDS,
            "LimitNOFILE above fs.nr_open",
            "fs.nr_open is the kernel's ceiling for any process's hard RLIMIT_NOFILE. The kernel's default is 1048576, "
                    + "but systemd 240 and later raise it at boot to the largest value the kernel takes (1073741816 on "
                    + "64-bit; systemd NEWS v240, bump_file_max_and_nr_open in src/core/main.c), so golive compares "
                    + "with the value the host has, never the default. setrlimit() refuses a larger value with EPERM, so a "
                    + "unit or manager default asking for more than nr_open does not get it: depending on the systemd "
                    + "version the service runs with a lower limit than written or fails to start with status 205/LIMITS.",
            "Lower LimitNOFILE= to at most fs.nr_open, or raise fs.nr_open first.",
            FS_DOC + "; " + SYSTEMD_EXEC,
            (r, h) -> {
                Optional<Long> nrOpen = h.fds().nrOpen().opt();
                Optional<Effective> eff = effective(h);
                if (nrOpen.isEmpty() || eff.isEmpty()) return List.of();
                long hard = eff.get().limit().hard();
                if (hard == NofileLimit.INFINITY || hard <= nrOpen.get()) return List.of();
                return r.one("hard limit " + hard + " (" + eff.get().source().describe() + ") is above fs.nr_open " + nrOpen.get(),
                        Facts.plus(List.of(eff.get().source()), h.fds().nrOpen().src()),
                        ProposedFix.of("raise fs.nr_open to " + hard, new FixChange.SysctlChange("fs.nr_open", Long.toString(hard))));
            });

    static final Rule FILE_MAX_LOW = Rule.host("FD-FILE-MAX-BELOW-NOFILE", WARN, Area.FDS,
            "fs.file-max below one service's hard limit",
            "fs.file-max is the number of open files the whole system may have. When it is below the hard "
                    + "RLIMIT_NOFILE a service may use, the service can hit \"too many open files in system\" (ENFILE) "
                    + "long before its own limit, and take other processes down with it. systemd 240 and later raise "
                    + "fs.file-max to its maximum at boot, so a low value usually comes from an old tuning file.",
            "Remove the fs.file-max override (systemd ≥ 240 sets the maximum) or raise it above the services' limits.",
            FS_DOC,
            (r, h) -> {
                Optional<Long> fileMax = h.fds().fileMax().opt();
                Optional<Effective> eff = effective(h);
                if (fileMax.isEmpty() || eff.isEmpty() || eff.get().limit().hard() == NofileLimit.INFINITY
                        || fileMax.get() >= eff.get().limit().hard()) return List.of();
                return r.one("fs.file-max is " + fileMax.get() + Facts.setBy(h, "fs.file-max") + ", below the hard limit "
                                + eff.get().limit().hard() + " (" + eff.get().source().describe() + ")",
                        Facts.plus(Facts.sources(h.fds().fileMax()), Optional.of(eff.get().source())),
                        Facts.configured(h, "fs.file-max")
                                .map(a -> ProposedFix.of("remove the fs.file-max override", new FixChange.SysctlRemoval("fs.file-max", a.source())))
                                .orElse(ProposedFix.of("raise fs.file-max to the maximum",
                                        new FixChange.SysctlChange("fs.file-max", Long.toString(Long.MAX_VALUE)))));
            });

    static final Rule SOFT_ONLY = Rule.service("FD-SOFT-ONLY-RAISE", INFO, Area.FDS,
            "LimitNOFILE raises only the soft limit",
            "Since Go 1.19 a program that imports os raises its own soft RLIMIT_NOFILE to the hard limit at start. For a "
                    + "Go service the hard limit is the one that counts; raising only the soft value (LimitNOFILE=65536:524288 "
                    + "under systemd's default 1024:524288) changes nothing.",
            "Raise the hard limit if more descriptors are needed, or drop the directive.",
            SYSTEMD_EXEC + "; https://go.dev/doc/go1.19#os",
            (r, h) -> {
                Optional<Effective> eff = effective(h).filter(Effective::fromUnit);
                Optional<GoVersion> go = GoRuntime.version(h);
                if (eff.isEmpty() || go.map(v -> !v.atLeast(1, 19, 0)).orElse(false)) return List.of();
                long defHard = h.fds().systemdDefaultLimitNofile().opt().map(NofileLimit::hard).orElse(DEFAULT_HARD);
                long defSoft = h.fds().systemdDefaultLimitNofile().opt().map(NofileLimit::soft).orElse(DEFAULT_SOFT);
                NofileLimit l = eff.get().limit();
                // a soft value at the default (1024:524288, as golive writes it) raises nothing: only a higher soft is a soft-only raise
                if (l.soft() == l.hard() || l.hard() > defHard || l.soft() <= defSoft) return List.of();
                return r.one("LimitNOFILE=" + l + " raises the soft limit only; the Go runtime sets soft = hard (" + l.hard() + ") itself",
                        List.of(eff.get().source()), ProposedFix.advice("raise the hard limit or drop the directive"));
            });

    static final Rule BELOW_DEFAULT = Rule.service("FD-LIMIT-BELOW-DEFAULT", WARN, Area.FDS,
            "LimitNOFILE lowers the hard limit below systemd's default",
            "A single value such as LimitNOFILE=65536 sets soft and hard. Under systemd ≥ 240 a service already gets "
                    + "1024 soft / 524288 hard, and a Go ≥ 1.19 service raises its soft limit to the hard one by itself; so "
                    + "a \"raise\" to 65536 actually lowers the ceiling from 524288 to 65536.",
            "Drop LimitNOFILE= or give a hard value at least as high as DefaultLimitNOFILE's.",
            SYSTEMD_EXEC,
            (r, h) -> {
                Optional<Effective> eff = effective(h).filter(Effective::fromUnit);
                Optional<NofileLimit> def = h.fds().systemdDefaultLimitNofile().opt();
                if (eff.isEmpty() || def.isEmpty() || eff.get().limit().hard() >= def.get().hard()) return List.of();
                String value = eff.get().limit().soft() > def.get().soft() && GoRuntime.version(h).map(v -> !v.atLeast(1, 19, 0)).orElse(false)
                        ? eff.get().limit().soft() + ":" + def.get().hard() : Long.toString(def.get().hard());
                return r.one("LimitNOFILE=" + eff.get().limit() + " (" + eff.get().source().describe() + ") is below the manager default "
                                + def.get() + " for the hard limit",
                        Facts.plus(List.of(eff.get().source()), h.fds().systemdDefaultLimitNofile().src()),
                        ProposedFix.of("set LimitNOFILE=" + value, new FixChange.UnitDirectiveChange("Service", "LimitNOFILE", value)));
            });

    static final Rule DEFAULT_LOW = Rule.host("FD-DEFAULT-HARD-LOW", WARN, Area.FDS,
            "systemd's DefaultLimitNOFILE hard limit is low",
            "Every service without LimitNOFILE= gets DefaultLimitNOFILE=. Since systemd 240 that is 1024:524288: a "
                    + "low soft limit for old select()-based programs and a high hard limit that Go ≥ 1.19 services raise "
                    + "their soft limit to. A hard limit below 65536 (older systemd, or an override) leaves a busy network "
                    + "service with too few descriptors.",
            "Set DefaultLimitNOFILE=1024:524288 in /etc/systemd/system.conf.d/ (or LimitNOFILE= in the unit).",
            SYSTEMD_EXEC,
            (r, h) -> h.fds().systemdDefaultLimitNofile().opt().filter(l -> l.hard() < 65536)
                    .map(l -> r.one("DefaultLimitNOFILE is " + l + " (" + h.fds().systemdDefaultLimitNofile().src().get().describe() + ")",
                            Facts.sources(h.fds().systemdDefaultLimitNofile()),
                            ProposedFix.of("set DefaultLimitNOFILE=1024:524288",
                                    new FixChange.ManagerDefaultChange("DefaultLimitNOFILE", "1024:524288"))))
                    .orElse(List.of()));

    static final Rule FILE_NR_HIGH = Rule.host("FD-FILE-NR-HIGH", WARN, Area.FDS,
            "Most of fs.file-max is in use",
            "/proc/sys/fs/file-nr shows the file handles allocated system-wide and the maximum. Above 80% a burst of "
                    + "connections can make open() and accept() fail with ENFILE for every process on the host.",
            "Find the process holding the descriptors (ls /proc/*/fd | wc -l per process), then raise fs.file-max if the use is legitimate.",
            FS_DOC + " (file-nr)",
            (r, h) -> {
                Optional<Long> used = h.fds().fileNrAllocated().opt();
                Optional<Long> max = h.fds().fileNrMax().opt();
                if (used.isEmpty() || max.isEmpty() || max.get() <= 0 || (double) used.get() / max.get() < 0.8) return List.of();
                return r.one(used.get() + " of " + max.get() + " file handles allocated",
                        Facts.sources(h.fds().fileNrAllocated()), ProposedFix.advice("find the holder, then raise fs.file-max"));
            });

    static List<Rule> all() {
        return List.of(LIMITS_CONF, ABOVE_NR_OPEN, FILE_MAX_LOW, SOFT_ONLY, BELOW_DEFAULT, DEFAULT_LOW, FILE_NR_HIGH);
    }
}
