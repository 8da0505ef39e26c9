package io.github.deepseek4j.tokenizer.chat.jinja;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Jinja template compiled once and rendered any number of times, with the semantics the model
 * hubs use for chat templates (Python jinja2 with {@code trim_blocks}, {@code lstrip_blocks}, loop
 * controls, an immutable sandbox, and the globals {@code raise_exception}, {@code strftime_now},
 * {@code namespace}, {@code range}, {@code dict}). Autoescaping is off.
 *
 * <p>Supported: {@code if/elif/else}, {@code for} (with {@code loop.*}, {@code else}, an {@code if}
 * filter, {@code break}, {@code continue}), {@code set} (variables, tuples, {@code ns.attr}, blocks),
 * {@code macro}, {@code raw}, {@code generation}; the usual operators, literals, slicing, Python
 * string and dict methods, and jinja2's common filters and tests. Anything else is a
 * {@link TemplateSyntaxException} at compile time. Instances are immutable and thread-safe.
 *
 * <p>Templates come from model files, so rendering is bounded: strings, lists and the output stay
 * under 16M characters, loops under 1M iterations in all, {@code range} under 100,000 items, macro
 * calls under 64 deep; going past a limit is a {@link TemplateRuntimeException}.
 */
public final class JinjaTemplate {

    private final String source;
    private final List<Node> nodes;

    private JinjaTemplate(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    /** Parses {@code source}; throws {@link TemplateSyntaxException} naming the line at fault. */
    public static JinjaTemplate compile(String source) {
        Objects.requireNonNull(source, "source");
        return new JinjaTemplate(source, Parser.parse(source));
    }

    public String source() {
        return source;
    }

    /** Renders with {@code strftime_now} reading the system clock. */
    public String render(Map<String, ?> variables) {
        return render(variables, Clock.systemDefaultZone());
    }

    /**
     * Renders with the given variables (Strings, numbers, Booleans, Maps, Collections, arrays, null).
     *
     * @throws TemplateRaisedException  the template called {@code raise_exception}
     * @throws TemplateRuntimeException rendering failed (undefined value misused, type error, limit)
     */
    public String render(Map<String, ?> variables, Clock clock) {
        Scope globals = new Scope(null);
        Globals.install(globals, clock);
        Scope top = new Scope(globals);
        variables.forEach((name, value) -> top.set(name, Values.fromJava(value)));
        return new Renderer().render(nodes, top);
    }
}
