package dev.golive;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * Logback's configuration, made in code (logback finds it through META-INF/services): one
 * file, golive.log in the directory {@link Logging} chose, INFO and above, and logback's own
 * status messages silenced (they would land on the terminal, over the full-screen UI). An XML
 * file would be read by logback's Joran with an XML parser and bean introspection first:
 * about 300 ms at load 10 on two cores, which the full-screen UI paid between its first frame
 * and the start of the host's inspection (its first log line comes before it).
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** One line per event: time with its offset, level, thread, logger, message. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24} - %msg%n";

    @Override public ExecutionStatus configure(LoggerContext context) {
        context.getStatusManager().add(new NopStatusListener());
        String dir = System.getProperty("golive.logdir",
                System.getProperty("java.io.tmpdir") + "/golive-" + System.getProperty("user.name"));
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/golive.log");
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
