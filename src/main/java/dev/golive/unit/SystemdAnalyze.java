package dev.golive.unit;

import dev.golive.host.CommandResult;
import dev.golive.host.CommandRunner;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.host.ScratchDir;
import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real {@code systemd-analyze} on a rendered unit, on this machine, through a
 * {@link CommandRunner}. The unit (and for a drop-in, the unit it extends, with the drop-in
 * in its {@code .d/} directory, where systemd-analyze finds it) is written to a scratch
 * directory first.
 *
 * <p>{@code verify} exits 0 on unknown keys and bad values (DOMAIN.md), so its exit code is
 * not the answer: every {@code FILE:LINE: message} line is mapped back to the host path and
 * the spec field that produced that line. {@code security --offline=true} needs systemd 250.
 */
public final class SystemdAnalyze {

    static final int OFFLINE_SINCE = 250;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern VERSION = Pattern.compile("^systemd (\\d+)");
    private static final Pattern FILE_LINE = Pattern.compile("^(/.+?):(\\d+): (.*)$");
    private static final Pattern UNIT_LINE = Pattern.compile("^([^\\s:/]+\\.service): (.*)$");
    private static final Pattern OVERALL = Pattern.compile("Overall exposure level for \\S+: (\\d+(?:\\.\\d+)?) (\\S+)");
    private static final Pattern ROW_EXPOSURE = Pattern.compile("^(.*?)\\s+(\\d+\\.\\d+)$");

    /** systemd NEWS v250: verify gained --root= (units below a root directory instead of on this machine). */
    static final int ROOT_SINCE = 250;
    /** Where the unit goes inside a tree: the runtime control directory, searched before /etc/systemd/system. */
    static final String TREE_UNIT_DIR = "/run/systemd/system.control";

    /**
     * An image tree to verify inside ({@code --root=}): its directory on this machine and the
     * tree's own systemd version, which this machine's systemd-analyze must match to speak for it.
     */
    public record Tree(Path base, Fact<Integer> systemd) { }

    private final CommandRunner runner;
    private final Optional<Tree> tree;

    public SystemdAnalyze(CommandRunner runner) { this(runner, Optional.empty()); }

    public SystemdAnalyze(CommandRunner runner, Optional<Tree> tree) {
        this.runner = runner;
        this.tree = tree;
    }

    /** The systemd-analyze version on this machine. */
    public Fact<Integer> version() {
        if (!runner.startsProcesses()) return Fact.unknown("commands are answered from a capture here; systemd-analyze was not run");
        CommandResult r = runner.run(List.of("systemd-analyze", "--version"), TIMEOUT);
        if (!r.ran()) {
            return Fact.unknown(ProcessCommandRunner.NOT_FOUND.equals(r.failure().orElse(""))
                    ? "systemd-analyze is not installed on this machine (Debian: apt-get install systemd)" : r.problem());
        }
        Matcher m = VERSION.matcher(r.stdout().strip());
        if (!r.ok() || !m.find()) return Fact.unknown("cannot read the version from: " + r.problem());
        return Fact.of(Integer.parseInt(m.group(1)), new Source.Command(r.commandLine()));
    }

    public UnitAnalysis analyze(RenderedUnit unit) {
        Fact<Integer> version = version();
        if (version instanceof Fact.Unknown<Integer> u) {
            return new UnitAnalysis(version, Fact.unknown(u.reason()), Fact.unknown(u.reason()));
        }
        int v = version.opt().get();
        String name = unitName(unit);
        if (tree.isPresent()) return inTree(tree.get(), unit, name, version, v);
        try (ScratchDir dir = ScratchDir.create("golive-unit-")) {
            Path unitFile;
            Paths paths;
            if (unit.kind() == RenderedUnit.Kind.DROP_IN) {
                CurrentUnitFiles.Located base = unit.base().orElseThrow();
                unitFile = dir.write(name, base.content());
                Path dropIn = dir.write(name + ".d/60-golive.conf", unit.content());
                paths = new Paths(unitFile.toString(), base.path(), dropIn.toString(), unit.path());
            } else {
                unitFile = dir.write(name, unit.content());
                paths = new Paths(unitFile.toString(), unit.path(), null, null);
            }
            Fact<List<UnitAnalysis.VerifyMessage>> verify = verify(unitFile, paths, unit, v);
            Fact<UnitAnalysis.Security> security = v < OFFLINE_SINCE
                    ? Fact.unknown("systemd-analyze " + v + " has no security --offline (needs systemd " + OFFLINE_SINCE + "); no exposure score")
                    : security(unitFile);
            return new UnitAnalysis(version, verify, security);
        }
    }

