package dev.slipway.api;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad requests for every operation of an OpenAPI document: malformed and unknown path parameters, query
 * parameters of the wrong kind, and bodies that are not JSON, have the wrong types, miss fields, carry
 * unknown ones, nulls, empty and huge strings, NUL, control and bidi characters, huge and negative
 * numbers. Each case starts from a request that would be valid and breaks one thing.
 */
final class BadRequests {

    /** One request to send, with a label saying what was broken. */
    record Case(String label, String method, String target, String contentType, byte[] body, boolean mutating) {
    }

    /** Labels of cases the sender treats specially: no Authorization header, and a browser's Accept header. */
    static final String WITHOUT_TOKEN = "without a token";
    static final String ACCEPTING_HTML = "accepting only HTML";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** Path segments a broken or hostile client sends, percent-encoded where a raw byte cannot go. */
    static final List<String> BAD_PATH_VALUES = List.of("%00", "a%2Fb", "%2e%2e", "..", "a%3Bb", "a;b", "%ZZ",
            "%C0%AF", "a%5Cb", "%E2%80%AEevil", "%07", "%20", "-1", "99999999999999999999", "0", "x".repeat(2000),
            "%F0%9F%92%A9", "A", "a%25b");
    static final List<String> BAD_INTEGER_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999", "%00", "1.5", "");
    static final List<String> BAD_STRING_QUERY_VALUES = List.of("%00", "%E2%80%AE", "%07", "x".repeat(3000), "%FF");

    private final JsonNode document;
    private final Function<String, String> validValue;
    private final boolean thorough;

    /**
     * @param validValue the value of a path parameter that names something that exists, by
     *                   {@code "<path template>#<parameter>"}
     * @param thorough   every mutation of every field; otherwise a representative share (see {@link #keep})
     */
    BadRequests(JsonNode document, Function<String, String> validValue, boolean thorough) {
        this.document = document;
        this.validValue = validValue;
        this.thorough = thorough;
    }

