/** Variables and secrets of an app per environment, and .env files. */
package dev.slipway.cli.config;
