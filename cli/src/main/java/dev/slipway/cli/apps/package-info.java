/** Listing apps. */
package dev.slipway.cli.apps;
