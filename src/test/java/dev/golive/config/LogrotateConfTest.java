package dev.golive.config;

import dev.golive.model.LogRotation;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** logrotate files as packages ship them: file lists over several lines, scripts with braces, a block left open. */
class LogrotateConfTest {

    @Test
    void aScriptsBraceClosesNothingAndTheNextBlockStillCounts() {
        LogrotateConf c = LogrotateConf.parse("/etc/logrotate.d/nginx", """
                /var/log/nginx/*.log {
                \tdaily
                \tsharedscripts
                \tpostrotate
                \t\tif [ -d /run/systemd/system ]; then
                }
                \t\tfi
                \tendscript
                }
                "/var/log/my app/out.log" /var/log/other.log
                {
                \tcopytruncate
                }
                """);
        assertThat(c.malformed()).isEmpty();
        assertThat(c.patterns()).containsExactly(
                new LogRotation.Rotated("/var/log/nginx/*.log", new Source.File("/etc/logrotate.d/nginx", 1)),
                new LogRotation.Rotated("/var/log/my app/out.log", new Source.File("/etc/logrotate.d/nginx", 10)),
                new LogRotation.Rotated("/var/log/other.log", new Source.File("/etc/logrotate.d/nginx", 10)));
        LogRotation r = new LogRotation(c.patterns(), List.of("/etc/logrotate.d/nginx"), List.of());
        assertThat(r.covering("/var/log/nginx/access.log")).isPresent();
        assertThat(r.covering("/var/log/nginx/old/access.log")).as("'*' does not cross '/'").isEmpty();
    }

    @Test
    void aBlockNeverClosedIsNamedWithFileLineAndColumn() {
        LogrotateConf c = LogrotateConf.parse("/etc/logrotate.d/app", "weekly\n/var/log/app.log {\n  rotate 4\n");
        assertThat(c.malformed()).extracting(m -> m.message())
                .containsExactly("/etc/logrotate.d/app:2:1: block opened here is never closed with '}'");
    }

    @Test
    void includeLinesAreKeptAndGlobalDirectivesAreNotFiles() {
        LogrotateConf c = LogrotateConf.parse("/etc/logrotate.conf", "weekly\nrotate 4\ncreate\ninclude /etc/logrotate.d\n");
        assertThat(c.includes()).containsExactly("/etc/logrotate.d");
        assertThat(c.patterns()).isEmpty();
        assertThat(c.malformed()).isEmpty();
    }

    @Test
    void suLinesAreKeptInOrderGlobalOnesApartAndABlocksOwnOnItsPatterns() {
        LogrotateConf c = LogrotateConf.parse("/etc/logrotate.conf", """
                weekly
                include /etc/logrotate.d
                su root adm
                /var/log/wtmp /var/log/btmp {
                    su root utmp
                    monthly
                }
                /var/log/other.log {
                }
                """);
        Source.File conf = new Source.File("/etc/logrotate.conf", 0);
        assertThat(c.steps()).hasSize(4);
        assertThat(c.steps().get(0)).isEqualTo(new LogrotateConf.Include("/etc/logrotate.d"));
        assertThat(c.steps().get(1)).isEqualTo(new LogrotateConf.GlobalSu(new LogRotation.Su("root", "adm", new Source.File(conf.path(), 3))));
        LogRotation.Su utmp = new LogRotation.Su("root", "utmp", new Source.File(conf.path(), 5));
        assertThat(c.patterns()).containsExactly(
                new LogRotation.Rotated("/var/log/wtmp", new Source.File(conf.path(), 4)).withSu(utmp),
                new LogRotation.Rotated("/var/log/btmp", new Source.File(conf.path(), 4)).withSu(utmp),
                new LogRotation.Rotated("/var/log/other.log", new Source.File(conf.path(), 8)));
    }
}
