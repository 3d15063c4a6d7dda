package dev.golive.host;

import dev.golive.inspect.Inspector;
import dev.golive.model.Fact;
import dev.golive.model.HostFacts;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live path of the probes (commands really "run") on a fixture's files: a
 * DirectoryHostRoot that is not a capture, with a FakeCommandRunner answering the commands.
 */
class LiveStyleInspectionTest {

    private static DirectoryHostRoot tree(String name) {
        return new DirectoryHostRoot(Fixtures.dir(name), false, name, new AccessLog());
    }

    private static FakeCommandRunner bareMetalWithoutGo() {
        return new FakeCommandRunner()
                .expectExit(1, "none\n", "", "systemd-detect-virt", "--vm")
                .expectExit(1, "none\n", "", "systemd-detect-virt", "--container")
                .expect("systemd 252 (252.22-1~deb12u1)\n+PAM +AUDIT\n", "systemctl", "--version")
                .expectNotFound("go", "version")
                .expectNotFound("go", "env", "-json", "GOROOT", "GOPATH", "GOPROXY", "GOSUMDB", "GOFLAGS", "GOCACHE", "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOAMD64", "CGO_ENABLED", "GOPRIVATE", "GONOSUMDB");
    }

    @Test
    void commandsAnswerVirtualizationSystemdAndGo() {
        FakeCommandRunner runner = bareMetalWithoutGo();
        HostFacts f = Inspector.inspect(tree("debian12-vm"), runner, Inspector.Options.defaults());

        // systemd-detect-virt exits 1 on bare metal: its stdout still counts
        assertThat(f.os().virtualization()).isEqualTo(Fact.of("none", new Source.Command("systemd-detect-virt --vm")));
        assertThat(f.systemd().version()).isEqualTo(Fact.of(252, new Source.Command("systemctl --version")));
        assertThat(f.go().version()).isEqualTo(Fact.unknown(dev.golive.model.GoToolchainFacts.NOT_INSTALLED));
        assertThat(f.go().env().get("GOROOT")).isEqualTo(Fact.unknown("go is not installed"));
        runner.assertAllUsed();
    }

    @Test
    void withoutSystemctlTheVersionComesFromLibsystemdShared(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("usr/lib/systemd"));
        java.nio.file.Files.writeString(tmp.resolve("usr/lib/systemd/libsystemd-shared-252.so"), "");
        FakeCommandRunner runner = new FakeCommandRunner()
                .expectNotFound("systemd-detect-virt", "--vm")
                .expectNotFound("systemd-detect-virt", "--container")
                .expectNotFound("systemctl", "--version")
                .expectNotFound("go", "version")
                .expectNotFound("go", "env", "-json", "GOROOT", "GOPATH", "GOPROXY", "GOSUMDB", "GOFLAGS", "GOCACHE", "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOAMD64", "CGO_ENABLED", "GOPRIVATE", "GONOSUMDB")
                .expect("aarch64\n", "uname", "-m")
                .expect("6.1.0-18-arm64\n", "uname", "-r");
        HostFacts f = Inspector.inspect(new DirectoryHostRoot(tmp, false, "tree", new AccessLog()), runner, Inspector.Options.defaults());

        assertThat(f.systemd().version()).isEqualTo(Fact.of(252, Source.File.of("/usr/lib/systemd/libsystemd-shared-252.so")));
        assertThat(f.os().architecture()).isEqualTo(Fact.of("aarch64", new Source.Command("uname -m")));
        // a tree without /proc/sys has no kernel of its own: uname -r would name the machine golive runs on
        assertThat(f.os().kernelRelease().known()).isFalse();
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aProbeRunningAnUnexpectedCommandFailsInspectionInsteadOfHanging() {
        FakeCommandRunner runner = new FakeCommandRunner()
                .expect("kvm\n", "systemd-detect-virt", "--vm")
                .expect("none\n", "systemd-detect-virt", "--container"); // systemctl and go not expected
        assertThatThrownBy(() -> Inspector.inspect(tree("debian12-vm"), runner, Inspector.Options.defaults()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("unexpected command: ");
    }

    @Test
    void anUnexpectedCommandFailsTheTest() {
        FakeCommandRunner runner = new FakeCommandRunner().expect("kvm\n", "systemd-detect-virt", "--vm");
        assertThatThrownBy(() -> runner.run("rm", "-rf", "/"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("unexpected command: rm -rf / (expected only [systemd-detect-virt --vm])");
        assertThatThrownBy(runner::assertAllUsed).isInstanceOf(AssertionError.class)
                .hasMessage("expected but never run: [systemd-detect-virt --vm]");
    }

    private static final String[] GO_ENV = {"go", "env", "-json", "GOROOT", "GOPATH", "GOPROXY", "GOSUMDB", "GOFLAGS", "GOCACHE",
            "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOAMD64", "CGO_ENABLED", "GOPRIVATE", "GONOSUMDB"};

    private static FakeCommandRunner vmWithGoEnv(String goversion) {
        return new FakeCommandRunner()
                .expect("kvm\n", "systemd-detect-virt", "--vm")
                .expectExit(1, "none\n", "", "systemd-detect-virt", "--container")
                .expect("systemd 252 (252.22-1~deb12u1)\n", "systemctl", "--version")
                .expect("{\n\t\"GOROOT\": \"/usr/lib/go\",\n\t\"GOVERSION\": \"" + goversion + "\"\n}\n", GO_ENV);
    }

    @Test
    void aGoThatSaysGoversionInGoEnvRunsNoGoVersion() {
        // Go 1.16 and later: go env tells the version; go version is not expected, so running it fails the test
        FakeCommandRunner runner = vmWithGoEnv("go1.22.2");
        HostFacts f = Inspector.inspect(tree("debian12-vm"), runner, Inspector.Options.defaults());

        assertThat(f.go().version()).isEqualTo(Fact.of("go1.22.2", new Source.Command(String.join(" ", GO_ENV))));
        runner.assertAllUsed();
    }

    @Test
    void aGoBefore116IsAskedGoVersion() {
        // Go 1.15 prints "" for GOVERSION, a name it does not know
        FakeCommandRunner runner = vmWithGoEnv("").expect("go version go1.15.15 linux/amd64\n", "go", "version");
        HostFacts f = Inspector.inspect(tree("debian12-vm"), runner, Inspector.Options.defaults());

        assertThat(f.go().version()).isEqualTo(Fact.of("go1.15.15", new Source.Command("go version")));
        runner.assertAllUsed();
    }
}
