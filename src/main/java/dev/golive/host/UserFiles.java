package dev.golive.host;

import dev.golive.model.GoliveException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * golive's own files on the admin's machine (not the inspected host's): the config file
 * and theme files the admin names. Kept here because only host touches the file system.
 */
public final class UserFiles {

    public record Text(String path, String content) { }

    private UserFiles() { }

    /** $XDG_CONFIG_HOME/golive/golive.properties, else ~/.config/golive/golive.properties. */
    public static Path configFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path dir = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home", "/"), ".config");
        return dir.resolve("golive").resolve("golive.properties");
    }

    /** The file's text, or empty when it does not exist; any other failure is an environment error. */
    public static Optional<Text> read(Path p) {
        try {
            return Optional.of(new Text(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw GoliveException.environment(p + ": cannot read: " + e.getMessage());
        }
    }
}
