package dev.golive.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommender's scores, each rule on its edge: 2 CPUs is small and 3 is not, 2 GiB of RAM is
 * small and a byte more is not, 4 and 16 CPUs, port 80/443, ssh alone, isolated CPUs, a
 * container. A score that moves by one point or a reason that is not given shows here.
 */
class RecommenderScoreTest {

    static final long GIB = 1L << 30;

    static SmallHost host() { return new SmallHost(); }

    static Map<String, Recommender.Recommendation> rank(SmallHost h) {
        return Recommender.rank(h.build(), ProfileCatalog.shipped()).stream()
                .collect(Collectors.toMap(Recommender.Recommendation::profile, r -> r, (a, b) -> a, LinkedHashMap::new));
    }

    static int score(SmallHost h, String profile) { return rank(h).get(profile).score(); }

    @Test
    void aSmallContainerWithLimitsGetsEveryPointOfContainerLimitedAndLosesTheNetworkProfiles() {
        Map<String, Recommender.Recommendation> r = rank(host().container("docker").quota(1.5).memLimit(GIB).cpus(2).ram(2 * GIB).ports(22, 80));
        assertThat(r.keySet()).containsExactly("container-limited", "base", "web-api", "low-latency", "batch", "high-connections");
        assertThat(r.get("container-limited").score()).isEqualTo(60 + 30 + 20 + 15 + 15);
        assertThat(r.get("container-limited").reasons()).containsExactly(
                "runs in a container (docker)",
                "CPU quota of 1.50 CPUs: GOMAXPROCS must follow it, not the 2 CPUs the host shows",
                "memory limit of 1024 MiB: GOMEMLIMIT should sit below it",
                "small instance: 2 CPUs",
                "small instance: 2048 MiB of RAM");
        assertThat(r.get("container-limited").origin()).isEqualTo("shipped");
        assertThat(r.get("web-api").score()).isEqualTo(30 - 20);
        assertThat(r.get("web-api").reasons()).containsExactly("listening on [80]: a network service",
                "in a container the global network settings belong to the host");
        assertThat(r.get("high-connections").score()).isEqualTo(15 - 20);
        assertThat(r.get("high-connections").reasons()).containsExactly("port 80/443 open: often a gateway or proxy",
                "in a container the global network settings belong to the host");
        assertThat(r.get("base").score()).isEqualTo(10);
        assertThat(r.get("base").reasons()).containsExactly("fits any host running a Go service; every other shipped profile includes it");
        assertThat(r.get("low-latency").score()).isZero();
        assertThat(r.get("low-latency").reasons()).containsExactly("nothing on this host points to it");
        assertThat(r.get("batch").score()).isZero();
    }

    @Test
    void aWholeNumberQuotaIsShownWithoutDecimalsAndAnUnknownCpuCountAsAQuestionMark() {
        assertThat(rank(host().quota(2.0).cpus(null)).get("container-limited").reasons())
                .containsExactly("CPU quota of 2 CPUs: GOMAXPROCS must follow it, not the ? CPUs the host shows");
        assertThat(score(host().quota(2.0).cpus(null), "container-limited")).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0} CPUs: small = {1}")
    @CsvSource({"1, true", "2, true", "3, false", "64, false"})
    void twoCpusAreASmallInstanceThreeAreNot(int cpus, boolean small) {
        assertThat(score(host().cpus(cpus), "container-limited")).isEqualTo(small ? 15 : 0);
    }

    @ParameterizedTest(name = "{0} bytes of RAM: small = {1}")
    @CsvSource({"1073741824, true", "2147483648, true", "2147483649, false", "17179869184, false"})
    void twoGibOfRamIsASmallInstanceAByteMoreIsNot(long ram, boolean small) {
        assertThat(score(host().ram(ram), "container-limited")).isEqualTo(small ? 15 : 0);
    }

