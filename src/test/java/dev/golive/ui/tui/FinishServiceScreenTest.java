package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From Review, F applies the plan and finishes its service as `golive apply --finish` does:
 * golive asks for the binary (the Build screen's last one offered), the confirm lists the
 * finish steps as the CLI's preview does, and the Apply screen shows each step done; a target
 * tree runs nothing, so the health step says it is skipped.
 */
class FinishServiceScreenTest {

    @Test
    void fAsksForTheBinaryListsTheStepsAndFinishesTheServiceInTheTree() throws Exception {
        String tree = TuiDriver.targetTree("ubuntu2004-hybrid");
        Files.writeString(Path.of(tree, "etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(Path.of(tree, "etc/group"), "root:x:0:\n");
        // absolute, as the confirm shows it, and the same on every machine (the golden screen)
        Path binary = Path.of("/tmp/golive-finish-screen-test/api-linux-amd64");
        Files.createDirectories(binary.getParent());
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 42});
        try (TuiDriver tui = TuiDriver.on(tree, false, 120, 40)) {
            // dynamic user: no (the tree's systemd is unknown, golive writes for 219), user: api
            tui.press("6", "j", "j", "j", "j", "enter", "k", "enter").type("api").press("enter", "p");
            assertThat(tui.row(1)).contains("4 Review");
            tui.press("F");
            assertThat(tui.text()).contains("The binary to install as /usr/local/bin/api");
            tui.type(binary.toString()).press("enter");
            tui.matchesGolden("finish-confirm-120x40");
            assertThat(tui.text()).contains("steps to finish api.service", "Finish api.service:", "create user api (api:x:999:999::",
                    "install binary " + binary + " →", "/usr/local/bin/api (0755 root:root)",
                    "then health: api.service active");

            tui.press("y");
            assertThat(tui.text()).contains("✓ create group api: done", "✓ create user api: done", "✓ install binary /usr/local/bin/api: done",
                    "– enable and start api.service: skipped: target tree", "– health: skipped: " );
            tui.matchesGolden("finish-done-120x40", true);
        }
        assertThat(Path.of(tree, "usr/local/bin/api")).hasSameBinaryContentAs(binary);
        assertThat(Path.of(tree, "etc/passwd")).content().contains("api:x:999:999::/nonexistent:");
    }

    @Test
    void afterTheBuildScreenBuiltABinaryFOffersItAsTheOneToInstall() {
        Path built = Path.of("src/test/resources/gomod/hello/dist/hello-linux-amd64");
        try (TuiDriver tui = TuiDriver.on(TuiDriver.targetTree("ubuntu2004-hybrid"), false, 120, 40)) {
            // b on the Build screen (go itself faked: the build layer's result for each checked target)
            ((BuildView) tui.app.tabs().get(6)).builder((dir, targets, listener) -> targets.stream()
                    .map(t -> new dev.golive.build.BuildResult(t, built, 1_468_006, java.time.Duration.ofMillis(310), "x86-64, static",
                            "go1.19.8 linux/amd64 cgo=0", java.util.Optional.empty(), java.util.List.of(), java.util.List.of()))
                    .toList());
            tui.press("7", "m").type("src/test/resources/gomod/hello").press("enter", "space", "b");
            assertThat(tui.text()).contains("hello-linux-amd64");
            tui.press("6", "j", "j", "j", "j", "enter", "p", "F");
            assertThat(tui.text()).contains("The binary to install as /usr/local/bin/api", built.toString());
            tui.press("esc");
            assertThat(tui.app.dialog()).as("esc drops the finish: nothing asked, nothing applied").isEmpty();
            assertThat(tui.app.model().plan()).isPresent();
        }
    }
}
