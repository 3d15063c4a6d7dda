package dev.golive.check;

import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.golive.check.CpuRulesBoundaryTest.changes;
import static dev.golive.check.CpuRulesBoundaryTest.of;
import static dev.golive.check.CpuRulesBoundaryTest.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GOMEMLIMIT and GOGC under a memory limit, with the exact value each fix writes: 90% of the
 * limit in whole MiB (921MiB for 1 GiB, never 9216MiB), at the limit and one MiB under it, and
 * the Go release that first reads GOMEMLIMIT.
 */
class GoMemLimitFixTest {

    static final String NONE = "MEM-LIMIT-WITHOUT-GOMEMLIMIT";
    static final String ABOVE = "MEM-GOMEMLIMIT-ABOVE-LIMIT";
    static final String GOGC = "MEM-GOGC-OFF-WITH-LIMIT";
    static final long G = TestHosts.GIB;
    static final Source MEMORY_MAX_LINE = new Source.File(TestHosts.UNIT, 10);
    static final Source MEMORY_MAX_FILE = Source.File.of("/sys/fs/cgroup/system.slice/app.service/memory.max");
    static final Source ENV_LINE = new Source.File(TestHosts.UNIT, 30);

    /** The service with MemoryMax=VALUE in its unit and, when bytes > 0, the cgroup's memory.max. */
    static TestHosts limited(String memoryMax, long cgroupBytes) {
        TestHosts t = TestHosts.withService().directive("Service", "MemoryMax", memoryMax);
        return cgroupBytes > 0 ? t.memoryMaxCgroup(cgroupBytes) : t;
    }

    @ParameterizedTest(name = "limit {0} bytes → GOMEMLIMIT={1}")
    @CsvSource({"1073741824, 921MiB", "2147483648, 1843MiB", "536870912, 460MiB", "10737418240, 9216MiB"})
    void theProposedGoMemLimitIsNinetyPercentOfTheLimitInWholeMiB(long bytes, String target) {
        Finding f = one(NONE, TestHosts.withService().memoryMaxCgroup(bytes));
        assertThat(changes(f)).containsExactly(new FixChange.ServiceEnvironmentChange("GOMEMLIMIT", target));
        assertThat(f.fix().orElseThrow().text()).isEqualTo("set GOMEMLIMIT=" + target);
        assertThat(f.message()).isEqualTo("memory limit " + (bytes >> 20) + " MiB and no GOMEMLIMIT in the environment");
        assertThat(f.sources()).containsExactly(MEMORY_MAX_FILE);
    }

    @Test
    void theUnitsMemoryMaxAndTheCgroupAreBothShownAndTheCgroupDecides() {
        Finding f = one(NONE, limited("2G", G));
        assertThat(changes(f)).containsExactly(new FixChange.ServiceEnvironmentChange("GOMEMLIMIT", "921MiB"));
        assertThat(f.sources()).containsExactly(MEMORY_MAX_LINE, MEMORY_MAX_FILE);
    }

    @Test
    void withoutTheCgroupTheUnitsMemoryMaxIsTheLimitAlsoAsAPercentOfRam() {
        Finding f = one(NONE, limited("50%", 0));
        assertThat(changes(f)).containsExactly(new FixChange.ServiceEnvironmentChange("GOMEMLIMIT", "3686MiB"));
        assertThat(f.message()).isEqualTo("memory limit 4096 MiB and no GOMEMLIMIT in the environment");
        assertThat(f.sources()).containsExactly(MEMORY_MAX_LINE);
        assertThat(of(NONE, limited("infinity", 0))).isEmpty();
        assertThat(of(NONE, limited("a lot", 0))).isEmpty();
    }

