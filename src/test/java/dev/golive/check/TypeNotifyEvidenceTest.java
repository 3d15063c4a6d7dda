package dev.golive.check;

import dev.golive.app.Session;
import dev.golive.host.Fixtures;
import dev.golive.model.Finding;
import dev.golive.model.FixChange;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `check --service` on a Type=notify unit of the debian12-vm capture whose Go binary (the
 * fixture's /opt/api/bin/api) carries both, one or none of the sd_notify strings: both is
 * evidence it sends READY=1 (no finding, as for docker, containerd, etcd, caddy); one is
 * "cannot tell" with no change offered; none means the start job times out, and only then is
 * Type=exec offered.
 */
class TypeNotifyEvidenceTest {

    @TempDir Path tmp;

    @ParameterizedTest(name = "strings [{0}]: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            READY=1 NOTIFY_SOCKET | none
            NOTIFY_SOCKET         | cannot tell
            READY=1               | cannot tell
                                  | exec
            """)
    void typeNotifyIsLeftAloneWhenTheBinaryCanSendReady(String strings, String expect) throws IOException {
        Path t = tmp.resolve("host");
        Fixtures.copyTree(Fixtures.dir("debian12-vm"), t);
        Path bin = t.resolve("opt/api/bin/notifier");
        Files.copy(t.resolve("opt/api/bin/api"), bin);
        if (strings != null) {
            // string literals as the Go linker leaves them in .rodata (go-systemd's daemon.SdNotifyReady, os.Getenv("NOTIFY_SOCKET"))
            Files.write(bin, ("\0" + String.join("\0", strings.split(" ")) + "\0").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        }
        Files.writeString(t.resolve("etc/systemd/system/notifier.service"),
                "[Unit]\nDescription=Go daemon\n[Service]\nType=notify\nUser=api\nExecStart=/opt/api/bin/notifier\nRestart=on-failure\nRestartSec=5s\n");
        List<Finding> f;
        try (Session s = Session.open(t.toString())) {
            f = Checker.run(s.inspectService("notifier", null)).findings().stream().filter(x -> x.ruleId().equals("UNIT-TYPE-NOTIFY-GO")).toList();
        }
        switch (expect) {
            case "none" -> assertThat(f).as("it sends READY=1: Type=notify is right").isEmpty();
            case "cannot tell" -> assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.message()).contains("golive cannot tell whether it sends READY=1 (only " + strings + " is in it)");
                assertThat(x.fix().orElseThrow().changes()).as("never Type=simple/exec without evidence").isEmpty();
            });
            default -> assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.message()).contains("holds neither READY=1 nor NOTIFY_SOCKET");
                assertThat(x.fix().orElseThrow().changes()).containsExactly(new FixChange.UnitDirectiveChange("Service", "Type", "exec"));
            });
        }
    }
}
