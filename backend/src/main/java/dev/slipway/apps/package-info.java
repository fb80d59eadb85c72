/**
 * Apps are what teams deploy: a DNS-safe name, where the code comes from (a git repository and branch, or
 * a prebuilt image), the port it listens on and its health paths. An app belongs to one team; who may see
 * or change it follows the team's roles. How it runs per environment (replicas, strategy, config) is added
 * by the features that deploy it.
 */
@NullMarked
package dev.slipway.apps;

import org.jspecify.annotations.NullMarked;
