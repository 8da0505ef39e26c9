package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.List;

/** The {@code loop} variable inside a for loop. */
final class LoopInfo {

    private final List<Object> items;
    private int index;

    LoopInfo(List<Object> items) {
        this.items = items;
    }

    void moveTo(int index) {
        this.index = index;
    }

    Object attribute(String name) {
        int n = items.size();
        return switch (name) {
            case "index" -> (long) index + 1;
            case "index0" -> (long) index;
            case "revindex" -> (long) (n - index);
            case "revindex0" -> (long) (n - index - 1);
            case "first" -> index == 0;
            case "last" -> index == n - 1;
            case "length" -> (long) n;
            // only recursive loops (unsupported) go deeper than 1
            case "depth" -> 1L;
            case "depth0" -> 0L;
            case "previtem" -> index > 0 ? items.get(index - 1) : new Undefined("there is no previous item");
            case "nextitem" -> index < n - 1 ? items.get(index + 1) : new Undefined("there is no next item");
            case "cycle" -> (JinjaCallable) (args, kwargs) -> {
                if (args.isEmpty()) {
                    throw new TemplateRuntimeException("TypeError: no items for cycling given");
                }
                return args.get(index % args.size());
            };
            default -> Undefined.attribute(this, name);
        };
    }
}
