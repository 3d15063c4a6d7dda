package dev.golive.config;

import dev.golive.model.Fact;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ManagerConfTest {

    @TempDir Path tmp;

    @Test
    void dropInsOverrideSystemConfInNameOrderWithMaskingAndEmptyResets() {
        HostTree h = new HostTree(tmp)
                .write("/etc/systemd/system.conf", "[Manager]\n#DefaultLimitNOFILE=1024:524288\nDefaultTasksMax=100\nLogLevel=info\n")
                .write("/usr/lib/systemd/system.conf.d/10-vendor.conf", "[Manager]\nDefaultLimitNOFILE=4096:8192\n")
                .write("/usr/lib/systemd/system.conf.d/20-masked.conf", "[Manager]\nLogLevel=debug\n")
                .link("/etc/systemd/system.conf.d/20-masked.conf", "/dev/null")
                .write("/etc/systemd/system.conf.d/60-golive.conf", "[Manager]\nDefaultLimitNOFILE=65536:524288\nDefaultTasksMax=\n");
        var m = ManagerConf.resolve(h.root);
        assertThat(m.get("DefaultLimitNOFILE").describe())
                .isEqualTo("65536:524288  (/etc/systemd/system.conf.d/60-golive.conf:2)");
        assertThat(m.get("LogLevel").describe()).isEqualTo("info  (/etc/systemd/system.conf:4)");
        assertThat(m).doesNotContainKey("DefaultTasksMax");
        assertThat(ManagerConf.files(h.root)).containsExactly("/etc/systemd/system.conf",
                "/usr/lib/systemd/system.conf.d/10-vendor.conf", "/etc/systemd/system.conf.d/60-golive.conf");
    }

    @ParameterizedTest
    @CsvSource({"252,1024:524288", "240,1024:524288", "239,1024:4096", "219,1024:4096"})
    void compiledDefaultDependsOnTheSystemdVersion(int version, String value) {
        Fact<String> f = ManagerConf.compiledDefaultLimitNofile(version);
        assertThat(f.orElse("")).isEqualTo(value);
        assertThat(f.src()).containsInstanceOf(Source.Default.class);
    }

    @Test
    void unconfiguredHostGetsTheCompiledDefault() {
        HostTree h = new HostTree(tmp).write("/etc/systemd/system.conf", "[Manager]\n#DefaultLimitNOFILE=\n");
        assertThat(ManagerConf.defaultLimitNofile(h.root, 252).describe())
                .isEqualTo("1024:524288  (default: DefaultLimitNOFILE compiled into systemd 252 (1024:524288 since systemd 240))");
    }
}
