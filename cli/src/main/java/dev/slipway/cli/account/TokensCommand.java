package dev.slipway.cli.account;

import dev.slipway.cli.ApiCommand;
import dev.slipway.cli.CliException;
import dev.slipway.cli.Context;
import dev.slipway.cli.Durations;
import dev.slipway.cli.ExitCodes;
import dev.slipway.cli.Table;
import dev.slipway.cli.Text;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.type.TypeReference;

@Command(name = "tokens", header = "List your API tokens; create, revoke, revoke-all",
        description = "List your API tokens: name, scope, when each expires and was last used (never"
        + " the token itself).",
        subcommands = {TokensCommand.Create.class, TokensCommand.Revoke.class, TokensCommand.RevokeAll.class})
public final class TokensCommand extends ApiCommand {

    static final String PATH = "/api/v1/account/tokens";

    TokensCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() {
        SlipwayClient.Response response = client().get(PATH);
        if (json()) {
            printJson(response);
            return ExitCodes.OK;
        }
        List<Api.Token> tokens = response.read(new TypeReference<List<Api.Token>>() { });
        if (tokens.isEmpty()) {
            err().println("You have no API tokens.");
            return ExitCodes.OK;
        }
        out().print(table(tokens, context.clock().instant()).render());
        return ExitCodes.OK;
    }

    static Table table(List<Api.Token> tokens, Instant now) {
        Table table = Table.of("ID", "NAME", "PREFIX", "SCOPE", "STATE", "CREATED", "EXPIRES", "LAST USED");
        for (Api.Token t : tokens) {
            table.row(t.id(), t.name(), t.prefix() + "…", t.readOnly() ? "read-only" : "read-write", state(t, now),
                    Text.relative(t.createdAt(), now), t.expiresAt() == null ? "never" : Text.relative(t.expiresAt(), now),
                    t.lastUsedAt() == null ? "never" : Text.relative(t.lastUsedAt(), now));
        }
        return table;
    }

    static String state(Api.Token token, Instant now) {
        if (token.revokedAt() != null) {
            return "revoked";
        }
        return token.expiresAt() != null && !now.isBefore(token.expiresAt()) ? "expired" : "active";
    }

    @Command(name = "create", header = "Create an API token and print it once", description = {
        "Create an API token for scripts and CI and print it once: Slipway keeps only a hash of it.",
        "The token alone goes to stdout (TOKEN=$(slipway tokens create ci)); what it is goes to stderr."})
    static final class Create extends ApiCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "where the token is used, e.g. ci-deploy; unique"
                + " among your tokens")
        String name;

        @Option(names = "--valid-for", paramLabel = "DURATION", converter = Durations.Converter.class,
                description = "how long it works, e.g. 30d, 12h or P30D; without it, it never expires")
        Duration validFor;

        @Option(names = "--read-only", description = "it may only read (GET requests), whatever your rights are")
        boolean readOnly;

        Create(Context context) {
            super(context);
        }

        @Override
        protected int execute() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            if (validFor != null) {
                if (validFor.isZero()) {
                    throw CliException.usage("--valid-for must be longer than 0; leave it out for a token that never"
                            + " expires");
                }
                body.put("validFor", validFor.toString());
            }
            body.put("readOnly", readOnly);
            SlipwayClient.Response response = client().post(PATH, body);
            if (json()) {
                printJson(response);
                return ExitCodes.OK;
            }
            Api.CreatedToken created = response.read(Api.CreatedToken.class);
            out().println(created.secret());
            Api.Token t = created.token();
            String expires = t.expiresAt() == null ? "never expires"
                    : "expires " + Text.dateTime(t.expiresAt(), context.zone());
            err().println("Created token " + t.id() + " '" + t.name() + "' (" + (t.readOnly() ? "read-only" : "read-write")
                    + ", " + expires + "). Store it now: it is not shown again.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", header = "Revoke one of your API tokens",
            description = "Revoke one of your tokens (its ID is in 'slipway tokens'); scripts using it"
            + " are refused from their next call.")
    static final class Revoke extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "the token's id")
        long id;

        Revoke(Context context) {
            super(context);
        }

        @Override
        protected int execute() {
            client().delete(SlipwayClient.path(PATH + "/{}", id));
            progress().println("Revoked token " + id + ".");
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke-all", header = "Revoke every API token of yours", description = {
        "Revoke every token of yours that still works, the one this command uses included: for a token that leaked",
        "or a person leaving. Asks first in a terminal; scripts pass --yes."})
    static final class RevokeAll extends ApiCommand {

        @Option(names = "--yes", description = "do not ask")
        boolean yes;

        RevokeAll(Context context) {
            super(context);
        }

        @Override
        protected int execute() {
            if (!yes) {
                if (!context.terminal().interactive()) {
                    throw CliException.usage("revoke-all revokes every token of yours, this one included; pass --yes to"
                            + " confirm");
                }
                if (!context.terminal().confirm("Revoke every API token of yours on " + context.credentials().url()
                        + ", the one used now included?")) {
                    err().println("Nothing revoked.");
                    return ExitCodes.FAILED;
                }
            }
            SlipwayClient.Response response = client().post(PATH + "/revoke-all", Map.of());
            if (json()) {
                printJson(response);
                return ExitCodes.OK;
            }
            int revoked = response.read(Api.Revoked.class).revoked();
            out().println("Revoked " + revoked + " token" + (revoked == 1 ? "" : "s") + ", the one this command used"
                    + " included. Log in again with a new token: slipway login " + context.credentials().url());
            return ExitCodes.OK;
        }
    }
}
