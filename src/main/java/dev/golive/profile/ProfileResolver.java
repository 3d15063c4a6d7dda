package dev.golive.profile;

import dev.golive.model.CgroupMode;
import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.KernelVersion;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceFacts;
import dev.golive.model.SysctlFact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a profile for one host: merges includes (several parents, left to right, then
 * the profile's own values; a cycle is an error naming the chain), evaluates expressions
 * with the host's facts, and checks every value against the target kernel (ranges that
 * changed between versions, keys this kernel does not have). Pure: facts in, Profile out.
 */
public final class ProfileResolver {

    private ProfileResolver() { }

    /** The key the syncookies-off condition reads, and why (tcp_conn_request, net/ipv4/tcp_input.c). */
    public static final String SYNCOOKIES = "net.ipv4.tcp_syncookies";
    public static final String SYN_BACKLOG = "net.ipv4.tcp_max_syn_backlog";
    public static final String SYNCOOKIES_OFF_WHY = "the kernel reads tcp_max_syn_backlog only when it is 0";

    private record Merged(List<String> chain, LinkedHashMap<String, ProfileDoc.Setting> settings) { }

    public static Profile resolve(ProfileCatalog catalog, String name, HostFacts facts) {
        return resolve(catalog, name, facts, Map.of());
    }

    /**
     * The same, planned together with fixes the admin picked: {@code picked} are the sysctl values
     * those fixes set (key to value). They win over the profile's own value in the plan, so a
     * when: condition on a sysctl is judged on them (a picked tcp_syncookies=1 drops the
     * syncookies-off values).
     */
    public static Profile resolve(ProfileCatalog catalog, String name, HostFacts facts, Map<String, String> picked) {
        ProfileDoc top = catalog.require(name);
        Merged m = merge(catalog, top, new ArrayDeque<>(), new ArrayList<>());
        return new Evaluation(facts, m.settings(), picked).run(top, m.chain());
    }

    /** The include-merged settings of a profile without a host (for listings and the TUI). */
    public static List<ProfileDoc.Setting> merged(ProfileCatalog catalog, String name) {
        return List.copyOf(merge(catalog, catalog.require(name), new ArrayDeque<>(), new ArrayList<>()).settings().values());
    }

    private static Merged merge(ProfileCatalog catalog, ProfileDoc doc, Deque<String> stack, List<String> chain) {
        stack.addLast(doc.name());
        LinkedHashMap<String, ProfileDoc.Setting> out = new LinkedHashMap<>();
        for (ProfileDoc.Include inc : doc.includes()) {
            if (stack.contains(inc.name())) {
                List<String> cycle = new ArrayList<>(stack);
                cycle = cycle.subList(cycle.indexOf(inc.name()), cycle.size());
                throw ProfileErrors.at(inc.loc(), "include cycle: " + String.join(" → ", cycle) + " → " + inc.name());
            }
            ProfileDoc parent = catalog.get(inc.name()).orElseThrow(() -> ProfileErrors.unknownKey(inc.loc(), "profile", inc.name(), catalog.names()));
            out.putAll(merge(catalog, parent, stack, chain).settings());
        }
        for (ProfileDoc.Setting s : doc.settings()) {
            out.remove(s.section() + " " + s.key()); // the child's value moves to where the child puts it
            out.put(s.section() + " " + s.key(), s);
        }
        stack.removeLast();
        if (!chain.contains(doc.name())) chain.add(doc.name());
        return new Merged(chain, out);
    }

    /** A name whose value is one of several (see {@code evalPinned}); never leaves the resolver. */
    private static final class Several extends RuntimeException {
        final String name;
        final List<Long> values;
        final String why;

        Several(String name, List<Long> values, String why) {
            super(why, null, false, false);
            this.name = name;
            this.values = values;
            this.why = why;
        }

        Several as(String other) { return new Several(other, values, why); }
    }

    /** One evaluation of merged settings against one host. */
    private static final class Evaluation {
        private final HostFacts facts;
        private final Map<String, ProfileDoc.Setting> settings;
        private final Map<String, Long> sysctlDone = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();
        private final Optional<KernelVersion> kernel;
        private final Map<String, String> picked;

