package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TextTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void clean_makes_one_line_without_escape_sequences() {
        assertThat(Text.clean("a\r\nb\tc\u001B]0;title\u0007d\u001B[1;31me")).isEqualTo("a  b c" + "d" + "e");
    }

    @Test
    void a_log_line_keeps_its_tabs_but_loses_escapes_and_carriage_returns() {
        assertThat(Text.line("[INFO]\tBuilding\u001B[0m 50%\r")).isEqualTo("[INFO]\tBuilding 50%");
    }

    @Test
    void relative_times_read_like_kubectl_ages() {
        assertThat(Text.relative(NOW.minusSeconds(45), NOW)).isEqualTo("45s ago");
        assertThat(Text.relative(NOW.minus(Duration.ofMinutes(3)), NOW)).isEqualTo("3m ago");
        assertThat(Text.relative(NOW.minus(Duration.ofHours(5)), NOW)).isEqualTo("5h ago");
        assertThat(Text.relative(NOW.minus(Duration.ofDays(12)), NOW)).isEqualTo("12d ago");
        assertThat(Text.relative(NOW.plus(Duration.ofDays(29)), NOW)).isEqualTo("in 29d");
        assertThat(Text.relative(NOW, NOW)).isEqualTo("just now");
    }

    @Test
    void clock_and_date_are_shown_in_the_given_zone() {
        Instant at = Instant.parse("2026-12-03T19:25:22.467Z");

        assertThat(Text.clock(at, ZoneOffset.UTC)).isEqualTo("19:25:22");
        assertThat(Text.dateTime(at, ZoneOffset.ofHours(1))).isEqualTo("2026-12-03 20:25");
    }

    @Test
    void shorten_keeps_the_first_line_and_marks_a_cut() {
        assertThat(Text.shorten("Fix the menu\n\nLong body", 40)).isEqualTo("Fix the menu");
        assertThat(Text.shorten("abcdefghij", 5)).isEqualTo("abcd…");
    }
}
