package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.shared.FieldProblem;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void reads_plain_quoted_exported_and_commented_lines() {
        DotEnv.Parsed parsed = DotEnv.parse("""
                # database
                export DATABASE_URL=postgres://db:5432/shop
                GREETING="hello\\nworld" # trailing comment
                RAW='a\\nb "quoted"'
                EMPTY=

                LOG_LEVEL = debug # comment
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entries()).containsExactly(
                java.util.Map.entry("DATABASE_URL", "postgres://db:5432/shop"),
                java.util.Map.entry("GREETING", "hello\nworld"),
                java.util.Map.entry("RAW", "a\\nb \"quoted\""),
                java.util.Map.entry("EMPTY", ""),
                java.util.Map.entry("LOG_LEVEL", "debug"));
    }

    @Test
    void every_bad_line_is_reported_by_number_without_its_value() {
        DotEnv.Parsed parsed = DotEnv.parse("""
                GOOD=1
                no equals sign here
                1BAD=x
                QUOTE="never closed s3cr3t
                GOOD=2
                """);

        assertThat(parsed.problems()).extracting(FieldProblem::field)
                .containsExactly("line 2", "line 3", "line 4", "line 5");
        assertThat(parsed.problems().get(3).message()).contains("already set on line 1");
        assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("s3cr3t"));
    }

    @Test
    void a_paste_without_entries_says_so() {
        assertThat(DotEnv.parse("# only a comment\n\n").problems()).extracting(FieldProblem::message)
                .containsExactly("holds no NAME=value lines");
    }
}
