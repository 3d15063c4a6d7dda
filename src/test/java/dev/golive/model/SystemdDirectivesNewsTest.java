package dev.golive.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of the directive table pinned to the "CHANGES WITH NNN" section of systemd's NEWS that
 * introduced them: golive may write the directive on that version and not on the one before.
 * Each row here was read in NEWS; a row that was wrong before carries the old value in a comment.
 */
class SystemdDirectivesNewsTest {

    @ParameterizedTest(name = "{0} {1}={2} from v{3}")
    @CsvSource(delimiter = '|', value = {
            // was 242: NEWS v238 "ProtectHome=tmpfs may now be used to hide user home and runtime directories"
            "Service|ProtectHome|tmpfs|238",
            "Service|ProtectHome|yes|214",
            "Service|Type|notify-reload|253",
            "Service|Type|exec|240",
            "Service|RestartSteps|5|254",
            "Service|RestartMaxDelaySec|5min|254",
            "Service|MemoryMin|1G|240",
            "Service|MemoryMax|1G|231",
            "Service|MemoryHigh|1G|231",
            "Service|MemoryLow|1G|231",
            "Service|MemorySwapMax|0|232",
            "Service|IOWeight|100|230",
            "Service|IOReadBandwidthMax|/dev/sda 5M|230",
            "Service|CPUWeight|100|232",
            "Service|AllowedCPUs|0-1|244",
            "Service|TasksMax|512|227",
            "Service|CPUQuota|200%|213",
            "Service|StandardOutput|file:/var/log/a.log|236",
            "Service|StandardOutput|append:/var/log/a.log|240",
            "Service|StandardOutput|truncate:/var/log/a.log|248",
            "Service|LogRateLimitIntervalSec|30s|240",
            "Service|DynamicUser|yes|232",
            "Service|StateDirectory|api|235",
            "Service|LogsDirectory|api|235",
            "Service|ConfigurationDirectory|api|235",
            "Service|ProtectSystem|strict|232",
            "Service|ProtectProc|invisible|247",
            "Service|ProcSubset|pid|247",
            "Service|ProtectClock|yes|245",
            "Service|ProtectKernelLogs|yes|244",
            "Service|ProtectHostname|yes|242",
            "Service|RestrictSUIDSGID|yes|242",
            "Service|LockPersonality|yes|235",
            "Service|RestrictNamespaces|yes|233",
            "Service|AmbientCapabilities|CAP_NET_BIND_SERVICE|229",
            "Unit|StartLimitBurst|5|229",
    })
    void aDirectiveIsWrittenFromTheReleaseWhoseNewsIntroducedIt(String section, String key, String value, int since) {
        assertThat(SystemdDirectives.since(section, key, value)).isEqualTo(since);
        assertThat(SystemdDirectives.known(since, section, key, value)).isTrue();
        assertThat(SystemdDirectives.known(since - 1, section, key, value)).isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {"Service|ProtectHome|tmpfs", "Service|RestartSteps|5", "Service|Type|notify-reload", "Service|MemoryMax|1G"})
    void aCheckedRowNamesItsNewsSection(String section, String key, String value) {
        SystemdDirectives.Directive row = SystemdDirectives.find(section, key, value).orElseThrow();
        assertThat(row.source()).startsWith("NEWS v" + row.since() + ":");
    }
}
