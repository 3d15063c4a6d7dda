package dev.golive.apply;

import dev.golive.host.FaultPoints;

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
 * admin runs, and what can be killed for real ({@link Paused}: stopped at a fault point,
 * then sent SIGKILL from outside).
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
        pb.environment().remove(FaultPoints.ENV);
        pb.environment().remove(FaultPoints.READY_ENV);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return pb.start();
    }

    static ChildGolive exec(List<String> argv, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("golive-child", ".out"), err = Files.createTempFile("golive-child", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.environment().remove(FaultPoints.ENV);
            pb.environment().remove(FaultPoints.READY_ENV);
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

    /**
     * golive run with {@code faults} ({@code GOLIVE_FAULT}), one of whose points is armed
     * with {@code pause}: once the child stands there, {@link #kill} sends it SIGKILL
     * ({@link Process#destroyForcibly}: the kernel ends it, nothing of golive runs after) or
     * {@link #resume} lets it go on.
     */
    static final class Paused {
        final Process process;
        private final Path ready, out, err;

        private Paused(Process process, Path ready, Path out, Path err) {
            this.process = process;
            this.ready = ready;
            this.out = out;
            this.err = err;
        }

        static Paused start(Path scratch, String faults, String... args) throws IOException {
            Path dir = Files.createTempDirectory(scratch, "child");
            Path ready = dir.resolve("ready");
            Process p = ChildGolive.start(Map.of(FaultPoints.ENV, faults, FaultPoints.READY_ENV, ready.toString()),
                    dir.resolve("out"), dir.resolve("err"), args);
            return new Paused(p, ready, dir.resolve("out"), dir.resolve("err"));
        }

        /** Waits until the child stands at a pause point; the point's name. */
        String awaitPause() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready)) {
                if (!process.isAlive()) throw new AssertionError("golive ended before its pause point: exit " + process.exitValue() + "\n" + output());
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("golive never reached its pause point\n" + output());
                }
                Thread.sleep(5);
            }
            String[] pidAndPoint = Files.readString(ready).strip().split(" ", 2);
            if (Long.parseLong(pidAndPoint[0]) != process.pid()) throw new AssertionError("another process paused: " + pidAndPoint[0]);
            return pidAndPoint[1];
        }

        /** Lets the child go on from its pause point. */
        void resume() throws IOException { Files.delete(ready); }

        /** SIGKILL now, from outside; the exit status (137 when it was still running). */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("golive survived SIGKILL");
            return process.exitValue();
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out\n" + output());
            }
            return process.exitValue();
        }

        String output() {
            try {
                return "stdout: " + Files.readString(out) + "\nstderr: " + Files.readString(err);
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }
    }

    @Override public String toString() { return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err; }
}
