package dev.slipway.cli.deploys;

import dev.slipway.cli.api.SlipwayClient;
import picocli.CommandLine.Parameters;

/** The APP ENV pair most commands act on; a picocli mixin. */
public final class Target {

    @Parameters(index = "0", paramLabel = "APP", description = "the app's name")
    String app;

    @Parameters(index = "1", paramLabel = "ENV", description = "the environment, e.g. dev, staging or prod")
    String environment;

    public String app() {
        return app;
    }

    public String environment() {
        return environment;
    }

    /** The API path of the app in the environment, plus {@code rest}. */
    public String path(String rest) {
        return SlipwayClient.path("/api/v1/apps/{}/environments/{}", app, environment) + rest;
    }
}
