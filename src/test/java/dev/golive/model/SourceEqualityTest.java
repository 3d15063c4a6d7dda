package dev.golive.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source's records write equals and hashCode out (the generated ones cost a cold check tens of
 * ms); they must stay what the generated ones were: equal by components, hashed by the
 * record formula, so that no hash order (and no output built from one) changes.
 */
class SourceEqualityTest {

    /** What the compiler generates for records of the same shapes. */
    record GeneratedFile(String path, int line) { }

    record GeneratedOne(String value) { }

    @Test void hashesAsGeneratedRecordsDo() {
        for (String path : List.of("/etc/sysctl.conf", "/proc/sys/fs/file-max", "/x")) {
            for (int line : List.of(0, 1, 7, 99999)) {
                assertThat(new Source.File(path, line).hashCode()).isEqualTo(new GeneratedFile(path, line).hashCode());
            }
        }
        for (String v : List.of("systemctl --version", "kernel default", "")) {
            assertThat(new Source.Command(v).hashCode()).isEqualTo(new GeneratedOne(v).hashCode());
            assertThat(new Source.Default(v).hashCode()).isEqualTo(new GeneratedOne(v).hashCode());
            assertThat(new Source.Derived(v).hashCode()).isEqualTo(new GeneratedOne(v).hashCode());
        }
        assertThat(new Source.Command(null).hashCode()).isEqualTo(new GeneratedOne(null).hashCode());
    }

    @Test void equalByKindAndComponents() {
        assertThat(new Source.File("/a", 3)).isEqualTo(new Source.File("/a", 3)).isNotEqualTo(new Source.File("/a", 4))
                .isNotEqualTo(new Source.File("/b", 3));
        assertThat(Source.File.of("/a")).isEqualTo(new Source.File("/a", 0));
        assertThat(new Source.Command("go version")).isEqualTo(new Source.Command("go version")).isNotEqualTo(new Source.Derived("go version"));
        assertThat(new Source.Default("x")).isEqualTo(new Source.Default("x")).isNotEqualTo(new Source.Default("y"))
                .isNotEqualTo(new Source.Derived("x"));
        assertThat(new Source.Derived(null)).isEqualTo(new Source.Derived(null)).isNotEqualTo(new Source.Derived("x"));
        assertThat(new Source.File("/a", 1)).isNotEqualTo(null);
    }
}
