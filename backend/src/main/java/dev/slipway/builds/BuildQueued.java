package dev.slipway.builds;

/** A build was queued or cancelled: the runner looks at the queue again once the change is committed. */
record BuildQueued(long buildId) {
}
