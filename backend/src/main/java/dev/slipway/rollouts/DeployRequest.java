package dev.slipway.rollouts;

import dev.slipway.sandbox.SandboxBehaviour;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A deploy as a user asks for it.
 *
 * @param image            the image to run; for apps that deploy a prebuilt image, empty means the app's image
 * @param sandboxBehaviour on the sandbox only: how the simulated pods behave (HEALTHY when empty), so a
 *                         failing release and its automatic rollback can be watched
 */
public record DeployRequest(
        @Schema(description = "The image; the app's own when left out", maxLength = 512) @Nullable String image,
        @Schema(description = "How the sandbox's pretend pods behave; HEALTHY when left out")
        @Nullable SandboxBehaviour sandboxBehaviour) {
}
