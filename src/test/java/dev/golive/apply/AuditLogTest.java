package dev.golive.apply;

import dev.golive.host.AccessLog;
import dev.golive.host.FaultPoints;
import dev.golive.host.HostWriter;
import dev.golive.model.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail's lines: what a message holds never breaks a line, and two runs appending at once never mix their lines. */
class AuditLogTest {

    @TempDir Path root;

    static AuditEntry entry(String detail, int n) {
        return new AuditEntry(Instant.parse("2026-12-07T14:50:03Z"), AuditEntry.Action.ROLLBACK, List.of("s" + n, "t" + n), 3,
                new AuditEntry.Who(0, "root", Optional.of("bob")), detail);
    }

    @Test
    void aDetailWithQuotesNewlinesAndEqualsSignsStaysOneLineAndReadsBack() {
        AuditEntry e = entry("a \"quoted\" path\\x = y\nsecond line\ttab", 1);
        String line = AuditLog.line(e);
        assertThat(line).doesNotContain("\n").startsWith("time=2026-12-07T14:50:03Z action=rollback snapshot=s1,t1 result=failed exit=3 uid=0 user=root sudo_user=bob detail=\"");
        assertThat(AuditLog.parse(line)).contains(e);
    }

    @Test
    void aLineNotInGolivesFormIsKeptAsTextNotGuessedAt() {
        HostWriter w = new HostWriter(root, new AccessLog(), FaultPoints.NONE);
        AuditLog log = new AuditLog(w);
        log.append(entry("ok", 1));
        w.append(AuditLog.PATH, HostWriter.utf8("someone wrote this by hand\n"), 0640);
        List<AuditLog.Line> lines = log.read();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).entry()).contains(entry("ok", 1));
        assertThat(lines.get(1).entry()).isEmpty();
        assertThat(lines.get(1).text()).isEqualTo("someone wrote this by hand");
    }

    @Test
    void twoRunsAppendingAtOnceNeverMixTheirLines() throws Exception {
        String detail = "x".repeat(3000); // longer than one pipe buffer's atomic write: the file's O_APPEND still keeps it whole
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            // each thread its own writer and descriptor, like separate golive processes
            threads.add(new Thread(() -> {
                AuditLog log = new AuditLog(new HostWriter(root, new AccessLog(), FaultPoints.NONE));
                for (int i = 0; i < 50; i++) log.append(entry(detail, id));
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        List<String> lines = Files.readAllLines(root.resolve("var/log/golive/audit.log"));
        assertThat(lines).hasSize(200);
        assertThat(lines).allSatisfy(l -> assertThat(AuditLog.parse(l)).isPresent());
    }
}
