package dev.slipway.cli.config;

import dev.slipway.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a {@code .env} file for {@code config import}: from a path, or stdin for {@code -}. Slipway parses
 * the lines itself (and refuses the whole file, line by line, when one is bad); here only what a server
 * cannot tell is checked: that there is text, that it is UTF-8, that it is not huge.
 */
final class DotEnvFile {

    /** Far more than any .env file; a bigger file is a mistake (a binary, a log). */
    static final int MAX_BYTES = 1024 * 1024;

    private DotEnvFile() {
    }

    /** The text of {@code file}, or of {@code stdin} when file is {@code -}. */
    static String read(String file, InputStream stdin) {
        String name = file.equals("-") ? "stdin" : file;
        byte[] bytes;
        try {
            bytes = file.equals("-") ? stdin.readNBytes(MAX_BYTES + 1) : readFile(Path.of(file));
        } catch (NoSuchFileException e) {
            throw CliException.usage("There is no file " + file + ". Give a .env file, or - to read it from stdin");
        } catch (IOException e) {
            throw CliException.usage("Cannot read " + name + ": " + e.getMessage());
        }
        return text(bytes, name);
    }

    /** The bytes as text: UTF-8 (a byte order mark dropped), within the size limit, not blank. */
    static String text(byte[] bytes, String name) {
        if (bytes.length > MAX_BYTES) {
            throw CliException.usage(name + " is larger than " + MAX_BYTES / 1024 + " KiB; is it really a .env file?");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CliException.usage(name + " is not UTF-8 text; save it as UTF-8 (a .env file is NAME=value lines)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw CliException.usage(name + " is empty; a .env file has NAME=value lines");
        }
        return text;
    }

    private static byte[] readFile(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException("it is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(MAX_BYTES + 1);
        }
    }
}
