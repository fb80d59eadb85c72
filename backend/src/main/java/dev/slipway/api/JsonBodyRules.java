package dev.slipway.api;

import dev.slipway.shared.FieldProblem;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The shape a request body must have, read off the record it binds to, so that the API's rules, its
 * error messages and its OpenAPI document cannot drift apart. A component is required unless it is
 * {@code @Nullable} (the code base is {@code @NullMarked}) or a {@code boolean}, whose absence reads as
 * false. Every problem is collected, so a client learns about all of them at once.
 */
final class JsonBodyRules {

    private JsonBodyRules() {
    }

    /** Whether the API requires the component to be present and not null. */
    static boolean required(RecordComponent component) {
        if (component.getType() == boolean.class) {
            return false;
        }
        return component.getType().isPrimitive() || !nullable(component.getAnnotatedType());
    }

    private static boolean nullable(AnnotatedType type) {
        return type.isAnnotationPresent(Nullable.class);
    }

    /** What is wrong with {@code body} as a value of {@code type}; empty when nothing is. */
    static List<FieldProblem> check(JsonNode body, AnnotatedType type) {
        List<FieldProblem> problems = new ArrayList<>();
        check(body, type, "", problems);
        return problems;
    }

    private static void check(JsonNode value, AnnotatedType annotated, String path, List<FieldProblem> problems) {
        Type type = annotated.getType();
        Class<?> raw = rawClass(type);
        if (raw == null) {
            return;
        }
        if (raw.isRecord()) {
            checkRecord(value, raw, path, problems);
        } else if (raw == String.class) {
            if (!value.isString()) {
                problems.add(problem(path, "must be text" + got(value)));
            } else if (value.asString().indexOf('\0') >= 0) {
                problems.add(problem(path, "contains a NUL character, which cannot be stored; remove it"));
            }
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            boolean isLong = raw == long.class || raw == Long.class;
            if (!value.isIntegralNumber()) {
                problems.add(problem(path, "must be a whole number" + got(value)));
            } else if (isLong ? !value.canConvertToLong() : !value.canConvertToInt()) {
                problems.add(problem(path, "is too large; it must be between " + (isLong ? Long.MIN_VALUE : Integer.MIN_VALUE)
                        + " and " + (isLong ? Long.MAX_VALUE : Integer.MAX_VALUE)));
            }
        } else if (raw == double.class || raw == Double.class) {
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                problems.add(problem(path, "must be a number" + got(value)));
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!value.isBoolean()) {
                problems.add(problem(path, "must be true or false" + got(value)));
            }
        } else if (raw.isEnum()) {
            String names = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            if (!value.isString() || Arrays.stream(raw.getEnumConstants()).noneMatch(c -> ((Enum<?>) c).name()
                    .equals(value.asString()))) {
                problems.add(problem(path, "must be one of " + names + got(value)));
            }
        } else if (raw == Duration.class) {
            checkParsed(value, path, problems, Duration::parse, "an ISO-8601 duration such as PT30M or P30D");
        } else if (raw == Instant.class) {
            checkParsed(value, path, problems, Instant::parse, "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        } else if (Collection.class.isAssignableFrom(raw)) {
            checkList(value, annotated, path, problems);
        } else if (Map.class.isAssignableFrom(raw)) {
            checkMap(value, annotated, path, problems);
        }
    }

    private static void checkRecord(JsonNode value, Class<?> record, String path, List<FieldProblem> problems) {
        if (!value.isObject()) {
            problems.add(problem(path, "must be a JSON object" + got(value)));
            return;
        }
        RecordComponent[] components = record.getRecordComponents();
        Set<String> known = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        for (String name : value.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(problem(join(path, printable(name)), "is not a field here; the fields are "
                        + Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(", "))));
            }
        }
        for (RecordComponent component : components) {
            String field = join(path, component.getName());
            JsonNode child = value.get(component.getName());
            if (child == null || child.isNull()) {
                if (required(component)) {
                    problems.add(problem(field, child == null ? "is required" : "must not be null"));
                }
                continue;
            }
            check(child, component.getAnnotatedType(), field, problems);
        }
    }

    private static void checkList(JsonNode value, AnnotatedType annotated, String path, List<FieldProblem> problems) {
        if (!value.isArray()) {
            problems.add(problem(path, "must be a JSON array" + got(value)));
            return;
        }
        AnnotatedType element = typeArgument(annotated, 0);
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isNull()) {
                if (element == null || !nullable(element)) {
                    problems.add(problem(path + "[" + i + "]", "must not be null"));
                }
            } else if (element != null) {
                check(item, element, path + "[" + i + "]", problems);
            }
        }
    }

    private static void checkMap(JsonNode value, AnnotatedType annotated, String path, List<FieldProblem> problems) {
        if (!value.isObject()) {
            problems.add(problem(path, "must be a JSON object" + got(value)));
            return;
        }
        AnnotatedType valueType = typeArgument(annotated, 1);
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String entryPath = join(path, printable(entry.getKey()));
            if (entry.getKey().indexOf('\0') >= 0) {
                problems.add(problem(entryPath, "has a name with a NUL character, which cannot be stored; remove it"));
            }
            if (entry.getValue().isNull()) {
                if (valueType == null || !nullable(valueType)) {
                    problems.add(problem(entryPath, "must not be null"));
                }
            } else if (valueType != null) {
                check(entry.getValue(), valueType, entryPath, problems);
            }
        }
    }

    private interface Parser {
        Object parse(String text);
    }

    private static void checkParsed(JsonNode value, String path, List<FieldProblem> problems, Parser parser,
                                    String expected) {
        try {
            if (!value.isString()) {
                throw new DateTimeParseException("not text", "", 0);
            }
            parser.parse(value.asString());
        } catch (DateTimeParseException e) {
            problems.add(problem(path, "must be " + expected + got(value)));
        }
    }

    private static @Nullable AnnotatedType typeArgument(AnnotatedType type, int index) {
        if (type instanceof AnnotatedParameterizedType parameterized
                && parameterized.getAnnotatedActualTypeArguments().length > index) {
            return parameterized.getAnnotatedActualTypeArguments()[index];
        }
        return null;
    }

    static @Nullable Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static FieldProblem problem(String path, String message) {
        return new FieldProblem(path.isEmpty() ? "body" : path, message);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A JSON value as a short quote for a message: enough to recognise it, never the whole of a huge one. */
    private static String got(JsonNode value) {
        String kind = switch (value.getNodeType()) {
            case STRING -> "text \"" + printable(value.asString()) + "\"";
            case NUMBER -> "the number " + printable(value.asString());
            case BOOLEAN -> value.asString();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "null";
        };
        return " (got " + kind + ")";
    }

    /** Client text quoted in a message: control characters shown as escapes, at most 40 characters. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 40 ? out + "…" : out.toString();
    }
}
