package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columns_line_up_two_spaces_apart_without_trailing_spaces() {
        String table = Table.of("NAME", "TEAM", "ORIGIN")
                .row("menu", "kitchen", "nginx:1.27")
                .row("a-much-longer-name", "k", "x")
                .render();

        assertThat(table).isEqualTo("""
                NAME                TEAM     ORIGIN
                menu                kitchen  nginx:1.27
                a-much-longer-name  k        x
                """);
        assertThat(table.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void empty_and_missing_cells_show_a_dash_so_columns_stay_countable() {
        String table = Table.of("A", "B", "C").row(null, "", 3).render();

        assertThat(table.lines().skip(1).findFirst()).hasValue("-  -  3");
    }

    @Test
    void a_cell_cannot_break_the_line_or_send_terminal_escapes() {
        String table = Table.of("REASON", "NEXT").row("crash\nforged line\u001B[2J\u001B[31mred", "x").render();

        assertThat(table.lines()).hasSize(2);
        assertThat(table).doesNotContain("\u001B").contains("crash forged line" + "red");
    }

    @Test
    void width_counts_characters_not_bytes() {
        String table = Table.of("N", "X").row("äöü", "1").row("abcd", "2").render();

        assertThat(table.lines().skip(1)).containsExactly("äöü   1", "abcd  2");
    }

    @Test
    void a_row_must_have_a_cell_per_column() {
        assertThatThrownBy(() -> Table.of("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
