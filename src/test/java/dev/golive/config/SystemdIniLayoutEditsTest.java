package dev.golive.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's unit as people really write them — a comment right above the line golive
 * rewrites, '=' on a continuation line, an indented first assignment, a byte order mark, mixed
 * line endings — edited by golive: the touched lines change, every other byte stays.
 */
class SystemdIniLayoutEditsTest {

    static final String P = "/etc/systemd/system/api.service";

    static SystemdIni unit(String text) { return SystemdIni.parse(P, text); }

    @Test
    void aCommentDirectlyAboveTheRewrittenLineStaysOnceInItsPlace() {
        assertThat(unit("[Service]\n# raised for the load test\nLimitNOFILE=1024\n").set("Service", "LimitNOFILE", "1048576").render())
                .isEqualTo("[Service]\n# raised for the load test\nLimitNOFILE=1048576\n");
    }

    @Test
    void theSpacingBeforeEqualsIsKeptEvenWithNoSpaceAfterIt() {
        assertThat(unit("[Service]\nNice =5\n").set("Service", "Nice", "0").render()).isEqualTo("[Service]\nNice =0\n");
    }

    @Test
    void aKeyWhoseEqualsSignIsOnTheContinuationLineIsRewrittenAsKeyEqualsValue() {
        SystemdIni f = unit("[Service]\n  LimitNOFILE \\\n=1024\nUser=api\n").set("Service", "LimitNOFILE", "65536");
        assertThat(f.render()).isEqualTo("[Service]\n  LimitNOFILE=65536\nUser=api\n");
        assertThat(f.values("Service", "LimitNOFILE")).containsExactly("65536");
    }

    @Test
    void aValueThatStartsOnTheNextLineIsRewrittenOnTheKeysLine() {
        SystemdIni f = unit("[Service]\nExecStart=\\\n  /usr/bin/api -x\n").set("Service", "ExecStart", "/usr/bin/api");
        assertThat(f.render()).isEqualTo("[Service]\nExecStart=/usr/bin/api\n");
    }

    @Test
    void removingAContinuedAssignmentKeepsTheCommentInsideIt() {
        assertThat(unit("[Service]\nExecStart=/bin/a \\\n# why -x\n  -x\nUser=u\n").remove("Service", "ExecStart").render())
                .isEqualTo("[Service]\n# why -x\nUser=u\n");
    }

    @Test
    void removingFromAUnitThatStartsWithAByteOrderMarkKeepsTheMarkAndTheHeader() {
        assertThat(unit("\uFEFF[Service]\nUser=a\nNice=5\n").remove("Service", "User").render()).isEqualTo("\uFEFF[Service]\nNice=5\n");
        // a mark alone on the first line stays there, on its own line
        assertThat(unit("\uFEFF\n[Service]\nUser=a\n").remove("Service", "User").render()).isEqualTo("\uFEFF\n[Service]\n");
    }

    @Test
    void replaceAllKeepsTheIndentationOfTheFirstOldAssignment() {
        assertThat(unit("[Service]\n  Environment=A=1\nNice=5\n").replaceAll("Service", "Environment", List.of("A=1", "B=2")).render())
                .isEqualTo("[Service]\n  Environment=A=1\n  Environment=B=2\nNice=5\n");
    }

    @Test
    void replaceAllKeepsCommentsInsideALaterOldAssignmentWhereTheyWere() {
        String text = "[Service]\nEnvironment=A=1\nNice=5\nEnvironment=B=2 \\\n# C is for the cache\n C=3\nUser=u\n";
        assertThat(unit(text).replaceAll("Service", "Environment", List.of("X=9")).render())
                .isEqualTo("[Service]\nEnvironment=X=9\nNice=5\n# C is for the cache\nUser=u\n");
    }

    @Test
    void replaceAllEndsTheLastNewLineAsTheOldOneEnded() {
        // the file is mostly CRLF, the old assignment ended in LF: the new lines are CRLF, the last one LF
        String text = "[Service]\r\nEnvironment=A=1\nNice=5\r\nUser=u\r\n";
        assertThat(unit(text).replaceAll("Service", "Environment", List.of("A=1", "B=2")).render())
                .isEqualTo("[Service]\r\nEnvironment=A=1\r\nEnvironment=B=2\nNice=5\r\nUser=u\r\n");
        // the old assignment is the last line and has no ending: neither has the new last line
        assertThat(unit("[Service]\r\nNice=5\r\nEnvironment=A=1").replaceAll("Service", "Environment", List.of("A=1", "B=2")).render())
                .isEqualTo("[Service]\r\nNice=5\r\nEnvironment=A=1\r\nEnvironment=B=2");
    }

    @Test
    void addToASectionThatIsNotTheLastGoesAfterItsLastAssignment() {
        String text = "[Unit]\nDescription=api\n\n[Service]\nUser=api\n\n[Install]\nWantedBy=multi-user.target\n";
        assertThat(unit(text).add("Service", "Environment", "GOMAXPROCS=2").render())
                .isEqualTo("[Unit]\nDescription=api\n\n[Service]\nUser=api\nEnvironment=GOMAXPROCS=2\n\n[Install]\nWantedBy=multi-user.target\n");
        // a section repeated: the assignment goes to its last occurrence
        assertThat(unit("[Service]\nUser=api\n[Unit]\nA=1\n[Service]\nNice=5\n").add("Service", "Environment", "X=1").render())
                .isEqualTo("[Service]\nUser=api\n[Unit]\nA=1\n[Service]\nNice=5\nEnvironment=X=1\n");
        // an empty section: right after its header
        assertThat(unit("[Service]\n[Install]\nWantedBy=x\n").add("Service", "User", "api").render())
                .isEqualTo("[Service]\nUser=api\n[Install]\nWantedBy=x\n");
    }

    @Test
    void aMalformedLineIsQuotedWholeUpToSixtyCharactersAndCutAfter() {
        String sixty = "x".repeat(60), sixtyOne = "y".repeat(61);
        assertThat(unit("[Service]\n" + sixty + "\n").problems()).extracting(SystemdIni.Problem::describe)
                .containsExactly(P + ":2:1: missing '=' (expected Key=Value): \"" + sixty + "\"");
        assertThat(unit("[Service]\n" + sixtyOne + "\n").problems()).extracting(SystemdIni.Problem::describe)
                .containsExactly(P + ":2:1: missing '=' (expected Key=Value): \"" + "y".repeat(60) + "…\"");
    }

    @Test
    void aLastLineEndingInALoneCarriageReturnIsALineAsSystemdReadsIt() {
        SystemdIni f = unit("[Service]\nUser=api\r");
        assertThat(f.values("Service", "User")).containsExactly("api");
        assertThat(f.add("Service", "Nice", "5").render()).isEqualTo("[Service]\nUser=api\rNice=5\n");
    }
}
