/**
 * {@code slipway}, the command line of Slipway: a plain client of the REST API (JDK HttpClient, Jackson,
 * picocli) for scripts, CI pipelines and shells. It depends on nothing of Slipway's, so it can be built
 * and run on its own, and it only does what any script could do with a token.
 * <p>
 * {@link dev.slipway.cli.Slipway} wires the commands; each feature package holds its commands and their
 * pure helpers (rendering, reading files), which the unit tests cover. Exit codes are in
 * {@link dev.slipway.cli.ExitCodes}.
 */
package dev.slipway.cli;
