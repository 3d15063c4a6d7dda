package dev.golive.plan;

import java.util.Optional;

/**
 * What is at one owned path now: its content (empty when the file does not exist), mode and
 * owner. The planner compares it with what the profile wants; the apply refuses a plan
 * whose {@code before} no longer matches.
 */
public record OwnedFileState(String path, Optional<String> content, int mode, String owner, String group) {

    public static OwnedFileState absent(String path) { return new OwnedFileState(path, Optional.empty(), 0, "", ""); }

    public static OwnedFileState of(String path, String content) { return new OwnedFileState(path, Optional.of(content), 0644, "root", "root"); }

    public boolean exists() { return content.isPresent(); }
}
