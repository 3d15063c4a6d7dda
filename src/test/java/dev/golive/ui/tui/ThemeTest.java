package dev.golive.ui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.golive.host.UserFiles;
import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Themes load strictly: a typo is an error with file:line, not a silently ignored line. */
class ThemeTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "light", "high-contrast", "monochrome"})
    void everyShippedThemeLoadsFromTheJarAndTheProjectFolder(String name) throws Exception {
        Theme t = ThemeLoader.shipped(name);
        assertThat(t.looks()).hasSize(Role.values().length);
        // the file in themes/ is the one packaged (no stale copy elsewhere)
        String onDisk = Files.readString(Path.of("themes", name + ".properties"));
        assertThat(ThemeLoader.parse(name, "themes/" + name + ".properties", onDisk)).isEqualTo(t);
    }

    @Test
    void monochromeUsesNoColourAtAll() {
        for (Theme.Look l : ThemeLoader.shipped("monochrome").looks().values()) {
            assertThat(l.fg()).isEqualTo(TextColor.ANSI.DEFAULT);
            assertThat(l.bg()).isEqualTo(TextColor.ANSI.DEFAULT);
        }
        assertThat(ThemeLoader.shipped("monochrome").look(Role.SELECTED).styles()).contains(SGR.REVERSE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "hedaer.fg = red;my.properties:2: unknown key \"hedaer.fg\" (did you mean \"header.fg\"?)",
            "header.fg = magneta;my.properties:2: \"magneta\" is not a colour (a name such as red or bright_blue, #rrggbb, or 0-255) (did you mean \"magenta\"?)",
            "header.style = blod;my.properties:2: \"blod\" is not a style (none, bold, reverse, underline, italic) (did you mean \"bold\"?)",
            "header.fg red;my.properties:2: expected role.fg|bg|style = value, got \"header.fg red\"",
            "header.fg = 300;my.properties:2: \"300\" is not a colour (a name such as red or bright_blue, #rrggbb, or 0-255)",
            "base.fg = blue;my.properties:2: \"base.fg\" is set twice"})
    void aTypoFailsWithFileAndLine(String secondLine, String message) {
        assertThatThrownBy(() -> ThemeLoader.parse("my", "my.properties", "base.fg = white\n" + secondLine + "\n"))
                .isInstanceOf(GoliveException.class).hasMessage(message)
                .satisfies(e -> assertThat(((GoliveException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void colourNamesHexAndIndexesAllWork() {
        Theme t = ThemeLoader.parse("x", "x", "header.fg = bright_blue\nheader.bg = #102030\nfooter.fg = 244\n");
        assertThat(t.look(Role.HEADER).fg()).isEqualTo(TextColor.ANSI.BLUE_BRIGHT);
        assertThat(t.look(Role.HEADER).bg()).isEqualTo(new TextColor.RGB(0x10, 0x20, 0x30));
        assertThat(t.look(Role.FOOTER).fg()).isEqualTo(new TextColor.Indexed(244));
        assertThat(t.look(Role.WARN).fg()).as("unset roles take base").isEqualTo(TextColor.ANSI.DEFAULT);
    }

    @Test
    void noColorAndMonoTerminalsGetMonochromeUnlessThemeIsGiven() {
        Map<String, String> noColor = Map.of("NO_COLOR", "1", "TERM", "xterm-256color");
        assertThat(ThemeChoice.choose(null, noColor, p -> Optional.empty()).name()).isEqualTo("monochrome");
        assertThat(ThemeChoice.choose(null, Map.of("TERM", "vt220"), p -> Optional.empty()).name()).isEqualTo("monochrome");
        assertThat(ThemeChoice.choose("light", noColor, p -> Optional.empty()).name()).isEqualTo("light");
        assertThat(ThemeChoice.choose(null, Map.of("TERM", "xterm"), p -> Optional.empty()).name()).isEqualTo("default");
    }

    @Test
    void theConfigFileChoosesTheThemeAndATypoThereFailsWithFileAndLine(@TempDir Path home) throws Exception {
        Path cfg = home.resolve("golive/golive.properties");
        Files.createDirectories(cfg.getParent());
        Files.writeString(cfg, "# mine\ntheme = high-contrast\n");
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", home.toString(), "TERM", "xterm");
        assertThat(ThemeChoice.choose(null, env, UserFiles::read).name()).isEqualTo("high-contrast");
        Files.writeString(cfg, "them = light\n");
        assertThatThrownBy(() -> ThemeChoice.choose(null, env, UserFiles::read))
                .hasMessage(cfg + ":1: unknown setting \"them\" (known: theme)");
    }

    @Test
    void theLightThemeSends24BitColourOnlyToATerminalThatSaysItHasIt() {
        Theme truecolor = ThemeChoice.choose("light", Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor"), p -> Optional.empty());
        assertThat(colours(truecolor)).anyMatch(c -> c instanceof com.googlecode.lanterna.TextColor.RGB);
        Theme xterm256 = ThemeChoice.choose("light", Map.of("TERM", "xterm-256color"), p -> Optional.empty());
        assertThat(colours(xterm256)).noneMatch(c -> c instanceof com.googlecode.lanterna.TextColor.RGB)
                .contains(new com.googlecode.lanterna.TextColor.Indexed(94)); // #875f00, the same colour in xterm's palette
        Theme ansi = ThemeChoice.choose("light", Map.of("TERM", "xterm"), p -> Optional.empty());
        assertThat(colours(ansi)).allMatch(c -> c instanceof com.googlecode.lanterna.TextColor.ANSI);
    }

    private static java.util.List<com.googlecode.lanterna.TextColor> colours(Theme t) {
        java.util.List<com.googlecode.lanterna.TextColor> out = new java.util.ArrayList<>();
        for (Theme.Look l : t.looks().values()) {
            if (l.fg() != null) out.add(l.fg());
            if (l.bg() != null) out.add(l.bg());
        }
        return out;
    }

    @Test
    void anUnknownThemeNameListsTheShippedOnes() {
        assertThatThrownBy(() -> ThemeChoice.choose("solarized", Map.of(), p -> Optional.empty()))
                .hasMessageStartingWith("--theme solarized: no such theme (shipped: default, light, high-contrast, monochrome");
    }

    @Test
    void anAdminsOwnThemeFileIsReadStrictlyToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.properties");
        Files.writeString(f, "base.fg = white\n\nselected.bg = bleu\n");
        assertThatThrownBy(() -> ThemeChoice.choose(f.toString(), Map.of(), UserFiles::read))
                .hasMessageStartingWith(f + ":3: \"bleu\" is not a colour");
    }
}
