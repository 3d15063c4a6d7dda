package dev.golive.unit;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spec file: every key read, strict about unknown keys and shapes, positions kept for later errors. */
class SpecYamlTest {

    @Test
    void theExampleSpecReadsCompletely() {
        ServiceSpec s = SpecInputs.spec(Path.of("src/test/resources/specs/app.yaml")).spec();
        assertThat(s.name()).isEqualTo("orders");
        assertThat(s.exec()).contains("/usr/local/bin/orders");
        assertThat(s.arguments()).containsExactly("--listen", ":443", "--log-level", "info");
        assertThat(s.environment()).isEqualTo(Map.of("APP_ENV", "prod", "GREETING", "hello world"));
        assertThat(s.ports()).containsExactly(443);
        assertThat(s.resources().nofile()).as("not read as a YAML 1.1 base-60 number").contains(new NofileLimit(65536, 524288));
        assertThat(s.resources().cpuQuota()).contains("200%");
        assertThat(s.hardening()).isEqualTo(ServiceSpec.Hardening.STRICT);
        assertThat(s.go().memLimitPercent()).isEqualTo(95);
        assertThat(s.restart()).isEqualTo(ServiceSpec.Restart.DEFAULT);
        assertThat(s.stateDirectories()).containsExactly("orders");
        assertThat(s.user()).contains("orders");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key      | name: app\\nexcec: /bin/app                      | spec.yaml:2:1: unknown key "excec" (did you mean "exec"?)
            unknown nested key         | name: app\\nresources:\\n  memoryMx: 2G          | spec.yaml:3:3: unknown key "memoryMx" (did you mean "memoryMax"?)
            nothing close              | name: app\\nfrobnicate: 1                        | spec.yaml:2:1: unknown key "frobnicate"
            key twice                  | name: app\\nname: web                            | spec.yaml:2:1: "name" is given twice
            list where a value belongs | name: [a, b]                                     | spec.yaml:1:7: name: expected a single value, not a list
            ports not numbers          | name: app\\nports: [http]                        | spec.yaml:2:9: ports[0]: "http" is not a whole number
            bad hardening              | name: app\\nhardening: paranoid                  | spec.yaml:2:12: hardening: "paranoid" is not none, basic or strict
            bad nofile                 | name: app\\nresources: {nofile: lots}            | spec.yaml:2:21: resources.nofile: "lots" is not SOFT:HARD (e.g. "65536:524288") or one number, each 0..2147483584 or infinity
            no name                    | exec: /bin/app                                   | spec.yaml: name: missing (the service's name, e.g. name: app)
            not a mapping              | - a\\n- b                                         | spec.yaml:1:1: the spec must be a mapping of keys (name:, exec:, …)
            percent out of range       | name: app\\ngo: {memLimitPercent: 40}            | spec.yaml:2:23: go.memLimitPercent: 40 is outside 50..100 (DOMAIN.md suggests 90 to 95)
            """)
    void aBadSpecFileIsOneLineWithItsPosition(String what, String yaml, String message) {
        assertThatThrownBy(() -> SpecYaml.parse("spec.yaml", yaml.replace("\\n", "\n")))
                .isInstanceOfSatisfying(GoliveException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage(message);
    }

    @Test
    void invalidYamlIsOneLineToo() {
        assertThatThrownBy(() -> SpecYaml.parse("spec.yaml", "name: app\nargs: [a, b\n"))
                .isInstanceOf(GoliveException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("spec.yaml:").doesNotContain("\n"));
    }

    @Test
    void validationErrorsPointIntoTheFile() {
        SpecYaml.Loaded l = SpecYaml.parse("spec.yaml", "name: app\nexec: /bin/app\nresources:\n  memoryMax: 2g\n");
        assertThatThrownBy(() -> SpecValidator.validate(l.spec(), UnitHosts.debian12(), SpecValidatorTest.PRESENT, l.labels("spec.yaml")))
                .hasMessage("spec.yaml:4:14: resources.memoryMax: \"2g\" is not a memory size (bytes with K, M, G, T suffix in upper case, e.g. 2G or 512M; a percentage of RAM; or infinity)");
        SpecYaml.Loaded l2 = SpecYaml.parse("spec.yaml", "name: app\nexec: /bin/app\nargs: [ok, \"bad\\nline\"]\n");
        assertThatThrownBy(() -> SpecValidator.validate(l2.spec(), UnitHosts.debian12(), SpecValidatorTest.PRESENT, l2.labels("spec.yaml")))
                .hasMessage("spec.yaml:3:12: args[1]: contains a newline (U+000A) at col 4; values must be one line of printable text");
    }

    @Test
    void aMissingFileIsBadInput() {
        assertThatThrownBy(() -> SpecInputs.spec(Path.of("src/test/resources/specs/nope.yaml")))
                .hasMessage("src/test/resources/specs/nope.yaml: no such file");
    }

    @Test
    void defaultsMatchAnEmptyishSpec() {
        ServiceSpec s = SpecYaml.parse("s.yaml", "name: app\n").spec();
        assertThat(s).isEqualTo(new ServiceSpec("app", Optional.empty(), Optional.empty(), List.of(), Optional.empty(), false,
                Optional.empty(), List.of(), Map.of(), List.of(), ServiceSpec.Resources.NONE, ServiceSpec.Restart.DEFAULT,
                ServiceSpec.Hardening.BASIC, ServiceSpec.GoRuntime.DEFAULT));
    }

    @Test
    void resourceControlsAndLogsFromTheFileWithErrorsAtTheirPlace() {
        String yaml = """
                name: orders
                exec: /usr/local/bin/orders
                resources:
                  cpuWeight: 200
                  memoryLow: 512M
                  ioReadBandwidthMax: ["/dev/vda 50M", "/dev/vdb 10M"]
                  cpuAffinity: "0-1"
                logs: {syslogIdentifier: orders, standardOutput: journal, rateLimitIntervalSec: 30s, rateLimitBurst: 1000}
                """;
        ServiceSpec s = SpecYaml.parse("spec.yaml", yaml).spec();
        assertThat(s.resources().cpuWeight()).contains(200);
        assertThat(s.resources().memoryLow()).contains("512M");
        assertThat(s.resources().ioReadBandwidthMax()).containsExactly("/dev/vda 50M", "/dev/vdb 10M");
        assertThat(s.resources().cpuAffinity()).contains("0-1");
        assertThat(s.logging()).isEqualTo(new ServiceSpec.Logging(java.util.Optional.of("orders"), java.util.Optional.of("journal"),
                java.util.Optional.empty(), java.util.Optional.of("30s"), java.util.Optional.of(1000)));
        SpecYaml.Loaded bad = SpecYaml.parse("spec.yaml", yaml.replace("/dev/vdb 10M", "/dev/vdb 10m"));
        assertThatThrownBy(() -> SpecValidator.validate(bad.spec(), UnitHosts.debian12(), SpecValidatorTest.PRESENT, bad.labels("spec.yaml")))
                .hasMessageStartingWith("spec.yaml:6:40: resources.ioReadBandwidthMax[1]: \"/dev/vdb 10m\" is not IOReadBandwidthMax=");
        assertThatThrownBy(() -> SpecYaml.parse("spec.yaml", yaml.replace("rateLimitBurst", "rateLimitBrust")))
                .hasMessageContaining("unknown key \"rateLimitBrust\" (did you mean \"rateLimitBurst\"?)");
    }
}
