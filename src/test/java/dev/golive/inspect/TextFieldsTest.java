package dev.golive.inspect;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Text.fields splits lines of /proc files into words exactly as {@code trim().split("\\s+")} did. */
class TextFieldsTest {

    @Test void linesOfProcFilesSplitAsTheRegexDid() {
        String[] lines = {
                "  sl  local_address rem_address   st tx_queue rx_queue",
                "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0",
                "2048\t0\t9223372036854775807", "max 100000", "max", "", "   ", "\t\n", "x",
                "Max open files            1024                 524288               files",
                "a\u000Bb\fc\rd", "a\u0001b", " \u0001 a ", "go version go1.22.1 linux/amd64\n"};
        for (String line : lines) assertThat(Text.fields(line)).as("\"%s\"", line).containsExactly(line.trim().split("\\s+"));
    }

    @Test void anyStringOfSpacesControlCharactersAndLettersSplitsTheSame() {
        char[] alphabet = {' ', '\t', '\n', '\u000B', '\f', '\r', '\u0001', '\u001F', 'a', 'b', ':', '\u00A0', '\u2003'};
        Random r = new Random(18);
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) b.append(alphabet[r.nextInt(alphabet.length)]);
            String s = b.toString();
            assertThat(Text.fields(s)).as("\"%s\"", s).containsExactly(s.trim().split("\\s+"));
        }
    }
}
