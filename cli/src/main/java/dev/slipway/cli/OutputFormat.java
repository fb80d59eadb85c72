package dev.slipway.cli;

/** How a command prints its result: a table for people, or the API's JSON for scripts. */
public enum OutputFormat {
    table, json
}
