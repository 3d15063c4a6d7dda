package dev.golive.profile;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: any text as a user profile either resolves on a fixture host or fails with one
 * located line and exit 2 — never another exception, never a multi-line message. Seeds
 * (the shipped profiles, an expression mix) live in
 * src/test/resources/dev/golive/profile/ProfileFuzzTestInputs/parseAndResolve/; scripts/fuzz runs it for real.
 */
class ProfileFuzzTest {

    private static final Pattern LOCATED = Pattern.compile("/fuzz/p\\.yaml:[1-9]\\d*:[1-9]\\d*: [^\\n\\r\\u0085\\u2028\\u2029]+");
    private static HostFacts facts;

    @FuzzTest
    void parseAndResolve(FuzzedDataProvider data) {
        if (facts == null) facts = SyntheticHost.kernel54();
        String text = data.consumeRemainingAsString();
        try {
            ProfileCatalog c = ProfileCatalog.withTexts("/fuzz", Map.of("p", text));
            ProfileResolver.resolve(c, "p", facts);
        } catch (GoliveException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(e.getMessage()).matches(LOCATED);
        }
    }
}
