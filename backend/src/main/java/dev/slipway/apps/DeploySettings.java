package dev.slipway.apps;

import dev.slipway.shared.InputCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How an app runs in one environment: its size, its resources and how new releases roll out. Every
 * release takes a copy, so rolling back restores the settings the old release ran with.
 *
 * @param replicas                pods to run (0 stops the app); ignored while autoscaling is set
 * @param cpuRequest              Kubernetes CPU quantity the scheduler reserves, e.g. "100m"
 * @param cpuLimit                CPU quantity the container may use at most
 * @param memoryRequest           memory quantity reserved, e.g. "256Mi"
 * @param memoryLimit             memory the container may use before it is killed
 * @param maxSurge                extra pods allowed during a rolling update ("25%" or "1")
 * @param maxUnavailable          pods that may be missing during a rolling update ("0" or "25%")
 * @param progressDeadlineSeconds a rollout that makes no progress for this long is rolled back
 * @param autoscaling             when set, a HorizontalPodAutoscaler decides the number of pods
 * @param strategy                how a new release replaces the running one
 * @param canarySteps             the canary's steps as {@link CanarySteps#parse} reads them; null for the
 *                                defaults. Only used by the canary strategy
 */
public record DeploySettings(
        @Schema(minimum = "0", maximum = "100") int replicas,
        @Schema(example = "100m") String cpuRequest,
        @Schema(example = "500m") String cpuLimit,
        @Schema(example = "256Mi") String memoryRequest,
        @Schema(example = "512Mi") String memoryLimit,
        @Schema(example = "25%") String maxSurge,
        @Schema(example = "0") String maxUnavailable,
        @Schema(minimum = "30", maximum = "3600") int progressDeadlineSeconds,
        @Nullable Autoscaling autoscaling,
        DeployStrategy strategy,
        @Schema(description = "One step per line: setWeight N, pause [5m], analysis T..., background T...",
                maxLength = MAX_STEPS_TEXT) @Nullable String canarySteps,
        @Nullable BlueGreen blueGreen) {

    /**
     * How a blue-green rollout goes, after Argo Rollouts' blueGreen strategy.
     *
     * @param previewReplicas       pods of the new release before promotion; null: as many as the app runs
     * @param autoPromote           promote on its own once the preview is ready (and its analysis passed);
     *                              otherwise it waits for someone to promote
     * @param autoPromoteDelaySeconds how long the preview runs before an automatic promotion
     * @param scaleDownDelaySeconds how long the old slot keeps its pods after the switch, for an instant rollback
     * @param prePromotionAnalysis  metric templates the preview must pass before promotion, space-separated
     * @param postPromotionAnalysis metric templates the new release must pass after the switch; a failure
     *                              switches back at once
     */
    public record BlueGreen(
            @Schema(minimum = "1", maximum = "100") @Nullable Integer previewReplicas,
            boolean autoPromote,
            @Schema(minimum = "0", maximum = "86400") int autoPromoteDelaySeconds,
            @Schema(minimum = "0", maximum = "86400") int scaleDownDelaySeconds,
            @Schema(maxLength = 200) @Nullable String prePromotionAnalysis,
            @Schema(maxLength = 200) @Nullable String postPromotionAnalysis) {

        /** Full-size preview, manual promotion, the old slot kept 30 s, no analysis. */
        public static BlueGreen defaults() {
            return new BlueGreen(null, false, 0, 30, null, null);
        }

        /** The template keys of an analysis field, in order; empty when there is none. */
        public static List<String> templates(@Nullable String field) {
            return field == null || field.isBlank() ? List.of() : List.of(field.strip().split("\\s+"));
        }
    }

    /** Settings without blue-green options, for strategies that have none. */
    public DeploySettings(int replicas, String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit,
                          String maxSurge, String maxUnavailable, int progressDeadlineSeconds,
                          @Nullable Autoscaling autoscaling, DeployStrategy strategy, @Nullable String canarySteps) {
        this(replicas, cpuRequest, cpuLimit, memoryRequest, memoryLimit, maxSurge, maxUnavailable,
                progressDeadlineSeconds, autoscaling, strategy, canarySteps, null);
    }

    /** The blue-green options, or their defaults. */
    public BlueGreen blueGreenOrDefaults() {
        return blueGreen == null ? BlueGreen.defaults() : blueGreen;
    }

    /** Settings without canary steps, for strategies that have none. */
    public DeploySettings(int replicas, String cpuRequest, String cpuLimit, String memoryRequest, String memoryLimit,
                          String maxSurge, String maxUnavailable, int progressDeadlineSeconds,
                          @Nullable Autoscaling autoscaling, DeployStrategy strategy) {
        this(replicas, cpuRequest, cpuLimit, memoryRequest, memoryLimit, maxSurge, maxUnavailable,
                progressDeadlineSeconds, autoscaling, strategy, null, null);
    }

    /** Scale on CPU between {@code min} and {@code max} pods, aiming at {@code cpuPercent} of the request. */
    public record Autoscaling(@Schema(minimum = "1", maximum = "100") int min, @Schema(minimum = "1", maximum = "100") int max,
                              @Schema(minimum = "10", maximum = "100") int cpuPercent) {
    }

    private static final Pattern CPU = Pattern.compile("(\\d+)m|(\\d+(?:\\.\\d{1,3})?)");
    private static final Pattern MEMORY = Pattern.compile("(\\d+)(Ki|Mi|Gi)");
    private static final Pattern SURGE = Pattern.compile("\\d{1,3}%?");
    /** The column holding the steps is this wide. */
    static final int MAX_STEPS_TEXT = 2000;

    /** What an app gets in an environment until someone changes it. */
    public static DeploySettings defaults() {
        return new DeploySettings(2, "100m", "500m", "256Mi", "512Mi", "25%", "0", 120, null, DeployStrategy.ROLLING);
    }

    /** Adds every problem of these settings to {@code check}, with field names as the API spells them. */
    public void check(InputCheck check) {
        check(check, null);
    }

    /**
     * Like {@link #check(InputCheck)}, and every metric template an analysis names must be one of these.
     *
     * @param templates the template keys the app's team may use; null checks only the spelling
     */
    public void check(InputCheck check, java.util.@Nullable Set<String> templates) {
        if (replicas < 0 || replicas > 100) {
            check.fail("replicas", "must be between 0 and 100");
        }
        Optional<BigDecimal> cpuReq = cpu(cpuRequest);
        Optional<BigDecimal> cpuLim = cpu(cpuLimit);
        Optional<BigDecimal> memReq = memory(memoryRequest);
        Optional<BigDecimal> memLim = memory(memoryLimit);
        if (cpuReq.isEmpty()) {
            check.fail("cpuRequest", "must be a CPU quantity like 100m (a tenth of a core) or 1.5");
        }
        if (cpuLim.isEmpty()) {
            check.fail("cpuLimit", "must be a CPU quantity like 500m or 2");
        }
        if (memReq.isEmpty()) {
            check.fail("memoryRequest", "must be a memory quantity like 256Mi or 1Gi");
        }
        if (memLim.isEmpty()) {
            check.fail("memoryLimit", "must be a memory quantity like 512Mi or 2Gi");
        }
        if (cpuReq.isPresent() && cpuLim.isPresent() && cpuLim.get().compareTo(cpuReq.get()) < 0) {
            check.fail("cpuLimit", "must not be below the CPU request (" + cpuRequest + ")");
        }
        if (memReq.isPresent() && memLim.isPresent() && memLim.get().compareTo(memReq.get()) < 0) {
            check.fail("memoryLimit", "must not be below the memory request (" + memoryRequest + ")");
        }
        if (!SURGE.matcher(maxSurge).matches()) {
            check.fail("maxSurge", "must be a number of pods or a percentage, e.g. 1 or 25%");
        }
        if (!SURGE.matcher(maxUnavailable).matches()) {
            check.fail("maxUnavailable", "must be a number of pods or a percentage, e.g. 0 or 25%");
        }
        if (isZero(maxSurge) && isZero(maxUnavailable)) {
            check.fail("maxUnavailable", "cannot be 0 while maxSurge is 0 too: the update could never start");
        }
        if (progressDeadlineSeconds < 30 || progressDeadlineSeconds > 3600) {
            check.fail("progressDeadlineSeconds", "must be between 30 and 3600 seconds");
        }
        if (autoscaling != null) {
            if (autoscaling.min() < 1 || autoscaling.min() > 100) {
                check.fail("autoscaling.min", "must be between 1 and 100 pods");
            }
            if (autoscaling.max() < Math.max(1, autoscaling.min()) || autoscaling.max() > 100) {
                check.fail("autoscaling.max", "must be at least the fewest pods and at most 100");
            }
            if (autoscaling.cpuPercent() < 10 || autoscaling.cpuPercent() > 100) {
                check.fail("autoscaling.cpuPercent", "must be between 10 and 100 percent of the CPU request");
            }
        }
        if (strategy == null) {
            check.fail("strategy", "is required: ROLLING, CANARY or BLUE_GREEN");
        }
        if (strategy == DeployStrategy.CANARY) {
            checkCanary(check, templates);
        }
        if (blueGreen != null) {
            checkBlueGreen(blueGreen, check, templates);
        }
        if (strategy == DeployStrategy.BLUE_GREEN && autoscaling != null) {
            check.fail("strategy", "blue-green runs two fixed-size slots, so it needs a fixed number of pods: turn"
                    + " autoscaling off, or use the rolling strategy");
        }
    }

    private static void checkBlueGreen(BlueGreen b, InputCheck check, java.util.@Nullable Set<String> templates) {
        if (b.previewReplicas() != null && (b.previewReplicas() < 1 || b.previewReplicas() > 100)) {
            check.fail("blueGreen.previewReplicas", "must be between 1 and 100 pods, or empty for as many as the app runs");
        }
        if (b.autoPromoteDelaySeconds() < 0 || b.autoPromoteDelaySeconds() > 86400) {
            check.fail("blueGreen.autoPromoteDelaySeconds", "must be between 0 and 86400 seconds (a day)");
        }
        if (b.scaleDownDelaySeconds() < 0 || b.scaleDownDelaySeconds() > 86400) {
            check.fail("blueGreen.scaleDownDelaySeconds", "must be between 0 and 86400 seconds (a day)");
        }
        checkTemplates("blueGreen.prePromotionAnalysis", b.prePromotionAnalysis(), check, templates);
        checkTemplates("blueGreen.postPromotionAnalysis", b.postPromotionAnalysis(), check, templates);
    }

    private static void checkTemplates(String field, @Nullable String value, InputCheck check,
                                       java.util.@Nullable Set<String> templates) {
        if (value != null && value.length() > 200) {
            check.fail(field, "must be at most 200 characters");
            return;
        }
        List<String> named = BlueGreen.templates(value);
        if (named.stream().anyMatch(t -> !t.matches("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?"))) {
            check.fail(field, "must be metric template keys separated by spaces, e.g. error-rate p99-latency");
        } else if (templates != null && !templates.containsAll(named)) {
            check.fail(field, CanarySteps.unknownTemplates(named, templates));
        }
    }

    /** The canary's steps, read; the defaults when none are written. Only meaningful for {@code CANARY}. */
    public CanarySteps steps() {
        if (canarySteps == null || canarySteps.isBlank()) {
            return CanarySteps.defaults();
        }
        CanarySteps.Parsed parsed = CanarySteps.parse(canarySteps);
        if (parsed.steps() == null) {
            // check() refuses such settings, so only a hand-edited database row gets here
            throw new IllegalStateException("The stored canary steps cannot be read: " + parsed.problems());
        }
        return parsed.steps();
    }

    private void checkCanary(InputCheck check, java.util.@Nullable Set<String> templates) {
        if (autoscaling != null) {
            check.fail("strategy", "a canary splits traffic by the ratio of its pods, so it needs a fixed number of"
                    + " pods: turn autoscaling off, or use the rolling strategy");
        } else if (replicas < 2) {
            check.fail("replicas", "a canary needs at least 2 pods, one for the stable release and one for the"
                    + " canary; with fewer, use the rolling strategy");
        }
        if (canarySteps == null || canarySteps.isBlank()) {
            return;
        }
        if (canarySteps.length() > MAX_STEPS_TEXT) {
            check.fail("canarySteps", "must be at most " + MAX_STEPS_TEXT + " characters");
            return;
        }
        List<String> problems = CanarySteps.parse(canarySteps, templates).problems();
        if (!problems.isEmpty()) {
            check.fail("canarySteps", String.join("; ", problems));
        }
    }

    private static boolean isZero(String value) {
        return value.replace("%", "").chars().allMatch(c -> c == '0');
    }

    /** Cores, from "250m" or "1.5". */
    static Optional<BigDecimal> cpu(@Nullable String quantity) {
        if (quantity == null) {
            return Optional.empty();
        }
        Matcher m = CPU.matcher(quantity);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? new BigDecimal(m.group(1)).movePointLeft(3) : new BigDecimal(m.group(2)));
    }

    /** Bytes, from "256Mi". */
    static Optional<BigDecimal> memory(@Nullable String quantity) {
        if (quantity == null) {
            return Optional.empty();
        }
        Matcher m = MEMORY.matcher(quantity);
        if (!m.matches()) {
            return Optional.empty();
        }
        int power = switch (m.group(2)) {
            case "Ki" -> 1;
            case "Mi" -> 2;
            default -> 3;
        };
        return Optional.of(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)));
    }
}
