package dev.slipway.cli;

import dev.slipway.cli.account.ConfigFile;
import dev.slipway.cli.account.Credentials;
import dev.slipway.cli.api.ApiException;
import dev.slipway.cli.api.SlipwayClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every command works with: the environment, the terminal, the stored login, a clock and the way to
 * wait, plus the output format chosen with {@code -o}. One per run; commands get it in their constructor.
 */
public final class Context {

    /** Waiting between two looks at a rollout or a build. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Map<String, String> env;
    private final Terminal terminal;
    private final Clock clock;
    private final Sleeper sleeper;
    private JsonMapper json;
    private ConfigFile configFile;
    private OutputFormat output = OutputFormat.table;
    private Credentials credentials;
    private SlipwayClient client;

    public Context(Map<String, String> env, Terminal terminal, Clock clock, Sleeper sleeper) {
        this.env = Map.copyOf(env);
        this.terminal = terminal;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The real process: its environment, stdin/stdout/stderr, the system clock and Thread.sleep. */
    public static Context system() {
        return new Context(System.getenv(), Terminal.system(), Clock.systemDefaultZone(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    public Map<String, String> env() {
        return env;
    }

    public Terminal terminal() {
        return terminal;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** Made on first use: building a mapper loads hundreds of classes that --help and usage errors never need. */
    public JsonMapper json() {
        if (json == null) {
            json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        }
        return json;
    }

    public ConfigFile configFile() {
        if (configFile == null) {
            configFile = new ConfigFile(ConfigFile.location(env, System.getProperty("user.home")), json());
        }
        return configFile;
    }

    public OutputFormat output() {
        return output;
    }

    void output(OutputFormat output) {
        this.output = output;
    }

    /** The server and token to use, from SLIPWAY_URL/SLIPWAY_TOKEN or the stored login. */
    public Credentials credentials() {
        if (credentials == null) {
            ConfigFile file = configFile();
            if (file.readableByOthers()) {
                terminal.err().println("warning: " + file.path() + " can be read by other users; it holds your"
                        + " token. Run: chmod 600 " + file.path());
            }
            credentials = Credentials.resolve(env, file.read(), file.path().toString());
        }
        return credentials;
    }

    /** A client for the server and token of {@link #credentials()}. */
    public SlipwayClient client() {
        if (client == null) {
            Credentials c = credentials();
            client = new SlipwayClient(c.url(), c.token(), json());
        }
        return client;
    }

    /**
     * The message for an error that ends a command. A refused token says where it came from, so the user
     * knows whether to log in again or fix SLIPWAY_TOKEN.
     */
    String describe(Throwable error) {
        if (error instanceof ApiException api && api.status() == 401 && credentials != null) {
            return api.getMessage() + "\nThe token came from " + credentials.source()
                    + (Credentials.TOKEN_VARIABLE.equals(credentials.source())
                    ? ": set SLIPWAY_TOKEN to a token that works."
                    : ". Log in again with: slipway login " + credentials.url());
        }
        return error.getMessage();
    }
}
