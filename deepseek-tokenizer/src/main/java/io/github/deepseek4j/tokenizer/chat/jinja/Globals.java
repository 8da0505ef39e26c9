package io.github.deepseek4j.tokenizer.chat.jinja;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The global functions of the model hubs' template environment. */
final class Globals {

    /** jinja2's sandbox refuses ranges longer than this. */
    static final long MAX_RANGE = 100_000;

    private Globals() {
    }

    static void install(Scope scope, Clock clock) {
        scope.set("range", (JinjaCallable) Globals::range);
        scope.set("namespace", (JinjaCallable) Globals::namespace);
        scope.set("dict", (JinjaCallable) (p, k) -> {
            new Arguments("dict", p, Map.of()).accept();
            return new LinkedHashMap<Object, Object>(k);
        });
        scope.set("raise_exception", (JinjaCallable) (p, k) -> {
            Object message = new Arguments("raise_exception", p, k).accept("message").get(0, "message", Arguments.REQUIRED);
            throw new TemplateRaisedException(Values.str(message), 0);
        });
        scope.set("strftime_now", (JinjaCallable) (p, k) -> {
            String format = new Arguments("strftime_now", p, k).accept("format").string(0, "format", null);
            return Strftime.format(format == null ? "" : format, ZonedDateTime.now(clock));
        });
    }

    private static Object range(List<Object> p, Map<String, Object> k) {
        Arguments a = new Arguments("range", p, k).accept("start", "stop", "step");
        long start = 0;
        long stop;
        if (p.size() <= 1) {
            stop = a.integer(0, "stop", 0);
        } else {
            start = a.integer(0, "start", 0);
            stop = a.integer(1, "stop", 0);
        }
        long step = a.integer(2, "step", 1);
        if (step == 0) {
            throw new TemplateRuntimeException("ValueError: range() arg 3 must not be zero");
        }
        long count = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
        if (count > MAX_RANGE) {
            throw new TemplateRuntimeException("OverflowError: range too big, maximum size for range is " + MAX_RANGE);
        }
        List<Object> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            out.add(start + i * step);
        }
        return out;
    }

    private static Object namespace(List<Object> p, Map<String, Object> k) {
        Namespace ns = new Namespace();
        for (Object initial : p) {
            if (!(initial instanceof Map<?, ?> m)) {
                throw new TemplateRuntimeException("TypeError: namespace() takes mappings and keyword arguments");
            }
            m.forEach((key, value) -> ns.attributes.put(Values.str(key), value));
        }
        ns.attributes.putAll(k);
        return ns;
    }
}
