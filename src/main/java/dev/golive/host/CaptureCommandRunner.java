package dev.golive.host;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Answers commands from a capture's manifest and never starts a process. A recorded
 * command "ran" with its recorded stdout, stderr and exit code (0 unless recorded); anything else is reported as not in
 * the capture, which the probes turn into an Unknown.
 */
public final class CaptureCommandRunner implements CommandRunner {

    private final CaptureManifest manifest;
    private final AccessLog log;
    /** What an unrecorded command is: "not in capture", or for a target tree why nothing runs. */
    private final String absent;

    /** Why a command has no answer in a capture: it was not recorded there. */
    public static final String NOT_IN_CAPTURE = "not in capture";

    public CaptureCommandRunner(CaptureManifest manifest, AccessLog log) { this(manifest, log, NOT_IN_CAPTURE); }

    /** For a target tree: nothing recorded, and every command answered with {@code absent}. */
    public CaptureCommandRunner(CaptureManifest manifest, AccessLog log, String absent) {
        this.manifest = manifest;
        this.log = log;
        this.absent = absent;
    }

    @Override public boolean startsProcesses() { return false; }

    @Override public CommandResult run(List<String> argv, Duration timeout) {
        String key = String.join(" ", argv);
        String out = manifest.commands().get(key);
        if (out == null && argv.equals(List.of("uname", "-m")) && manifest.machine() != null) out = manifest.machine() + "\n";
        if (out == null && argv.equals(List.of("uname", "-r")) && manifest.release() != null) out = manifest.release() + "\n";
        if (out == null && manifest.notFound().contains(key)) {
            log.command(key, -1, Duration.ZERO, "not installed (from capture)");
            return CommandResult.failed(argv, ProcessCommandRunner.NOT_FOUND);
        }
        if (out == null) {
            log.command(key, -1, Duration.ZERO, absent);
            return CommandResult.failed(argv, absent);
        }
        int exit = manifest.exitCodes().getOrDefault(key, 0);
        log.command(key, exit, Duration.ZERO, "from capture");
        return new CommandResult(argv, exit, out, manifest.stderr().getOrDefault(key, ""), Duration.ZERO, Optional.empty());
    }
}
