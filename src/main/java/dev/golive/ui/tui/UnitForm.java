package dev.golive.ui.tui;

import dev.golive.model.GoliveException;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.unit.SpecFromUnit;
import dev.golive.unit.UnitWords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Unit screen's form: its fields in order, golive's new-unit defaults or the values of an
 * existing unit ({@link SpecFromUnit}, each field remembering the file:line it came from), and
 * the spec the fields make.
 */
final class UnitForm {

    /** One form field: a label, its spec key, its text, and for a choice the values enter cycles through. */
    static final class Field {
        final String label;
        final String key;
        final List<String> choices;
        String text;
        /** Where the prefilled text came from (the unit's file:line), or null; shown while the text is unchanged. */
        Source from;
        String fromText;

        Field(String label, String key, String text, List<String> choices) {
            this.label = label;
            this.key = key;
            this.text = text;
            this.choices = choices;
        }

        Optional<Source> source() { return from != null && text.equals(fromText) ? Optional.of(from) : Optional.empty(); }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    final List<Field> order = new ArrayList<>();
    /** The existing unit the form was filled from, or null for a new unit. */
    private SpecFromUnit prefill;

    UnitForm() {
        add("name", SpecFromUnit.NAME, List.of());
        add("exec", SpecFromUnit.EXEC, List.of());
        add("arguments", SpecFromUnit.ARGUMENTS, List.of());
        add("user", SpecFromUnit.USER, List.of());
        add("dynamic user", SpecFromUnit.DYNAMIC_USER, List.of("yes", "no"));
        add("environment", SpecFromUnit.ENVIRONMENT, List.of());
        add("state dir", SpecFromUnit.STATE_DIRS, List.of());
        add("ports", "ports", List.of());
        add("CPUQuota", SpecFromUnit.CPU_QUOTA, List.of());
        add("MemoryMax", SpecFromUnit.MEMORY_MAX, List.of());
        add("MemoryHigh", SpecFromUnit.MEMORY_HIGH, List.of());
        add("TasksMax", SpecFromUnit.TASKS_MAX, List.of());
        add("LimitNOFILE", SpecFromUnit.NOFILE, List.of());
        add("RestartSec", SpecFromUnit.RESTART_SEC, List.of());
        add("hardening", SpecFromUnit.HARDENING, List.of("none", "basic", "strict"));
        add("Go runtime", SpecFromUnit.GO, List.of("default", "derive", "off"));
        // the resource controls last: the fields above keep their places
        add("CPUWeight", SpecFromUnit.CPU_WEIGHT, List.of());
        add("MemoryLow", SpecFromUnit.MEMORY_LOW, List.of());
        add("MemoryMin", SpecFromUnit.MEMORY_MIN, List.of());
        add("IO read max", SpecFromUnit.IO_READ_BANDWIDTH, List.of());
        add("IO write max", SpecFromUnit.IO_WRITE_BANDWIDTH, List.of());
        add("AllowedCPUs", SpecFromUnit.ALLOWED_CPUS, List.of());
        add("CPUAffinity", SpecFromUnit.CPU_AFFINITY, List.of());
        // labels end before the values' column 15: SyslogIdentifier=, StandardOutput=, StandardError=
        add("journal tag", "logs.syslogIdentifier", List.of());
        add("stdout", "logs.standardOutput", List.of());
        add("stderr", "logs.standardError", List.of());
        // Group= and the health URL apply --finish checks (spec group:, healthUrl:)
        add("group", SpecFromUnit.GROUP, List.of());
        add("health URL", "healthUrl", List.of());
        newUnit("api");
    }

    /** The resource controls beyond the limits (docs/unit.md "Resource controls"); empty means not set. */
    private static final List<String> CONTROLS = List.of("CPUWeight", "MemoryLow", "MemoryMin", "IO read max", "IO write max",
            "AllowedCPUs", "CPUAffinity", "journal tag", "stdout", "stderr", "group", "health URL");
    /** Several bandwidth lines (each "DEVICE BYTES") are typed in one field, separated by commas. */
    private static final String LINES = ",";

    private void add(String label, String key, List<String> choices) {
        Field f = new Field(label, key, "", choices);
        fields.put(label, f);
        order.add(f);
    }

