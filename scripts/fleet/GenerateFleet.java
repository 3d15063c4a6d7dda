import dev.golive.host.Tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Generates a directory of N captures for `golive report --fleet` (scripts/bench's fleet section,
 * FleetAtScaleTest): copies of the fixture host src/test/resources/hosts/debian12-vm, each named
 * host-NNNN with its own hostname, capture time, free memory and file-nr (volatile facts), and a
 * few configuration outliers on a fixed pattern so a test can say which hosts must be named:
 * every 50th host has somaxconn 4096 live, every 100th THP "always", every 125th kernel
 * 6.1.0-21-amd64. Every 10th host is written as a .tar.gz capture, the others as directories.
 *
 * Run with golive's classes on the class path (for its tar writer):
 *   java -cp target/classes scripts/fleet/GenerateFleet.java OUT_DIR N [FIXTURE_DIR]
 */
public class GenerateFleet {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GenerateFleet OUT_DIR N [FIXTURE_DIR]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path fixture = Path.of(args.length > 2 ? args[2] : "src/test/resources/hosts/debian12-vm");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("golive-fleet-gen-");
        for (int i = 1; i <= n; i++) {
            String name = String.format("host-%04d", i);
            boolean archive = i % 10 == 0;
            Path dir = archive ? work.resolve(name) : out.resolve(name);
            copy(fixture, dir);
            vary(dir, name, i);
            if (archive) {
                Tar.create(dir, out.resolve(name + ".tar.gz"));
                delete(dir);
            }
        }
        delete(work);
        System.out.println("wrote " + n + " captures to " + out);
    }

    static void vary(Path dir, String name, int i) throws IOException {
        Path manifest = dir.resolve("golive-capture.json");
        String m = Files.readString(manifest)
                .replaceFirst("\"hostname\": \"[^\"]*\"", "\"hostname\": \"" + name + "\"")
                .replaceFirst("\"capturedAt\": \"[^\"]*\"", String.format("\"capturedAt\": \"2024-03-05T%02d:%02d:%02dZ\"", 9 + i / 3600, i / 60 % 60, i % 60));
        Files.writeString(dir.resolve("proc/sys/kernel/hostname"), name + "\n");
        Files.writeString(dir.resolve("proc/sys/fs/file-nr"), (1000 + i * 7) + "\t0\t9223372036854775807\n");
        Path meminfo = dir.resolve("proc/meminfo");
        Files.writeString(meminfo, Files.readString(meminfo).replaceFirst("MemAvailable: +\\d+ kB", "MemAvailable:    " + (7000000 + i * 13) + " kB"));
        if (i % 50 == 0) Files.writeString(dir.resolve("proc/sys/net/core/somaxconn"), "4096\n");
        if (i % 100 == 0) Files.writeString(dir.resolve("sys/kernel/mm/transparent_hugepage/enabled"), "[always] madvise never\n");
        if (i % 125 == 0) {
            m = m.replace("6.1.0-18-amd64", "6.1.0-21-amd64");
            for (String f : new String[] {"proc/sys/kernel/osrelease", "proc/cmdline"}) {
                Path p = dir.resolve(f);
                Files.writeString(p, Files.readString(p).replace("6.1.0-18-amd64", "6.1.0-21-amd64"));
            }
        }
        Files.writeString(manifest, m);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) Files.createSymbolicLink(t, Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
