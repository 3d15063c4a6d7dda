package dev.golive.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoVersionParseTest {

    @Test
    void aReleaseNameReadsAsItsNumbers() {
        assertThat(GoVersion.parse("go1.21.1")).contains(GoVersion.of(1, 21, 1));
        assertThat(GoVersion.parse("golang:1.25-alpine")).contains(GoVersion.of(1, 25, 0));
    }

    @Test
    void aNumberTooLargeForAnyReleaseIsNoVersionNotACrash() {
        // a Dockerfile's "FROM golang:5555…0.1" once ended check --manifest with NumberFormatException
        assertThat(GoVersion.parse("golang:" + "5".repeat(40) + "0.1")).isEmpty();
        assertThat(GoVersion.parse("1.99999999999")).isEmpty();
    }
}