    @Test
    void unknownCpusOrRamScoreNothing() {
        assertThat(score(host().cpus(null).ram(null), "container-limited")).isZero();
        assertThat(rank(host().cpus(null).ram(null)).get("container-limited").reasons()).containsExactly("nothing on this host points to it");
        assertThat(score(host().cpus(null), "web-api")).isEqualTo(30);
        assertThat(score(host().cpus(null), "high-connections")).isZero();
    }

    @ParameterizedTest(name = "{0} CPUs, port 8080: web-api {1}, high-connections {2}")
    @CsvSource({"3, 30, 0", "4, 45, 0", "15, 45, 0", "16, 45, 35", "64, 45, 35"})
    void fourCpusServeManyConnectionsSixteenVeryMany(int cpus, int web, int high) {
        assertThat(score(host().cpus(cpus), "web-api")).isEqualTo(web);
        assertThat(score(host().cpus(cpus), "high-connections")).isEqualTo(high);
    }

    @Test
    void theReasonsNameTheCpusAndThePorts() {
        Map<String, Recommender.Recommendation> r = rank(host().cpus(16).ports(22, 443, 8080));
        assertThat(r.get("web-api").reasons()).containsExactly("listening on [443, 8080]: a network service",
                "16 CPUs can serve many concurrent connections");
        assertThat(r.get("high-connections").reasons()).containsExactly("16 CPUs and listening on [443, 8080]: room for very many connections",
                "port 80/443 open: often a gateway or proxy");
        assertThat(r.get("high-connections").score()).isEqualTo(35 + 15);
        assertThat(r.keySet()).first().isEqualTo("high-connections");
    }

    @Test
    void portEightyOrFourFortyThreeAloneSuggestAGateway() {
        assertThat(score(host().cpus(2).ports(80), "high-connections")).isEqualTo(15);
        assertThat(score(host().cpus(2).ports(443), "high-connections")).isEqualTo(15);
        assertThat(score(host().cpus(2).ports(8443), "high-connections")).isZero();
        assertThat(score(host().cpus(16).ports(22), "high-connections")).as("ssh is not a service port").isZero();
    }

    @Test
    void onlySshOrNothingListeningIsABatchHostUnknownPortsAreNot() {
        assertThat(score(host().ports(22), "batch")).isEqualTo(25);
        assertThat(rank(host().ports(22)).get("batch").reasons()).containsExactly("no service port listening (only ssh, if any): a worker or batch host");
        assertThat(score(host().ports(), "batch")).isEqualTo(25);
        assertThat(score(host().ports(22, 9000), "batch")).isZero();
        assertThat(score(host().ports((Integer[]) null), "batch")).isZero();
        assertThat(score(host().ports(22), "web-api")).as("no service port").isEqualTo(15);
    }

    @ParameterizedTest(name = "isolcpus={0} nohz_full={1}: isolated = {2}")
    @CsvSource({"not set, not set, false", "'', '', false", "1-3, not set, true", "not set, 2-7, true", "'', 1, true"})
    void isolatedCpusOnTheCommandLinePointToLowLatency(String isolcpus, String nohz, boolean isolated) {
        assertThat(score(host().isolcpus(isolcpus).nohzFull(nohz), "low-latency")).isEqualTo(isolated ? 50 : 0);
    }

    @Test
    void aUserProfileIsListedWithNoRuleAndEqualScoresKeepTheCatalogsOrder() {
        ProfileCatalog c = ProfileCatalog.withTexts("/etc/golive/profiles", Map.of("mine", "description: mine\n"));
        List<Recommender.Recommendation> r = Recommender.rank(host().ports(22, 8080).cpus(8).build(), c);
        assertThat(r).extracting(Recommender.Recommendation::profile)
                .containsExactly("web-api", "base", "high-connections", "low-latency", "batch", "container-limited", "mine");
        Recommender.Recommendation mine = r.get(6);
        assertThat(mine.score()).isZero();
        assertThat(mine.reasons()).containsExactly("user profile from /etc/golive/profiles: golive has no rule for it");
        assertThat(mine.origin()).isEqualTo("/etc/golive/profiles");
    }
}