    List<Case> all(Set<String> skipped) {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String key = method + " " + path.getKey();
                if (skipped.contains(key)) {
                    continue;
                }
                cases.addAll(forOperation(path.getKey(), method, operation.getValue()));
            }
            cases.add(unsupportedMethod(path.getKey(), path.getValue()));
            Map.Entry<String, JsonNode> first = path.getValue().properties().iterator().next();
            cases.add(new Case(WITHOUT_TOKEN, first.getKey().toUpperCase(Locale.ROOT), target(path.getKey(), Map.of()),
                    "application/json", "{}".getBytes(StandardCharsets.UTF_8), false));
            cases.add(new Case(ACCEPTING_HTML, first.getKey().toUpperCase(Locale.ROOT),
                    target(path.getKey(), Map.of("app", "no-such-app", "name", "no-such-name")), "application/json",
                    "{".getBytes(StandardCharsets.UTF_8), false));
        }
        return cases;
    }

    private List<Case> forOperation(String template, String method, JsonNode operation) {
        List<Case> cases = new ArrayList<>();
        boolean mutating = !method.equals("GET");
        boolean destructive = method.equals("DELETE");
        JsonNode body = requestSchema(operation);
        String validTarget = target(template, Map.of());
        byte[] validBody = body == null ? new byte[0] : bytes(example(body, 0));
        String type = body == null ? "" : "application/json";

        List<String> pathParameters = pathParameters(template);
        for (String parameter : pathParameters) {
            for (String bad : BAD_PATH_VALUES) {
                cases.add(new Case("path {" + parameter + "}=" + RawHttp.abbreviate(bad), method,
                        target(template, Map.of(parameter, bad)), type, validBody, mutating));
            }
        }
        if (destructive) {
            // a valid delete would remove the fixtures the other cases need
            return cases;
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            String name = parameter.get("name").asString();
            List<String> values = parameter.path("schema").path("type").asString().equals("integer")
                    ? BAD_INTEGER_QUERY_VALUES : BAD_STRING_QUERY_VALUES;
            for (String bad : values) {
                cases.add(new Case("query " + name + "=" + RawHttp.abbreviate(bad), method,
                        validTarget + "?" + name + "=" + bad, type, validBody, mutating));
            }
        }
        if (body != null) {
            cases.addAll(bodyCases(method, validTarget, body));
        }
        return cases;
    }

    private List<Case> bodyCases(String method, String target, JsonNode schema) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> whole = new LinkedHashMap<>();
        whole.put("not JSON", "{\"a\":");
        whole.put("a JSON array", "[]");
        whole.put("JSON null", "null");
        whole.put("an empty body", "");
        whole.put("a number", "42");
        whole.put("a string", "\"text\"");
        whole.put("trailing garbage", bytesToString(example(schema, 0)) + "}}");
        whole.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        whole.forEach((label, text) -> cases.add(new Case("body " + label, method, target, "application/json",
                text.getBytes(StandardCharsets.UTF_8), true)));
        cases.add(new Case("body as text/plain", method, target, "text/plain", bytes(example(schema, 0)), true));
        cases.add(new Case("body as a form", method, target, "application/x-www-form-urlencoded",
                "a=b".getBytes(StandardCharsets.UTF_8), true));
        cases.add(new Case("body with a bad charset", method, target, "application/json; charset=nonsense",
                bytes(example(schema, 0)), true));
        cases.add(new Case("body with invalid UTF-8", method, target, "application/json",
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, true));

        JsonNode resolved = resolve(schema);
        if (resolved.has("properties")) {
            ObjectNode valid = (ObjectNode) example(schema, 0);
            ObjectNode unknown = valid.deepCopy();
            unknown.put("surely_not_a_field", 1);
            cases.add(new Case("body with an unknown field", method, target, "application/json", bytes(unknown), true));
            cases.add(new Case("body {}", method, target, "application/json", bytes(NODES.objectNode()), true));
            fieldCases(method, target, resolved, valid, valid, "", cases);
        }
        return cases;
    }

    /**
     * Breaks each field of {@code valid} in turn; {@code valid} is {@code root} itself or, one level down,
     * the object at {@code prefix} inside it.
     */
    private void fieldCases(String method, String target, JsonNode schema, ObjectNode root, ObjectNode valid,
                            String prefix, List<Case> cases) {
        Iterator<Map.Entry<String, JsonNode>> fields = schema.get("properties").properties().iterator();
        int index = 0;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode fieldSchema = resolve(field.getValue());
            Map<String, JsonNode> replacements = new LinkedHashMap<>();
            replacements.put("null", NODES.nullNode());
            replacements.put(null, null); // the field left out
            String type = fieldSchema.path("type").asString();
            switch (type) {
                case "string" -> {
                    replacements.put("a number", NODES.numberNode(12345));
                    replacements.put("an object", NODES.objectNode().put("a", 1));
                    replacements.put("empty", NODES.stringNode(""));
                    replacements.put("100 KB", NODES.stringNode("a".repeat(100 * 1024)));
                    replacements.put("NUL", NODES.stringNode("a\u0000b"));
                    replacements.put("control characters", NODES.stringNode("a\u0007\u001b[31mb\r\n"));
                    replacements.put("bidi override", NODES.stringNode("\u202Eabc\u202C"));
                    replacements.put("a lone surrogate", NODES.stringNode("a\uD800b"));
                    replacements.put("blank", NODES.stringNode("   "));
                    if (fieldSchema.has("enum")) {
                        replacements.put("an unknown constant", NODES.stringNode("NOT_A_VALUE"));
                        replacements.put("an index", NODES.numberNode(1));
                        replacements.put("lower case", NODES.stringNode(fieldSchema.get("enum").get(0).asString()
                                .toLowerCase(Locale.ROOT)));
                    }
                }
                case "integer", "number" -> {
                    replacements.put("text", NODES.stringNode("not-a-number"));
                    replacements.put("negative", NODES.numberNode(-1));
                    replacements.put("too big for an int", NODES.numberNode(2_147_483_648L));
                    replacements.put("huge", NODES.numberNode(new BigInteger("9".repeat(40))));
                    replacements.put("1e308", NODES.numberNode(1e308));
                    replacements.put("a fraction", NODES.numberNode(1.5));
                    replacements.put("zero", NODES.numberNode(0));
                    replacements.put("a boolean", NODES.booleanNode(true));
                }
                case "boolean" -> {
                    replacements.put("text", NODES.stringNode("yes"));
                    replacements.put("a number", NODES.numberNode(1));
                }
                case "array" -> {
                    replacements.put("text", NODES.stringNode("x"));
                    replacements.put("an object", NODES.objectNode());
                    ArrayNode weird = NODES.arrayNode().add(NODES.nullNode()).add("a\u0000b").add(12).add("a".repeat(50_000));
                    replacements.put("odd items", weird);
                }
                default -> {
                    replacements.put("text", NODES.stringNode("x"));
                    replacements.put("an array", NODES.arrayNode());
                    if (fieldSchema.has("additionalProperties")) {
                        ObjectNode map = NODES.objectNode();
                        map.put("", "empty key");
                        map.put("A\u0000B", "nul key");
                        map.putNull("NULL_VALUE");
                        map.put("X", "a\u0000b");
                        map.put("LONG", "v".repeat(100 * 1024));
                        map.put("k".repeat(5000), "long key");
                        replacements.put("odd entries", map);
                    }
                }
            }
            int kept = 0;
            for (Map.Entry<String, JsonNode> replacement : replacements.entrySet()) {
                if (!keep(index, kept++)) {
                    continue;
                }
                ObjectNode changed = valid.deepCopy();
                String label = replacement.getKey() == null ? "missing" : replacement.getKey();
                if (replacement.getValue() == null) {
                    changed.remove(name);
                } else {
                    changed.set(name, replacement.getValue());
                }
                JsonNode whole = changed;
                if (!prefix.isEmpty()) {
                    ObjectNode copy = root.deepCopy();
                    copy.set(prefix.substring(0, prefix.length() - 1), changed);
                    whole = copy;
                }
                cases.add(new Case("field " + prefix + name + ": " + label, method, target, "application/json",
                        bytes(whole), true));
            }
            if (prefix.isEmpty() && fieldSchema.has("properties") && valid.get(name) instanceof ObjectNode nested) {
                fieldCases(method, target, fieldSchema, root, nested, name + ".", cases);
            }
            index++;
        }
    }

    /**
     * In the representative run every field gets the null, missing and wrong-type cases and a rotating
     * share of the others, so the suite stays within CI's time; the thorough run sends them all.
     */
    private boolean keep(int fieldIndex, int caseIndex) {
        return thorough || caseIndex < 3 || (caseIndex + fieldIndex) % 2 == 0;
    }

    private Case unsupportedMethod(String template, JsonNode operations) {
        String method = operations.has("patch") ? "TRACE" : "PATCH";
        return new Case("method " + method, method, target(template, Map.of()), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), true);
    }

    private String target(String template, Map<String, String> overrides) {
        Matcher matcher = PATH_PARAMETER.matcher(template);
        StringBuilder target = new StringBuilder();
        while (matcher.find()) {
            String parameter = matcher.group(1);
            String value = overrides.getOrDefault(parameter, validValue.apply(template + "#" + parameter));
            matcher.appendReplacement(target, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(target);
        return target.toString();
    }

    private static List<String> pathParameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private JsonNode requestSchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.has("application/json") ? content.get("application/json").get("schema") : null;
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return document.get("components").get("schemas").get(name);
        }
        return schema;
    }

    /** A value that fits the schema, for the fields a case does not break. */
    private JsonNode example(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        return switch (resolved.path("type").asString()) {
            case "string" -> NODES.stringNode("fuzz");
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> NODES.arrayNode().add(example(resolved.path("items"), depth + 1));
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    for (Map.Entry<String, JsonNode> field : resolved.path("properties").properties()) {
                        object.set(field.getKey(), example(field.getValue(), depth + 1));
                    }
                    if (resolved.has("additionalProperties") && !resolved.has("properties")) {
                        object.put("FUZZ_KEY", "value");
                    }
                }
                yield object;
            }
        };
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private static String bytesToString(JsonNode node) {
        return JSON.writeValueAsString(node);
    }
}
