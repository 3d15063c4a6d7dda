package dev.golive.unit;

import dev.golive.model.ExitCode;
import dev.golive.model.Fact;
import dev.golive.model.GoliveException;
import dev.golive.model.HostFacts;
import dev.golive.model.ServiceSpec;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A table of bad specs, each with the exact one-line error the admin sees (exit 2). */
class SpecValidatorTest {

    static final BinaryPresence PRESENT = new BinaryPresence(true, Fact.of(true, Source.File.of("/usr/local/bin/app")));

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                arguments("slash in the name", Specs.app().name("web/app"),
                        "name: invalid unit name \"web/app.service\": contains '/'"),
                arguments("dot-dot in the name", Specs.app().name("..app"),
                        "name: invalid unit name \"..app.service\": contains \"..\""),
                arguments("name over 255 characters", Specs.app().name("a".repeat(250)),
                        "name: invalid unit name \"" + "a".repeat(80) + "…\": longer than 255 characters"),
                arguments("another unit type", Specs.app().name("app.socket"),
                        "name: \"app.socket\" is a .socket unit; golive writes .service units"),
                arguments("space in the name", Specs.app().name("my app"),
                        "name: invalid unit name \"my app.service\": character \" \" at col 3 is not allowed (letters, digits, \":-_.\\\" and one '@'; see systemd-escape)"),
                arguments("a template", Specs.app().name("app@"),
                        "name: \"app@.service\" is a template; name an instance (\"app@1.service\")"),
                arguments("newline in an argument", Specs.app().args("--listen", ":80\nExecStartPre=/bin/rm"),
                        "args[1]: contains a newline (U+000A) at col 4; values must be one line of printable text"),
                arguments("newline in the description", Specs.app().description("my\napp"),
                        "description: contains a newline (U+000A) at col 3; values must be one line of printable text"),
                arguments("trailing backslash in the description (found by fuzzing)", Specs.app().description("a\\"),
                        "description: ends with '\\', which systemd reads as a line continuation"),
                arguments("escape character in an env value", Specs.app().env("TERM", "x\u001b[0m"),
                        "environment.TERM: contains a control character (U+001B) at col 2; values must be one line of printable text"),
                arguments("carriage return in the user", Specs.app().user("app\r"),
                        "user: contains a carriage return (U+000D) at col 4; values must be one line of printable text"),
                arguments("tab in a working directory", Specs.app().workingDirectory("/srv/\tapp"),
                        "workingDirectory: contains a tab (U+0009) at col 6; values must be one line of printable text"),
                arguments("relative binary", Specs.app().exec("bin/app"),
                        "exec: \"bin/app\" is not an absolute path (systemd before 239 refuses a relative ExecStart=, and PATH lookup hides which binary runs)"),
                arguments("binary path with ..", Specs.app().exec("/usr/local/../bin/app"),
                        "exec: \"/usr/local/../bin/app\" is not a normalized path to a file"),
                arguments("user and dynamic user", Specs.app().dynamicUser().user("app"),
                        "user: user \"app\" and dynamicUser both set: choose one (with DynamicUser=yes an existing user of that name is used instead of a dynamic one)"),
                arguments("bad user name", Specs.app().user("-app"),
                        "user: \"-app\" is not a valid user name"),
                arguments("absolute state directory", Specs.app().stateDirs("/var/lib/app"),
                        "stateDirectories[0]: \"/var/lib/app\" must be a relative path below /var/lib (StateDirectory=)"),
                arguments("space in a state directory", Specs.app().stateDirs("my app"),
                        "stateDirectories[0]: \"my app\" contains a space (StateDirectory= is a space-separated list)"),
                arguments("trailing space in the working directory", Specs.app().workingDirectory("/srv/app "),
                        "workingDirectory: \"/srv/app \" has leading or trailing spaces, which systemd drops"),
                arguments("bad variable name", Specs.app().env("1X", "y"),
                        "environment.1X: \"1X\" is not a valid variable name (letters, digits and '_', not starting with a digit)"),
                arguments("port 0", Specs.app().ports(0),
                        "ports[0]: 0 is not a TCP port (1..65535)"),
                arguments("port 70000", Specs.app().ports(80, 70000),
                        "ports[1]: 70000 is not a TCP port (1..65535)"),
                arguments("port twice", Specs.app().ports(8080, 8080),
                        "ports[1]: 8080 is listed twice"),
                arguments("quota without %", Specs.app().cpuQuota("200"),
                        "resources.cpuQuota: \"200\" is not a CPU quota (a percentage above 0 with at most two decimals, e.g. 200% for two CPUs, or infinity: no quota)"),
                arguments("zero quota", Specs.app().cpuQuota("0%"),
                        "resources.cpuQuota: \"0%\" is out of range (0.01%..21474836.47%)"),
                arguments("lower-case size suffix", Specs.app().memoryMax("2g"),
                        "resources.memoryMax: \"2g\" is not a memory size (bytes with K, M, G, T suffix in upper case, e.g. 2G or 512M; a percentage of RAM; or infinity)"),
                arguments("GB suffix", Specs.app().memoryMax("2GB"),
                        "resources.memoryMax: \"2GB\" is not a memory size (bytes with K, M, G, T suffix in upper case, e.g. 2G or 512M; a percentage of RAM; or infinity)"),
                arguments("tasks 0", Specs.app().tasksMax("0"),
                        "resources.tasksMax: \"0\" is out of range (1..9223372036854775807, 0.01%..100%, or infinity)"),
                arguments("soft above hard", Specs.app().nofile(2000, 1000),
                        "resources.nofile: soft limit 2000:1000 is above the hard limit (systemd ignores the setting)"),
                arguments("hard above nr_open", Specs.app().nofile(65536, 2_000_000),
                        "resources.nofile: hard limit 2000000 is above fs.nr_open (1048576), the kernel's ceiling; the service would fail to start"),
                arguments("io weight 0", Specs.app().ioWeight(0),
                        "resources.ioWeight: 0 is out of range (1..10000, default 100)"),
                arguments("restart policy", Specs.app().restart("sometimes", "2s", "60s", 5),
                        "restart.policy: \"sometimes\" is not a Restart= value (always, no, on-abnormal, on-abort, on-failure, on-success, on-watchdog)"),
                arguments("restart time", Specs.app().restart("on-failure", "2x", "60s", 5),
                        "restart.restartSec: \"2x\" is not a time span (e.g. 2s, 500ms, 1min 30s)"),
                arguments("GOMEMLIMIT syntax", Specs.app().gomemlimit("2G"),
                        "go.gomemlimit: \"2G\" is not a GOMEMLIMIT (bytes with B, KiB, MiB, GiB or TiB, e.g. 1800MiB; or off)"),
                arguments("GOMAXPROCS 0", Specs.app().gomaxprocs(0),
                        "go.gomaxprocs: 0 is below 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void aBadSpecIsOneLineAndExitTwo(String what, Specs spec, String message) {
        assertThatThrownBy(() -> SpecValidator.validate(spec.build(), UnitHosts.debian12(), PRESENT))
                .isInstanceOfSatisfying(GoliveException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo(message).doesNotContain("\n");
                });
    }

    @Test
    void memoryHighOnAHybridHostIsAnErrorWithTheReason() {
        ServiceSpec s = Specs.app().memoryMax("2G").memoryHigh("1800M").build();
        assertThatThrownBy(() -> SpecValidator.validate(s, UnitHosts.ubuntuHybrid(), PRESENT))
                .hasMessage("resources.memoryHigh: MemoryHigh= is ignored on a cgroup hybrid host (this host: hybrid (v1 controllers, cgroup2 at /sys/fs/cgroup/unified)); only MemoryMax= limits memory there");
        assertThatThrownBy(() -> SpecValidator.validate(s, UnitHosts.centos7(), PRESENT))
                .hasMessage("resources.memoryHigh: MemoryHigh= is ignored on a cgroup v1 host (this host: legacy (v1 only)); only MemoryMax= limits memory there");
        assertThat(SpecValidator.validate(s, UnitHosts.debian12(), PRESENT).warnings()).isEmpty();
    }

    @Test
    void aMissingBinaryIsAnErrorOnTheLiveHostAndAWarningForATargetTree() {
        ServiceSpec s = Specs.app().build();
        Fact<Boolean> absent = Fact.of(false, Source.File.of("/usr/local/bin/app"));
        assertThatThrownBy(() -> SpecValidator.validate(s, UnitHosts.debian12(), new BinaryPresence(true, absent)))
                .hasMessage("exec: /usr/local/bin/app does not exist on this host (Type=exec would fail every start)");
        assertThat(SpecValidator.validate(s, UnitHosts.debian12(), new BinaryPresence(false, absent)).warnings())
                .containsExactly("exec: /usr/local/bin/app is not in this tree; install it there before the service starts");
        assertThat(SpecValidator.validate(s, UnitHosts.debian12(), new BinaryPresence(false, Fact.unknown("/usr/local/bin/app: not in capture"))).warnings())
                .containsExactly("exec: cannot tell whether /usr/local/bin/app exists: /usr/local/bin/app: not in capture");
    }

    @Test
    void labelsNameWhatTheAdminTyped() {
        UnaryOperator<String> cli = f -> f.equals("resources.memoryMax") ? "--memory-max" : f;
        assertThatThrownBy(() -> SpecValidator.validate(Specs.app().memoryMax("lots").build(), UnitHosts.debian12(), PRESENT, cli))
                .hasMessageStartingWith("--memory-max: \"lots\" is not a memory size");
    }

    @Test
    void rootWithSandboxingIsAWarningNotAnError() {
        assertThat(SpecValidator.validate(Specs.app().user(null).build(), UnitHosts.debian12(), PRESENT).warnings())
                .containsExactly("user: no user and no dynamicUser: the service runs as root; sandboxing limits it, but a dedicated user limits it more");
    }

    @Test
    void goodValuesPass() {
        ServiceSpec s = Specs.app().cpuQuota("12.5%").memoryMax("1.5G").memoryHigh("1G").tasksMax("10%").nofile(65536, 524288)
                .restart("always", "1min 30s", "infinity", 0).ioWeight(10000).gomemlimit("1800MiB").ports(443, 8080)
                .env("GODEBUG", "madvdontneed=1").stateDirs("app/cache").args("--name", "a b", "50%").build();
        assertThat(SpecValidator.validate(s, UnitHosts.debian12(), PRESENT).warnings()).isEmpty();
    }
}
