package dev.golive.ui.cli;

import dev.golive.host.RootSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every subcommand × every option golive also reads before a subcommand, in both places, for
 * real against a temp tree: an option before the subcommand does what it does after it, or is
 * refused with exit 2 naming it; an empty or missing value is exit 2. The whole table runs with
 * golive's live-host interlock on ({@link RootSpec#NO_LIVE_PROPERTY}): a run that reached for the
 * live host instead of the tree would fail with exit 3 saying so, and could not touch "/".
 */
class OptionsBeforeSubcommandTest {

    @TempDir static Path work;
    static Path tree;
    static Path goMod;
    static Path answers;

    /** A subcommand with the arguments it needs to do its job; {@code takesRoot}: it reads a host given by --root. */
    record Sub(String name, boolean takesRoot, String... args) { }

    /** An option golive reads at the top level, and a value for it (null: a flag). */
    record Opt(String name, String value) {
        List<String> words() { return value == null ? List.of(name) : List.of(name, value); }
    }

    static List<Sub> subcommands() {
        return List.of(
                new Sub("inspect", true),
                new Sub("capture", false, "-o", work.resolve("cap").toString()),
                new Sub("check", true),
                new Sub("explain", false, "NET-TW-RECYCLE"),
                new Sub("build", false, "--module", work.resolve("nomodule").toString()),
                new Sub("unit", true, "--exec", "/usr/local/bin/api", "--no-analyze"),
                new Sub("profiles", true),
                new Sub("recommend", true),
                new Sub("plan", true, "--profile", "web-api"),
                new Sub("apply", true, "--profile", "web-api", "--yes"),
                new Sub("rollback", true, "--last", "--yes"),
                new Sub("recover", true),
                new Sub("snapshots", true),
                new Sub("snapshots show", true, "20990101-000000-0000"),
                new Sub("snapshots prune", true, "--keep", "1"),
                new Sub("report", true),
                new Sub("diff", false, "TREE", "TREE"),
                new Sub("guide", true, "--answers", "ANSWERS"),
                new Sub("export", true, "--format", "shell", "--profile", "web-api"));
    }

    static List<Opt> options() {
        return List.of(new Opt("--root", "TREE"), new Opt("--service", "api"), new Opt("--read-only", null),
                new Opt("--theme", "light"), new Opt("--no-color", null), new Opt("--debug", null), new Opt("--go-mod", "GOMOD"));
    }

    record Run(int exit, String out, String err) {
        String all() { return out + err; }
    }

    /** Commands that may change the tree: each of their runs starts from a fresh copy. */
    static final java.util.Set<String> WRITERS = java.util.Set.of("apply", "rollback", "recover", "prune", "guide");

    @BeforeAll static void interlock() throws Exception {
        System.setProperty(RootSpec.NO_LIVE_PROPERTY, "true");
        tree = work.resolve("tree");
        goMod = Files.createDirectories(work.resolve("mod"));
        Files.writeString(goMod.resolve("go.mod"), "module example.com/api\n\ngo 1.22\n");
        answers = work.resolve("answers.yaml");
        freshTree();
        Files.writeString(answers, "fix: none\nprofile: base\nservice: no\napply: no\n");
    }

    @AfterAll static void release() { System.clearProperty(RootSpec.NO_LIVE_PROPERTY); }

