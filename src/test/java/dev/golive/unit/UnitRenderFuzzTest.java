package dev.golive.unit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.golive.config.SystemdIni;
import dev.golive.model.Fact;
import dev.golive.model.GoBuildInfo;
import dev.golive.model.GoliveException;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any spec either fails validation with a one-line GoliveException, or renders a unit that
 * systemd's syntax reads back as meant: no parse problems, no line smuggled in (a value never
 * becomes a second directive), ExecStart= words and Environment= values exactly as typed.
 */
class UnitRenderFuzzTest {

    @FuzzTest
    void validatedSpecsRenderFaithfully(FuzzedDataProvider data) {
        String name = data.consumeString(20);
        String exec = "/" + data.consumeString(20);
        List<String> args = new ArrayList<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) args.add(data.consumeString(16));
        Map<String, String> env = new LinkedHashMap<>();
        int m = data.consumeInt(0, 3);
        for (int i = 0; i < m; i++) env.put(data.consumeString(8), data.consumeString(16));
        String description = data.consumeString(20);
        String memoryMax = data.consumeString(6);
        ServiceSpec spec = new ServiceSpec(name.isEmpty() ? "app" : name, Optional.of(description), Optional.of(exec), args,
                Optional.of("app"), false, Optional.empty(), List.of(), env, List.of(),
                new ServiceSpec.Resources(Optional.empty(), memoryMax.isEmpty() ? Optional.empty() : Optional.of(memoryMax),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                ServiceSpec.Restart.DEFAULT, ServiceSpec.Hardening.values()[data.consumeInt(0, 2)], ServiceSpec.GoRuntime.DERIVE);
        var facts = UnitHosts.debian12();
        try {
            SpecValidator.validate(spec, facts, new BinaryPresence(false, Fact.of(true, Source.File.of(exec))));
        } catch (GoliveException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
            return;
        }
        GoRuntimeDerivation.Result go = GoRuntimeDerivation.derive(spec, new GoRuntimeDerivation.Inputs(
                Fact.<GoBuildInfo>unknown("fuzz"), Optional.empty(), facts.cpu(), facts.memory()));
        RenderedUnit r = UnitRenderer.render(facts, spec, go, CurrentUnitFiles.none(spec.unitName()), "fuzz");
        SystemdIni ini = SystemdIni.parse(r.path(), r.content());
        assertThat(ini.problems()).isEmpty();
        List<String> execStart = ini.values("Service", "ExecStart");
        assertThat(execStart).hasSize(1);
        List<String> words = SystemdIni.splitWords(execStart.get(0)).stream().map(UnitRenderFuzzTest::unspecify).toList();
        List<String> expected = new ArrayList<>();
        expected.add(exec);
        expected.addAll(args);
        assertThat(words.get(0)).isEqualTo(exec.replace("$$", "$"));
        assertThat(words.subList(1, words.size())).isEqualTo(args);
        Map<String, String> rendered = new LinkedHashMap<>();
        for (String e : ini.values("Service", "Environment")) {
            SystemdIni.parseEnvironment(e).forEach((k, v) -> rendered.put(k, v.replace("%%", "%")));
        }
        env.forEach((k, v) -> assertThat(rendered).containsEntry(k, v));
        assertThat(ini.values("Unit", "Description")).containsExactly(description.strip().replace("%", "%%"));
        assertThat(r.lineFields()).isNotEmpty();
    }

    /** What systemd does after splitting: %% → %, $$ → $. */
    private static String unspecify(String w) { return w.replace("%%", "%").replace("$$", "$"); }
}
