package dev.golive.apply;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.Plan;
import dev.golive.model.PlanConflict;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `golive plan --json` → file → `golive apply --plan-file`: the plan comes back exactly. */
class PlanCodecTest {

    @TempDir Path dir;

    @Test
    void aFullPlanRoundTripsExactly() {
        Plan p = TestTree.create(dir).fullPlan("20261123-0101-web");
        Plan rich = new Plan(p.id(), p.profile(), Optional.empty(), p.files(), p.live(), p.actions(),
                List.of(new PlanConflict("net.core.somaxconn", "65535", "1024", new Source.File("/etc/sysctl.d/99-vendor.conf", 3), "a later file wins at boot"),
                        new PlanConflict("vm.swappiness", null, null, Source.File.of("/etc/sysctl.conf"), null)),
                List.of("edit /etc/security/limits.conf by hand: \"nofile\" there does not reach services", "ünïcödé\ttab\\backslash"));
        String json = PlanCodec.toJson(rich);
        assertThat(PlanCodec.fromJson("plan.json", json)).isEqualTo(rich);
        assertThat(PlanCodec.toJson(PlanCodec.fromJson("plan.json", json))).isEqualTo(json);
        assertThat(json).startsWith("{\n  \"format\" : 1,\n  \"id\" : \"20261123-0101-web\",\n  \"profile\" : \"web\",\n  \"service\" : null,\n  \"files\" : [ {\n    \"path\" : \"/etc/sysctl.d/60-golive.conf\",\n    \"before\" : \"# Managed by golive");
        assertThat(json).contains("\"mode\" : \"0644\"", "\"format\" : \"SYSFS_CHOICE\"", "\"kind\" : \"RESTART_SERVICE\",\n    \"unit\" : \"app.service\"",
                "\"winner\" : {\n      \"path\" : \"/etc/sysctl.d/99-vendor.conf\",\n      \"line\" : 3\n    }");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            syntax error           | {"id": "x",,}                                   | plan.json:1:12: Unexpected character (',' (code 44)): was expecting double-quote to start field name
            not an object          | []                                               | plan.json: expected a JSON object
            missing id             | {"profile":"web"}                                | plan.json: id: missing
            bad mode               | {"id":"x","profile":"p","service":null,"files":[{"path":"/etc/sysctl.d/60-golive.conf","before":null,"after":"# Managed by golive","mode":"644x","owner":"root","group":"root","why":""}],"live":[],"actions":[],"conflicts":[],"manualSteps":[]} | plan.json: files[0].mode: expected an octal mode like "0644", got "644x"
            relative path          | {"id":"x","profile":"p","service":null,"files":[{"path":"etc/x","before":null,"after":"a","mode":"0644","owner":"root","group":"root","why":""}],"live":[],"actions":[],"conflicts":[],"manualSteps":[]} | plan.json: files[0]: path must be absolute: etc/x
            unknown format         | {"id":"x","profile":"p","service":null,"files":[],"live":[{"key":"k","path":"/proc/sys/k","format":"INI","before":"1","after":"2","perNamespace":false,"why":""}],"actions":[],"conflicts":[],"manualSteps":[]} | plan.json: live[0].format: "INI" is not one of [SYSCTL, SYSFS_CHOICE]
            not a live path        | {"id":"x","profile":"p","service":null,"files":[],"live":[{"key":"k","path":"/etc/k","format":"SYSCTL","before":"1","after":"2","perNamespace":false,"why":""}],"actions":[],"conflicts":[],"manualSteps":[]} | plan.json: live[0]: not a live value path: /etc/k
            restart without unit   | {"id":"x","profile":"p","service":null,"files":[],"live":[],"actions":[{"kind":"RESTART_SERVICE","unit":null,"why":""}],"conflicts":[],"manualSteps":[]} | plan.json: actions[0]: restart needs a unit
            newer format           | {"format":2,"id":"x"}                            | plan.json: format: plan format 2 is newer than this golive reads (1)
            """)
    void aBadPlanFileIsOneLineNamingWhere(String what, String json, String message) {
        assertThatThrownBy(() -> PlanCodec.fromJson("plan.json", json))
                .isInstanceOfSatisfying(GoliveException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage(message);
    }
}
