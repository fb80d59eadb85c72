package dev.slipway.apps;

public enum AppSource {
    /** Slipway builds images from a git repository and branch. */
    GIT,
    /** The team builds images elsewhere and deploys them by reference. */
    IMAGE
}
