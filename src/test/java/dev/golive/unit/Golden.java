package dev.golive.unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under src/test/resources/units/. A missing file is written and the test
 * fails (review it, then commit it); {@code -Dgolive.updateGolden=true} rewrites them all.
 */
final class Golden {
    private Golden() { }

    static Path dir() { return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/units"); }

    static void assertMatches(String name, String actual) {
        Path p = dir().resolve(name);
        try {
            if (!Files.exists(p) || Boolean.getBoolean("golive.updateGolden")) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, actual);
                if (!Boolean.getBoolean("golive.updateGolden")) throw new AssertionError("golden file written, review it: " + p);
                return;
            }
            assertThat(actual).as("golden " + name).isEqualTo(Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
