/**
 * From a commit to an image, without a Docker daemon. This package holds the three steps as
 * components, each tested on its own: {@link dev.slipway.builds.GitCheckout} (JGit fetch into a cache per
 * app, then the commit's files into a fresh workspace), {@link dev.slipway.builds.ProjectBuild} (the
 * project's own Maven or Gradle build in a child process with a timeout, a memory cap and cancellation,
 * its log masked) and {@link dev.slipway.builds.ImageAssembler} (jib-core: layers, non-root user, labels,
 * push, digest). The build queue, webhooks and the UI that drive them come next (issue 5); until then
 * nothing here is reachable by users.
 */
@NullMarked
package dev.slipway.builds;

import org.jspecify.annotations.NullMarked;
