package dev.golive.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LookScript} run for real, by a shell of this machine, over a tree that stands in for a
 * host's "/": each host path is given as the tree's path (the tree holds only relative links, so
 * nothing leads out of it), and the answer is handed over as the command module registers it.
 */
public final class LookRuns {

    private LookRuns() { }

    static final ObjectMapper JSON = new ObjectMapper();

    /** The shells to run it with: sh, and busybox's (with its own base64, readlink, stat, ls, tr, grep and head) when busybox is installed. */
    public record Shell(String name, List<String> argv, Map<String, String> env) { }

    /** This machine's sh, with the tools on its PATH. */
    public static final Shell SH = new Shell("sh", List.of("sh"), Map.of());

    public static List<Shell> shells(Path scratch) throws IOException {
        List<Shell> shells = new ArrayList<>(List.of(SH));
        Path busybox = busybox();
        if (busybox != null) {
            // the tools as busybox's applets, first on PATH (scripts, not links: a link out of a temp dir is not for JUnit to clean)
            Path bin = Files.createDirectories(scratch.resolve("busybox-bin"));
            for (String applet : List.of("base64", "readlink", "stat", "ls", "tr", "grep", "head")) {
                Path w = bin.resolve(applet);
                Files.writeString(w, "#!/bin/sh\nexec '" + busybox + "' " + applet + " \"$@\"\n");
                w.toFile().setExecutable(true);
            }
            shells.add(new Shell("busybox", List.of(busybox.toString(), "sh"), Map.of("PATH", bin + ":" + System.getenv("PATH"))));
        }
        return List.copyOf(shells);
    }

    private static Path busybox() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, "busybox");
            if (Files.isExecutable(p)) return p.toAbsolutePath();
        }
        return null;
    }

    /** One batch run: {@code sh -c SCRIPT golive-look MODE TREE/PATH...}, as the command module registers it. */
    public static ObjectNode run(Shell shell, Path tree, String mode, List<String> hostPaths) throws IOException, InterruptedException {
        return run(shell, tree, List.of(mode), hostPaths);
    }

    /** The excerpts cut: {@code sh -c SCRIPT golive-look excerpt TREE/PATH MAX PATTERN...}, its item the wants, as the playbook registers it. */
    public static ObjectNode run(Shell shell, Path tree, List<CaptureWants.Excerpt> xs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(LookScript.EXCERPT));
        for (CaptureWants.Excerpt x : xs) args.addAll(List.of(tree + x.path(), Long.toString(x.max()), x.pattern()));
        ObjectNode r = run(shell, Path.of(""), args, List.of());
        ArrayNode item = r.putArray("item");
        for (CaptureWants.Excerpt x : xs) item.addObject().put("path", x.path()).put("max", x.max()).put("pattern", x.pattern());
        return r;
    }

    private static ObjectNode run(Shell shell, Path tree, List<String> modeArgs, List<String> hostPaths) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(shell.argv());
        argv.addAll(List.of("-c", LookScript.SCRIPT, "golive-look"));
        argv.addAll(modeArgs);
        for (String p : hostPaths) argv.add(tree + p);
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(shell.env());
        pb.environment().put("LC_ALL", "C");
        Path out = Files.createTempFile("look", ".out"), err = Files.createTempFile("look", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the look script did not finish in 60 s");
            }
            ObjectNode r = JSON.createObjectNode();
            ArrayNode item = r.putArray("item");
            hostPaths.forEach(item::add);
            r.put("rc", p.exitValue());
            r.put("start", "2026-12-07 21:00:00.000000");
            r.put("stdout", Files.readString(out, StandardCharsets.UTF_8));
            r.put("stderr", Files.readString(err, StandardCharsets.UTF_8));
            return r;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The round as the playbook hands it over: the wants, the batches of files and dirs, and {@code commands} (results). */
    public static String round(Shell shell, Path tree, CaptureWants wants, ArrayNode commands) throws IOException, InterruptedException {
        ObjectNode round = JSON.createObjectNode();
        round.set("asked", wants.toJsonNode());
        for (String mode : List.of(LookScript.FILES, LookScript.DIRS)) {
            List<String> paths = mode.equals(LookScript.FILES) ? wants.files() : wants.dirs();
            ArrayNode results = round.putObject(mode).putArray("results");
            for (int i = 0; i < paths.size(); i += 200) results.add(run(shell, tree, mode, paths.subList(i, Math.min(paths.size(), i + 200))));
        }
        ArrayNode excerpts = round.putObject("excerpts").putArray("results");
        if (!wants.excerpts().isEmpty()) excerpts.add(run(shell, tree, wants.excerpts()));
        round.putObject("commands").set("results", commands);
        return round.toString();
    }

    /** A host tree: unit files, a sysctl.d link, and a directory of every awkward kind of name and file. */
    public static Path awkwardTree(Path t) throws Exception {
        Files.createDirectories(t.resolve("usr/lib/systemd/system"));
        Files.writeString(t.resolve("usr/lib/systemd/system/api.service"), "[Service]\nExecStart=/usr/local/bin/api\n");
        Files.createDirectories(t.resolve("etc/sysctl.d"));
        Files.writeString(t.resolve("etc/hostname"), "web1\n");
        Files.writeString(t.resolve("etc/sysctl.conf"), "vm.swappiness = 10\n");
        Files.createSymbolicLink(t.resolve("etc/sysctl.d/99-sysctl.conf"), Path.of("../sysctl.conf"));
        Path d = Files.createDirectories(t.resolve("d/sub"));
        d = d.getParent();
        for (String n : List.of("a b", "nl\nname", "*", "-dash", ".hidden", "..dots", "back\\slash", "é", "trailing\n", "empty")) {
            Files.writeString(d.resolve(n), n.equals("empty") ? "" : "content of " + n + "\n");
        }
        Files.write(d.resolve("binary"), new byte[] {0, 1, 2, (byte) 0xff, '\n', 0});
        Files.write(d.resolve("big"), new byte[(int) CaptureWriter.MAX_LISTED_FILE + 1]);
        Files.write(d.resolve("justfits"), new byte[(int) CaptureWriter.MAX_LISTED_FILE]);
        Files.createSymbolicLink(d.resolve("rel"), Path.of("a b"));
        Files.createSymbolicLink(d.resolve("masked"), Path.of("/dev/null"));
        // golive capture reads the tree as "/", where the masked link's /dev/null is this one; the script reads this machine's
        Files.createDirectories(t.resolve("dev"));
        Files.write(t.resolve("dev/null"), new byte[0]);
        Files.createSymbolicLink(d.resolve("dangling"), Path.of("nowhere"));
        Files.createSymbolicLink(d.resolve("linkdir"), Path.of("sub"));
        Files.createSymbolicLink(d.resolve("weird"), Path.of("we\nird "));
        // what Java cannot name: a fifo (never read: it would block) and a name that is not UTF-8
        Process p = new ProcessBuilder("sh", "-c", "mkfifo \"$1/fifo\" && printf x > \"$1/$(printf 'bad\\377byte')\"", "sh", d.toString()).start();
        assertThat(p.waitFor()).isZero();
        try (var names = Files.list(d)) {
            assertThat(names.count()).as("every name was made").isEqualTo(21);
        }
        return t;
    }

}
