package dev.golive.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML review opened the way a reviewer would, in a real browser with no network:
 * Debian's headless Chromium renders it to a PNG, and the picture must show the page (the
 * dark header band, text in the body), not a blank or error page.
 */
class ReviewHtmlChromiumTest {

    static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    @Test
    void chromiumRendersTheSelfContainedReportOffline(@TempDir Path tmp) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "chromium is not installed (scripts/test installs Debian's chromium)");
        Path html = tmp.resolve("review.html");
        Files.writeString(html, ReviewHtml.render(ReviewTest.fullReview()));
        Path png = tmp.resolve("review.png");
        List<String> argv = new java.util.ArrayList<>(List.of(chromium.toString()));
        argv.addAll(CHROMIUM_FLAGS);
        argv.addAll(List.of("--user-data-dir=" + tmp.resolve("profile"), "--screenshot=" + png, "--window-size=1200,1600",
                html.toUri().toString()));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String log = Files.readString(tmp.resolve("chromium.log"));
        assertThat(png).as("screenshot; chromium said:\n" + log).exists();

        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(1600);
        // the page background (#f6f7f9) and pure white table cells count as empty
        int bg = img.getRGB(img.getWidth() / 2, img.getHeight() - 5) & 0xffffff;
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (rgb != bg && rgb != 0xffffff) ink++;
            }
        }
        double share = ink / (double) (img.getWidth() * img.getHeight());
        assertThat(share).as("share of non-background pixels").isGreaterThan(0.05);
        // the header band is #1d2330: dark, as the stylesheet says (so the inline CSS applied)
        int header = img.getRGB(5, 5) & 0xffffff;
        assertThat(header).as("header colour %06x", header).isEqualTo(0x1d2330);
    }
}
