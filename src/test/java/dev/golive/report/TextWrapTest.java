package dev.golive.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextWrapTest {

    @Test
    void a_line_breaks_between_words_and_continues_under_its_list_marker() {
        assertThat(TextWrap.wrap("  - the accept queue of a listener is capped by net.core.somaxconn at listen time", 40))
                .containsExactly("  - the accept queue of a listener is", "    capped by net.core.somaxconn at", "    listen time");
    }

    @Test
    void a_row_of_aligned_columns_continues_under_its_last_column_in_the_left_half() {
        assertThat(TextWrap.wrap("  net.core.somaxconn  4096  → 32768  (per network namespace)", 50))
                .containsExactly("  net.core.somaxconn  4096  → 32768  (per network", "                      namespace)");
        assertThat(TextWrap.wrap("  [warn]    Network  somaxconn 128 caps every listen backlog at 128 (2 findings)", 50))
                .containsExactly("  [warn]    Network  somaxconn 128 caps every", "                     listen backlog at 128 (2", "                     findings)");
    }

    @Test
    void a_word_longer_than_the_line_stands_alone_and_whole() {
        String url = "https://www.kernel.org/doc/Documentation/networking/ip-sysctl.txt";
        assertThat(TextWrap.wrap("Read " + url + " first", 30)).containsExactly("Read", url, "first");
    }

    @Test
    void a_line_that_fits_or_an_unknown_width_is_left_as_it_is() {
        assertThat(TextWrap.wrap("  [ok]      CPU      4 cores", 80)).containsExactly("  [ok]      CPU      4 cores");
        assertThat(TextWrap.wrap("x ".repeat(50), 0)).containsExactly("x ".repeat(50));
    }
}
