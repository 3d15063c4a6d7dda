package dev.golive.verify;

import dev.golive.model.Fact;
import dev.golive.model.Printable;
import dev.golive.model.ServiceProcess;
import dev.golive.model.Verification;
import dev.golive.model.Verification.Item;
import dev.golive.model.Verification.Status;
import dev.golive.report.Json;
import dev.golive.report.Style;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code golive verify}'s two forms: the text an admin reads and the JSON of docs/verify-json.md. */
public final class VerifyText {

    /** The layout of {@link #json}: bumped when a field changes meaning or goes away. */
    public static final int SCHEMA = 1;

    private VerifyText() { }

    public static String render(Verification v, Style style) {
        StringBuilder b = new StringBuilder();
        b.append(style.bold("verify " + v.basis())).append(v.appliedAt().map(a -> ", applied " + a.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).orElse(", never applied here"))
                .append(v.service().map(s -> ", service " + Printable.text(s)).orElse("")).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STATUS", "CHANGE", "EXPECTED", "NOW"});
        for (Item i : v.items()) rows.add(new String[] {i.status().text(), Printable.text(i.subject()), Printable.text(i.expected()), Printable.text(i.now())});
        int[] w = new int[3];
        for (String[] r : rows) for (int c = 0; c < 3; c++) w[c] = Math.max(w[c], r[c].length());
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            String status = String.format("%-" + w[0] + "s", r[0]);
            if (n > 0) status = colour(v.items().get(n - 1).status(), status, style);
            b.append("  ").append(status).append("  ").append(String.format("%-" + w[1] + "s  %-" + w[2] + "s  ", r[1], r[2]))
                    .append(r[3]).append('\n');
            if (n > 0 && v.items().get(n - 1).status() != Status.IN_EFFECT) {
                b.append("      ").append(style.dim(Printable.text(v.items().get(n - 1).detail()))).append('\n');
            }
        }
        if (!v.nextBoot().isEmpty()) {
            b.append('\n').append(style.bold("after the next boot")).append(" (what systemd-sysctl and systemd-tmpfiles will set):\n");
            for (Verification.BootValue bv : v.nextBoot()) {
                b.append("  ").append(bv.asPlanned() ? style.green("as planned") : style.red("not as planned")).append("  ")
                        .append(Printable.text(bv.key())).append(" = ").append(Printable.text(bv.value().orElse("(no file sets it: the kernel default)")))
                        .append(bv.source().map(s -> "  (" + Printable.text(s) + ")").orElse(""))
                        .append(bv.asPlanned() ? "" : "; planned " + Printable.text(bv.planned())).append('\n');
            }
        }
        v.process().ifPresent(p -> process(b, p, style));
        b.append('\n');
        List<Item> pending = v.pending();
        long bootOff = v.nextBoot().stream().filter(x -> !x.asPlanned()).count();
        if (v.inEffect()) b.append(style.green("in effect: all " + v.items().size() + " changes")).append('\n');
        else {
            Map<String, Integer> by = new TreeMap<>();
            pending.forEach(i -> by.merge(i.status().text(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            by.forEach((k, n) -> parts.add(k + ": " + n));
            if (bootOff > 0) parts.add("not as planned after the next boot: " + bootOff);
            b.append(style.red("not in effect: " + pending.size() + " of " + v.items().size() + " changes")).append(" (")
                    .append(String.join(", ", parts)).append(")\n");
        }
        return b.toString();
    }

    /**
     * The short form for the end of the guide: in effect or not, each change that is not with
     * what to do about it, and whether the next boot keeps the planned values.
     */
    public static List<String> brief(Verification v) {
        List<String> out = new ArrayList<>();
        List<Item> pending = v.pending();
        if (pending.isEmpty()) out.add("Verify (golive verify): all " + v.items().size() + " changes are in effect" + v.service().map(s -> " for " + Printable.text(s)).orElse("") + ".");
        else {
            out.add("Verify (golive verify): " + pending.size() + " of " + v.items().size() + " changes are not in effect yet:");
            for (Item i : pending) {
                out.add("  " + i.status().text() + "  " + Printable.text(i.subject()) + ": " + Printable.text(i.expected()) + " planned, now " + Printable.text(i.now()));
                out.add("      " + Printable.text(i.detail()));
            }
        }
        List<Verification.BootValue> off = v.nextBoot().stream().filter(b -> !b.asPlanned()).toList();
        if (v.nextBoot().isEmpty()) return out;
        if (off.isEmpty()) out.add("After the next boot: systemd-sysctl and systemd-tmpfiles set all " + v.nextBoot().size() + " planned values.");
        for (Verification.BootValue b : off) {
            out.add("After the next boot " + Printable.text(b.key()) + " is " + Printable.text(b.value().orElse("the kernel default"))
                    + b.source().map(s -> " (" + Printable.text(s) + ")").orElse("") + ", not " + Printable.text(b.planned()) + ".");
        }
        return out;
    }

    private static void process(StringBuilder b, ServiceProcess p, Style style) {
        b.append('\n').append(style.bold("process of " + Printable.text(p.unit()))).append(": ");
        if (!p.running()) {
            b.append(p.mainPid().known() ? "not running" : "unknown (" + Printable.text(reason(p.mainPid())) + ")").append('\n');
            return;
        }
        b.append("PID ").append(p.mainPid().orElse(0)).append(p.startedAt().opt().map(t -> ", started " + t).orElse("")).append('\n');
        b.append("  open files (soft:hard)  ").append(fact(p.nofile())).append('\n');
        Map<String, String> env = p.goEnvironment().orElse(Map.of());
        for (String var : ServiceProcess.GO_VARIABLES) {
            b.append(String.format("  %-22s  ", var)).append(p.goEnvironment().known() ? Printable.text(env.getOrDefault(var, "not set")) : "unknown (" + Printable.text(reason(p.goEnvironment())) + ")").append('\n');
        }
        if (p.listeners().known()) {
            if (p.listeners().orElse(List.of()).isEmpty()) b.append("  listen backlog          no LISTEN socket\n");
            for (ServiceProcess.Listener l : p.listeners().orElse(List.of())) {
                b.append("  listen backlog          ").append(Printable.text(l.local())).append(": ").append(l.backlog()).append('\n');
            }
        } else b.append("  listen backlog          unknown (").append(Printable.text(reason(p.listeners()))).append(")\n");
        b.append("  AnonHugePages           ").append(p.anonHugePagesKb().known() ? p.anonHugePagesKb().orElse(0L) + " kB" : "unknown (" + Printable.text(reason(p.anonHugePagesKb())) + ")").append('\n');
        for (ServiceProcess.CgroupValue c : p.cgroup()) {
            b.append("  cgroup                  ").append(Printable.text(c.file())).append(" = ").append(Printable.text(c.value().opt().orElse("unknown"))).append('\n');
        }
    }

    private static String fact(Fact<?> f) {
        return f.known() ? Printable.text(String.valueOf(f.opt().get())) + "  (" + Printable.text(f.src().get().describe()) + ")"
                : "unknown (" + Printable.text(reason(f)) + ")";
    }

    private static String reason(Fact<?> f) { return f instanceof Fact.Unknown<?> u ? u.reason() : ""; }

    private static String colour(Status s, String text, Style style) {
        return switch (s) {
            case IN_EFFECT -> style.green(text);
            case DRIFTED, NOT_REACHED, UNKNOWN -> style.red(text);
            default -> style.yellow(text);
        };
    }

    /** docs/verify-json.md. */
    public static String json(Verification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("inEffect", v.inEffect());
        m.put("basis", v.basis());
        m.put("planId", v.planId());
        m.put("appliedAt", v.appliedAt().map(Object::toString));
        m.put("service", v.service());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Item i : v.items()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", i.kind());
            x.put("subject", i.subject());
            x.put("expected", i.expected());
            x.put("now", i.now());
            x.put("status", i.status());
            x.put("statusText", i.status().text());
            x.put("detail", i.detail());
            items.add(x);
        }
        m.put("items", items);
        m.put("nextBoot", v.nextBoot());
        m.put("process", v.process().map(VerifyText::processJson));
        return Json.write(m);
    }

    private static Map<String, Object> processJson(ServiceProcess p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", p.unit());
        m.put("mainPid", p.mainPid());
        m.put("startedAt", p.startedAt().map(Object::toString));
        m.put("nofile", p.nofile().map(Object::toString));
        m.put("goEnvironment", p.goEnvironment());
        m.put("listeners", p.listeners());
        m.put("anonHugePagesKb", p.anonHugePagesKb());
        m.put("cgroup", p.cgroup());
        m.put("needDaemonReload", p.needDaemonReload());
        m.put("unitNofile", p.unitNofile().map(Object::toString));
        m.put("managerNofile", p.managerNofile().map(Object::toString));
        return m;
    }
}
