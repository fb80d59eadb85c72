package dev.slipway.clusters;

/**
 * Published after a cluster's connection settings changed or it was deleted, so that whoever keeps a
 * client for it builds a new one.
 */
public record ClusterChanged(String name) {
}
