package dev.golive.build;

import dev.golive.binfmt.GoBuildInfoReader;
import dev.golive.host.AccessLog;
import dev.golive.host.CommandResult;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.host.ProcessCommandRunner;
import dev.golive.model.GoBuildInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin builds the fixture service for four servers with the real Go toolchain; golive
 * verifies each binary, and its pure-Java build info reader agrees with `go version -m`.
 */
class GoBuilderRealToolchainTest {

    @TempDir static Path work;
    static Path module;
    static List<BuildResult> results;
    static GoToolchain toolchain;
    static final List<String> started = new ArrayList<>();
    static final AccessLog log = new AccessLog();
    static final ProcessCommandRunner runner = new ProcessCommandRunner(log);

    @BeforeAll
    static void buildForFourServers() {
        RealGo.require();
        module = RealGo.copyFixture("hello", work);
        List<BuildTarget> targets = List.of("linux/amd64/v1", "linux/amd64/v3", "linux/arm64", "linux/arm/7").stream()
                .map(BuildTarget::parse).toList();
        BuildSpec spec = BuildSpec.defaults(module, targets).withVersion("1.2.3");
        GoBuilder builder = new GoBuilder(runner, DirectoryHostRoot.live(log));
        toolchain = builder.checkedToolchain(spec);
        results = builder.build(spec, toolchain, new BuildListener() {
            @Override public void started(BuildTarget t) { started.add("start " + t.text()); }
            @Override public void finished(BuildResult r) { started.add("done " + r.target().text()); }
        });
    }

    @Test
    void everyTargetBuildsAndPassesVerification() {
        assertThat(results).allSatisfy(r -> assertThat(r.problems()).as(r.target().text()).isEmpty());
        assertThat(results).extracting(r -> r.target().text() + " " + r.elfCheck()).containsExactly(
                "linux/amd64/v1 x86-64, static", "linux/amd64/v3 x86-64, static",
                "linux/arm64 aarch64, static", "linux/arm/v7 arm, static");
        assertThat(results).allSatisfy(r -> assertThat(r.sizeBytes()).isBetween(1_000_000L, 50_000_000L));
        assertThat(started).containsExactly("start linux/amd64/v1", "done linux/amd64/v1", "start linux/amd64/v3", "done linux/amd64/v3",
                "start linux/arm64", "done linux/arm64", "start linux/arm/v7", "done linux/arm/v7");
    }

    @Test
    void onlyTheOutputDirectoryIsWritten() {
        assertThat(RealGo.filesUnder(module)).containsExactly(
                "dist/hello-linux-amd64-v1", "dist/hello-linux-amd64-v3", "dist/hello-linux-arm-v7", "dist/hello-linux-arm64",
                "go.mod", "main.go");
    }

    @Test
    void theReaderAgreesWithGoVersionMOnEveryField() throws IOException {
        for (BuildResult r : results) {
            GoBuildInfo mine = GoBuildInfoReader.read(ByteBuffer.wrap(Files.readAllBytes(r.output())), r.output().toString());
            GoVersionM theirs = goVersionM(r.output());
            assertThat(mine.goVersion()).isEqualTo(theirs.goVersion).isEqualTo(toolchain.versionText());
            assertThat(mine.mainPath()).isEqualTo(theirs.path);
            assertThat(mine.mainModule()).isEqualTo(theirs.mod);
            assertThat(mine.settings()).as(r.target().text()).containsExactlyEntriesOf(theirs.settings);
        }
        assertThat(results.get(1).buildInfo().orElseThrow().setting("GOAMD64")).contains("v3");
        assertThat(results.get(3).buildInfo().orElseThrow().setting("GOARM")).contains("7");
    }

    @Test
    void withoutTrimpathTheQuotedLdflagsReadBackLikeGoPrintsThem() {
        BuildSpec spec = BuildSpec.defaults(module, List.of(BuildTarget.parse("linux/amd64")))
                .withTrimpath(false).withVersion("2.0.0").withOutDir(Path.of("dist-notrim"));
        List<BuildResult> rs = new GoBuilder(runner, DirectoryHostRoot.live(log)).build(spec, toolchain, BuildListener.NONE);
        assertThat(rs.get(0).problems()).isEmpty();
        GoVersionM theirs = goVersionM(rs.get(0).output());
        assertThat(theirs.rawLdflags).isEqualTo("\"-s -w -X main.version=2.0.0\"");
        assertThat(rs.get(0).buildInfo().orElseThrow().settings()).containsExactlyEntriesOf(theirs.settings)
                .containsEntry("-ldflags", "-s -w -X main.version=2.0.0");
    }

    @Test
    void theVersionIsStampedIntoTheBinary() throws IOException {
        byte[] bin = Files.readAllBytes(results.get(0).output());
        assertThat(new String(bin, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("1.2.3");
    }

    /** What `go version -m FILE` prints, parsed here independently of golive's parser. */
    record GoVersionM(String goVersion, String path, String mod, Map<String, String> settings, String rawLdflags) { }

    static GoVersionM goVersionM(Path file) {
        CommandResult r = runner.run("go", "version", "-m", file.toString());
        assertThat(r.ok()).as(r.problem()).isTrue();
        List<String> lines = r.stdout().lines().toList();
        String goVersion = lines.get(0).substring(lines.get(0).lastIndexOf(": ") + 2).trim();
        String path = null, mod = null, rawLdflags = null;
        Map<String, String> settings = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.trim().split("\t");
            switch (f[0]) {
                case "path" -> path = f[1];
                case "mod" -> mod = f[1];
                case "build" -> {
                    String kv = l.trim().substring("build\t".length());
                    int eq = kv.indexOf('=');
                    String k = kv.substring(0, eq), v = kv.substring(eq + 1);
                    if (k.equals("-ldflags")) rawLdflags = v;
                    if (v.startsWith("\"")) {
                        assertThat(v).as("test parser handles plain quoted values only").doesNotContain("\\");
                        v = v.substring(1, v.length() - 1);
                    }
                    settings.put(k, v);
                }
                default -> throw new AssertionError("unexpected go version -m line: " + l);
            }
        }
        return new GoVersionM(goVersion, path, mod, settings, rawLdflags);
    }

    static String describe(Map<String, String> m) {
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
