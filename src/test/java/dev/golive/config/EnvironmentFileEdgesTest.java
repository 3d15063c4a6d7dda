package dev.golive.config;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * /etc/default files as admins leave them, read the way systemd's load_env_file() reads
 * them: a last line without a newline (whatever it ends in), blanks before comments, values
 * quoted over several lines — every value and every line number (which golive shows as the
 * source of GOMAXPROCS and friends) as systemd would have it.
 */
class EnvironmentFileEdgesTest {

    static Tuple[] read(String text) {
        return EnvironmentFile.parse(text).assignments().stream().map(a -> tuple(a.key(), a.value(), a.line())).toArray(Tuple[]::new);
    }

    @Test
    void theLastLineNeedsNoNewlineWhateverItEndsIn() {
        assertThat(read("A=1\n  \t")).containsExactly(tuple("A", "1", 1));
        assertThat(read("A=1\n# the end")).containsExactly(tuple("A", "1", 1));
        assertThat(read("A=1\nB=  ")).containsExactly(tuple("A", "1", 1), tuple("B", "", 2));
        assertThat(read("A=x\\")).containsExactly(tuple("A", "x", 1));
        assertThat(read("A='abc")).containsExactly(tuple("A", "abc", 1));
        assertThat(read("A=\"abc")).containsExactly(tuple("A", "abc", 1));
        assertThat(read("A=\"x\\")).containsExactly(tuple("A", "x\\", 1));
        var parsed = EnvironmentFile.parse("A=1\nJUSTAWORD");
        assertThat(parsed.problems()).extracting(EnvironmentFile.Problem::line, EnvironmentFile.Problem::message)
                .containsExactly(tuple(2, "no '=' in \"JUSTAWORD\": systemd ignores the line"));
    }

    @Test
    void indentedCommentsAndLinesOfBlanksAreNotAssignments() {
        var parsed = EnvironmentFile.parse("  # GOMAXPROCS=8\n \t\n\t; GOGC=50\nGOGC=100\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(read("  # GOMAXPROCS=8\n \t\n\t; GOGC=50\nGOGC=100\n")).containsExactly(tuple("GOGC", "100", 4));
    }

    @Test
    void escapesOutsideAndInsideDoubleQuotes() {
        // outside quotes a backslash takes the next character as is
        assertThat(read("A=a\\\"b\\ c\\\\\n")).containsExactly(tuple("A", "a\"b c\\", 1));
        // inside double quotes only \" \\ \` \$ and a newline are escapes; any other backslash stays
        assertThat(read("A=\"a\\$b\\\\c\\\"d\\x\\`e\"\n")).containsExactly(tuple("A", "a$b\\c\"d\\x`e", 1));
        // a quote right after '=' and a single-quoted backslash are literal
        assertThat(read("A='a\\b'\n")).containsExactly(tuple("A", "a\\b", 1));
    }

    @Test
    void aValueQuotedOverSeveralLinesCountsThemForTheNextAssignment() {
        assertThat(read("A='x\ny'\nB=2\n")).containsExactly(tuple("A", "x\ny", 1), tuple("B", "2", 3));
        assertThat(read("A=\"x\ny\"\nB=2\n")).containsExactly(tuple("A", "x\ny", 1), tuple("B", "2", 3));
        assertThat(read("A=\"x\\\ny\"\nB=2\n")).containsExactly(tuple("A", "xy", 1), tuple("B", "2", 3));
        assertThat(read("A=x\\\ny\nB=2\n")).containsExactly(tuple("A", "xy", 1), tuple("B", "2", 3));
    }
}
