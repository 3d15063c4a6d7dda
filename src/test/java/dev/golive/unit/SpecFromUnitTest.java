package dev.golive.unit;

import dev.golive.app.Session;
import dev.golive.config.SystemdIni;
import dev.golive.config.UnitResolver;
import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;
import dev.golive.host.Fixtures;
import dev.golive.model.Fact;
import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting the unit editor from the unit a service already has. */
class SpecFromUnitTest {

    @TempDir Path tmp;
    private Path host;
    private int hosts;

    /** The unit (and drop-ins) as an admin would have written them, resolved the way systemd loads them. */
    private ServiceFacts unit(String unitText, String... dropIns) throws IOException {
        host = tmp.resolve("host" + (++hosts));
        write("/etc/systemd/system/app.service", unitText);
        for (int i = 0; i < dropIns.length; i++) write("/etc/systemd/system/app.service.d/" + (10 + i) + "-admin.conf", dropIns[i]);
        var root = new DirectoryHostRoot(host, false, "test", new AccessLog());
        UnitResolver.Resolution r = UnitResolver.resolve(root, "app.service");
        return new ServiceFacts("app.service", Fact.of(r.file().orElseThrow(), Source.File.of("/etc/systemd/system/app.service")),
                r.directives(), Fact.unknown("not read"), Map.of(), "/system.slice/app.service",
                Fact.unknown("no module"), Fact.unknown("not run"), Fact.unknown("not run"));
    }