        Evaluation(HostFacts facts, Map<String, ProfileDoc.Setting> settings, Map<String, String> picked) {
            this.facts = facts;
            this.settings = settings;
            this.picked = Map.copyOf(picked);
            this.kernel = facts.os().kernel();
        }

        Profile run(ProfileDoc top, List<String> chain) {
            List<Profile.Value> sysctls = new ArrayList<>(), manager = new ArrayList<>(), sysfs = new ArrayList<>();
            Map<String, Profile.Value> service = new LinkedHashMap<>();
            List<Profile.Skipped> skipped = new ArrayList<>();
            for (ProfileDoc.Setting s : settings.values()) {
                Optional<String> unmet = s.when().flatMap(this::unmet);
                if (unmet.isPresent()) {
                    skipped.add(new Profile.Skipped(s.section(), s.key(), "when: " + s.when().get() + ": " + unmet.get(), s.origin()));
                    continue;
                }
                try {
                    Profile.Value v = value(s);
                    switch (s.section()) {
                        case SYSCTL -> sysctls.add(v);
                        case MANAGER -> manager.add(v);
                        case SYSFS -> sysfs.add(v);
                        case SERVICE -> service.put(s.key(), v);
                    }
                } catch (ValueChecks.Missing e) {
                    skipped.add(new Profile.Skipped(s.section(), s.key(), e.getMessage(), s.origin()));
                }
            }
            checkTwReuse(sysctls);
            return new Profile(top.name(), top.description(), chain, sysctls, manager, sysfs, new ServiceSettings(service), skipped);
        }

        private Profile.Value value(ProfileDoc.Setting s) {
            Schema.Key spec = s.section().keys.get(s.key());
            String v = switch (spec.type()) {
                case VECTOR -> String.join(" ", s.raw().trim().split("\\s+"));
                case NOFILE -> nofile(spec, s);
                case GOMAXPROCS -> s.raw().equals("derive") ? "derive" : Long.toString(evalInt(spec, s, s.raw()));
                case INT -> Long.toString(s.section() == Section.SYSCTL ? sysctl(s.key()) : s.section() == Section.SYSFS ? sysfsInt(spec, s) : evalInt(spec, s, s.raw()));
                case TASKS -> ProfileParser.TASKS.matcher(s.raw()).matches() ? s.raw()
                        : Long.toString(evalInt(Schema.Key.num(spec.name(), 1, Long.MAX_VALUE), s, s.raw()));
                case CHOICE -> choice(spec, s);
                default -> s.raw();
            };
            if (s.section() == Section.SYSCTL) {
                Optional<SysctlFact> f = facts.sysctls().get(s.key());
                if (f.isPresent() && f.get().exists().opt().orElse(true).equals(false)) {
                    throw ProfileErrors.at(s.keyLoc(), s.key() + " does not exist on " + (facts.sysctls().kernel().running()
                            ? "this kernel (" + kernel.map(KernelVersion::toString).orElse("unknown version") + ")"
                            : f.get().exists().src().map(dev.golive.model.Source::describe).orElse("the kernel named with --kernel")));
                }
            }
            // sysctl and sysfs keys: their live file from the one place a plan file is checked against too
            Optional<LiveKeys.LiveKey> live = s.section() == Section.SYSCTL || s.section() == Section.SYSFS ? LiveKeys.of(s.key()) : Optional.empty();
            return new Profile.Value(s.section(), s.key(), v, s.why(), s.origin(), live.map(LiveKeys.LiveKey::perNamespace).orElse(false),
                    live.map(LiveKeys.LiveKey::path).orElse(spec.path()));
        }

        /**
         * A whole-number sysfs value (khugepaged/max_ptes_none) within the kernel's bound, which the
         * host shows (HPAGE_PMD_NR - 1 from hpage_pmd_size); 0 fits every kernel, a larger value needs the bound.
         */
        private long sysfsInt(Schema.Key spec, ProfileDoc.Setting s) {
            long v = evalInt(spec, s, s.raw());
            if (v == 0 || !s.key().equals(SysfsChoices.THP_PTES_NONE)) return v;
            Fact<Integer> max = facts.memory().khugepagedMaxPtesNoneMax();
            if (max instanceof Fact.Unknown<Integer> u) throw new ValueChecks.Missing(s.key() + ": the kernel's bound is unknown (" + u.reason() + "); only 0 fits every kernel");
            ValueChecks.range(s.key(), v, 0, max.opt().get(), "this kernel (HPAGE_PMD_NR - 1)", s.valueLoc());
            return v;
        }