    String text(String label) { return fields.get(label).text; }

    private void set(String label, String text) { fields.get(label).text = text; }

    /** golive's defaults for a unit it writes from scratch. */
    void newUnit(String name) {
        prefill = null;
        for (Field f : order) f.from = null;
        set("name", name);
        set("exec", "/usr/local/bin/" + name);
        for (String l : List.of("arguments", "user", "environment", "state dir", "CPUQuota", "MemoryMax", "MemoryHigh", "TasksMax", "LimitNOFILE")) set(l, "");
        for (String l : CONTROLS) set(l, "");
        set("dynamic user", "yes");
        set("ports", "8080");
        set("RestartSec", ServiceSpec.Restart.DEFAULT.restartSec());
        set("hardening", "basic");
        set("Go runtime", "derive");
    }

    /** The form as the existing unit has it; ports stay empty (a unit does not record them). */
    void fill(SpecFromUnit s) {
        prefill = s;
        ServiceSpec spec = s.spec();
        set("name", spec.name());
        set("exec", spec.exec().orElse(""));
        set("arguments", String.join(" ", spec.arguments().stream().map(UnitWords::quote).toList()));
        set("user", spec.user().orElse(""));
        set("dynamic user", spec.dynamicUser() ? "yes" : "no");
        set("environment", String.join(" ", spec.environment().entrySet().stream().map(e -> UnitWords.quote(e.getKey() + "=" + e.getValue())).toList()));
        set("state dir", String.join(" ", spec.stateDirectories().stream().map(UnitWords::quote).toList()));
        set("ports", "");
        ServiceSpec.Resources r = spec.resources();
        set("CPUQuota", r.cpuQuota().orElse(""));
        set("MemoryMax", r.memoryMax().orElse(""));
        set("MemoryHigh", r.memoryHigh().orElse(""));
        set("TasksMax", r.tasksMax().orElse(""));
        set("LimitNOFILE", r.nofile().map(n -> n.soft() == n.hard() ? n.toString().split(":")[0] : n.toString()).orElse(""));
        set("CPUWeight", r.cpuWeight().map(String::valueOf).orElse(""));
        set("MemoryLow", r.memoryLow().orElse(""));
        set("MemoryMin", r.memoryMin().orElse(""));
        set("IO read max", String.join(LINES + " ", r.ioReadBandwidthMax()));
        set("IO write max", String.join(LINES + " ", r.ioWriteBandwidthMax()));
        set("AllowedCPUs", r.allowedCpus().orElse(""));
        set("CPUAffinity", r.cpuAffinity().orElse(""));
        ServiceSpec.Logging log = spec.logging();
        set("journal tag", log.syslogIdentifier().orElse(""));
        set("stdout", log.standardOutput().orElse(""));
        set("stderr", log.standardError().orElse(""));
        set("group", spec.group().orElse(""));
        set("health URL", spec.healthUrl().orElse(""));
        set("RestartSec", spec.restart().restartSec());
        set("hardening", spec.hardening().name().toLowerCase(Locale.ROOT));
        set("Go runtime", switch (spec.go().mode()) { case OFF -> "off"; case DERIVE -> "derive"; case DEFAULT -> "default"; });
        for (Field f : order) {
            f.from = s.sources().get(f.key);
            f.fromText = f.text;
        }
    }

    /** The unit the form was filled from while the name is still that unit's, else empty (a new unit). */
    Optional<SpecFromUnit> fromUnit() {
        return prefill != null && prefill.spec().name().equals(text("name").strip()) ? Optional.of(prefill) : Optional.empty();
    }

    boolean filledFromUnit() { return prefill != null; }

