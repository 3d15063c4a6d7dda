package dev.golive.check;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.golive.config.DockerfileText;
import dev.golive.config.LocatedYaml;
import dev.golive.model.GoliveException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `golive check --manifest` on any bytes: the readers and the rules either give findings or
 * refuse with one line "file:line:col: message" (a GoliveException), never another exception.
 * Without JAZZER_FUZZ these replay their seeds in `mvn test`; scripts/fuzz runs them for real.
 */
class ManifestFuzzTest {

    private static final Pattern LOCATED = Pattern.compile("(Dockerfile|k\\.yaml):[1-9]\\d*:[1-9]\\d*: [^\\n\\r]+");

    @FuzzTest
    void dockerfile(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            List<DockerfileText.Instruction> in = DockerfileText.parse("Dockerfile", text);
            ManifestRules.run(new ManifestRules.Input(Map.of(), Map.of("Dockerfile", in), Optional.empty()))
                    .findings().forEach(f -> assertThat(f.sources()).isNotEmpty());
        } catch (GoliveException e) {
            assertThat(e.getMessage()).matches(LOCATED);
        }
    }

    @FuzzTest
    void kubernetesYaml(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            List<LocatedYaml.Doc> docs = LocatedYaml.parse("k.yaml", text);
            ManifestRules.run(new ManifestRules.Input(Map.of("k.yaml", docs), Map.of(), Optional.empty()));
        } catch (GoliveException e) {
            assertThat(e.getMessage()).matches(LOCATED);
        }
    }
}
