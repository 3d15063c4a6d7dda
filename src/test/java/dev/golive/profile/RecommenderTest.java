package dev.golive.profile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which profile each fixture host gets first, and the reason it names. */
class RecommenderTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            container-quota   | container-limited | runs in a container (docker)
            two-socket-smt    | high-connections  | 64 CPUs and listening on [443]: room for very many connections
            arm64-server      | web-api           | listening on [9000]: a network service
            debian12-vm       | web-api           | listening on [8080]: a network service
            ubuntu2004-hybrid | web-api           | listening on [80, 6060]: a network service
            centos7-v1        | web-api           | listening on [25, 3306]: a network service
            sparse            | base              | fits any host running a Go service; every other shipped profile includes it
            """)
    void ranksTheProfilesForEachFixtureHost(String host, String first, String reason) {
        List<Recommender.Recommendation> r = Recommender.rank(FixtureHosts.facts(host), ProfileCatalog.shipped());
        assertThat(r.get(0).profile()).isEqualTo(first);
        assertThat(r.get(0).reasons()).contains(reason);
        assertThat(r).extracting(Recommender.Recommendation::profile).containsExactlyInAnyOrderElementsOf(ProfileCatalog.SHIPPED);
    }
}