    /** A fresh target tree at the same path for every run, so apply and rollback start alike. */
    static void freshTree() throws Exception {
        if (Files.exists(tree)) RootSpec.deleteTree(tree);
        Path src = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/hosts/debian12-vm");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = tree.resolve(src.relativize(p).toString());
                if (Files.isSymbolicLink(p)) Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (!p.getFileName().toString().equals("golive-capture.json")) Files.copy(p, t);
            }
        }
    }

    static String fill(String w) {
        return w.replace("TREE", tree.toString()).replace("GOMOD", goMod.toString()).replace("ANSWERS", answers.toString());
    }

    static Run golive(List<String> words) throws Exception {
        if (words.stream().anyMatch(WRITERS::contains)) freshTree();
        String[] args = words.stream().map(OptionsBeforeSubcommandTest::fill).toArray(String[]::new);
        CommandLine cl = Cli.commandLineFor(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, normalize(out.toString()), normalize(err.toString()));
    }

    /** Plan and snapshot ids and times differ from run to run; nothing else may. */
    static String normalize(String s) {
        return s.replaceAll("(?m)^\\s+at .*\n", "").replaceAll("(?m)^\\s+\\.\\.\\. \\d+ more\n", "").replaceAll("\\d{8}-\\d{6}-[0-9a-f]{4}", "ID")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?", "TIME")
                .replaceAll("\\d+(\\.\\d+)? ?(ms|s)\\b", "N ms");
    }

    /** Whether the command that runs has this option at all (picocli's own model, not a list kept here). */
    static final CommandLine TREE_OF_COMMANDS = Cli.commandLine();

    static boolean accepts(Sub sub, Opt opt) {
        CommandLine cl = TREE_OF_COMMANDS;
        for (String part : sub.name().split(" ")) cl = cl.getSubcommands().get(part);
        return cl.getCommandSpec().findOption(opt.name()) != null;
    }

    static List<String> before(Sub sub, Opt opt) {
        List<String> w = new ArrayList<>(opt.words());
        w.addAll(List.of(sub.name().split(" ")));
        if (sub.takesRoot() && !opt.name().equals("--root")) w.addAll(List.of("--root", "TREE"));
        w.addAll(List.of(sub.args()));
        return w;
    }

    static List<String> after(Sub sub, Opt opt) {
        List<String> w = new ArrayList<>(List.of(sub.name().split(" ")));
        if (sub.takesRoot() && !opt.name().equals("--root")) w.addAll(List.of("--root", "TREE"));
        w.addAll(List.of(sub.args()));
        w.addAll(opt.words());
        return w;
    }

    @TestFactory
    Stream<DynamicTest> anOptionBeforeTheSubcommandDoesWhatItDoesAfterItOrIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Sub sub : subcommands()) {
            for (Opt opt : options()) {
                tests.add(DynamicTest.dynamicTest("golive " + opt.name() + " " + sub.name(), () -> {
                    Run b = golive(before(sub, opt));
                    Run a = golive(after(sub, opt));
                    if (!sub.name().equals("capture")) { // capture reads the live host by design: the interlock stops it
                        assertThat(b.all()).as("before").doesNotContain(RootSpec.NO_LIVE_ENV);
                        assertThat(a.all()).as("after").doesNotContain(RootSpec.NO_LIVE_ENV);
                    }
                    if (!accepts(sub, opt)) {
                        assertThat(b.exit()).as("before: " + b.err()).isEqualTo(2);
                        assertThat(b.err()).contains(opt.name());
                        assertThat(a.exit()).as("after: " + a.err()).isEqualTo(2);
                        assertThat(a.err()).contains(opt.name());
                        return;
                    }
                    assertThat(b.exit()).as("exit before vs after: " + b.err() + " | " + a.err()).isEqualTo(a.exit());
                    assertThat(b.out()).as("stdout before vs after").isEqualTo(a.out());
                    assertThat(b.err()).as("stderr before vs after").isEqualTo(a.err());
                    if (opt.name().equals("--root") && b.exit() != 2) {
                        // the tree is named wherever the command names its host, and the live host never is
                        assertThat(b.all()).doesNotContain("(/)").doesNotContain("vm (/)");
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> anEmptyOrMissingValueIsRefusedInBothPlaces() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Sub sub : subcommands()) {
            for (Opt opt : options()) {
                if (opt.value() == null || !accepts(sub, opt)) continue;
                tests.add(DynamicTest.dynamicTest("golive " + opt.name() + " '' " + sub.name(), () -> {
                    Opt empty = new Opt(opt.name(), "");
                    for (List<String> words : List.of(before(sub, empty), after(sub, empty))) {
                        Run r = golive(words);
                        assertThat(r.exit()).as(String.join(" ", words) + ": " + r.err()).isEqualTo(2);
                        assertThat(r.err()).contains(opt.name()).doesNotContain(RootSpec.NO_LIVE_ENV);
                    }
                    // a value left out: the option is last and has nothing after it
                    List<String> missing = new ArrayList<>(after(sub, opt));
                    missing.remove(missing.size() - 1);
                    Run r = golive(missing);
                    assertThat(r.exit()).as(String.join(" ", missing) + ": " + r.err()).isEqualTo(2);
                    assertThat(r.err()).contains(opt.name());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aRootBeforeTheSubcommandIsTheHostThatIsInspected() throws Exception {
        Run r = golive(List.of("--root", "TREE", "inspect"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(tree.toString());
        Run missing = golive(List.of("--root", work.resolve("nonexistent").toString(), "inspect"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("golive: " + work.resolve("nonexistent") + ": no such file or directory\n");
    }

    @Test
    void applyWithARootBeforeTheSubcommandWritesTheTree() throws Exception {
        Run r = golive(List.of("--root", "TREE", "apply", "--profile", "web-api", "--yes"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(tree.resolve("etc/sysctl.d/60-golive.conf")).exists();
        assertThat(tree.resolve("var/lib/golive/snapshots")).isDirectory();
    }

    @Test
    void anOptionBeforeHelpIsRefusedNotIgnored() throws Exception {
        // picocli's own help command takes no options: what would --root even mean there
        Run r = golive(List.of("--root", "TREE", "help", "inspect"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("golive: --root does not apply to golive help (see golive help --help)\n");
    }

    @Test
    void aRootGivenTwiceWithDifferentValuesIsRefused() throws Exception {
        Run r = golive(List.of("--root", "TREE", "snapshots", "--root", work.toString(), "prune", "--keep", "1"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("golive: --root is given twice with different values");
    }

    @Test
    void aRootBetweenNestedSubcommandsReachesTheOneThatRuns() throws Exception {
        Run r = golive(List.of("snapshots", "--root", "TREE", "show", "20990101-000000-0000"));
        Run same = golive(List.of("snapshots", "show", "--root", "TREE", "20990101-000000-0000"));
        assertThat(r).isEqualTo(same);
        assertThat(r.err()).doesNotContain(RootSpec.NO_LIVE_ENV);
    }

    @Test
    void theFullScreenUiRefusesAnEmptyValueBeforeOpeningAnything() {
        for (String opt : List.of("--root", "--theme", "--service", "--go-mod", "--manifest")) {
            FullScreenArgs a = FullScreenArgs.parse(new String[] {opt, ""}).orElseThrow();
            org.assertj.core.api.Assertions.assertThatThrownBy(a::refuseEmpty)
                    .isInstanceOf(dev.golive.model.GoliveException.class).hasMessageStartingWith(opt + " is empty");
        }
    }

    @Test
    void anErrorWithANewlineStaysOneLineAndSaysEverything() {
        assertThat(Cli.oneLine("--service: \"api\nfoo\" is not a unit name")).isEqualTo("--service: \"api\\nfoo\" is not a unit name");
        assertThat(Cli.oneLine("x: \u001b]0;pwned\u0007")).isEqualTo("x: \\e]0;pwned\\x07");
    }
}