    /**
     * A unit for an image tree: this machine's systemd-analyze speaks for the tree only when it
     * is the tree's systemd version (another version knows other directives), and then runs with
     * --root=TREE, so the binary, the base unit and other drop-ins are the tree's. The rendered
     * file goes into the tree's /run/systemd/system.control (removed afterwards), which systemd
     * searches before /etc/systemd/system. Otherwise nothing runs, and the reason is the answer.
     */
    private UnitAnalysis inTree(Tree t, RenderedUnit unit, String name, Fact<Integer> version, int v) {
        String skip = null;
        if (t.systemd() instanceof Fact.Unknown<Integer> u) {
            skip = "the tree's systemd version is unknown (" + u.reason() + "); systemd-analyze " + v + " on this machine would judge the unit by its own directives, not run";
        } else if (!t.systemd().opt().get().equals(v)) {
            skip = "the tree has systemd " + t.systemd().opt().get() + " and this machine's systemd-analyze is " + v
                    + ": it would judge the unit by " + v + "'s directives, not the tree's; not run";
        } else if (v < ROOT_SINCE) {
            skip = "systemd-analyze " + v + " cannot verify below a root directory (--root= needs systemd " + ROOT_SINCE + "); not run";
        }
        if (skip != null) return new UnitAnalysis(version, Fact.unknown(skip), Fact.unknown(skip));
        String file = unit.kind() == RenderedUnit.Kind.DROP_IN ? name + ".d/60-golive.conf" : name;
        try (ScratchDir dir = ScratchDir.insideTree(t.base(), TREE_UNIT_DIR)) {
            Path written = dir.write(file, unit.content());
            String prefix = t.base().toString();
            String baseUnit = unit.base().map(CurrentUnitFiles.Located::path).orElse("/etc/systemd/system/" + name);
            Paths paths = unit.kind() == RenderedUnit.Kind.DROP_IN
                    ? new Paths(prefix + baseUnit, baseUnit, written.toString(), unit.path(), prefix)
                    : new Paths(written.toString(), unit.path(), null, null, prefix);
            String root = "--root=" + t.base();
            List<String> argv = new ArrayList<>(List.of("systemd-analyze", "verify", "--no-pager", "--man=no", root, name));
            Fact<List<UnitAnalysis.VerifyMessage>> verify = verifyRun(argv, paths, unit);
            Fact<UnitAnalysis.Security> security = v < OFFLINE_SINCE
                    ? Fact.unknown("systemd-analyze " + v + " has no security --offline (needs systemd " + OFFLINE_SINCE + "); no exposure score")
                    : securityRun(List.of("systemd-analyze", "security", "--no-pager", "--offline=true", root, name));
            return new UnitAnalysis(version, verify, security);
        } catch (java.io.UncheckedIOException e) {
            String why = "cannot place the unit inside the tree for systemd-analyze --root (" + e.getMessage() + "); not run";
            return new UnitAnalysis(version, Fact.unknown(why), Fact.unknown(why));
        }
    }

    /** Scratch file → host path, for the unit and (for a drop-in) the drop-in. */
    private record Paths(String scratchUnit, String hostUnit, String scratchDropIn, String hostDropIn, String treePrefix) {
        Paths(String scratchUnit, String hostUnit, String scratchDropIn, String hostDropIn) {
            this(scratchUnit, hostUnit, scratchDropIn, hostDropIn, null);
        }

        /** A path systemd-analyze printed, in host terms: a file of the tree loses the tree's directory. */
        String host(String file) {
            if (file.equals(scratchUnit)) return hostUnit;
            if (file.equals(scratchDropIn)) return hostDropIn;
            return treePrefix != null && file.startsWith(treePrefix + "/") ? file.substring(treePrefix.length()) : file;
        }
    }

    private static String unitName(RenderedUnit unit) {
        String p = unit.path();
        if (unit.kind() == RenderedUnit.Kind.UNIT) return p.substring(p.lastIndexOf('/') + 1);
        String dir = p.substring(0, p.lastIndexOf('/'));
        String d = dir.substring(dir.lastIndexOf('/') + 1);
        return d.substring(0, d.length() - 2);
    }

    private Fact<List<UnitAnalysis.VerifyMessage>> verify(Path unitFile, Paths paths, RenderedUnit unit, int version) {
        List<String> argv = new ArrayList<>(List.of("systemd-analyze", "verify", "--no-pager"));
        if (version >= 235) argv.add("--man=no");
        argv.add(unitFile.toString());
        return verifyRun(argv, paths, unit);
    }

