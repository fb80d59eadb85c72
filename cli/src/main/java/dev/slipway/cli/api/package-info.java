/** The HTTP client of the REST API and the parts of its answers the tables show. */
package dev.slipway.cli.api;
