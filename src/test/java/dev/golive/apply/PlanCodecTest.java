package dev.golive.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanConflict;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

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
            unknown format         | {"id":"x","profile":"p","service":null,"files":[],"live":[{"key":"k","path":"/proc/sys/k","format":"INI","before":"1","after":"2","perNamespace":false,"why":""}],"actions":[],"conflicts":[],"manualSteps":[]} | plan.json: live[0].format: "INI" is not one of [SYSCTL, SYSFS_CHOICE, SYSFS_NUMBER]
            not a live path        | {"id":"x","profile":"p","service":null,"files":[],"live":[{"key":"k","path":"/etc/k","format":"SYSCTL","before":"1","after":"2","perNamespace":false,"why":""}],"actions":[],"conflicts":[],"manualSteps":[]} | plan.json: live[0]: not a live value path: /etc/k
            restart without unit   | {"id":"x","profile":"p","service":null,"files":[],"live":[],"actions":[{"kind":"RESTART_SERVICE","unit":null,"why":""}],"conflicts":[],"manualSteps":[]} | plan.json: actions[0]: restart needs a unit
            newer format           | {"format":2,"id":"x"}                            | plan.json: format: plan format 2 is newer than this golive reads (1)
            """)
    void aBadPlanFileIsOneLineNamingWhere(String what, String json, String message) {
        assertThatThrownBy(() -> PlanCodec.fromJson("plan.json", json))
                .isInstanceOfSatisfying(GoliveException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a key given twice      | {"id":"x","id":"y"}                              | plan.json:1:15: Duplicate field 'id'
            a second document      | {"id":"x"} {"id":"y"}                            | plan.json:1:12: Trailing token (of type START_OBJECT) found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`
            garbage after it       | {"id":"x"}x                                      | plan.json:1:11: Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
            """)
    void aPlanFileIsOneDocumentWithEachKeyOnce(String what, String json, String message) {
        assertThatThrownBy(() -> PlanCodec.fromJson("plan.json", json))
                .isInstanceOfSatisfying(GoliveException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage(message);
    }

    /** What `apply --plan-file` refuses beyond the format: each edit of a planned plan, and the one line it gets. */
    static Stream<Arguments> editsApplyRefuses() {
        return Stream.of(
                edit("a sysctl as a sysfs choice", p -> HostilePlanFileTest.set(p, "live", 0, "format", "SYSFS_CHOICE"),
                        "plan.json: live[0].format: SYSFS_CHOICE: net.core.somaxconn is SYSCTL"),
                edit("a global key said to be per namespace", p -> bool(p, "live", 1, "perNamespace", true),
                        "plan.json: live[1].perNamespace: net.core.netdev_max_backlog is not per network namespace"),
                edit("a THP file under another key", p -> HostilePlanFileTest.set(p, "live", 5, "path", "/sys/kernel/mm/transparent_hugepage/defrag"),
                        "plan.json: live[5].path: \"/sys/kernel/mm/transparent_hugepage/defrag\" is not the file of transparent_hugepage.enabled (/sys/kernel/mm/transparent_hugepage/enabled)"),
                edit("a typo in a key", p -> HostilePlanFileTest.set(p, "live", 0, "key", "net.core.somaxcon"),
                        "plan.json: live[0].key: \"net.core.somaxcon\" is not a value golive sets live (the sysctl: and sysfs: keys a profile may set) (did you mean \"net.core.somaxconn\"?)"),
                edit("a key twice", p -> HostilePlanFileTest.set(p, "live", 1, "key", "net.core.somaxconn"),
                        "plan.json: live[1].key: net.core.somaxconn is listed twice"),
                edit("a before value of two lines", p -> HostilePlanFileTest.set(p, "live", 0, "before", "4096\nx"),
                        "plan.json: live[0].before: \"4096\\nx\" is not one line of printable text"),
                edit("a file golive does not own", p -> HostilePlanFileTest.set(p, "files", 0, "path", "/etc/sysctl.conf"),
                        "plan.json: files[0].path: \"/etc/sysctl.conf\" is not a file golive owns (/etc/sysctl.d/60-golive.conf, /etc/systemd/system.conf.d/60-golive.conf, /etc/tmpfiles.d/60-golive.conf, the service's unit or its .d/60-golive.conf, /etc/logrotate.d/golive-NAME)"),
                edit("another service's logrotate file", p -> HostilePlanFileTest.set(p, "files", 0, "path", "/etc/logrotate.d/golive-nginx"),
                        "plan.json: files[0].path: /etc/logrotate.d/golive-nginx is not the logrotate file of the plan's service (/etc/logrotate.d/golive-app)"),
                edit("a file twice", p -> HostilePlanFileTest.set(p, "files", 1, "path", OwnedFiles.SYSCTL_DROPIN),
                        "plan.json: files[1].path: /etc/sysctl.d/60-golive.conf is listed twice"),
                edit("a unit file without a service", p -> { p.putNull("service"); ((ArrayNode) p.get("actions")).remove(2); return p.toString(); },
                        "plan.json: files[2].path: /etc/systemd/system/app.service.d/60-golive.conf is not a unit file of the plan's service (it names none)"),
                edit("a service that is no unit name", p -> { p.put("service", "app service.service"); return p.toString(); },
                        "plan.json: service: invalid unit name \"app service.service\": character \" \" at col 4 is not allowed (letters, digits, \":-_.\\\" and one '@'; see systemd-escape)"),
                edit("content without golive's header", p -> HostilePlanFileTest.set(p, "files", 1, "after", "[Manager]\nDefaultLimitNOFILE=infinity\n"),
                        "plan.json: files[1].after: does not start with golive's header \"# Managed by golive\""),
                edit("a group other than root", p -> HostilePlanFileTest.set(p, "files", 0, "group", "adm"),
                        "plan.json: files[0].group: \"adm\": golive's files belong to group root"),
                edit("a restart of another unit", p -> HostilePlanFileTest.set(p, "actions", 2, "unit", "sshd.service"),
                        "plan.json: actions[2].unit: \"sshd.service\" is not the plan's service (app.service)"),
                edit("a reload naming a unit", p -> HostilePlanFileTest.set(p, "actions", 0, "unit", "app.service"),
                        "plan.json: actions[0].unit: only a restart names a unit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editsApplyRefuses")
    void applyRefusesAPlanFileThePlannerCouldNotHaveWritten(String what, Function<ObjectNode, String> change, String message) throws Exception {
        ObjectNode planned = (ObjectNode) new ObjectMapper().readTree(PlanCodec.toJson(TestTree.create(dir).plan("p1", 5)));
        assertThat(PlanCodec.readPlanFile("plan.json", planned.toString())).isNotNull();
        String edited = change.apply(planned);
        assertThat(PlanCodec.fromJson("plan.json", edited)).as("still a well-formed plan").isNotNull();
        // located at the field's line and column (one line of JSON here: its column varies with the content)
        assertThatThrownBy(() -> PlanCodec.readPlanFile("plan.json", edited))
                .isInstanceOfSatisfying(GoliveException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                    assertThat(e.getMessage()).matches("plan\\.json:1:\\d+: .*");
                    assertThat(e.getMessage().replaceFirst("^plan\\.json:1:\\d+: ", "plan.json: ")).isEqualTo(message);
                });
    }

    @Test
    void aPlanFileMayMakeAFileTighterThanGolivesButNotLooser() throws Exception {
        // 0644 is what the planner writes; a reviewer who chose 0640 or 0600 loses nothing, any other bit is refused
        ObjectNode p = (ObjectNode) new ObjectMapper().readTree(PlanCodec.toJson(TestTree.create(dir).plan("p1", 5)));
        for (String ok : List.of("0644", "0640", "0600", "0400")) {
            assertThat(PlanCodec.readPlanFile("plan.json", HostilePlanFileTest.set(p, "files", 0, "mode", ok)).files().get(0).mode()).isEqualTo(Integer.parseInt(ok, 8));
        }
        for (String bad : List.of("0664", "0646", "0744", "1644", "2644", "4644", "0777")) {
            assertThatThrownBy(() -> PlanCodec.readPlanFile("plan.json", HostilePlanFileTest.set(p, "files", 0, "mode", bad)))
                    .hasMessageMatching("plan\\.json:1:\\d+: files\\[0\\]\\.mode: " + bad + ": golive writes its files 0644 at most.*");
        }
    }

    @Test
    void theFuzzSeedsReachPastTheRules() throws Exception {
        // planFiles fuzzes mutations of these: one plan apply accepts, one it refuses at the last rules only
        Path seeds = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/dev/golive/apply/PlanCodecFuzzTestInputs/planFiles");
        Plan ok = PlanCodec.readPlanFile("applicable-plan.json", java.nio.file.Files.readString(seeds.resolve("applicable-plan.json")));
        assertThat(ok.live()).hasSize(7);
        assertThat(ok.files()).hasSize(3);
        assertThatThrownBy(() -> PlanCodec.readPlanFile("redirected-key.json", java.nio.file.Files.readString(seeds.resolve("redirected-key.json"))))
                .hasMessageStartingWith("redirected-key.json:101:15: live[7].path: \"/proc/sys/fs/protected_symlinks\" is not the file of");
    }

    static Arguments edit(String what, Function<ObjectNode, String> change, String message) { return Arguments.of(what, change, message); }

    static String bool(ObjectNode p, String list, int i, String field, boolean value) {
        ((ObjectNode) p.get(list).get(i)).put(field, value);
        return p.toString();
    }
}
