package dev.golive.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs real processes with a timeout, no shell, stdin closed, LC_ALL=C so the output we
 * parse is the same on every host. Output is read on helper threads so a chatty command
 * cannot block on a full pipe.
 */
public final class ProcessCommandRunner implements CommandRunner {

    /** The failure of a command whose program does not exist (probes tell "not installed" from other failures by it). */
    public static final String NOT_FOUND = "not found or not executable";

    private final AccessLog log;
    private final Map<String, String> extraEnv;

    public ProcessCommandRunner(AccessLog log) { this(log, Map.of()); }

    public ProcessCommandRunner(AccessLog log, Map<String, String> extraEnv) {
        this.log = log;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    @Override public boolean startsProcesses() { return true; }

    @Override public CommandResult run(List<String> argv, Duration timeout) {
        return run(argv, Map.of(), timeout, null);
    }

    @Override public CommandResult run(List<String> argv, Map<String, String> env, Duration timeout, java.nio.file.Path workDir) {
        if (argv.isEmpty()) throw new IllegalArgumentException("empty argv");
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("LC_ALL", "C");
        pb.environment().putAll(extraEnv);
        pb.environment().putAll(env);
        if (workDir != null) pb.directory(workDir.toFile());
        // The access log shows what the command saw beyond golive's own environment.
        String envDetail = env.isEmpty() ? "" : "env " + new java.util.TreeMap<>(env)
                + (workDir == null ? "" : " in " + workDir);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            CommandResult r = CommandResult.failed(argv, NOT_FOUND);
            log.command(r.commandLine(), -1, Duration.ZERO, r.failure().get());
            return r;
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(2, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                log.command(String.join(" ", argv), -1, took, "timed out");
                return new CommandResult(argv, -1, "", "", took, Optional.of("timed out after " + timeout.toMillis() + " ms"));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            CommandResult r = new CommandResult(argv, p.exitValue(), out.join(), err.join(), took, Optional.empty());
            log.command(r.commandLine(), r.exitCode(), took, envDetail);
            return r;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return CommandResult.failed(argv, "interrupted");
        }
    }

    /**
     * One daemon thread per pipe: the common ForkJoin pool has parallelism 1 on a 2-core
     * machine, and draining stdout then stderr in turn can deadlock on a full pipe.
     */
    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.complete("");
            }
        }, "golive-pipe");
        t.setDaemon(true);
        t.start();
        return f;
    }
}
