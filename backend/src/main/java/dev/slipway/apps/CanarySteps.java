package dev.slipway.apps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The steps a canary rollout walks through in one environment, written one per line as Argo Rollouts
 * users know them:
 * <pre>
 * setWeight 20
 * pause 5m
 * analysis error-rate p99-latency
 * background error-rate
 * setWeight 50
 * pause
 * </pre>
 * {@code pause} without a duration waits until someone promotes. After the last step the canary takes
 * all traffic and becomes the stable release.
 */
public record CanarySteps(List<CanaryStep> steps) {

    /** More steps than this is a mistake, not a rollout plan. */
    public static final int MAX_STEPS = 30;
    public static final Duration MAX_PAUSE = Duration.ofHours(24);
    private static final Pattern SET_WEIGHT = Pattern.compile("(?i)setweight\\s+(\\S+)");
    private static final Pattern PAUSE = Pattern.compile("(?i)pause(?:\\s+(\\S+))?");
    private static final Pattern ANALYSIS = Pattern.compile("(?i)(analysis|background)((?:\\s+\\S+)*)");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})(s|m|h)");
    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");

    /** One step of a canary. */
    public sealed interface CanaryStep permits SetWeight, Pause, Analysis, Background {
    }

    /** Send this share of traffic (percent) to the canary. */
    public record SetWeight(int percent) implements CanaryStep {
    }

    /** Wait this long, or, with no duration, until promoted. */
    public record Pause(@Nullable Duration duration) implements CanaryStep {
    }

    /** Measure the canary with these metric templates, and go on only when they pass. */
    public record Analysis(List<String> templates) implements CanaryStep {
    }

    /**
     * From here until the canary finishes, measure these templates alongside the other steps: a failure
     * aborts whatever step runs, an inconclusive result pauses. Not a step of its own: the next one
     * starts at once.
     */
    public record Background(List<String> templates) implements CanaryStep {
    }

    public CanarySteps {
        steps = List.copyOf(steps);
    }

    /** A careful default: a fifth of the traffic, a look, half, a look, all. */
    public static CanarySteps defaults() {
        return new CanarySteps(List.of(new SetWeight(20), new Pause(Duration.ofMinutes(2)), new SetWeight(50),
                new Pause(Duration.ofMinutes(2))));
    }

    /**
     * Reads steps written one per line; blank lines and lines starting with {@code #} are skipped.
     *
     * @return the steps, or every problem found, each naming its line and how to write it instead
     */
    public static Parsed parse(String text) {
        return parse(text, null);
    }

    /**
     * Like {@link #parse(String)}, and every template an analysis names must be one of {@code templates}.
     *
     * @param templates the metric template keys the app's team may use; null checks only the spelling
     */
    public static Parsed parse(String text, java.util.@Nullable Set<String> templates) {
        List<CanaryStep> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        int lastWeight = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1) + " ('" + abbreviate(line) + "')";
            Matcher m;
            if ((m = SET_WEIGHT.matcher(line)).matches()) {
                Integer weight = percent(m.group(1));
                if (weight == null) {
                    problems.add(where + ": the weight is a whole percentage from 1 to 100, e.g. setWeight 20");
                } else if (weight < lastWeight) {
                    problems.add(where + ": weights only grow (the step before sets " + lastWeight + "%); to send"
                            + " traffic back to the stable release, abort the rollout");
                } else {
                    lastWeight = weight;
                    steps.add(new SetWeight(weight));
                }
            } else if ((m = PAUSE.matcher(line)).matches()) {
                if (m.group(1) == null) {
                    steps.add(new Pause(null));
                } else {
                    Duration duration = duration(m.group(1));
                    if (duration == null) {
                        problems.add(where + ": a pause lasts a number of seconds, minutes or hours, up to 24h, e.g."
                                + " pause 30s, pause 5m or pause 1h; plain pause waits until promoted");
                    } else {
                        steps.add(new Pause(duration));
                    }
                }
            } else if ((m = ANALYSIS.matcher(line)).matches()) {
                java.util.Set<String> known = templates;
                boolean background = m.group(1).equalsIgnoreCase("background");
                List<String> names = List.of(m.group(2).strip().split("\\s+")).stream()
                        .filter(t -> !t.isEmpty()).toList();
                List<String> bad = names.stream().filter(t -> !TEMPLATE.matcher(t).matches()).toList();
                if (names.isEmpty()) {
                    problems.add(where + ": name the metric templates to measure, e.g. " + (background ? "background"
                            : "analysis") + " error-rate p99-latency");
                } else if (background && steps.stream().anyMatch(Background.class::isInstance)) {
                    problems.add(where + ": a canary has one background analysis; name all its templates on one line");
                } else if (!bad.isEmpty()) {
                    problems.add(where + ": " + String.join(", ", bad) + " is not a template name (lower-case letters,"
                            + " digits and dashes, e.g. error-rate)");
                } else if (known != null && !known.containsAll(names)) {
                    problems.add(where + ": " + unknownTemplates(names, known));
                } else {
                    steps.add(background ? new Background(names) : new Analysis(names));
                }
            } else {
                problems.add(where + ": not a step; write setWeight N, pause, pause 5m, analysis <templates> or"
                        + " background <templates>");
            }
        }
        if (problems.isEmpty() && steps.stream().noneMatch(SetWeight.class::isInstance)) {
            problems.add("a canary needs at least one setWeight step, e.g. setWeight 20; without one the new release"
                    + " would get no traffic before it takes all of it");
        }
        if (steps.size() > MAX_STEPS) {
            problems.add("at most " + MAX_STEPS + " steps; this has " + steps.size());
        }
        return problems.isEmpty() ? new Parsed(new CanarySteps(steps), List.of()) : new Parsed(null, problems);
    }

    /** "there is no metric template x; the ones this app's team can use are a, b", for a step or a field. */
    public static String unknownTemplates(java.util.Collection<String> named, java.util.Collection<String> known) {
        List<String> unknown = named.stream().filter(t -> !known.contains(t)).toList();
        return "there is no metric template " + String.join(", ", unknown) + "; the ones this app's team can use are "
                + String.join(", ", known);
    }

    /** The outcome of {@link #parse}: steps, or the problems that kept them from being read. */
    public record Parsed(@Nullable CanarySteps steps, List<String> problems) {
    }

    /** The steps as {@link #parse} reads them, one per line. */
    public String text() {
        return steps.stream().map(CanarySteps::line).collect(Collectors.joining("\n"));
    }

    /** One step as written, e.g. "pause 5m". */
    public String line(int index) {
        return line(steps.get(index));
    }

    private static String line(CanaryStep step) {
        return switch (step) {
            case SetWeight w -> "setWeight " + w.percent();
            case Pause p -> p.duration() == null ? "pause" : "pause " + format(p.duration());
            case Analysis a -> "analysis " + String.join(" ", a.templates());
            case Background b -> "background " + String.join(" ", b.templates());
        };
    }

    /** "30s", "5m", "1h": a duration as a step writes it. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static @Nullable Integer percent(String text) {
        if (!text.matches("\\d{1,3}%?")) {
            return null;
        }
        int value = Integer.parseInt(text.replace("%", ""));
        return value >= 1 && value <= 100 ? value : null;
    }

    private static @Nullable Duration duration(String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        return duration.isZero() || duration.compareTo(MAX_PAUSE) > 0 ? null : duration;
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 37) + "...";
    }
}
