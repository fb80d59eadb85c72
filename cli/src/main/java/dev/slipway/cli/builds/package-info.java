/** Starting builds, waiting for them and reading their logs. */
package dev.slipway.cli.builds;
