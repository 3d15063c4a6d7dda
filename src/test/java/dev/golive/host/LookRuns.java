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

/**
 * {@link LookScript} run for real, by a shell of this machine, over a tree that stands in for a
 * host's "/": each host path is given as the tree's path (the tree holds only relative links, so
 * nothing leads out of it), and the answer is handed over as the command module registers it.
 */
public final class LookRuns {

    private LookRuns() { }

    static final ObjectMapper JSON = new ObjectMapper();

    /** The shells to run it with: sh, and busybox's (with its own base64, readlink, stat and ls) when busybox is installed. */
    public record Shell(String name, List<String> argv, Map<String, String> env) { }

    /** This machine's sh, with the tools on its PATH. */
    public static final Shell SH = new Shell("sh", List.of("sh"), Map.of());

    public static List<Shell> shells(Path scratch) throws IOException {
        List<Shell> shells = new ArrayList<>(List.of(SH));
        Path busybox = busybox();
        if (busybox != null) {
            Path bin = Files.createDirectories(scratch.resolve("busybox-bin"));
            for (String applet : List.of("sh", "base64", "readlink", "stat", "ls")) {
                Path l = bin.resolve(applet);
                if (!Files.exists(l, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(l, busybox);
            }
            shells.add(new Shell("busybox", List.of(bin.resolve("sh").toString()), Map.of("PATH", bin + ":" + System.getenv("PATH"))));
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
        List<String> argv = new ArrayList<>(shell.argv());
        argv.addAll(List.of("-c", LookScript.SCRIPT, "golive-look", mode));
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
        round.putObject("commands").set("results", commands);
        return round.toString();
    }
}