    /** Runs verify ({@code argv}, its last word the unit) and maps every line back to host paths and spec fields. */
    private Fact<List<UnitAnalysis.VerifyMessage>> verifyRun(List<String> argv, Paths paths, RenderedUnit unit) {
        CommandResult r = runner.run(argv, TIMEOUT);
        if (!r.ran()) return Fact.unknown(r.problem());
        List<UnitAnalysis.VerifyMessage> out = new ArrayList<>();
        for (String line : (r.stderr() + "\n" + r.stdout()).split("\n")) {
            if (line.isBlank()) continue;
            out.add(verifyLine(line.strip(), paths, unit));
        }
        if (r.exitCode() != 0 && out.isEmpty()) {
            out.add(new UnitAnalysis.VerifyMessage(paths.hostUnit(), 0, Optional.empty(), "verify failed with exit " + r.exitCode() + " and no message"));
        }
        return Fact.of(List.copyOf(out), new Source.Command(String.join(" ", argv.subList(0, argv.size() - 1)) + " " + paths.hostUnit()));
    }

    static UnitAnalysis.VerifyMessage verifyLine(String line, Paths paths, RenderedUnit unit) {
        Matcher m = FILE_LINE.matcher(line);
        if (m.matches()) {
            String file = m.group(1);
            int n = Integer.parseInt(m.group(2));
            boolean ours = paths.scratchDropIn() == null ? file.equals(paths.scratchUnit()) : file.equals(paths.scratchDropIn());
            String host = paths.host(file);
            Optional<String> field = ours ? Optional.ofNullable(unit.lineFields().get(n)) : Optional.empty();
            return new UnitAnalysis.VerifyMessage(host, n, field, m.group(3));
        }
        Matcher u = UNIT_LINE.matcher(line);
        String text = u.matches() ? u.group(2) : line;
        // "Command /x is not executable: No such file or directory": about ExecStart=, whichever line it is on
        Optional<String> field = text.startsWith("Command ") && text.contains(" is not executable")
                && unit.lineFields().containsValue("exec") ? Optional.of("exec") : Optional.empty();
        text = text.replace(paths.scratchUnit(), paths.hostUnit());
        return new UnitAnalysis.VerifyMessage(u.matches() ? u.group(1) : paths.hostUnit(), 0, field, text);
    }

    private Fact<UnitAnalysis.Security> security(Path unitFile) {
        return securityRun(List.of("systemd-analyze", "security", "--no-pager", "--offline=true", unitFile.toString()));
    }

    private Fact<UnitAnalysis.Security> securityRun(List<String> argv) {
        CommandResult r = runner.run(argv, TIMEOUT);
        if (!r.ran()) return Fact.unknown(r.problem());
        return parseSecurity(r.stdout()).<Fact<UnitAnalysis.Security>>map(s -> Fact.of(s, new Source.Command("systemd-analyze security --offline=true UNIT")))
                .orElseGet(() -> Fact.unknown("no overall exposure in the output of " + r.problem()));
    }

    /** The table and the "Overall exposure level" line of {@code systemd-analyze security}. */
    static Optional<UnitAnalysis.Security> parseSecurity(String stdout) {
        List<UnitAnalysis.SecurityItem> items = new ArrayList<>();
        Double exposure = null;
        String rating = null;
        for (String line : stdout.split("\n")) {
            Matcher o = OVERALL.matcher(line);
            if (o.find()) {
                exposure = Double.parseDouble(o.group(1));
                rating = o.group(2);
                continue;
            }
            if (line.length() < 3 || line.strip().startsWith("NAME ")) continue;
            // ✗/✓ in a UTF-8 locale, "-"/"+" otherwise (systemd's ASCII glyph fallback)
            char mark = line.charAt(0);
            if (mark != '✗' && mark != '✓' && mark != '-' && mark != '+' && mark != ' ') continue;
            if (line.charAt(1) != ' ') continue;
            String rest = line.substring(1).strip();
            int sp = rest.indexOf(' ');
            if (sp < 0) continue;
            String name = rest.substring(0, sp);
            String desc = rest.substring(sp).strip();
            Optional<Double> exp = Optional.empty();
            Matcher e = ROW_EXPOSURE.matcher(desc);
            if (e.matches()) {
                desc = e.group(1);
                exp = Optional.of(Double.parseDouble(e.group(2)));
            }
            Optional<Boolean> passed = mark == '✓' || mark == '+' ? Optional.of(true) : mark == '✗' || mark == '-' ? Optional.of(false) : Optional.empty();
            items.add(new UnitAnalysis.SecurityItem(passed, name, desc, exp));
        }
        return exposure == null ? Optional.empty() : Optional.of(new UnitAnalysis.Security(exposure, rating, items));
    }
}
