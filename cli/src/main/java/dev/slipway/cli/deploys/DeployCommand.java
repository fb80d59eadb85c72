package dev.slipway.cli.deploys;

import dev.slipway.cli.CliException;
import dev.slipway.cli.Context;
import dev.slipway.cli.api.Api;
import dev.slipway.cli.api.SlipwayClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deploy", header = "Deploy an image to an environment [--wait]", description = {
    "Make the next release of APP in ENV from an image and roll it out with the environment's strategy"
            + " (rolling, canary, blue-green).",
    "Answers as soon as Slipway accepted it; --wait follows the rollout to its end, like 'argocd app wait'.",
    "Examples:",
    "  slipway deploy shop staging --image registry.example.com/shop:1.4.2 --wait",
    "  slipway deploy shop dev --build 12 --wait --timeout 5m"})
public final class DeployCommand extends StartsRollout {

    @Option(names = "--image", paramLabel = "REF", description = "the image to run, e.g. registry.example.com/shop:1.4"
            + " or ...@sha256:...; for an app that deploys a prebuilt image, its own image when left out")
    String image;

    @Option(names = "--build", paramLabel = "N", description = "instead of --image: the image of the app's build N,"
            + " pinned to its digest, from the registry ENV takes images from")
    Integer build;

    @Option(names = "--sandbox-behaviour", paramLabel = "BEHAVIOUR", converter = SandboxBehaviours.Converter.class,
            completionCandidates = SandboxBehaviours.class,
            description = "on the sandbox only, how the pretend pods behave: ${COMPLETION-CANDIDATES} (default healthy)")
    String sandboxBehaviour;

    DeployCommand(Context context) {
        super(context);
    }

    @Override
    protected int execute() throws InterruptedException {
        checkWaitOptions();
        if (image != null && build != null) {
            throw CliException.usage("--image and --build both name the image; give one of them");
        }
        String ref = image;
        if (build != null) {
            ref = client().get(SlipwayClient.path("/api/v1/apps/{}/builds/{}/image?environment=", target.app(), build)
                    + URLEncoder.encode(target.environment(), StandardCharsets.UTF_8))
                    .read(Api.BuildImage.class).image();
        }
        Map<String, Object> request = new LinkedHashMap<>();
        if (ref != null) {
            request.put("image", ref);
        }
        if (sandboxBehaviour != null) {
            request.put("sandboxBehaviour", sandboxBehaviour);
        }
        SlipwayClient.Response started = client().post(target.path("/deploys"), request);
        return report(started, ref == null ? "Deploying the app's image" : "Deploying " + ref);
    }
}