        /** A sysctl's value, evaluating other keys the profile sets first (their planned value, not the live one). */
        private long sysctl(String key) {
            Long done = sysctlDone.get(key);
            if (done != null) return done;
            ProfileDoc.Setting s = settings.get(Section.SYSCTL + " " + key);
            if (!inProgress.add(key)) throw ProfileErrors.at(s.valueLoc(), key + ": its expression depends on itself through other keys");
            try {
                Schema.Key spec = Schema.SYSCTL.get(key);
                long v = evalInt(spec, s, s.raw());
                Optional<Schema.Range> r = Schema.kernelRange(key, kernel);
                if (r.isPresent()) ValueChecks.range(key, v, r.get().min(), r.get().max(), r.get().kernel(), s.valueLoc());
                sysctlDone.put(key, v);
                return v;
            } finally {
                inProgress.remove(key);
            }
        }

        private long evalInt(Schema.Key spec, ProfileDoc.Setting s, String raw) {
            Expr e = ValueChecks.intValue(spec, raw, s.valueLoc());
            long v = evalPinned(e, s, raw, Map.of());
            ValueChecks.range(s.key(), v, spec.min(), spec.max(), null, s.valueLoc());
            return v;
        }

        /**
         * Evaluates with {@code pinned} names fixed. A name with several possible values (a key's
         * value at an image's first boot when the kernel is not named) is tried with each: the
         * expression stands when all give the same result ("max(current, 8192)" is 8192 whether
         * somaxconn starts at 128 or 4096), and is missing with both results otherwise.
         */
        private long evalPinned(Expr e, ProfileDoc.Setting s, String raw, Map<String, Long> pinned) {
            try {
                return ValueChecks.eval(e, name -> {
                    if (pinned.containsKey(name)) return pinned.get(name);
                    try {
                        return lookup(name, s);
                    } catch (Several x) {
                        throw x.as(name); // "current" stands for the key: pin the name the expression uses
                    }
                });
            } catch (Several several) {
                Set<Long> results = new java.util.TreeSet<>();
                for (long c : several.values) {
                    Map<String, Long> p = new HashMap<>(pinned);
                    p.put(several.name, c);
                    results.add(evalPinned(e, s, raw, p));
                }
                if (results.size() == 1) return results.iterator().next();
                throw new ValueChecks.Missing(raw + " is one of " + results + " depending on " + several.why);
            }
        }

        private long lookup(String name, ProfileDoc.Setting s) {
            switch (name) {
                case "current": {
                    if (s.section() != Section.SYSCTL) throw ProfileErrors.at(s.valueLoc(), s.key() + ": \"current\" is only for sysctl values");
                    return live(s.key());
                }
                case "memory.max":
                    return facts.memory().effectiveLimit().orElseThrow(() -> new ValueChecks.Missing("memory.max: no cgroup memory limit on this host"));
                case "memory.total":
                    return known(facts.memory().totalBytes(), "memory.total");
                case "cpu.count":
                    return known(facts.cpu().logicalCpus(), "cpu.count");
                case "tasks.peak": {
                    // the most tasks the service's cgroup has held (pids.peak); without it golive cannot tell, and
                    // TasksMax= stays what systemd gives (never a number made up)
                    String keep = "; TasksMax= stays systemd's default";
                    ServiceFacts svc = facts.service().orElseThrow(() -> new ValueChecks.Missing(
                            "tasks.peak: cannot tell, no service named (--service NAME)" + keep));
                    if (svc.tasks().peak() instanceof Fact.Unknown<Long> u) throw new ValueChecks.Missing("tasks.peak: cannot tell (" + u.reason() + ")" + keep);
                    return svc.tasks().peak().opt().orElseThrow();
                }
                default: {
                    ProfileDoc.Setting other = settings.get(Section.SYSCTL + " " + name);
                    if (other != null && other.when().flatMap(this::unmet).isEmpty()) return sysctl(name);
                    return live(name);
                }
            }
        }

