package dev.golive.host;

import dev.golive.report.FactsJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture host inspected and rendered as `golive inspect --json` prints it, compared
 * with hosts/NAME.expected.json. The goldens are the spec: each was reviewed by hand against
 * DOMAIN.md. After a deliberate change, regenerate them with
 * {@code mvn -B -o -q test -Dtest=FixtureHostsTest -Dgolive.updateGoldens=true}
 * and review the diff before committing.
 */
class FixtureHostsTest {

    static List<String> hosts() { return Fixtures.NAMES; }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void inspectingTheFixtureGivesTheGoldenJson(String name) throws IOException {
        String actual = FactsJson.render(Fixtures.inspect(name));
        Path golden = Fixtures.hostsDir().resolve(name + ".expected.json");
        if (Boolean.getBoolean("golive.updateGoldens")) {
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file (create it with -Dgolive.updateGoldens=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    static List<String> services() { return Fixtures.SERVICES; }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void inspectingAFixtureServiceGivesTheGoldenJson(String hostAndUnit) throws IOException {
        String actual = FactsJson.render(Fixtures.inspectService(hostAndUnit));
        Path golden = Fixtures.hostsDir().resolve(hostAndUnit + ".expected.json");
        if (Boolean.getBoolean("golive.updateGoldens")) {
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file (create it with -Dgolive.updateGoldens=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hosts")
    void inspectingTheFixtureTwiceGivesTheSameJson(String name) {
        // nothing time- or machine-dependent may leak into the facts of a capture
        assertThat(FactsJson.render(Fixtures.inspect(name))).isEqualTo(FactsJson.render(Fixtures.inspect(name)));
    }
}
