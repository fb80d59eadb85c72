/**
 * Browser tests against the packaged Slipway, started as its own process on a free loopback port with a
 * fresh data directory, driven by Playwright in the system's headless Chromium.
 */
package dev.slipway.e2e;
