package dev.slipway.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command reads and writes: the process's stdin, stdout and stderr, and the console if there is one. */
public interface Terminal {

    InputStream in();

    PrintStream out();

    PrintStream err();

    /**
     * Whether a person sits at stdin, so a secret can be asked for without echo. False when stdin is a pipe
     * or a file: then secrets are read from it, as {@code docker login --password-stdin} does.
     */
    boolean interactive();

    /** Asks for a secret without echoing it; null when the input ended. Only when {@link #interactive()}. */
    char[] readSecret(String prompt);

    /** Asks a yes/no question; only when {@link #interactive()}. */
    boolean confirm(String question);

    /** The terminal of this process. */
    static Terminal system() {
        return new SystemTerminal();
    }

    /** The real stdin/stdout/stderr and {@link System#console()}. */
    final class SystemTerminal implements Terminal {

        @Override
        public InputStream in() {
            return System.in;
        }

        @Override
        public PrintStream out() {
            return System.out;
        }

        @Override
        public PrintStream err() {
            return System.err;
        }

        @Override
        public boolean interactive() {
            Console console = System.console();
            return console != null && consoleIsTerminal(console) && stdinIsTerminal();
        }

        @Override
        public char[] readSecret(String prompt) {
            return System.console().readPassword("%s", prompt);
        }

        @Override
        public boolean confirm(String question) {
            String answer = System.console().readLine("%s [y/N] ", question);
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        }

        /**
         * From Java 22 on, {@code System.console()} may exist while stdin or stdout is redirected, and
         * {@code Console.isTerminal()} (22+) tells the truth; on Java 21 the console exists only for a terminal.
         */
        private static boolean consoleIsTerminal(Console console) {
            try {
                Method isTerminal = Console.class.getMethod("isTerminal");
                return (Boolean) isTerminal.invoke(console);
            } catch (NoSuchMethodException olderJava) {
                return true;
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }

        /** On Linux, stdin itself (not only stdout) must be a terminal; elsewhere the console check decides. */
        private static boolean stdinIsTerminal() {
            Path stdin = Path.of("/proc/self/fd/0");
            try {
                if (!Files.isSymbolicLink(stdin)) {
                    return true;
                }
                String target = Files.readSymbolicLink(stdin).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return true;
            }
        }
    }
}
