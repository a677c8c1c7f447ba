package org.qingdan.testsupport;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A JSON answer's shape, for tests that pin what clients read while its values vary: field names in their order,
 * which are null, arrays by their first element; a string as s, a number as 0, an ISO-8601 time as tZ (in UTC, "Z")
 * or t+ (with an offset), so that the time format stays pinned too.
 */
public final class JsonShape {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:?\\d{2})");

    public static String of(JsonNode node) {
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            for (var field : node.properties()) {
                out.append(out.length() > 1 ? "," : "").append(field.getKey()).append(':').append(of(field.getValue()));
            }
            return out.append('}').toString();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : "[" + of(node.get(0)) + "]";
        }
        if (node.isNull() || node.isBoolean()) {
            return node.toString();
        }
        if (node.isNumber()) {
            return "0";
        }
        String text = node.asString();
        var time = TIME.matcher(text);
        return !time.matches() ? "s" : time.group(1).equals("Z") ? "tZ" : "t+";
    }

    private JsonShape() {
    }
}