        private long live(String key) {
            if (!facts.sysctls().kernel().running()) return firstBoot(key);
            Optional<SysctlFact> f = facts.sysctls().get(key);
            if (f.isEmpty()) throw new ValueChecks.Missing(key + ": golive did not read it on this host");
            Fact<String> live = f.get().live();
            if (live instanceof Fact.Unknown<String> u) throw new ValueChecks.Missing(key + ": live value unknown (" + u.reason() + ")");
            return facts.sysctls().liveLong(key).orElseThrow(() -> new ValueChecks.Missing(key + ": live value \"" + live.orElse("") + "\" is not a number"));
        }

        /**
         * An image tree has no live value: "current" is what the key will be at first boot before
         * golive's file: what the tree's sysctl.d sets, else the kernel's default on the named
         * kernel (model.KernelSysctls; every kernel golive knows when none is named).
         */
        private long firstBoot(String key) {
            Optional<SysctlFact> f = facts.sysctls().get(key);
            Optional<dev.golive.model.SysctlAssignment> set = f.flatMap(SysctlFact::configured);
            if (set.isPresent()) {
                String v = SysctlFact.normalize(set.get().value());
                try {
                    return Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new ValueChecks.Missing(key + ": " + set.get().source().describe() + " sets \"" + v + "\", not a number");
                }
            }
            List<Long> values = dev.golive.model.KernelSysctls.atFirstBoot(key, kernel, facts.systemd().version().opt());
            if (values.isEmpty()) {
                throw new ValueChecks.Missing(key + ": no kernel in this tree, nothing in its sysctl.d sets it, and the kernel sizes it at boot");
            }
            if (values.size() == 1) return values.get(0);
            throw new Several(key, values, key + "'s value at first boot ("
                    + (kernel.isEmpty() ? "name the image's kernel with --kernel" : "the image's systemd version is not known") + ")");
        }

        private static long known(Fact<? extends Number> f, String name) {
            if (f instanceof Fact.Unknown<? extends Number> u) throw new ValueChecks.Missing(name + ": unknown (" + u.reason() + ")");
            return f.opt().orElseThrow().longValue();
        }

        private String nofile(Schema.Key spec, ProfileDoc.Setting s) {
            if (s.raw().equals("infinity")) return "infinity:infinity";
            String[] sides = s.raw().split(":", -1);
            long[] v = new long[sides.length];
            for (int i = 0; i < sides.length; i++) {
                String t = sides[i].trim();
                v[i] = t.equals("infinity") ? NofileLimit.INFINITY : evalInt(Schema.Key.num(spec.name(), 1, Long.MAX_VALUE), s, t);
            }
            long hard = v.length == 2 ? v[1] : v[0];
            // a derived hard limit (min(fs.nr_open, …)) can end below a fixed soft one on an odd host:
            // systemd would refuse soft > hard, so the soft limit follows the hard one down
            long soft = Math.min(v[0], hard);
            return new NofileLimit(soft, hard).toString();
        }

        /** The first of a choice's options the target kernel offers (one option: it must be offered). */
        private String choice(Schema.Key spec, ProfileDoc.Setting s) {
            List<String> options = List.of(s.raw().split(java.util.regex.Pattern.quote(ProfileParser.CHOICE_SEPARATOR)));
            Optional<List<String>> offered = Schema.kernelChoices(s.key(), kernel);
            if (offered.isEmpty()) return options.get(0);
            for (String o : options) if (offered.get().contains(o)) return o;
            throw ProfileErrors.at(s.valueLoc(), s.key() + ": " + (options.size() == 1 ? "\"" + options.get(0) + "\" is not" : "none of " + String.join(", ", options) + " is")
                    + " offered by Linux " + kernel.orElseThrow() + " (it has: " + String.join(", ", offered.get()) + ")");
        }

