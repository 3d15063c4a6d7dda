package dev.golive.apply;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan file and a manifest come from disk, maybe edited by hand: reading one either gives a
 * plan that writes back to the same plan, or fails with one line and exit 2 — never another
 * exception. Seeds replay in `mvn test`; JAZZER_FUZZ=1 fuzzes for real.
 */
class PlanCodecFuzzTest {

    /**
     * As `apply --plan-file` reads: the format, then the rules of what golive may write. A plan
     * that passes is written back to the same plan, which passes again (the seed
     * applicable-plan.json passes, so mutations reach every rule, not only the parser).
     */
    @FuzzTest(maxDuration = "30s")
    void planFiles(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Plan p;
        try {
            p = PlanCodec.readPlanFile("plan.json", text);
        } catch (GoliveException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(e.getMessage()).startsWith("plan.json").doesNotContain("\n");
            return;
        }
        assertThat(PlanCodec.readPlanFile("again", PlanCodec.toJson(p))).isEqualTo(p);
    }

    @FuzzTest(maxDuration = "30s")
    void manifests(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Manifest m = ManifestCodec.fromJson("manifest.json", text);
            assertThat(ManifestCodec.fromJson("again", ManifestCodec.toJson(m))).isEqualTo(m);
        } catch (GoliveException e) {
            assertThat(e.getMessage()).startsWith("manifest.json").doesNotContain("\n");
        }
    }
}
