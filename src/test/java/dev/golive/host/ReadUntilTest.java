package dev.golive.host;

import dev.golive.model.Fact;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file read only up to the first line a caller does not want (the kernel's socket tables):
 * the live host's chunked read gives what a target tree's or a capture's whole-file read cut
 * at the same line gives, whatever the chunk boundaries. The live root is a temp tree here.
 */
class ReadUntilTest {

    @TempDir Path tmp;

    private static final Predicate<String> STOP = line -> line.startsWith("stop");

    private List<DirectoryHostRoot> roots() throws IOException {
        Path tree = tmp.toRealPath();
        return List.of(new DirectoryHostRoot(tree, true, "/", new AccessLog()),
                new DirectoryHostRoot(tree, false, tree.toString(), new AccessLog()));
    }

    private void write(String text) throws IOException {
        Files.createDirectories(tmp.resolve("proc/net"));
        Files.writeString(tmp.resolve("proc/net/t"), text);
    }

    @Test void keepsTheLinesBeforeTheFirstLineAskedToStopAt() throws IOException {
        write("head\na\nb\nstop 1\nc\nstop 2\n");
        for (DirectoryHostRoot root : roots()) {
            assertThat(root.readUntil("/proc/net/t", STOP)).isEqualTo(Fact.of("head\na\nb\n", Source.File.of("/proc/net/t")));
        }
    }

    @Test void keepsTheWholeFileWhenNoLineStopsIt() throws IOException {
        for (String text : List.of("", "a\n", "a\nb", "a\n\nb\n", "a\nx stop\n")) {
            write(text);
            for (DirectoryHostRoot root : roots()) assertThat(root.readUntil("/proc/net/t", STOP).opt()).as(text).contains(text);
        }
    }

    @Test void aLastLineWithoutItsNewlineStopsAsAnyOther() throws IOException {
        write("a\nstop");
        for (DirectoryHostRoot root : roots()) assertThat(root.readUntil("/proc/net/t", STOP).opt()).contains("a\n");
    }

    @Test void cutsAtTheSameLineAcrossChunkBoundariesAndGrowth() throws IOException {
        // lines of 150 bytes as the kernel pads them; the stop line far past the first 16 KiB
        // read, and once split across two reads
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 400; i++) b.append(String.format("%-149s%n", "   " + i + ": listener"));
        String before = b.toString();
        for (String pad : List.of("", "x".repeat(16384 - before.length() % 16384 - 3))) {
            String kept = before + (pad.isEmpty() ? "" : pad + "\n");
            write(kept + "stop here, then more\n" + "after\n".repeat(1000));
            for (DirectoryHostRoot root : roots()) assertThat(root.readUntil("/proc/net/t", STOP).opt()).contains(kept);
        }
    }

    @Test void aMissingFileIsUnknownWithItsReasonAndLogsAsARead() throws IOException {
        for (DirectoryHostRoot root : roots()) {
            assertThat(root.readUntil("/proc/net/none", STOP)).isEqualTo(Fact.unknown("/proc/net/none: no such file"));
        }
        write("a\nstop\nb\n");
        DirectoryHostRoot live = roots().get(0);
        live.readUntil("/proc/net/t", STOP);
        assertThat(live.log().entries()).extracting(AccessLog.Entry::what, AccessLog.Entry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/proc/net/t", "ok"));
    }
}
