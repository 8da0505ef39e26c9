package io.github.deepseek4j.tokenizer.chat.jinja;

import io.github.deepseek4j.internal.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code tojson} filter as the model hubs define it: Python's {@code json.dumps} with
 * {@code ensure_ascii=False} by default, separators {@code ", "}/{@code ": "} (item separator
 * {@code ","} when indenting), keys in insertion order unless sorted.
 */
final class PyJson {

    private final String indent;
    private final String itemSeparator;
    private final String keySeparator;
    private final boolean sortKeys;
    private final boolean ensureAscii;
    private final StringBuilder out = new StringBuilder();

    private PyJson(String indent, String itemSeparator, String keySeparator, boolean sortKeys, boolean ensureAscii) {
        this.indent = indent;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.sortKeys = sortKeys;
        this.ensureAscii = ensureAscii;
    }

    /** {@code indent}: null for one line, a count of spaces or a string; {@code separators}: null or [item, key]. */
    static String dumps(Object value, Object indent, List<?> separators, boolean sortKeys, boolean ensureAscii) {
        String indentText = switch (indent) {
            case null -> null;
            case String s -> s;
            default -> " ".repeat((int) Math.max(0, Math.min(64, Values.toLong(indent, "tojson indent"))));
        };
        String item = indentText == null ? ", " : ",";
        String key = ": ";
        if (separators != null) {
            if (separators.size() != 2) {
                throw new TemplateRuntimeException("ValueError: separators must be an (item_separator, key_separator) pair");
            }
            item = Values.str(separators.get(0));
            key = Values.str(separators.get(1));
        }
        PyJson json = new PyJson(indentText, item, key, sortKeys, ensureAscii);
        json.write(value, 0);
        return json.out.toString();
    }

    private void write(Object value, int level) {
        if (level > 512) {
            throw new TemplateRuntimeException("RecursionError: value nested too deeply for tojson");
        }
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case Long l -> out.append(l);
            case Double d -> out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : Values.floatRepr(d));
            case String s -> {
                string(s);
                Operators.checkLength(out.length());
            }
            case List<?> list -> {
                if (list.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    separate(i, level + 1);
                    write(list.get(i), level + 1);
                }
                newline(level);
                out.append(']');
            }
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                List<Map.Entry<String, Object>> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(Map.entry(key(k), v == null ? Nothing.NULL : v)));
                if (sortKeys) {
                    entries.sort(Map.Entry.comparingByKey());
                }
                out.append('{');
                for (int i = 0; i < entries.size(); i++) {
                    separate(i, level + 1);
                    string(entries.get(i).getKey());
                    out.append(keySeparator);
                    Object v = entries.get(i).getValue();
                    write(v == Nothing.NULL ? null : v, level + 1);
                }
                newline(level);
                out.append('}');
            }
            default -> throw new TemplateRuntimeException("TypeError: Object of type " + Values.typeName(value)
                    + " is not JSON serializable");
        }
    }

    /** Map.entry rejects null values; this stands in for them. */
    private enum Nothing { NULL }

    private static String key(Object k) {
        return switch (k) {
            case String s -> s;
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case Long l -> l.toString();
            case Double d -> Values.floatRepr(d);
            default -> throw new TemplateRuntimeException("TypeError: keys must be str, int, float, bool or None, not "
                    + Values.typeName(k));
        };
    }

    private void separate(int index, int level) {
        if (index > 0) {
            out.append(itemSeparator);
        }
        newline(level);
    }

    private void newline(int level) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(level));
        }
    }

    private void string(String s) {
        Operators.checkLength((long) out.length() + s.length());
        if (s.chars().allMatch(c -> c >= 0x20 && c != '"' && c != '\\' && (c < 0x7f || !ensureAscii))) {
            out.append('"').append(s).append('"');
            return;
        }
        if (!ensureAscii) {
            Json.write(s, out);
            return;
        }
        for (char c : Json.write(s).toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
    }
}
