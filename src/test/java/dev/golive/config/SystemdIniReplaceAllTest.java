package dev.golive.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** replaceAll: a list setting rewritten where it was, everything else byte-identical. */
class SystemdIniReplaceAllTest {

    static final String UNIT = "[Service]\n# env for the app\nEnvironment=A=1\nNice=5\n  Environment=B=2\n# trailing\n";

    @Test
    void theNewValuesTakeThePlaceOfTheFirstOldOne() {
        SystemdIni out = SystemdIni.parse("u", UNIT).replaceAll("Service", "Environment", List.of("A=1", "C=3"));
        assertThat(out.render()).isEqualTo("[Service]\n# env for the app\nEnvironment=A=1\nEnvironment=C=3\nNice=5\n# trailing\n");
        assertThat(out.values("Service", "Environment")).containsExactly("A=1", "C=3");
    }

    @Test
    void noOldValueAddsAndNoNewValueRemoves() {
        assertThat(SystemdIni.parse("u", "[Service]\nNice=5\n").replaceAll("Service", "ExecStart", List.of("", "/bin/x")).render())
                .isEqualTo("[Service]\nNice=5\nExecStart=\nExecStart=/bin/x\n");
        assertThat(SystemdIni.parse("u", UNIT).replaceAll("Service", "Environment", List.of()).render())
                .isEqualTo("[Service]\n# env for the app\nNice=5\n# trailing\n");
    }

    @Test
    void aContinuedValueKeepsItsInnerCommentAndTheLastLineWithoutNewlineStaysSo() {
        String text = "[Service]\nEnvironment=A=1 \\\n# inner\n B=2\nNice=5";
        SystemdIni out = SystemdIni.parse("u", text).replaceAll("Service", "Environment", List.of("X=9"));
        assertThat(out.render()).isEqualTo("[Service]\n# inner\nEnvironment=X=9\nNice=5");
        SystemdIni atEnd = SystemdIni.parse("u", "[Service]\nEnvironment=A=1").replaceAll("Service", "Environment", List.of("A=1", "B=2"));
        assertThat(atEnd.render()).isEqualTo("[Service]\nEnvironment=A=1\nEnvironment=B=2");
    }

    @Test
    void crlfFilesStayCrlf() {
        String text = "[Service]\r\nEnvironment=A=1\r\nNice=5\r\n";
        assertThat(SystemdIni.parse("u", text).replaceAll("Service", "Environment", List.of("A=1", "B=2")).render())
                .isEqualTo("[Service]\r\nEnvironment=A=1\r\nEnvironment=B=2\r\nNice=5\r\n");
    }
}
