package dev.golive.ui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.golive.app.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delta refresh golive uses leaves the terminal exactly as Lanterna's own would: after
 * every key of a walk over every screen, each cell has the same character, colours and
 * styles on a terminal driven by {@link DeltaScreen} as on one driven by TerminalScreen.
 */
class DeltaScreenTest {

    private static final List<String> WALK = List.of("2", "j", "j", "s", "a", "esc", "3", "j", "enter", "J", "4", "r", "G", "right",
            "left", "5", "6", "j", "enter", "x", "y", "ctrl-u", "esc", "7", "j", "space", "8", "j", "f", "?", "pgdn", "q", "1", "j",
            "/", "n", "e", "esc", "tab", "shift-tab");

    @ParameterizedTest(name = "{0} at {1}x{2} in theme {3}")
    @CsvSource({"centos7-v1, 80, 24, default", "debian12-vm, 120, 40, light", "ubuntu2004-hybrid, 80, 24, monochrome"})
    void everyCellMatchesLanternasOwnRefresh(String fixture, int cols, int rows, String themeName) throws IOException {
        Theme theme = ThemeLoader.shipped(themeName);
        String root = "src/test/resources/hosts/" + fixture;
        try (Session a = Session.open(root).profileDirs(List.of()); Session b = Session.open(root).profileDirs(List.of())) {
            DefaultVirtualTerminal lanternaTerm = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
            DefaultVirtualTerminal deltaTerm = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
            Screen lanterna = new TerminalScreen(lanternaTerm);
            Screen delta = new DeltaScreen(deltaTerm);
            lanterna.startScreen();
            delta.startScreen();
            TuiApp appA = new TuiApp(new HostModel(a, root, false).planIds(() -> "20260101-000000-test"), theme, Runnable::run, Runnable::run, "log");
            TuiApp appB = new TuiApp(new HostModel(b, root, false).planIds(() -> "20260101-000000-test"), theme, Runnable::run, Runnable::run, "log");
            appA.start();
            appB.start();
            for (String key : WALK) {
                appA.handle(Keys.stroke(key));
                appB.handle(Keys.stroke(key));
                Tui.render(appA, lanterna, theme);
                Tui.render(appB, delta, theme);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        assertThat(deltaTerm.getBufferCharacter(c, r)).as("cell %d,%d after %s", c, r, key)
                                .isEqualTo(lanternaTerm.getBufferCharacter(c, r));
                    }
                }
            }
            assertThat(deltaTerm.getCursorBufferPosition()).isEqualTo(lanternaTerm.getCursorBufferPosition());
        }
    }
}
