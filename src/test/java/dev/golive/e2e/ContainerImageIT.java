package dev.golive.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exported Dockerfile's runtime stage, for real: golive builds a Go service (`golive build`,
 * the real toolchain), exports its Dockerfile, podman builds the image FROM scratch (vfs storage,
 * chroot isolation: no daemon, no registry) and runs it, and the test reaches the service's
 * health endpoint on 127.0.0.1 as the numeric user the Dockerfile names.
 *
 * <p>The build stage (FROM golang:VERSION) needs a registry this machine cannot reach, so it is
 * replaced by a stage holding what it would produce: the binary golive built at /out/NAME and
 * this machine's CA bundle and zone data. Every line of golive's runtime stage is used as written.
 */
class ContainerImageIT {

    @TempDir Path tmp;

    private static final String SERVICE = """
            package main

            import (
            \t"fmt"
            \t"net/http"
            \t"os"
            \t"time"
            )

            var version = "dev"

            func main() {
            \t_, zoneErr := time.LoadLocation("Europe/Berlin")
            \thttp.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
            \t\tfmt.Fprintf(w, "ok %s uid=%d zoneinfo=%v\\n", version, os.Getuid(), zoneErr == nil)
            \t})
            \tif err := http.ListenAndServe(os.Args[1], nil); err != nil {
            \t\tfmt.Fprintln(os.Stderr, err)
            \t\tos.Exit(1)
            \t}
            }
            """;

    @Test
    void theExportedRuntimeStageBuildsFromScratchRunsAndAnswersItsHealthEndpoint() throws Exception {
        assumeTrue(Run.hasCommand("podman"), "podman is not installed (scripts/test installs it)");
        assumeTrue(Run.hasCommand("runc"), "runc is not installed (scripts/test installs it)");
        assumeTrue(Run.hasCommand("go"), "go is not installed (scripts/test installs golang-go)");
        Path mod = Files.createDirectories(tmp.resolve("hello"));
        Files.writeString(mod.resolve("go.mod"), "module example.com/hello\n\ngo 1.19\n");
        Files.writeString(mod.resolve("main.go"), SERVICE);
        int port = 20000 + (int) (ProcessHandle.current().pid() % 20000);

        Run build = Run.golive("build", "--module", mod.toString(), "--target", "linux/amd64", "--version", "0.9.0");
        assertThat(build.exit()).as(build.out() + build.err()).isZero();
        Run export = Run.golive("export", "--format", "dockerfile", "--service", "hello", "--go-mod", mod.toString(), "--port", Integer.toString(port),
                "--arg", "127.0.0.1:" + port, "--version", "0.9.0", "--target", "linux/amd64", "-o", mod.resolve("Dockerfile").toString());
        assertThat(export.exit()).as(export.err()).isZero();
        String dockerfile = Files.readString(mod.resolve("Dockerfile"));
        String runtime = dockerfile.substring(dockerfile.indexOf("# Runtime stage"));
        assertThat(runtime).startsWith("# Runtime stage: an empty image").contains("\nFROM scratch\n", "\nUSER 65532:65532\n");

        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Path rootfs = ctx.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("out"));
        Files.copy(mod.resolve("dist/hello-linux-amd64"), rootfs.resolve("out/hello"));
        Files.createDirectories(rootfs.resolve("etc/ssl/certs"));
        Files.copy(Path.of("/etc/ssl/certs/ca-certificates.crt"), rootfs.resolve("etc/ssl/certs/ca-certificates.crt"));
        Files.createDirectories(rootfs.resolve("usr/share"));
        assertThat(Run.run(List.of("cp", "-r", "/usr/share/zoneinfo", rootfs.resolve("usr/share").toString())).exit()).isZero();
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch AS build\nCOPY rootfs/ /\n\n" + runtime);

        List<String> podman = List.of("podman", "--storage-driver", "vfs", "--root", tmp.resolve("storage").toString(),
                "--runroot", tmp.resolve("run").toString(), "--cgroup-manager", "cgroupfs", "--runtime", "runc");
        String image = "localhost/golive-it-hello:0.9.0";
        Run built = Run.run(concat(podman, "build", "--isolation", "chroot", "-t", image, ctx.toString()), Duration.ofMinutes(5));
        assertThat(built.exit()).as(built.out() + built.err()).isZero();
        String name = "golive-it-" + ProcessHandle.current().pid();
        // the sandbox caps open files and processes below podman's defaults and lacks CAP_SYS_RESOURCE to raise them
        Run started = Run.run(concat(podman, "run", "-d", "--name", name, "--network", "host", "--ulimit", "nofile=4096:4096",
                "--ulimit", "nproc=4096:4096", image), Duration.ofMinutes(2));
        try {
            assertThat(started.exit()).as(started.out() + started.err()).isZero();
            String body = null;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int i = 0; i < 50 && body == null; i++) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) body = r.body();
                } catch (java.io.IOException e) {
                    Thread.sleep(200);
                }
            }
            assertThat(body).as("the service in the container answers").isEqualTo("ok 0.9.0 uid=65532 zoneinfo=true\n");
            Run user = Run.run(concat(podman, "inspect", "--format", "{{.Config.User}} {{.Config.Entrypoint}}", image));
            assertThat(user.out().trim()).isEqualTo("65532:65532 [/hello 127.0.0.1:" + port + "]");
        } finally {
            Run.run(concat(podman, "rm", "-f", name));
            Run.run(concat(podman, "rmi", "-f", image));
        }
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(List.of(b));
        return l;
    }
}
