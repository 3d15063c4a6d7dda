package dev.golive.profile;

import dev.golive.app.Session;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.golive.profile.ProfileSectionsTest.entry;
import static dev.golive.profile.ProfileSectionsTest.refused;
import static dev.golive.profile.ProfileSectionsTest.resolve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The edges of expressions and of the resolver: spaces and ends in the expression language,
 * "current" on a running host and in an image tree (what the first boot gives), the syncookies
 * condition judged on the value after the plan, tcp_tw_reuse without timestamps, a choice the
 * kernel does not offer.
 */
class ResolverEdgesTest {

    @TempDir Path tmp;

    static final Map<String, Long> NAMES = Map.of("current", 128L, "memory.max", 2147483648L, "cpu.count", 4L);

    static long eval(String text) { return ValueChecks.eval(Expr.parse(text), NAMES::get); }

    static String syntaxError(String text) {
        Expr.SyntaxError e = catchThrowableOfType(Expr.SyntaxError.class, () -> Expr.parse(text));
        assertThat(e).as(text).isNotNull();
        return e.col + ": " + e.getMessage();
    }

    // ---- the expression language ----

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            max(1, 2)  | 2
            max (1, 2) | 2
            max(1 , 2) | 2
            min(7, 3 ) | 3
            90 % of memory.max | 1932735283
            0% of cpu.count | 0
            100% of cpu.count | 4
            1000% of cpu.count | 40
            8589934591G | 9223372035781033984
            """)
    void spacesAnywhereBetweenTokensAndPercentagesFromZeroToAThousand(String text, long expected) {
        assertThat(eval(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''             | 0: expected a number, a name or max(...)/min(...)
            max(1          | 5: expected "," or ")"
            max(1, 2       | 8: expected "," or ")"
            max(1,         | 6: expected a number, a name or max(...)/min(...)
            50% ofcpu.count | 4: expected "of" after "50%"
            50% of         | 6: expected a number, a name or max(...)/min(...)
            1001% of cpu.count | 0: a percentage is 0..1000, not 1001
            8589934592G    | 0: number too large
            """)
    void anExpressionThatEndsTooSoonOrOverflowsIsASyntaxErrorAtItsColumn(String text, String expected) {
        assertThat(syntaxError(text)).isEqualTo(expected);
    }

    // ---- "current" ----

    @Test
    void currentOnARunningHostIsItsLiveValue() {
        String floor = "sysctl:\n" + entry("net.core.somaxconn", "max(current, 1024)", "A floor.");
        assertThat(resolve(floor, new SmallHost().sysctl("net.core.somaxconn", "8192").build()).sysctl("net.core.somaxconn")).get()
                .extracting(Profile.Value::value).isEqualTo("8192");
        Profile unread = resolve(floor, new SmallHost().build());
        assertThat(unread.sysctls()).isEmpty();
        assertThat(unread.skipped()).extracting(Profile.Skipped::reason).containsExactly("net.core.somaxconn: golive did not read it on this host");
        Profile garbled = resolve(floor, new SmallHost().sysctl("net.core.somaxconn", "lots").build());
        assertThat(garbled.skipped()).extracting(Profile.Skipped::reason).containsExactly("net.core.somaxconn: live value \"lots\" is not a number");
    }

    private Path tree(String sysctlConf) throws IOException {
        Path t = tmp.resolve("tree");
        write(t, "etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        for (String d : List.of("proc", "sys", "etc/systemd/system", "usr/lib/systemd/system", "etc/sysctl.d")) Files.createDirectories(t.resolve(d));
        write(t, "usr/lib/systemd/libsystemd-shared-252.so", "");
        if (sysctlConf != null) write(t, "etc/sysctl.d/20-site.conf", sysctlConf);
        return t;
    }

    private static void write(Path tree, String rel, String text) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static HostFacts image(Path tree, String kernel) {
        try (Session s = Session.open(tree.toString())) {
            return kernel == null ? s.inspect() : s.kernel(kernel).inspect();
        }
    }

    @Test
    void currentInAnImageTreeIsWhatItsFirstBootGives() throws IOException {
        String floor = "sysctl:\n" + entry("net.core.somaxconn", "max(current, 1024)", "A floor.");
        Path t = tree(null);
        // somaxconn starts at 128 before Linux 5.4 and at 4096 from it
        assertThat(resolve(floor, image(t, "4.19")).sysctl("net.core.somaxconn")).get().extracting(Profile.Value::value).isEqualTo("1024");
        assertThat(resolve(floor, image(t, "5.4")).sysctl("net.core.somaxconn")).get().extracting(Profile.Value::value).isEqualTo("4096");
        Profile unnamed = resolve(floor, image(t, null));
        assertThat(unnamed.sysctls()).isEmpty();
        assertThat(unnamed.skipped()).singleElement().extracting(Profile.Skipped::reason).asString()
                .startsWith("max(current, 1024) is one of [1024, 4096] depending on net.core.somaxconn's value at first boot").contains("--kernel");
        // whatever the kernel: the same result stands
        assertThat(resolve("sysctl:\n" + entry("net.core.somaxconn", "max(current, 8192)", "A floor."), image(t, null)).sysctl("net.core.somaxconn"))
                .get().extracting(Profile.Value::value).isEqualTo("8192");
        // a key the kernel sizes at boot has no value to start from
        Profile sized = resolve("sysctl:\n" + entry("fs.file-max", "max(current, 65536)", "Files."), image(t, "6.1"));
        assertThat(sized.skipped()).extracting(Profile.Skipped::reason)
                .containsExactly("fs.file-max: no kernel in this tree, nothing in its sysctl.d sets it, and the kernel sizes it at boot");
    }

    @Test
    void currentInAnImageTreeIsWhatItsOwnSysctlDSets() throws IOException {
        String floor = "sysctl:\n" + entry("net.core.somaxconn", "max(current, 1024)", "A floor.");
        assertThat(resolve(floor, image(tree("net.core.somaxconn = 2048\n"), null)).sysctl("net.core.somaxconn")).get()
                .extracting(Profile.Value::value).isEqualTo("2048");
        Profile bad = resolve(floor, image(tree("net.core.somaxconn = many\n"), null));
        assertThat(bad.skipped()).singleElement().extracting(Profile.Skipped::reason).asString()
                .startsWith("net.core.somaxconn: /etc/sysctl.d/20-site.conf").endsWith("sets \"many\", not a number");
    }

    // ---- syncookies-off, judged after the plan ----

    static final String BACKLOG = "sysctl:\n  net.ipv4.tcp_max_syn_backlog:\n    value: 8192\n    why: Half-open.\n    when: syncookies-off\n";

    @Test
    void theSynBacklogIsSetOnlyWhereSyncookiesAreOffAfterThePlan() throws IOException {
        // an image tree: syncookies default to 1 at first boot, unless its sysctl.d turns them off
        Profile tree = resolve(BACKLOG, image(tree(null), "6.1"));
        assertThat(tree.sysctls()).isEmpty();
        assertThat(tree.skipped()).extracting(Profile.Skipped::reason)
                .containsExactly("when: syncookies-off: " + ProfileResolver.SYNCOOKIES + " is 1: " + ProfileResolver.SYNCOOKIES_OFF_WHY);
        assertThat(resolve(BACKLOG, image(tree("net.ipv4.tcp_syncookies = 0\n"), "6.1")).sysctl(ProfileResolver.SYN_BACKLOG)).isPresent();
        // a running host: live off, but a picked fix turns them on
        HostFacts off = new SmallHost().sysctl(ProfileResolver.SYNCOOKIES, "0").build();
        assertThat(resolve(BACKLOG, off).sysctl(ProfileResolver.SYN_BACKLOG)).isPresent();
        Profile picked = ProfileResolver.resolve(ProfileCatalog.withTexts("/etc/golive/profiles", Map.of("edge", BACKLOG)), "edge", off,
                Map.of(ProfileResolver.SYNCOOKIES, "1"));
        assertThat(picked.sysctl(ProfileResolver.SYN_BACKLOG)).isEmpty();
        // the profile's own syncookies value counts, live unknown is "unknown"
        assertThat(resolve(BACKLOG + entry(ProfileResolver.SYNCOOKIES, "0", "Off."), new SmallHost().build()).sysctl(ProfileResolver.SYN_BACKLOG)).isPresent();
        assertThat(resolve(BACKLOG, new SmallHost().build()).skipped()).extracting(Profile.Skipped::reason)
                .containsExactly("when: syncookies-off: " + ProfileResolver.SYNCOOKIES + " is unknown: " + ProfileResolver.SYNCOOKIES_OFF_WHY);
    }

    // ---- tcp_tw_reuse needs timestamps ----

    @Test
    void twReuseWithTimestampsOffIsRefusedSayingWhereTheyAreOff() {
        String reuse = "sysctl:\n" + entry("net.ipv4.tcp_tw_reuse", "1", "Reuse.");
        assertThat(refused(reuse + entry("net.ipv4.tcp_timestamps", "0", "Off."), new SmallHost().build()).getMessage())
                .endsWith("net.ipv4.tcp_tw_reuse needs net.ipv4.tcp_timestamps = 1 (it is 0 in this profile)");
        HostFacts tsOff = new SmallHost().sysctl("net.ipv4.tcp_timestamps", "0").build();
        assertThat(refused(reuse, tsOff).getMessage())
                .endsWith("net.ipv4.tcp_tw_reuse needs net.ipv4.tcp_timestamps = 1 (it is 0 on this host; set it in the profile)");
        // reuse off, or timestamps turned on by the profile: nothing to refuse
        assertThat(resolve("sysctl:\n" + entry("net.ipv4.tcp_tw_reuse", "0", "No reuse."), tsOff).sysctls()).hasSize(1);
        assertThat(resolve(reuse + entry("net.ipv4.tcp_timestamps", "1", "On."), tsOff).sysctls()).hasSize(2);
    }

    // ---- choices and limits ----

    @Test
    void aChoiceTakesTheFirstOptionTheKernelOffers() {
        String defrag = "sysfs:\n" + entry("transparent_hugepage.defrag", "\"defer+madvise|madvise\"", "No stalls.");
        assertThat(resolve(defrag, new SmallHost().kernel("3.10.0").build()).sysfs()).extracting(Profile.Value::value).containsExactly("madvise");
        assertThat(resolve(defrag, new SmallHost().kernel("6.1.0").build()).sysfs()).extracting(Profile.Value::value).containsExactly("defer+madvise");
        GoliveException e = refused("sysfs:\n" + entry("transparent_hugepage.defrag", "defer+madvise", "No stalls."), new SmallHost().kernel("3.10.0").build());
        assertThat(e.getMessage()).endsWith("transparent_hugepage.defrag: \"defer+madvise\" is not offered by Linux 3.10.0 (it has: always, madvise, never)");
    }

    @Test
    void anInfiniteLimitIsInfiniteOnBothSides() {
        Profile p = resolve("service:\n" + entry("LimitNOFILE", "infinity", "No limit."), new SmallHost().build());
        assertThat(p.service().get("LimitNOFILE")).hasValue("infinity:infinity");
    }
}
