package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** x on the Unit screen: the service in the form as a Dockerfile or Kubernetes YAML, written where the admin says. */
class UnitContainerExportScreenTest {

    @TempDir Path tmp;

    private Path module() throws Exception {
        Path mod = Files.createDirectories(tmp.resolve("api"));
        Files.writeString(mod.resolve("go.mod"), "module example.com/api\n\ngo 1.24\n");
        return mod;
    }

    @Test
    void theFormsServiceBecomesADockerfileAndItsDockerignore() throws Exception {
        Path mod = module();
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 80, 24)) {
            tui.press("6", "x");
            tui.matchesGolden("unit-export-container-ubuntu2004-hybrid-80x24");
            Path df = tmp.resolve("Dockerfile");
            tui.press("ctrl-u").type(df.toString()).press("enter");
            assertThat(tui.text()).contains("The service's Go module directory");
            tui.press("ctrl-u").type(mod.toString()).press("enter");
            tui.type("1.4.2").press("enter");
            assertThat(tui.text()).contains("wrote " + df + " and ");
            assertThat(Files.readString(df)).contains("FROM docker.io/library/golang:1.24 AS build", "-X main.version=1.4.2",
                    "EXPOSE 8080/tcp", "ENTRYPOINT [\"/usr/local/bin/api\"");
            assertThat(tmp.resolve(".dockerignore")).exists();
        }
    }

    @Test
    void aYamlNameIsTheKubernetesDeploymentWithTheVersionAsItsTag() throws Exception {
        Path mod = module();
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            Path yaml = tmp.resolve("api.yaml");
            tui.press("6", "x", "ctrl-u").type(yaml.toString()).press("enter", "ctrl-u").type(mod.toString()).press("enter");
            assertThat(tui.text()).contains("Version (the image tag NAME:VERSION the Deployment runs):");
            tui.type("2.0.1").press("enter");
            assertThat(tui.text()).contains("wrote " + yaml);
            assertThat(Files.readString(yaml)).contains("kind: Deployment", "image: api:2.0.1",
                    "# GOMAXPROCS not set: no CPU quota on the service");
            assertThat(tmp.resolve(".dockerignore")).doesNotExist();
        }
    }

    @Test
    void withoutAVersionTheKubernetesExportIsRefusedAndWritesNothing() throws Exception {
        Path mod = module();
        try (TuiDriver tui = TuiDriver.onFixture("ubuntu2004-hybrid", 120, 40)) {
            Path yaml = tmp.resolve("api.yaml");
            tui.press("6", "x", "ctrl-u").type(yaml.toString()).press("enter", "ctrl-u").type(mod.toString()).press("enter", "enter");
            assertThat(tui.text()).contains("Error", "golive: no version: the Deployment runs the image api:VERSION, so", "nothing written");
            assertThat(yaml).doesNotExist();
        }
    }
}
