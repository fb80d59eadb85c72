package dev.slipway.cli.deploys;

import dev.slipway.cli.Context;
import dev.slipway.cli.api.SlipwayClient;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollback", header = "Roll an earlier release out again [--wait]", description = {
    "Roll an earlier release of APP in ENV out again, as a new release with that release's image, config and"
            + " settings; fast-tracked (no canary steps), like 'heroku releases:rollback'.",
    "'slipway releases APP ENV' lists the releases to choose from.",
    "Example: slipway rollback shop prod --to 41 --wait"})
public final class RollbackCommand extends StartsRollout {

    @Option(names = "--to", required = true, paramLabel = "N", converter = ReleaseNumber.class,
            description = "the release to go back to: 3 or v3")
    int release;

    RollbackCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() throws InterruptedException {
        checkWaitOptions();
        SlipwayClient.Response started = client().post(target.path("/rollbacks"), Map.of("release", release));
        return report(started, "Rolling back to v" + release);
    }

    /** A release number as people write it: 3 or v3. */
    static final class ReleaseNumber implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String digits = value.strip().replaceFirst("^[vV]", "");
            if (!digits.matches("\\d{1,9}") || Integer.parseInt(digits) < 1) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a release number: write 3 or v3");
            }
            return Integer.parseInt(digits);
        }
    }
}
