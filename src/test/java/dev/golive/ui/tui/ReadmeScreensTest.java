package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's text screenshots are the golden screens: each fenced block after a
 * {@code <!-- golden: NAME -->} marker must equal src/test/resources/screens/NAME.txt, so the
 * README never shows a screen the program no longer draws. {@code -Dgolive.updateGoldens=true}
 * copies the goldens into the README (run the golden-screen tests first).
 */
class ReadmeScreensTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern BLOCK = Pattern.compile("<!-- golden: ([a-z0-9x-]+) -->\n```\n(.*?)```\n", Pattern.DOTALL);

    @Test
    void everyScreenshotInTheReadmeIsItsGoldenScreen() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(readme);
        StringBuilder updated = new StringBuilder();
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String golden = Files.readString(TuiDriver.SCREENS.resolve(m.group(1) + ".txt"), StandardCharsets.UTF_8);
            String shown = golden.endsWith("\n") ? golden : golden + "\n";
            m.appendReplacement(updated, Matcher.quoteReplacement("<!-- golden: " + m.group(1) + " -->\n```\n" + shown + "```\n"));
            if (!Boolean.getBoolean("golive.updateGoldens")) {
                assertThat(m.group(2)).as("README screenshot %s (run with -Dgolive.updateGoldens=true to copy it)", m.group(1))
                        .isEqualTo(shown);
            }
        }
        m.appendTail(updated);
        assertThat(blocks).as("screenshots in the README: Overview and Review at least").isGreaterThanOrEqualTo(3);
        if (Boolean.getBoolean("golive.updateGoldens")) Files.writeString(README, updated.toString(), StandardCharsets.UTF_8);
    }
}
