package dev.golive.apply;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real golive (dev.golive.Main on this test run's class path) in its own JVM: what an
 * admin runs, and what can be killed for real. {@code prefix} runs it under another
 * program (unshare).
 */
record ChildGolive(int exit, String out, String err) {

    static List<String> javaArgv() {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "dev.golive.Main"));
        return argv;
    }

    static ChildGolive run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> argv = javaArgv();
        argv.addAll(List.of(args));
        return exec(argv, env);
    }

    static Process start(Map<String, String> env, Path out, Path err, String... args) throws IOException {
        List<String> argv = javaArgv();
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().remove("GOLIVE_FAULT");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return pb.start();
    }

    static ChildGolive exec(List<String> argv, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("golive-child", ".out"), err = Files.createTempFile("golive-child", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.environment().remove("GOLIVE_FAULT");
            pb.environment().putAll(env);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + argv);
            }
            return new ChildGolive(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override public String toString() { return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err; }
}
