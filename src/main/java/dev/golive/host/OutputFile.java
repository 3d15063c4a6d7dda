package dev.golive.host;

import dev.golive.model.GoliveException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file golive writes for the user on this machine (a report, a diff saved with -o): never
 * on the inspected host's behalf. Written to a temporary file next to it and moved into
 * place, so an interrupted run leaves the old file or the new one, never half of one.
 */
public final class OutputFile {

    private OutputFile() { }

    public static void write(Path target, String content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw GoliveException.badInput(target + ": no such directory " + dir);
        if (Files.isDirectory(abs)) throw GoliveException.badInput(target + ": is a directory");
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw GoliveException.environment(target + ": cannot write: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp file is hidden and harmless; the error above is what matters
                }
            }
        }
    }
}
