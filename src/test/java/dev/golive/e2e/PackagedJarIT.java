package dev.golive.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar golive ships (target/golive.jar, built by mvn package with shade's minimizeJar)
 * carries only classes some path from golive's own classes reaches, no dependency nothing
 * uses, and the paths that load libraries by reflection still work from it: the Kubernetes
 * export and manifest check (fabric8's model and its Jackson 3 deserializers), the log file
 * (SLF4J finds logback through META-INF/services), the man page (picocli-codegen).
 */
class PackagedJarIT {

    private static final Path JAR = Run.root().resolve("target/golive.jar");

    /** Libraries kept whole (pom.xml's shade filters): they instantiate classes from names in text. */
    private static final List<String> KEPT_WHOLE = List.of("ch/qos/logback/", "com/fasterxml/jackson/databind/", "tools/jackson/databind/");

    @Test
    void everyClassInTheJarIsReachedFromGoliveOrKeptOnPurpose() throws IOException {
        Map<String, Set<String>> graph = graph();
        Set<String> roots = roots(graph);
        // what the libraries kept whole use is kept too (shade treats them as roots alike)
        for (String c : graph.keySet()) if (KEPT_WHOLE.stream().anyMatch(c::startsWith)) roots.add(c);
        Set<String> reached = ClassRefs.reachable(graph, roots);
        Set<String> unreached = new TreeSet<>();
        for (String c : graph.keySet()) {
            // a package's package-info (its annotations) stays with the package
            if (!reached.contains(c) && !c.endsWith("/package-info")) unreached.add(c);
        }
        assertThat(unreached).as("classes no golive class reaches (is minimizeJar still on?)").isEmpty();
    }

    @Test
    void everyDependencyInTheJarHasAClassGoliveReaches() throws IOException {
        Map<String, Set<String>> graph = graph();
        Set<String> reached = ClassRefs.reachable(graph, roots(graph));
        List<String> artifacts = artifactsInJar();
        assertThat(artifacts).as("the libraries shaded in").contains("io.fabric8:kubernetes-model-core", "ch.qos.logback:logback-classic");
        List<String> unused = new ArrayList<>();
        for (String ga : artifacts) {
            if (ga.equals("dev.golive:golive")) continue;
            Path dep = onClassPath(ga);
            Set<String> classes = classesOf(dep);
            if (classes.stream().noneMatch(reached::contains)) unused.add(ga + " (" + dep.getFileName() + ")");
        }
        assertThat(unused).as("dependencies in the jar that no golive class uses: drop them in pom.xml").isEmpty();
    }

    @Test
    void noFilesForOtherPlatformsOrBuildTools() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jar.stream().map(ZipEntry::getName).forEach(names::add);
        }
        assertThat(names).as("jline's native library: Linux only").anyMatch(n -> n.startsWith("org/jline/nativ/Linux/x86_64/"))
                .noneMatch(n -> n.matches("org/jline/nativ/(Windows|Mac|FreeBSD)/.*"));
        assertThat(names).noneMatch(n -> n.equals("META-INF/jandex.idx") || n.startsWith("META-INF/native-image/")
                || n.equals("META-INF/services/javax.annotation.processing.Processor")
                || n.equals("META-INF/services/jakarta.servlet.ServletContainerInitializer"));
    }

    @Test
    void aKubernetesExportIsCheckedBackThroughTheModel(@TempDir Path tmp) throws Exception {
        Path mod = tmp.resolve("api");
        Files.createDirectories(mod);
        Files.writeString(mod.resolve("go.mod"), "module example.com/api\n\ngo 1.22\n");
        Path dir = tmp.resolve("deploy");
        Files.createDirectories(dir);
        Run export = Run.golive("export", "--format", "kubernetes", "--service", "api", "--go-mod", mod.toString(), "--port", "8080",
                "--cpu-quota", "150%", "--memory-max", "1G", "--version", "1.4.2", "-o", dir.resolve("api.yaml").toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(dir.resolve("api.yaml"))).contains("kind: Deployment", "cpu: 1500m", "memory: 1Gi", "containerPort: 8080");

        Run check = Run.golive("check", "--manifest", dir.toString());
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("K8S-NO-PROBES", dir.resolve("api.yaml") + ":");

        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: many\n");
        Run bad = Run.golive("check", "--manifest", dir.resolve("bad.yaml").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains(dir.resolve("bad.yaml") + ":6:13: spec.replicas:").contains("Integer").doesNotContain("\tat ");
    }

    @Test
    void theLogFileGetsFormattedLines(@TempDir Path tmp) throws Exception {
        // a directory named like a profile: golive skips it and says so in its log
        Path profiles = tmp.resolve("config/golive/profiles");
        Files.createDirectories(profiles.resolve("odd.yaml"));
        Path logs = tmp.resolve("logs");
        Run r = Run.run(List.of("java", "-Dgolive.logdir=" + logs, "-jar", JAR.toString(), "profiles"), Duration.ofSeconds(60),
                Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        String log = Files.readString(logs.resolve("golive.log"), StandardCharsets.UTF_8);
        assertThat(log).containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ WARN  \\[main\\] \\S*Session - "
                + java.util.regex.Pattern.quote(profiles.resolve("odd.yaml").toString()) + ": skipped: ");
    }

    @Test
    void theManPageIsGenerated(@TempDir Path tmp) throws Exception {
        Run r = Run.run(List.of("java", "-jar", JAR.toString(), "gen-manpage", "-d", tmp.toString()), Duration.ofSeconds(60));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(tmp.resolve("golive.adoc")).exists();
        assertThat(Files.readString(tmp.resolve("golive.adoc"))).contains("golive");
    }

    // ---- the jar's class graph --------------------------------------------------------------

    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new HashMap<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Enumeration<java.util.jar.JarEntry> es = jar.entries();
            while (es.hasMoreElements()) {
                ZipEntry e = es.nextElement();
                String n = e.getName();
                if (!n.endsWith(".class") || n.endsWith("module-info.class")) continue;
                // a multi-release jar's later versions of a class stand for the same class: their references add up
                String name = n.replaceFirst("^META-INF/versions/\\d+/", "");
                if (name.startsWith("META-INF/")) continue;
                try (InputStream in = jar.getInputStream(e)) {
                    g.computeIfAbsent(name.substring(0, name.length() - ".class".length()), k -> new HashSet<>()).addAll(ClassRefs.of(in));
                }
            }
        }
        return g;
    }

    /** golive's own classes, and the implementations the jar's service files name (ServiceLoader loads them). */
    private static Set<String> roots(Map<String, Set<String>> graph) throws IOException {
        Set<String> roots = new HashSet<>();
        for (String c : graph.keySet()) if (c.startsWith("dev/golive/")) roots.add(c);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (ZipEntry e : jar.stream().filter(e -> e.getName().startsWith("META-INF/services/") && !e.isDirectory()).toList()) {
                for (String line : new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String c = line.replaceAll("#.*", "").strip();
                    if (!c.isEmpty()) roots.add(c.replace('.', '/'));
                }
            }
        }
        return roots;
    }

    /** groupId:artifactId of every library shaded in, from its META-INF/maven/G/A/pom.properties. */
    private static List<String> artifactsInJar() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return jar.stream().map(ZipEntry::getName).filter(n -> n.matches("META-INF/maven/[^/]+/[^/]+/pom\\.properties"))
                    .map(n -> n.split("/")[2] + ":" + n.split("/")[3]).sorted().toList();
        }
    }

    /** The dependency's jar as Maven put it on this test's class path (~/.m2/repository/G/A/V/A-V.jar). */
    private static Path onClassPath(String ga) {
        String[] p = ga.split(":");
        String dir = File.separator + p[0].replace('.', File.separatorChar) + File.separator + p[1] + File.separator;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.contains(dir) && e.endsWith(".jar")) return Path.of(e);
        }
        throw new AssertionError(ga + " is in golive.jar but not on the class path: a dependency pom.xml does not declare?");
    }

    private static Set<String> classesOf(Path jarPath) throws IOException {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Set<String> out = new HashSet<>();
            jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                    .forEach(n -> out.add(n.substring(0, n.length() - ".class".length())));
            return out;
        }
    }
}
