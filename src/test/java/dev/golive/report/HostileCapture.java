package dev.golive.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the debian12-vm capture whose os-release and hostname carry terminal escapes, as
 * a capture someone hands a reviewer could: an OSC that sets the window title (ESC ] … BEL)
 * and a CSI that clears the screen.
 */
public final class HostileCapture {
    private HostileCapture() { }

    public static final String TITLE = "\u001b]0;pwned\u0007";
    public static final String CLEAR = "\u001b[2J";
    /** How golive shows them. */
    public static final String TITLE_SHOWN = "\\e]0;pwned\\x07";
    public static final String CLEAR_SHOWN = "\\e[2J";

    public static Path under(Path tmp) throws IOException {
        Path src = Path.of("src/test/resources/hosts/debian12-vm").toAbsolutePath();
        Path dst = tmp.resolve("hostile");
        try (Stream<Path> all = Files.walk(src)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        Path osRelease = dst.resolve("etc/os-release");
        String os = Files.readString(osRelease).replace("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"",
                "PRETTY_NAME=\"Debian " + TITLE + "12" + CLEAR + "\"");
        Files.writeString(osRelease, os, StandardCharsets.UTF_8);
        Files.writeString(dst.resolve("proc/sys/kernel/hostname"), "api" + TITLE + "-1" + CLEAR + "\n", StandardCharsets.UTF_8);
        Path manifest = dst.resolve("golive-capture.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"hostname\": \"api-1\"", "\"hostname\": \"api\\u001b]0;pwned\\u0007-1\\u001b[2J\""));
        return dst;
    }

    /** No ESC, BEL or other C0 control except newline and tab. */
    public static boolean hasRawControl(String s) {
        return s.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f));
    }
}
