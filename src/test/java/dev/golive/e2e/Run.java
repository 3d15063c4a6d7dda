package dev.golive.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs ./scripts/golive (or any command) like a user at a shell, without a terminal. */
record Run(int exit, String out, String err) {

    static Path root() { return Path.of("").toAbsolutePath(); }

    static Run golive(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(root().resolve("scripts/golive").toString());
        argv.addAll(List.of(args));
        return run(argv);
    }

    static Run run(List<String> argv) throws IOException, InterruptedException {
        return run(argv, java.time.Duration.ofSeconds(120));
    }

    static Run run(List<String> argv, java.time.Duration limit) throws IOException, InterruptedException {
        return run(argv, limit, java.util.Map.of());
    }

    /** With these variables added to the environment. */
    static Run run(List<String> argv, java.time.Duration limit, java.util.Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(root().toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = java.nio.file.Files.createTempFile("golive-out", ".txt");
        Path err = java.nio.file.Files.createTempFile("golive-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + argv);
        }
        Run r = new Run(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        java.nio.file.Files.deleteIfExists(out);
        java.nio.file.Files.deleteIfExists(err);
        return r;
    }

    static boolean hasCommand(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, name))) return true;
        }
        return false;
    }
}