    /**
     * The form as a spec; a value that cannot be a spec at all is reported like golive unit
     * would. Filled from an existing unit, a field still as the unit has it is not asked for:
     * it keeps {@link ServiceSpec#named}'s "not said", exactly as `golive plan --service` with
     * no unit option, so the app layer's one derivation (app.ServiceUnits) gives both the same
     * drop-in, and an untouched form none: golive's earlier lines stay as they stand there too.
     * "none" (or the field cleared) asks golive to set nothing there.
     */
    ServiceSpec spec() {
        ServiceSpec base = ServiceSpec.named(text("name").strip());
        Optional<SpecFromUnit> unit = fromUnit();
        // an untouched value of golive's own drop-in is not asked either: the app layer keeps golive's earlier lines
        // unless the profile says otherwise (unit.GolivesLines); "none" is how the admin takes one away
        java.util.function.Predicate<String> asked = label -> unit.isEmpty() || !fields.get(label).text.equals(fields.get(label).fromText);
        List<Integer> ports = new ArrayList<>();
        for (String p : text("ports").split("[,\\s]+")) {
            if (p.isBlank()) continue;
            try {
                ports.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                throw GoliveException.badInput("ports: \"" + p + "\" is not a port number");
            }
        }
        // "none" (or a value of the unit's cleared): golive sets nothing there, not a profile's value either, and its own line goes
        List<String> unset = new ArrayList<>();
        UNSETTABLE.forEach((label, name) -> {
            Field f = fields.get(label);
            boolean cleared = unit.isPresent() && f.text.isBlank() && f.fromText != null && !f.fromText.isBlank();
            if (asked.test(label) && (isNone(f.text) || cleared)) unset.add(name);
        });
        Optional<NofileLimit> nofile = opt("LimitNOFILE").filter(t -> !isNone(t)).map(t -> NofileLimit.parse(t)
                .orElseThrow(() -> GoliveException.badInput("LimitNOFILE: \"" + t + "\" is not SOFT:HARD (e.g. 65536:524288) or one number")));
        Optional<Integer> cpuWeight = given(asked, "CPUWeight").map(t -> {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw GoliveException.badInput("CPUWeight: \"" + t + "\" is not a whole number (1..10000, default 100)");
            }
        });
        var r = new ServiceSpec.Resources(given(asked, "CPUQuota"), given(asked, "MemoryMax"), given(asked, "MemoryHigh"), given(asked, "TasksMax"),
                asked.test("LimitNOFILE") ? nofile : Optional.empty(), Optional.empty(), cpuWeight, given(asked, "MemoryLow"),
                given(asked, "MemoryMin"), lines(asked, "IO read max"), lines(asked, "IO write max"), given(asked, "AllowedCPUs"),
                given(asked, "CPUAffinity")).withUnset(unset);
        boolean dynamic = asked.test("dynamic user") ? text("dynamic user").equals("yes") : base.dynamicUser();
        // arguments, environment and state dirs are written as in a unit file: systemd's quoting ("a b", 'c')
        boolean execAsked = asked.test("exec") || asked.test("arguments");
        List<String> args = execAsked ? opt("arguments").map(t -> words("arguments", t)).orElse(List.of()) : base.arguments();
        Map<String, String> env = new LinkedHashMap<>(opt("environment").map(UnitForm::environment).orElse(Map.of()));
        // an existing unit's variables stay set by it; only new or changed ones are asked for
        unit.ifPresent(u -> u.spec().environment().forEach((k, v) -> { if (v.equals(env.get(k))) env.remove(k); }));
        List<String> dirs = asked.test("state dir") ? opt("state dir").map(t -> words("state dir", t)).orElse(List.of()) : base.stateDirectories();
        ServiceSpec.Restart d = unit.map(u -> u.spec().restart()).orElse(base.restart());
        var restart = asked.test("RestartSec") ? new ServiceSpec.Restart(d.policy(), opt("RestartSec").orElse(d.restartSec()), d.startLimitIntervalSec(), d.startLimitBurst())
                : base.restart();
        ServiceSpec.Hardening hardening = asked.test("hardening") ? ServiceSpec.Hardening.valueOf(text("hardening").toUpperCase(Locale.ROOT)) : base.hardening();
        ServiceSpec.GoRuntime go = !asked.test("Go runtime") ? base.go() : switch (text("Go runtime")) {
            case "off" -> ServiceSpec.GoRuntime.OFF;
            case "default" -> ServiceSpec.GoRuntime.DEFAULT;
            default -> ServiceSpec.GoRuntime.DERIVE;
        };
        var logging = new ServiceSpec.Logging(given(asked, "journal tag"), given(asked, "stdout"), given(asked, "stderr"),
                Optional.empty(), Optional.empty());
        return new ServiceSpec(base.name(), Optional.empty(), execAsked ? opt("exec") : base.exec(), args,
                given(asked, "user"), dynamic, Optional.empty(), dirs, env, ports, r, restart, hardening, go, logging, given(asked, "group"), given(asked, "health URL"));
    }

