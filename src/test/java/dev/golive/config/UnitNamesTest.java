package dev.golive.config;

import dev.golive.model.ExitCode;
import dev.golive.model.GoliveException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"app.service", "getty@tty1.service", "worker@.service", "dev-disk-by\\x2duuid-1.device",
            "a:b_c-d.e.socket", "system-getty.slice", "x.timer", "multi-user.target"})
    void acceptsValidNames(String name) {
        assertThat(UnitNames.validate(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|invalid unit name \"\": empty",
            "app|invalid unit name \"app\": no type suffix (.service, .socket, .device, .mount, .automount, .swap, .target, .path, .timer, .slice, .scope)",
            "app.exe|invalid unit name \"app.exe\": unknown type suffix \".exe\"",
            ".service|invalid unit name \".service\": nothing before the type suffix",
            "a@b@c.service|invalid unit name \"a@b@c.service\": more than one '@'",
            "@x.service|invalid unit name \"@x.service\": nothing before '@'",
            "a/b.service|invalid unit name \"a/b.service\": contains '/'",
            "a..b.service|invalid unit name \"a..b.service\": contains \"..\"",
            "my app.service|invalid unit name \"my app.service\": character \" \" at col 3 is not allowed (letters, digits, \":-_.\\\" and one '@'; see systemd-escape)",
    })
    void rejectsInvalidNamesWithOneLine(String name, String message) {
        assertThatThrownBy(() -> UnitNames.validate(name))
                .isInstanceOfSatisfying(GoliveException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void rejectsOverlongNamesAndKeepsControlCharactersOffTheLine() {
        assertThatThrownBy(() -> UnitNames.validate("a".repeat(248) + ".service")).hasMessageEndingWith("longer than 255 characters");
        assertThatThrownBy(() -> UnitNames.validate("a\nb.service")).hasMessage(
                "invalid unit name \"a\\nb.service\": character \"\\n\" at col 2 is not allowed (letters, digits, \":-_.\\\" and one '@'; see systemd-escape)");
    }

    @org.junit.jupiter.api.Test
    void theLimitsAreExactAtTheirEdges() {
        // 255 characters is the longest name systemd takes
        assertThat(UnitNames.isValid("a".repeat(247) + ".service")).isTrue();
        assertThat(UnitNames.isValid("a".repeat(248) + ".service")).isFalse();
        // every letter and digit, and the characters just outside each range
        assertThat(UnitNames.isValid("azAZ09:-_.\\x@i.service")).isTrue();
        for (String c : java.util.List.of("`", "{", "[", "^", "!", "*", "~")) {
            assertThatThrownBy(() -> UnitNames.validate("a" + c + "b.service")).as(c)
                    .hasMessage("invalid unit name \"a" + c + "b.service\": character \"" + c + "\" at col 2 is not allowed (letters, digits, \":-_.\\\" and one '@'; see systemd-escape)");
        }
        assertThatThrownBy(() -> UnitNames.validate("@a@.service")).hasMessage("invalid unit name \"@a@.service\": more than one '@'");
    }

    @org.junit.jupiter.api.Test
    void anInstanceNamesItsTemplateATemplateOrPlainUnitHasNone() {
        assertThat(UnitNames.template("getty@tty1.service")).isEqualTo("getty@.service");
        assertThat(UnitNames.template("getty@.service")).isNull();
        assertThat(UnitNames.template("app.service")).isNull();
    }

    @org.junit.jupiter.api.Test
    void aLongNameInAMessageIsCutAtEightyCharacters() {
        assertThatThrownBy(() -> UnitNames.validate("x".repeat(300) + ".service"))
                .hasMessage("invalid unit name \"" + "x".repeat(80) + "…\": longer than 255 characters");
    }
}
