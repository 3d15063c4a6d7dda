package dev.golive.profile;

import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped profile loads and resolves on every fixture host, and says why for every value. */
class ShippedProfilesTest {

    static Stream<Arguments> hostsTimesProfiles() {
        return FixtureHosts.NAMES.stream().flatMap(h -> ProfileCatalog.SHIPPED.stream().map(p -> Arguments.of(h, p)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("hostsTimesProfiles")
    void everyShippedProfileResolvesOnEveryFixtureHost(String host, String profile) {
        HostFacts facts = FixtureHosts.facts(host);
        Profile p = ProfileResolver.resolve(ProfileCatalog.shipped(), profile, facts);
        assertThat(p.chain()).endsWith(profile).startsWith("base");
        Stream.of(p.sysctls(), p.manager(), p.sysfs(), List.copyOf(p.service().values().values()))
                .flatMap(List::stream)
                .forEach(v -> assertThat(v.why()).as(v.key()).hasSizeGreaterThan(20));
    }

    @Test
    void theProfilesFolderHoldsExactlyTheShippedList() throws IOException {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("profiles");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList())
                    .containsExactlyInAnyOrderElementsOf(ProfileCatalog.SHIPPED);
        }
    }

    @Test
    void noShippedProfileSetsAdviceDomainMdCallsWrong() {
        for (String name : ProfileCatalog.SHIPPED) {
            String text = ProfileCatalog.resource("profiles/" + name + ".yaml");
            assertThat(text).as(name).doesNotContain("tcp_tw_recycle:").doesNotContain("limits.conf:").doesNotContain("tcp_fin_timeout:");
        }
        // every profile either leaves swappiness alone or sets a value valid on every kernel (0..100)
        for (String host : FixtureHosts.NAMES) {
            for (String name : ProfileCatalog.SHIPPED) {
                ProfileResolver.resolve(ProfileCatalog.shipped(), name, FixtureHosts.facts(host)).sysctl("vm.swappiness")
                        .ifPresent(v -> assertThat(Integer.parseInt(v.value())).isBetween(1, 100));
            }
        }
    }
}
