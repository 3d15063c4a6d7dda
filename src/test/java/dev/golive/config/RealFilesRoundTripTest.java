package dev.golive.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof for issue 4: every systemd unit file and drop-in, every sysctl file and every
 * limits file on this machine parses and writes back byte for byte. Read-only; regular
 * files only (links are counted where they point, inside the same trees), nothing followed.
 * The counts go to target/roundtrip-counts.txt for the issue note.
 */
class RealFilesRoundTripTest {

    private static final List<String> SYSTEMD_TREES = List.of("/usr/lib/systemd/system", "/lib/systemd/system", "/etc/systemd");
    private static final List<String> SYSCTL_DIRS = List.of(
            "/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d");

    private record Outcome(int files, int entries, int problems, List<String> mismatches) { }

    @Test
    void everyRealConfigFileRoundTripsByteForByte() throws IOException {
        Set<Path> systemdFiles = regularFiles(SYSTEMD_TREES);
        Set<Path> sysctlFiles = regularFiles(SYSCTL_DIRS);
        Set<Path> sysctlConf = regularFiles(List.of("/etc/sysctl.conf"));
        Set<Path> limitsFiles = regularFiles(List.of("/etc/security/limits.conf", "/etc/security/limits.d"));

        Outcome units = roundTrip(systemdFiles, (p, t) -> {
            SystemdIni f = SystemdIni.parse(p, t);
            return new Object[] {f.render(), f.entries().size(), f.problems().size()};
        });
        Set<Path> allSysctl = new LinkedHashSet<>(sysctlFiles);
        allSysctl.addAll(sysctlConf);
        Outcome sysctl = roundTrip(allSysctl, (p, t) -> {
            SysctlFile f = SysctlFile.parse(p, t);
            return new Object[] {f.render(), f.assignments().size(), f.problems().size()};
        });
        Outcome limits = roundTrip(limitsFiles, (p, t) -> {
            LimitsFile f = LimitsFile.parse(p, t);
            return new Object[] {f.render(), f.entries().size(), f.errors().size()};
        });

        long unitFiles = systemdFiles.stream().filter(p -> !p.toString().endsWith(".conf") || p.getParent().toString().endsWith(".d")).count();
        String report = String.join("\n",
                "systemd INI files (unit files, drop-ins, /etc/systemd/*.conf): " + units.files()
                        + " (of which unit files and drop-ins: " + unitFiles + "), " + units.entries() + " assignments, "
                        + units.problems() + " syntax problems reported",
                "sysctl files (sysctl.d dirs + /etc/sysctl.conf): " + sysctl.files() + ", " + sysctl.entries()
                        + " assignments, " + sysctl.problems() + " invalid lines",
                "limits files (limits.conf + limits.d): " + limits.files() + ", " + limits.entries() + " entries, "
                        + limits.problems() + " malformed lines",
                "byte-for-byte mismatches: " + (units.mismatches().size() + sysctl.mismatches().size() + limits.mismatches().size()),
                "");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/roundtrip-counts.txt"), report);
        System.out.print(report);

        assertThat(units.mismatches()).isEmpty();
        assertThat(sysctl.mismatches()).isEmpty();
        assertThat(limits.mismatches()).isEmpty();
        // Debian 12 with systemd installed ships ~200 units; fewer means the proof did not run on real files
        assertThat(unitFiles).as("unit files found (is systemd installed?)").isGreaterThan(100);
        assertThat(sysctl.files()).as("sysctl files found").isGreaterThan(0);
    }

    private interface Codec { Object[] apply(String path, String text); }

    private static Outcome roundTrip(Set<Path> files, Codec codec) throws IOException {
        int entries = 0;
        int problems = 0;
        List<String> mismatches = new ArrayList<>();
        for (Path p : files) {
            byte[] bytes = Files.readAllBytes(p);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                mismatches.add(p + ": not valid UTF-8");
                continue;
            }
            Object[] r = codec.apply(p.toString(), text);
            if (!java.util.Arrays.equals(((String) r[0]).getBytes(StandardCharsets.UTF_8), bytes)) mismatches.add(p.toString());
            entries += (Integer) r[1];
            problems += (Integer) r[2];
        }
        return new Outcome(files.size(), entries, problems, mismatches);
    }

    /** Regular files under the given files/directories, each counted once by its real path. */
    private static Set<Path> regularFiles(List<String> roots) throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        Set<Path> seen = new java.util.HashSet<>();
        for (String r : roots) {
            Path root = Path.of(r);
            if (!Files.exists(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(p)) continue;
                    if (seen.add(p.toRealPath())) out.add(p);
                }
            }
        }
        return out;
    }

}
