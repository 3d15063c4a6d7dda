package dev.golive.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Debian package as an admin gets it: scripts/package builds the .deb, `dpkg -i`
 * installs it on this (disposable) test machine, golive runs from /usr/bin with its AppCDS
 * archive valid for the installed jar, and `dpkg -r` removes every trace but the snapshots.
 */
class PackageIT {

    @AfterAll
    static void purge() throws Exception {
        // leave no package behind even when an assertion failed half-way
        if (isRoot() && Run.hasCommand("dpkg")) Run.run(List.of("dpkg", "--purge", "golive"));
    }

    @Test
    void buildInstallRunRemove() throws Exception {
        assumeTrue(Run.hasCommand("dpkg-deb") && Run.hasCommand("dpkg"), "dpkg-deb/dpkg are not installed: not a Debian machine");
        assumeTrue(isRoot(), "dpkg -i needs root (CI runs the suite as root on a disposable machine)");

        Run build = Run.run(List.of(Run.root().resolve("scripts/package").toString()));
        assertThat(build.exit()).as(build.err()).isZero();
        Matcher m = Pattern.compile("^(target/golive_(\\S+)_all\\.deb) (\\d+) bytes").matcher(build.out());
        assertThat(m.find()).as(build.out()).isTrue();
        Path deb = Run.root().resolve(m.group(1));
        long size = Long.parseLong(m.group(3));
        assertThat(Files.size(deb)).isEqualTo(size);
        System.out.println("package size: " + size + " bytes (" + deb.getFileName() + ")");
        // the jar is most of it; a runaway (a bundled JDK, the build directory) would be far bigger
        assertThat(size).isBetween(1_000_000L, 40_000_000L);

        Run info = Run.run(List.of("dpkg-deb", "--field", deb.toString(), "Depends", "Architecture"));
        assertThat(info.out()).contains("Depends: openjdk-17-jre-headless", "Architecture: all");
        Run list = Run.run(List.of("dpkg-deb", "--contents", deb.toString()));
        assertThat(list.out()).contains("./usr/bin/golive", "./usr/share/golive/golive.jar", "./usr/share/golive/profiles/",
                "./usr/share/golive/themes/", "./usr/share/man/man1/golive.1.gz", "./usr/share/bash-completion/completions/golive");

        Run install = Run.run(List.of("dpkg", "-i", deb.toString()));
        assertThat(install.exit()).as(install.out() + install.err()).isZero();

        Run version = Run.run(List.of("/usr/bin/golive", "--version"));
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("golive " + m.group(2) + "\n");
        Run inspect = Run.run(List.of("/usr/bin/golive", "inspect", "--json"));
        assertThat(inspect.exit()).as(inspect.err()).isZero();
        assertThat(inspect.out()).startsWith("{").contains("\"schema\" : 1", "\"kernelRelease\"");

        // postinst trained the archive for the installed jar: -Xshare:on refuses to start with an invalid one
        Path jsa = Path.of("/var/cache/golive/golive.jsa");
        assertThat(jsa).exists();
        Run cds = Run.run(List.of(javaOf17(), "-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss1m", "-jar", "/usr/share/golive/golive.jar", "--version"));
        assertThat(cds.exit()).as("archive valid for the installed jar: " + cds.out() + cds.err()).isZero();
        assertThat(Files.readAllBytes(Path.of("/usr/share/bash-completion/completions/golive"))).isNotEmpty();

        Run remove = Run.run(List.of("dpkg", "-r", "golive"));
        assertThat(remove.exit()).as(remove.out() + remove.err()).isZero();
        assertThat(Path.of("/usr/bin/golive")).doesNotExist();
        assertThat(Path.of("/usr/share/golive")).doesNotExist();
        assertThat(Path.of("/var/cache/golive")).doesNotExist();
    }

    /** The JRE the launcher uses (the package depends on openjdk-17-jre-headless). */
    static String javaOf17() throws Exception {
        try (var s = Files.newDirectoryStream(Path.of("/usr/lib/jvm"), "java-17-openjdk-*")) {
            for (Path p : s) if (Files.isExecutable(p.resolve("bin/java"))) return p.resolve("bin/java").toString();
        }
        return "java";
    }

    static boolean isRoot() { return "root".equals(System.getProperty("user.name")); }
}
