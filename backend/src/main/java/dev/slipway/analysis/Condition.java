package dev.slipway.analysis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code result < 0.05}: a comparison of the measured value with a threshold. Deliberately small, so a
 * decision can always be put in words ("7.2% > 5%") and a typo is refused when the template is saved
 * instead of failing a rollout later.
 */
public record Condition(Operator operator, double threshold) {

    private static final Pattern FORM = Pattern.compile("\\s*result\\s*(<=|>=|==|!=|<|>)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*");

    public enum Operator {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** @return the condition, or empty with {@link #problem} saying why */
    public static Optional<Condition> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Condition(Operator.of(m.group(1)), Double.parseDouble(m.group(2))));
    }

    public static Optional<String> problem(String text) {
        return parse(text).isPresent() ? Optional.empty()
                : Optional.of("must compare result with a number, e.g. \"result < 0.05\" (operators < <= > >= == !=)");
    }

    public boolean holds(double value) {
        return switch (operator) {
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case GT -> value > threshold;
            case GE -> value >= threshold;
            case EQ -> value == threshold;
            case NE -> value != threshold;
        };
    }

    @Override
    public String toString() {
        return "result " + operator.symbol + " " + format(threshold);
    }

    /** Four significant digits, no trailing zeros, never in exponent form: 0.072, 1000.3, 0.00000000025. */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
