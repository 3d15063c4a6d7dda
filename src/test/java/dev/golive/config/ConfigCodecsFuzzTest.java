package dev.golive.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.golive.model.GoliveException;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz tests, one per parser. Without JAZZER_FUZZ they replay the seeds under
 * src/test/resources/dev/golive/config/ConfigCodecsFuzzTestInputs/METHOD/ in `mvn test`;
 * scripts/fuzz runs them for real. Invariants: parsing never throws; render(parse(x)) == x;
 * every reported problem is one line "file:line:col: message"; an edit either succeeds and
 * reads back as written, or fails with a one-line GoliveException.
 */
class ConfigCodecsFuzzTest {

    private static final String P = "/fuzz/f.conf";
    private static final Pattern LOCATED = Pattern.compile("\\Q" + P + "\\E:[1-9]\\d*:[1-9]\\d*: [^\\n\\r\\u0085\\u2028\\u2029]+");

    private static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        return b.toString();
    }

    private static void oneLine(GoliveException e) {
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
    }

    @FuzzTest
    void systemdIni(FuzzedDataProvider data) {
        String section = data.consumeString(12);
        String key = data.consumeString(12);
        String value = data.consumeString(24);
        String text = data.consumeRemainingAsString();
        SystemdIni ini = SystemdIni.parse(P, text);
        assertThat(ini.render()).isEqualTo(text);
        ini.problems().forEach(p -> assertThat(p.describe()).matches(LOCATED));
        for (SystemdIni.Entry e : ini.entries()) {
            try {
                ini.words(e);
                ini.environment(e);
            } catch (GoliveException ex) {
                assertThat(ex.getMessage()).matches(LOCATED);
            }
        }
        try {
            SystemdIni edited = ini.set(section, key, value);
            List<String> values = edited.values(section, key);
            assertThat(values).as("set(%s, %s, %s) gave %s", dev.golive.model.Printable.clip(section, 80), dev.golive.model.Printable.clip(key, 80),
                    dev.golive.model.Printable.clip(value, 80), esc(edited.render()) + " FROM " + esc(text)).isNotEmpty();
            assertThat(values.get(values.size() - 1)).isEqualTo(value);
            assertThat(SystemdIni.parse(P, edited.render()).render()).isEqualTo(edited.render());
            SystemdIni added = ini.add(section, key, value);
            assertThat(added.values(section, key)).endsWith(value);
            assertThat(ini.remove(section, key).values(section, key)).isEmpty();
        } catch (GoliveException ex) {
            oneLine(ex);
        }
    }

    @FuzzTest
    void sysctlFile(FuzzedDataProvider data) {
        String key = data.consumeString(16);
        String value = data.consumeString(16);
        String text = data.consumeRemainingAsString();
        SysctlFile f = SysctlFile.parse(P, text);
        assertThat(f.render()).isEqualTo(text);
        f.problems().forEach(p -> assertThat(p).matches(LOCATED));
        try {
            SysctlFile edited = f.set(key, value);
            assertThat(edited.last(key)).as("set(%s, %s) on %s", dev.golive.model.Printable.clip(key, 80), dev.golive.model.Printable.clip(value, 80), dev.golive.model.Printable.clip(text, 80)).hasValueSatisfying(l -> assertThat(l.value()).isEqualTo(value));
            SysctlFile reread = SysctlFile.parse(P, edited.render());
            assertThat(reread.last(key)).as("reread set(%s, %s) on %s", dev.golive.model.Printable.clip(key, 80), dev.golive.model.Printable.clip(value, 80), dev.golive.model.Printable.clip(text, 80)).hasValueSatisfying(l -> assertThat(l.value()).isEqualTo(value));
            assertThat(reread.remove(key).last(key)).isEmpty();
        } catch (GoliveException ex) {
            oneLine(ex);
        }
    }

    @FuzzTest
    void limitsFile(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        LimitsFile f = LimitsFile.parse(P, text);
        assertThat(f.render()).isEqualTo(text);
        f.errors().forEach(e -> assertThat(e).matches(LOCATED));
        f.entries().forEach(e -> assertThat(e.source().line()).isPositive());
    }

    @FuzzTest
    void systemdWordsAndUnitNames(FuzzedDataProvider data) {
        String name = data.consumeString(64);
        String value = data.consumeRemainingAsString();
        try {
            SystemdIni.splitWords(value);
            SystemdIni.parseEnvironment(value);
        } catch (GoliveException ex) {
            assertThat(ex.getMessage()).matches("col [1-9]\\d*: [^\\n\\r]+");
        }
        try {
            assertThat(UnitNames.validate(name)).isEqualTo(name).doesNotContain("/").doesNotContain("..");
        } catch (GoliveException ex) {
            oneLine(ex);
        }
    }
}
