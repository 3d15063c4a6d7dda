package dev.golive;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The log file as an admin reads it after a run: where it is, what one line says, what is left out. */
class LogConfiguratorTest {

    @Test
    void logbackFindsGolivesConfigurationAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
                .containsExactly(LogConfigurator.class.getName());
    }

    @Test
    void infoAndAboveGoToGoliveLogInTheChosenDirectoryOneLineEach(@TempDir Path dir) throws Exception {
        String before = System.getProperty("golive.logdir");
        System.setProperty("golive.logdir", dir.resolve("state").toString());
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // what SLF4J's start gives the real one
        try {
            LogConfigurator c = new LogConfigurator();
            c.setContext(context);
            assertThat(c.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            var log = context.getLogger("dev.golive.ui.tui.TuiStats");
            log.debug("not kept");
            log.info("tui stats: first frame 90 ms");
            log.warn("terminal input ended");
        } finally {
            context.stop();
            if (before == null) System.clearProperty("golive.logdir"); else System.setProperty("golive.logdir", before);
        }
        Path file = dir.resolve("state/golive.log");
        assertThat(Files.readAllLines(file)).satisfiesExactly(
                l -> assertThat(l).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[main] "
                        + "d\\.golive\\.ui\\.tui\\.TuiStats - tui stats: first frame 90 ms"),
                l -> assertThat(l).endsWith(" WARN  [main] d.golive.ui.tui.TuiStats - terminal input ended"));
    }
}
