/** Logging in and out, the stored login and its file permissions, and API tokens. */
package dev.slipway.cli.account;