    private Optional<String> given(java.util.function.Predicate<String> asked, String label) {
        return asked.test(label) ? opt(label).filter(t -> !UNSETTABLE.containsKey(label) || !isNone(t)) : Optional.empty();
    }

    /** The limit fields that take "none" (golive sets nothing), by the spec's name for them. */
    private static final Map<String, String> UNSETTABLE = orderedMap("CPUQuota", "cpuQuota", "MemoryMax", "memoryMax", "MemoryHigh", "memoryHigh",
            "TasksMax", "tasksMax", "LimitNOFILE", "nofile", "MemoryLow", "memoryLow", "MemoryMin", "memoryMin", "AllowedCPUs", "allowedCpus",
            "CPUAffinity", "cpuAffinity");

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Whether the field takes "none" (golive sets nothing there): the limits and controls. */
    static boolean takesNone(String label) { return UNSETTABLE.containsKey(label); }

    /** Whether systemd (or golive, for CPUQuota's empty assignment) has a "no limit" the field can ask for with infinity. */
    static boolean takesInfinity(String label) { return List.of("CPUQuota", "MemoryMax", "MemoryHigh", "TasksMax", "LimitNOFILE").contains(label); }

    private static boolean isNone(String t) { return t.strip().equalsIgnoreCase(ServiceSpec.Resources.NONE_WORD); }

    private List<String> lines(java.util.function.Predicate<String> asked, String label) {
        return given(asked, label).map(t -> java.util.Arrays.stream(t.split(LINES)).map(String::strip).filter(l -> !l.isEmpty()).toList())
                .orElse(List.of());
    }

    private static List<String> words(String field, String text) {
        try {
            return UnitWords.split(text);
        } catch (GoliveException e) {
            throw GoliveException.badInput(field + ": " + e.getMessage());
        }
    }

    private static Map<String, String> environment(String text) {
        try {
            return UnitWords.environment(text);
        } catch (GoliveException e) {
            throw GoliveException.badInput("environment: " + e.getMessage());
        }
    }

    private Optional<String> opt(String field) {
        String t = text(field).strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** The spec's field names as the form calls them, so a message names the field to fix. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("resources.cpuQuota", "CPUQuota"),
            Map.entry("resources.memoryMax", "MemoryMax"), Map.entry("resources.memoryHigh", "MemoryHigh"),
            Map.entry("resources.tasksMax", "TasksMax"), Map.entry("resources.nofile", "LimitNOFILE"),
            Map.entry("resources.cpuWeight", "CPUWeight"), Map.entry("resources.memoryLow", "MemoryLow"),
            Map.entry("resources.memoryMin", "MemoryMin"), Map.entry("resources.ioReadBandwidthMax", "IO read max"),
            Map.entry("resources.ioWriteBandwidthMax", "IO write max"), Map.entry("resources.allowedCpus", "AllowedCPUs"),
            Map.entry("resources.cpuAffinity", "CPUAffinity"), Map.entry("logs.syslogIdentifier", "journal tag"),
            Map.entry("logs.standardOutput", "stdout"), Map.entry("logs.standardError", "stderr"),
            Map.entry("healthUrl", "health URL"),
            Map.entry("restart.restartSec", "RestartSec"), Map.entry("dynamicUser", "dynamic user"), Map.entry("stateDirectories", "state dir"));

    /** The form's name for a spec field; a list item ({@code resources.ioReadBandwidthMax[1]}) by its list's field. */
    static String label(String field) {
        int br = field.indexOf('[');
        String root = br > 0 && field.startsWith("resources.") ? field.substring(0, br) : field;
        return LABELS.getOrDefault(root, field);
    }

    /** "api.service:8" for /etc/systemd/system/api.service:8; "systemd default", "as the unit has it". */
    static String shortSource(Source s) {
        if (s instanceof Source.File f) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            return "from " + (f.line() > 0 ? name + ":" + f.line() : name);
        }
        if (s instanceof Source.Default) return "systemd default";
        return "as the unit has it";
    }

}