    private void write(String hostPath, String text) throws IOException {
        Path p = host.resolve(hostPath.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String service(String... lines) { return "[Service]\n" + String.join("\n", lines) + "\n"; }

    record ExecCase(String execStart, String exec, List<String> args, String note) {
        @Override public String toString() { return "ExecStart=" + execStart; }
    }

    static List<ExecCase> execLines() {
        return List.of(
                new ExecCase("/opt/api/bin/api -config /etc/api/config.yaml", "/opt/api/bin/api", List.of("-config", "/etc/api/config.yaml"), null),
                new ExecCase("-/bin/x", "/bin/x", List.of(), "prefix \"-\""),
                new ExecCase("@/usr/bin/app app-name --flag", "/usr/bin/app", List.of("app-name", "--flag"), "prefix \"@\""),
                new ExecCase(":+!/usr/bin/app", "/usr/bin/app", List.of(), "prefix \":+!\""),
                new ExecCase("/usr/bin/app \"--greeting=hello world\" 'c d' --tab=a\\tb", "/usr/bin/app",
                        List.of("--greeting=hello world", "c d", "--tab=a\tb"), null),
                new ExecCase("/usr/bin/app --home %%h --price $$5", "/usr/bin/app", List.of("--home", "%h", "--price", "$5"), null),
                new ExecCase("/usr/bin/app --port ${PORT}", "/usr/bin/app", List.of("--port", "${PORT}"), "specifier or $VARIABLE"),
                new ExecCase("/usr/bin/app --name %i", "/usr/bin/app", List.of("--name", "%i"), "specifier or $VARIABLE"),
                new ExecCase("/usr/bin/app 'unterminated", null, List.of(), "cannot be split"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("execLines")
    void execStartIsSplitWithSystemdsQuotingAndItsPrefixesNamed(ExecCase c) throws IOException {
        SpecFromUnit s = SpecFromUnit.of(unit(service("ExecStart=" + c.execStart())), Map.of());
        assertThat(s.spec().exec()).isEqualTo(Optional.ofNullable(c.exec()));
        assertThat(s.spec().arguments()).isEqualTo(c.args());
        if (c.note() == null) assertThat(s.notes()).isEmpty();
        else assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains(c.note()));
        if (c.exec() != null) assertThat(s.sources().get(SpecFromUnit.EXEC).describe()).isEqualTo("/etc/systemd/system/app.service:2");
    }

    @Test
    void aDropInThatResetsExecStartGivesTheNewCommandAndSeveralLinesGiveTheLast() throws IOException {
        SpecFromUnit reset = SpecFromUnit.of(unit(service("ExecStart=/usr/bin/old"), service("ExecStart=", "ExecStart=/usr/bin/new --x")), Map.of());
        assertThat(reset.spec().exec()).contains("/usr/bin/new");
        assertThat(reset.spec().arguments()).containsExactly("--x");
        assertThat(reset.sources().get(SpecFromUnit.EXEC).describe()).isEqualTo("/etc/systemd/system/app.service.d/10-admin.conf:3");

        SpecFromUnit oneshot = SpecFromUnit.of(unit(service("Type=oneshot", "ExecStart=/bin/a", "ExecStart=/bin/b")), Map.of());
        assertThat(oneshot.spec().exec()).contains("/bin/b");
        assertThat(oneshot.notes()).anySatisfy(n -> assertThat(n).startsWith("2 ExecStart= lines"));
    }

    @Test
    void environmentLinesAddUpALaterNameWinsAndAnEmptyAssignmentResets() throws IOException {
        SpecFromUnit s = SpecFromUnit.of(unit(service("Environment=A=1 \"B=two words\"", "Environment=C=3 HOME=%%h"),
                service("Environment=A=9")), Map.of());
        assertThat(s.spec().environment()).containsExactly(Map.entry("A", "9"), Map.entry("B", "two words"),
                Map.entry("C", "3"), Map.entry("HOME", "%h"));
        assertThat(s.sources().get(SpecFromUnit.ENVIRONMENT).describe()).isEqualTo("/etc/systemd/system/app.service:2");

        SpecFromUnit reset = SpecFromUnit.of(unit(service("Environment=A=1 B=2"), service("Environment=", "Environment=C=3")), Map.of());
        assertThat(reset.spec().environment()).containsExactly(Map.entry("C", "3"));
    }

    @Test
    void userResourcesAndRestartComeFromTheUnit() throws IOException {
        SpecFromUnit s = SpecFromUnit.of(unit("""
                [Unit]
                StartLimitIntervalSec=30s
                StartLimitBurst=3

                [Service]
                DynamicUser=true
                StateDirectory=app "app cache"
                ExecStart=/usr/bin/app
                Restart=always
                RestartSec=1s
                CPUQuota=200%
                MemoryMax=24G
                MemoryHigh=20G
                TasksMax=512
                LimitNOFILE=1024:524288
                """), Map.of());
        ServiceSpec spec = s.spec();
        assertThat(spec.name()).isEqualTo("app");
        assertThat(spec.dynamicUser()).isTrue();
        assertThat(spec.user()).isEmpty();
        assertThat(spec.stateDirectories()).containsExactly("app", "app cache");
        assertThat(spec.resources()).isEqualTo(new ServiceSpec.Resources(Optional.of("200%"), Optional.of("24G"), Optional.of("20G"),
                Optional.of("512"), Optional.of(new NofileLimit(1024, 524288)), Optional.empty()));
        assertThat(spec.restart()).isEqualTo(new ServiceSpec.Restart("always", "1s", "30s", 3));
        assertThat(spec.ports()).as("a unit records no ports; golive never invents one").isEmpty();
        assertThat(spec.go()).isEqualTo(ServiceSpec.GoRuntime.DEFAULT);
        assertThat(s.sources().get(SpecFromUnit.CPU_QUOTA).describe()).isEqualTo("/etc/systemd/system/app.service:11");
        assertThat(s.sources().get(SpecFromUnit.RESTART_SEC).describe()).isEqualTo("/etc/systemd/system/app.service:10");
    }

    @Test
    void restartSettingsTheUnitLeavesOutAreSystemdsOrTheManagersDefaults() throws IOException {
        ServiceFacts bare = unit(service("ExecStart=/usr/bin/app"));
        assertThat(SpecFromUnit.of(bare, Map.of()).spec().restart()).isEqualTo(new ServiceSpec.Restart("no", "100ms", "10s", 5));
        var conf = new Source.File("/etc/systemd/system.conf", 40);
        SpecFromUnit managed = SpecFromUnit.of(bare, Map.of("DefaultRestartSec", Fact.of("2s", conf),
                "DefaultStartLimitIntervalSec", Fact.of("20s", conf), "DefaultStartLimitBurst", Fact.of("7", conf)));
        assertThat(managed.spec().restart()).isEqualTo(new ServiceSpec.Restart("no", "2s", "20s", 7));
        assertThat(managed.sources().get(SpecFromUnit.RESTART_SEC)).isEqualTo(conf);
    }

    @Test
    void memoryHighIsLeftToTheUnitWhereTheKernelIgnoresIt() throws IOException {
        ServiceFacts u = unit(service("ExecStart=/usr/bin/app", "MemoryHigh=200M"));
        assertThat(SpecFromUnit.of(u, Map.of(), Optional.of(dev.golive.model.CgroupMode.V2)).spec().resources().memoryHigh()).contains("200M");
        SpecFromUnit hybrid = SpecFromUnit.of(u, Map.of(), Optional.of(dev.golive.model.CgroupMode.HYBRID));
        assertThat(hybrid.spec().resources().memoryHigh()).isEmpty();
        assertThat(hybrid.sources()).doesNotContainKey(SpecFromUnit.MEMORY_HIGH);
        assertThat(hybrid.notes()).anySatisfy(n -> assertThat(n).startsWith("MemoryHigh=200M (/etc/systemd/system/app.service:3) does nothing"));
    }

    @Test
    void hardeningIsALevelOnlyWhenTheUnitHasAllOfIt() throws IOException {
        StringBuilder basic = new StringBuilder("ExecStart=/usr/bin/app\n");
        for (HardeningLevels.Directive d : HardeningLevels.of(ServiceSpec.Hardening.BASIC)) {
            basic.append(d.key()).append('=').append(d.value().equals("yes") ? "true" : d.value()).append('\n');
        }
        assertThat(SpecFromUnit.of(unit("[Service]\n" + basic), Map.of()).spec().hardening()).isEqualTo(ServiceSpec.Hardening.BASIC);
        assertThat(SpecFromUnit.of(unit(service("ExecStart=/usr/bin/app", "NoNewPrivileges=yes", "PrivateTmp=yes")), Map.of())
                .spec().hardening()).isEqualTo(ServiceSpec.Hardening.NONE);
    }

    @Test
    void anUntouchedSpecLeavesExecStartStateDirsAndSpecifierValuesToTheUnit() throws IOException {
        SpecFromUnit s = SpecFromUnit.of(unit(service("ExecStart=-/usr/bin/app --home %h", "StateDirectory=app",
                "Environment=A=1 HOME=%h")), Map.of());
        ServiceSpec same = s.forDropIn(s.spec());
        assertThat(same.exec()).isEmpty();
        assertThat(same.arguments()).isEmpty();
        assertThat(same.stateDirectories()).isEmpty();
        assertThat(same.environment()).containsExactly(Map.entry("A", "1"));

        ServiceSpec edited = new ServiceSpec(s.spec().name(), Optional.empty(), s.spec().exec(), List.of("--home", "/srv/app"),
                s.spec().user(), false, Optional.empty(), List.of("app", "cache"), Map.of("A", "1", "HOME", "/srv"),
                List.of(), s.spec().resources(), s.spec().restart(), s.spec().hardening(), s.spec().go());
        ServiceSpec changed = s.forDropIn(edited);
        assertThat(changed.exec()).contains("/usr/bin/app");
        assertThat(changed.arguments()).containsExactly("--home", "/srv/app");
        assertThat(changed.stateDirectories()).containsExactly("app", "cache");
        assertThat(changed.environment()).containsEntry("HOME", "/srv");
    }

    /**
     * The audit's case: api.service on debian12-vm (User=api, ExecStart with arguments, a drop-in
     * with Environment= and LimitNOFILE=).
     */
    @Test
    void onDebian12TheFormStartsFromApiService() {
        var facts = Fixtures.inspectService("debian12-vm+api.service");
        SpecFromUnit s = SpecFromUnit.of(facts.service().orElseThrow(), facts);
        assertThat(s.spec().exec()).contains("/opt/api/bin/api");
        assertThat(s.spec().arguments()).containsExactly("-config", "/etc/api/config.yaml");
        assertThat(s.spec().user()).contains("api");
        assertThat(s.spec().dynamicUser()).isFalse();
        assertThat(s.spec().environment()).containsExactly(Map.entry("GOMAXPROCS", "4"));
        assertThat(s.spec().resources().nofile()).contains(new NofileLimit(65536, 65536));
        assertThat(s.spec().ports()).isEmpty();
        assertThat(s.sources().get(SpecFromUnit.USER).describe()).isEqualTo("/etc/systemd/system/api.service:8");
        assertThat(s.sources().get(SpecFromUnit.NOFILE).describe()).isEqualTo("/etc/systemd/system/api.service.d/override.conf:3");
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).startsWith("MemoryLimit=2G"));
        // MemoryLimit= (the cgroup v1 name) is the unit's memory limit: the form starts from it, with its line
        assertThat(s.spec().resources().memoryMax()).contains("2G");
        assertThat(s.sources().get(SpecFromUnit.MEMORY_MAX).describe()).isEqualTo("/etc/systemd/system/api.service.d/override.conf:5");
    }

    /**
     * Every fixture service (an admin's unit with a drop-in, an admin's unit alone, a vendor unit
     * in /usr/lib with $ARGS in ExecStart=): the drop-in golive renders from the untouched form,
     * written next to the unit, leaves every effective setting as it was.
     */
    static List<String> fixtureServices() { return Fixtures.SERVICES; }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureServices")
    void theUntouchedDropInChangesNoEffectiveSetting(String hostAndUnit) throws IOException {
        String host = hostAndUnit.substring(0, hostAndUnit.indexOf('+'));
        String unitName = hostAndUnit.substring(host.length() + 1);
        Path tree = tmp.resolve("host");
        Fixtures.copyTree(Fixtures.dir(host), tree);
        Files.delete(tree.resolve("golive-capture.json"));
        Map<String, String> before;
        try (Session session = Session.open(tree.toString())) {
            var facts = session.inspectService(unitName, null);
            ServiceFacts svc = facts.service().orElseThrow();
            SpecFromUnit s = SpecFromUnit.of(svc, facts);

            RenderedUnit r = session.previewUnit(s.forDropIn(s.spec()), Optional.empty(), x -> x, "test", false).unit();
            assertThat(r.kind()).isEqualTo(RenderedUnit.Kind.DROP_IN);
            assertThat(r.content()).doesNotContain("ExecStart", "DynamicUser", "ProtectSystem");

            before = effective(svc.directives());
            Path dropIn = tree.resolve(r.path().substring(1));
            Files.createDirectories(dropIn.getParent());
            Files.writeString(dropIn, r.content());
        }
        // read back as inspect reads it: a template instance's specifiers (%i of postgresql@10-main) expanded as before
        try (Session session = Session.open(tree.toString())) {
            var after = session.inspectService(unitName, null).service().orElseThrow();
            assertThat(effective(after.directives())).isEqualTo(before);
        }
    }

    /**
     * What systemd ends up with, by key: the last value of a single setting; for Environment=
     * the merged variables. Settings systemd has a default for count as that default, since
     * golive writes the default out (Restart=no, RestartSec=100ms, the start limit).
     */
    private static Map<String, String> effective(List<UnitDirective> dirs) {
        Map<String, String> out = new TreeMap<>(Map.of("Service/Restart", "no", "Service/RestartSec", "100ms",
                "Unit/StartLimitIntervalSec", "10s", "Unit/StartLimitBurst", "5"));
        Map<String, String> env = new LinkedHashMap<>();
        for (UnitDirective d : dirs) {
            if (d.key().equals("Environment")) env.putAll(SystemdIni.parseEnvironment(d.value()));
            else if (d.key().equals("LimitNOFILE")) out.put(d.section() + "/" + d.key(), NofileLimit.parse(d.value()).orElseThrow().toString());
            else out.put(d.section() + "/" + d.key(), d.value());
        }
        out.put("Service/Environment", new TreeMap<>(env).toString());
        return out;
    }
}
