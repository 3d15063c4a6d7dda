package dev.golive.inspect;

import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.model.Fact;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listening ports from /proc/net/tcp and tcp6 as the kernel prints them: listeners first,
 * then the established hash, where reading stops. Fixture text in temp trees, and the same
 * text through the live host's chunked read (a temp tree standing for "/").
 */
class NetworkProbeTest {

    @TempDir Path tmp;

    private static final String HEAD4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    private static final String HEAD6 = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    private static String line(int sl, String local, String remote, String st) {
        return String.format("%4d: %s %s %s 00000000:00000000 00:00000000 00000000     0        0 %d 1 0000000000000000 100 0 0 10 0%n",
                sl, local, remote, st, 1000 + sl);
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<DirectoryHostRoot> roots() throws IOException {
        Path tree = tmp.toRealPath();
        return List.of(new DirectoryHostRoot(tree, false, "tree", new AccessLog()), new DirectoryHostRoot(tree, true, "/", new AccessLog()));
    }

    @Test void listenersOfBothFamiliesSortedOnce() throws IOException {
        write("/proc/net/tcp", HEAD4 + line(0, "00000000:1F90", "00000000:0000", "0A") + line(1, "0100007F:0016", "00000000:0000", "0A")
                + line(2, "0100007F:0016", "0100007F:D431", "01"));
        write("/proc/net/tcp6", HEAD6 + line(0, "00000000000000000000000000000000:1F90", "00000000000000000000000000000000:0000", "0A"));
        for (DirectoryHostRoot root : roots()) {
            assertThat(NetworkProbe.probe(root).listeningTcpPorts())
                    .isEqualTo(Fact.of(List.of(22, 8080), new Source.Derived("LISTEN sockets in /proc/net/tcp and /proc/net/tcp6")));
        }
    }

    @Test void theFirstSocketInAnotherStateEndsTheListeners() throws IOException {
        // past the listening hash the kernel prints no listener: what follows is not read
        StringBuilder t = new StringBuilder(HEAD4).append(line(0, "00000000:0050", "00000000:0000", "0A"));
        for (int i = 1; i < 200; i++) t.append(line(i, "0A00000F:0050", String.format("0A0000%02X:C000", i % 256), i % 2 == 0 ? "01" : "06"));
        t.append(line(200, "00000000:1F91", "00000000:0000", "0A"));
        write("/proc/net/tcp", t.toString());
        for (DirectoryHostRoot root : roots()) {
            assertThat(NetworkProbe.probe(root).listeningTcpPorts().opt()).contains(List.of(80));
        }
    }

    @Test void pendingConnectionsAmongTheListenersOfAnOldKernelDoNotEndThem() throws IOException {
        // before Linux 4.4 a listener's SYN_RECV requests followed it inside the listening part
        write("/proc/net/tcp", HEAD4 + line(0, "00000000:0050", "00000000:0000", "0A") + line(1, "0A00000F:0050", "0A000010:C350", "03")
                + line(2, "00000000:01BB", "00000000:0000", "0A") + line(3, "0A00000F:01BB", "0A000011:C351", "01"));
        for (DirectoryHostRoot root : roots()) {
            assertThat(NetworkProbe.probe(root).listeningTcpPorts().opt()).contains(List.of(80, 443));
        }
    }

    @Test void onlyTheHeaderMeansNoListener() throws IOException {
        write("/proc/net/tcp", HEAD4);
        write("/proc/net/tcp6", HEAD6);
        for (DirectoryHostRoot root : roots()) assertThat(NetworkProbe.probe(root).listeningTcpPorts().opt()).contains(List.of());
    }

    @Test void theHeaderAndListenerLinesAreNotPastTheListeners() {
        assertThat(NetworkProbe.pastListeners(HEAD4.strip())).isFalse();
        assertThat(NetworkProbe.pastListeners(HEAD6.strip())).isFalse();
        assertThat(NetworkProbe.pastListeners(line(0, "00000000:0050", "00000000:0000", "0A").strip())).isFalse();
        assertThat(NetworkProbe.pastListeners(line(0, "0A00000F:0050", "0A000010:C350", "03").strip())).isFalse();
        assertThat(NetworkProbe.pastListeners(line(0, "0A00000F:0050", "0A000010:C350", "06").strip())).isTrue();
        assertThat(NetworkProbe.pastListeners("")).isFalse();
    }
}
