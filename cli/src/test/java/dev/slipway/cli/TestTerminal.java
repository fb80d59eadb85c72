package dev.slipway.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A terminal for tests: stdin from a string, stdout and stderr captured, interactive or not. */
public final class TestTerminal implements Terminal {

    private final InputStream in;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final boolean interactive;

    public TestTerminal(String stdin, boolean interactive) {
        this.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        this.interactive = interactive;
    }

    /** Not interactive, with this on stdin. */
    public static TestTerminal piped(String stdin) {
        return new TestTerminal(stdin, false);
    }

    /** A context with this terminal, the login stored under {@code configHome}, a fixed clock and no sleeping. */
    public static Context context(TestTerminal terminal, Path configHome, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("XDG_CONFIG_HOME", configHome.toAbsolutePath().toString());
        return new Context(all, terminal, Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC),
                duration -> { });
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public PrintStream out() {
        return outStream;
    }

    @Override
    public PrintStream err() {
        return errStream;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public char[] readSecret(String prompt) {
        throw new AssertionError("asked for a secret: " + prompt);
    }

    @Override
    public boolean confirm(String question) {
        throw new AssertionError("asked: " + question);
    }
}