    @Test
    void goMemLimitExistsFromGoOneNineteen() {
        assertThat(of(NONE, limited("1G", G).binary("go1.18.10", ""))).isEmpty();
        assertThat(of(NONE, limited("1G", G).binary("go1.19", ""))).hasSize(1);
        assertThat(of(NONE, limited("1G", G).binaryUnknown().noGo())).as("version unknown: still said").hasSize(1);
        assertThat(of(NONE, limited("1G", G).env("GOMEMLIMIT", "off"))).as("any GOMEMLIMIT is a choice").isEmpty();
    }

    @ParameterizedTest(name = "GOMEMLIMIT={0} under 1 GiB: above = {1}")
    @CsvSource({"1GiB, true", "1073741824, true", "1025MiB, true", "1023MiB, false", "1073741823, false", "921MiB, false", "off, false"})
    void goMemLimitAtTheLimitIsNotBelowItOneByteLessIs(String gomemlimit, boolean above) {
        var f = of(ABOVE, limited("1G", G).env("GOMEMLIMIT", gomemlimit));
        assertThat(f).hasSize(above ? 1 : 0);
        if (above) {
            assertThat(changes(f.get(0))).containsExactly(new FixChange.ServiceEnvironmentChange("GOMEMLIMIT", "921MiB"));
            assertThat(f.get(0).fix().orElseThrow().text()).isEqualTo("set GOMEMLIMIT=921MiB");
            assertThat(f.get(0).message()).isEqualTo("GOMEMLIMIT=" + gomemlimit + " is not below the limit 1024 MiB");
            assertThat(f.get(0).sources()).containsExactly(ENV_LINE, MEMORY_MAX_LINE);
        }
    }

    @Test
    void aGoMemLimitGoWouldRefuseIsNeverReadAsANumberNorStopsTheCheck() {
        // Go's runtime reads ^[0-9]+(([KMGT]i)?B)?$ up to MaxInt64 and refuses to start on anything else:
        // golive used to read "2048 MiB" as 2 GiB, throw on 20 digits and wrap 8388608TiB to a negative count
        for (String bad : new String[] {"2048 MiB", "99999999999999999999", "8388608TiB", "9223372036854775808"}) {
            assertThat(ValueParsers.goMemLimit(bad)).as(bad).isEmpty();
            assertThat(of(ABOVE, limited("1G", G).env("GOMEMLIMIT", bad))).as(bad).isEmpty();
        }
        assertThat(ValueParsers.goMemLimit("9223372036854775807")).hasValue(Long.MAX_VALUE);
        assertThat(ValueParsers.goMemLimit("8388607TiB")).hasValue(8388607L << 40);
        assertThat(of(ABOVE, limited("1G", G).env("GOMEMLIMIT", "8388607TiB"))).hasSize(1);
    }

    @Test
    void aGoMemLimitWithoutAnyLimitIsNotAboveAnything() {
        assertThat(of(ABOVE, TestHosts.withService().env("GOMEMLIMIT", "64GiB"))).isEmpty();
    }

    @Test
    void gogcOffUnderALimitIsUndoneWithOrWithoutGoMemLimit() {
        Finding alone = one(GOGC, limited("1G", G).env("GOGC", "off"));
        assertThat(alone.message()).isEqualTo("GOGC=off with a memory limit of 1024 MiB and no GOMEMLIMIT: the GC never runs");
        assertThat(changes(alone)).containsExactly(new FixChange.ServiceEnvironmentChange("GOGC", "100"));
        assertThat(alone.sources()).containsExactly(ENV_LINE, MEMORY_MAX_LINE);
        Finding with = one(GOGC, limited("1G", G).env("GOGC", " OFF ").env("GOMEMLIMIT", "900MiB"));
        assertThat(with.message()).isEqualTo("GOGC=off with a memory limit of 1024 MiB: the heap fills up to GOMEMLIMIT before any collection");
        assertThat(of(GOGC, limited("1G", G).env("GOGC", "50"))).isEmpty();
        assertThat(of(GOGC, TestHosts.withService().env("GOGC", "off"))).isEmpty();
    }
}
