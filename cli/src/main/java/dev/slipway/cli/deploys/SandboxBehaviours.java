package dev.slipway.cli.deploys;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * How the sandbox's pretend pods of a release behave. Typed as people like (crash-loop, CRASH_LOOP) and
 * sent as the API spells it; the server decides what exists, so a newer server's behaviours work too.
 */
final class SandboxBehaviours implements Iterable<String> {

    static final List<String> KNOWN = List.of("healthy", "slow-start", "never-ready", "crash-loop", "bad-metrics",
            "no-traffic", "metrics-down");

    @Override
    public Iterator<String> iterator() {
        return KNOWN.iterator();
    }

    /** crash-loop, Crash_Loop and CRASH_LOOP all become CRASH_LOOP. */
    static String apiName(String typed) {
        return typed.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    }

    static final class Converter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.strip().matches("[A-Za-z_-]+")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a sandbox behaviour; one of "
                        + String.join(", ", KNOWN));
            }
            return apiName(value);
        }
    }
}
