/** Deploys, rollbacks, releases and rollouts: starting them, following them, promoting and aborting them. */
package dev.slipway.cli.deploys;
