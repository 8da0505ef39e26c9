package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Python methods templates call on values ({@code content.split('</think>')},
 * {@code message.get('x')}, {@code s.strip()}). Mutating methods are absent: the model hubs
 * render with an immutable sandbox.
 */
final class Methods {

    private Methods() {
    }

    /** The bound method {@code name} of {@code target}, or null when it has none. */
    static JinjaCallable of(Object target, String name) {
        return switch (target) {
            case String s -> ofString(s, name);
            case Map<?, ?> m -> ofDict(m, name);
            case List<?> l -> ofList(l, name);
            default -> null;
        };
    }

    private static JinjaCallable ofString(String s, String name) {
        return switch (name) {
            case "strip", "lstrip", "rstrip" -> (p, k) -> {
                String chars = args(name, p, k).accept("chars").string(0, "chars", null);
                return Text.strip(s, chars, !name.equals("rstrip"), !name.equals("lstrip"));
            };
            case "split", "rsplit" -> (p, k) -> {
                Arguments a = args(name, p, k).accept("sep", "maxsplit");
                String sep = a.string(0, "sep", null);
                long max = a.integer(1, "maxsplit", -1);
                return name.equals("split") ? Text.split(s, sep, max) : Text.rsplit(s, sep, max);
            };
            case "splitlines" -> (p, k) -> Text.splitLines(s, args(name, p, k).accept("keepends").bool(0, "keepends", false));
            case "startswith", "endswith" -> (p, k) -> {
                Object affix = args(name, p, k).accept("prefix").get(0, "prefix", Arguments.REQUIRED);
                List<?> options = affix instanceof List<?> l ? l : List.of(Values.str(affix));
                return options.stream().anyMatch(o -> name.equals("startswith")
                        ? s.startsWith(Values.str(o)) : s.endsWith(Values.str(o)));
            };
            case "upper" -> (p, k) -> s.toUpperCase();
            case "lower" -> (p, k) -> s.toLowerCase();
            case "title" -> (p, k) -> Text.title(s);
            case "capitalize" -> (p, k) -> Text.capitalize(s);
            case "replace" -> (p, k) -> {
                Arguments a = args(name, p, k).accept("old", "new", "count");
                return Text.replace(s, a.string(0, "old", null), a.string(1, "new", null), a.integer(2, "count", -1));
            };
            case "find", "rfind", "index", "rindex" -> (p, k) -> {
                String sub = args(name, p, k).accept("sub").string(0, "sub", null);
                int at = name.startsWith("r") ? s.lastIndexOf(sub) : s.indexOf(sub);
                if (at < 0 && name.endsWith("index")) {
                    throw new TemplateRuntimeException("ValueError: substring not found");
                }
                return at < 0 ? -1L : (long) s.codePointCount(0, at);
            };
            case "count" -> (p, k) -> (long) (Text.split(s, args(name, p, k).accept("sub").string(0, "sub", null), -1).size() - 1);
            case "join" -> (p, k) -> {
                List<String> parts = new ArrayList<>();
                for (Object o : Values.iterate(args(name, p, k).accept("iterable").get(0, "iterable", Arguments.REQUIRED))) {
                    if (!(o instanceof String part)) {
                        throw new TemplateRuntimeException("TypeError: sequence item: expected str instance, "
                                + Values.typeName(o) + " found");
                    }
                    parts.add(part);
                }
                return Text.join(s, parts);
            };
            case "isspace" -> (p, k) -> !s.isEmpty() && s.codePoints().allMatch(Text::isSpace);
            case "isdigit" -> (p, k) -> !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
            case "isalpha" -> (p, k) -> !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
            case "isupper" -> (p, k) -> s.codePoints().anyMatch(Character::isLetter) && s.equals(s.toUpperCase());
            case "islower" -> (p, k) -> s.codePoints().anyMatch(Character::isLetter) && s.equals(s.toLowerCase());
            default -> null;
        };
    }

    private static JinjaCallable ofDict(Map<?, ?> m, String name) {
        return switch (name) {
            case "items" -> (p, k) -> Filters.items(m);
            case "keys" -> (p, k) -> new ArrayList<>(m.keySet());
            case "values" -> (p, k) -> new ArrayList<>(m.values());
            case "get" -> (p, k) -> {
                Arguments a = args(name, p, k).accept("key", "default");
                Object key = a.get(0, "key", Arguments.REQUIRED);
                return m.containsKey(key) ? m.get(key) : a.get(1, "default", null);
            };
            default -> null;
        };
    }

    private static JinjaCallable ofList(List<?> l, String name) {
        return switch (name) {
            case "count" -> (p, k) -> {
                Object value = args(name, p, k).accept("value").get(0, "value", Arguments.REQUIRED);
                return l.stream().filter(o -> Values.equal(o, value)).count();
            };
            case "index" -> (p, k) -> {
                Object value = args(name, p, k).accept("value").get(0, "value", Arguments.REQUIRED);
                for (int i = 0; i < l.size(); i++) {
                    if (Values.equal(l.get(i), value)) {
                        return (long) i;
                    }
                }
                throw new TemplateRuntimeException("ValueError: " + Values.repr(value) + " is not in list");
            };
            default -> null;
        };
    }

    private static Arguments args(String name, List<Object> positional, Map<String, Object> keyword) {
        return new Arguments(name, positional, keyword);
    }
}