        /** Why a when: condition does not hold here, or empty when it does. */
        private Optional<String> unmet(String condition) {
            switch (condition) {
                case "isolated-cpus": {
                    boolean iso = facts.cpu().isolcpus().opt().filter(x -> !x.isBlank() && !x.equals("not set")).isPresent()
                            || facts.cpu().nohzFull().opt().filter(x -> !x.isBlank() && !x.equals("not set")).isPresent();
                    return iso ? Optional.empty() : Optional.of("no isolcpus= or nohz_full= on the kernel command line");
                }
                case "cgroup-v2":
                    return facts.cgroups().mode().opt().filter(m -> m == CgroupMode.V2).isPresent() ? Optional.empty()
                            : Optional.of("the host is not on cgroup v2 only");
                case "syncookies-off": {
                    // the kernel reads tcp_max_syn_backlog only with syncookies off (tcp_conn_request, net/ipv4/tcp_input.c)
                    // judged on the value the host has after this plan, not on the live one
                    Optional<String> c = afterPlan(SYNCOOKIES);
                    return c.filter("0"::equals).isPresent() ? Optional.empty()
                            : Optional.of(SYNCOOKIES + " is " + c.orElse("unknown") + ": " + SYNCOOKIES_OFF_WHY);
                }
                case "thp-on": {
                    // an image has no kernel to ask: THP's state comes with its kernel's build, and the value only
                    // matters where THP is on, so the file is written for the first boot
                    if (!facts.sysctls().kernel().running()) return Optional.empty();
                    if (!facts.memory().thpEnabled().known()) return Optional.of("transparent_hugepage/enabled is unknown ("
                            + ((Fact.Unknown<String>) facts.memory().thpEnabled()).reason() + ")");
                    return facts.memory().thpOn() ? Optional.empty() : Optional.of("transparent huge pages are off (enabled=never)");
                }
                case "no-container":
                    return facts.os().container().opt().filter("none"::equals).isPresent() ? Optional.empty()
                            : Optional.of("the host is (or may be) a container");
                default:
                    throw new IllegalStateException("condition " + condition);
            }
        }

        /**
         * The value {@code key} has once this plan is applied: what a picked fix sets, else what
         * this profile sets (when its own condition holds), else what the next boot gives (the
         * winning sysctl file other than golive's own, which this plan rewrites; on an image tree with
         * no file, the kernel's default from model.KernelSysctls), else live.
         */
        private Optional<String> afterPlan(String key) {
            if (picked.containsKey(key)) return Optional.of(SysctlFact.normalize(picked.get(key)));
            ProfileDoc.Setting own = settings.get(Section.SYSCTL + " " + key);
            if (own != null && own.when().flatMap(this::unmet).isEmpty()) return Optional.of(Long.toString(sysctl(key)));
            Optional<SysctlFact> f = facts.sysctls().get(key);
            Optional<String> file = f.flatMap(SysctlFact::configured)
                    .filter(a -> !a.source().path().equals(dev.golive.model.OwnedFiles.SYSCTL_DROPIN)) // golive's file is rewritten by this plan
                    .map(a -> SysctlFact.normalize(a.value()));
            if (file.isPresent()) return file;
            if (!facts.sysctls().kernel().running()) {
                List<Long> boot = dev.golive.model.KernelSysctls.atFirstBoot(key, kernel, facts.systemd().version().opt());
                return boot.size() == 1 ? Optional.of(Long.toString(boot.get(0))) : Optional.empty();
            }
            return f.flatMap(SysctlFact::liveNormalized);
        }

        /** DOMAIN.md: tcp_tw_reuse needs TCP timestamps; a profile must not turn one on with the other off. */
        private void checkTwReuse(List<Profile.Value> sysctls) {
            Optional<Profile.Value> reuse = sysctls.stream().filter(v -> v.key().equals("net.ipv4.tcp_tw_reuse") && !v.value().equals("0")).findFirst();
            if (reuse.isEmpty()) return;
            Optional<String> ts = sysctls.stream().filter(v -> v.key().equals("net.ipv4.tcp_timestamps")).map(Profile.Value::value).findFirst()
                    .or(() -> facts.sysctls().live("net.ipv4.tcp_timestamps"));
            if (ts.isPresent() && ts.get().equals("0")) {
                ProfileDoc.Setting s = settings.get(Section.SYSCTL + " net.ipv4.tcp_tw_reuse");
                throw ProfileErrors.at(s.valueLoc(), "net.ipv4.tcp_tw_reuse needs net.ipv4.tcp_timestamps = 1 (it is 0"
                        + (sysctls.stream().anyMatch(v -> v.key().equals("net.ipv4.tcp_timestamps")) ? " in this profile)" : " on this host; set it in the profile)"));
            }
        }
    }
}
