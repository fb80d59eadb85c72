package dev.slipway.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.cli.CliException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {

    @TempDir
    Path dir;

    @Test
    void a_file_is_read_as_it_is_for_slipway_to_parse() throws Exception {
        Path file = Files.writeString(dir.resolve(".env"), "# db\nexport DB_HOST=db\nGREETING=\"hi there\"\n");

        assertThat(DotEnvFile.read(file.toString(), InputStream.nullInputStream()))
                .isEqualTo("# db\nexport DB_HOST=db\nGREETING=\"hi there\"\n");
    }

    @Test
    void a_dash_reads_stdin() {
        assertThat(DotEnvFile.read("-", new ByteArrayInputStream("A=1\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("A=1\n");
    }

    @Test
    void a_byte_order_mark_from_a_windows_editor_is_dropped() {
        byte[] bom = "\uFEFFA=1\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(DotEnvFile.text(bom, "f")).isEqualTo("A=1\r\n");
    }

    @Test
    void text_that_is_not_utf_8_is_refused_rather_than_garbled() {
        byte[] latin1 = "CITY=Zürich\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> DotEnvFile.text(latin1, ".env")).isInstanceOf(CliException.class)
                .hasMessageContaining(".env is not UTF-8");
    }

    @Test
    void an_empty_a_huge_or_a_missing_file_is_a_usage_error() {
        assertThatThrownBy(() -> DotEnvFile.text(" \n".getBytes(StandardCharsets.UTF_8), "stdin"))
                .hasMessageContaining("stdin is empty");
        assertThatThrownBy(() -> DotEnvFile.text(new byte[DotEnvFile.MAX_BYTES + 1], "big.env"))
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> DotEnvFile.read(dir.resolve("nope.env").toString(), InputStream.nullInputStream()))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("There is no file")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> DotEnvFile.read(dir.toString(), InputStream.nullInputStream()))
                .hasMessageContaining("directory");
    }
}
