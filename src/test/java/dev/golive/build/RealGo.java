package dev.golive.build;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tests that need the real Go toolchain. On CI (CI=true; scripts/test installs golang-go) a
 * missing `go` fails the test; on a developer machine without Go the test is skipped.
 */
public final class RealGo {
    private RealGo() { }

    public static void require() {
        dev.golive.host.RealTool.require("the Go toolchain", "golang-go", "go", "version");
    }

    /** A copy of the fixture module src/test/resources/gomod/NAME in dir; returns the module dir. */
    public static Path copyFixture(String name, Path dir) {
        Path from = Path.of("src/test/resources/gomod", name);
        Path to = dir.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** Every regular file under dir, relative, sorted. */
    public static List<String> filesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
