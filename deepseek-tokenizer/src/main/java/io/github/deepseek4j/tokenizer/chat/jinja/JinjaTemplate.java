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
 * <p>Templates come from model files, so parsing and rendering are bounded whatever the template does:
 * templates nest (statements, expressions and operator chains together) at most 200 deep, else a
 * {@link TemplateSyntaxException}; one rendering evaluates at most 5M statements and expressions,
 * builds at most 32M characters of strings and lists in all (a list item counting as 4), takes at
 * most 5 s, nests at most 1,000 deep (macro calls at most 64); a string, list or the output stays
 * under 4M characters, loops run under 1M iterations in all, {@code range} under 100,000 items.
 * Going past a limit is a {@link TemplateRuntimeException} naming it, within seconds and with the
 * memory bounded.
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
        try {
            return new JinjaTemplate(source, Parser.parse(source));
        } catch (StackOverflowError e) {
            // the nesting limit keeps the parser far from the default stack; this covers threads with tiny stacks
            throw new TemplateSyntaxException("template nested too deeply for the thread's stack", 0);
        }
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
        try {
            return new Renderer().render(nodes, top);
        } catch (StackOverflowError e) {
            // values nested deeper than any limit on syntax (a list wrapped in itself in a loop) reach here
            throw new TemplateRuntimeException("RecursionError: template values nested too deeply for the thread's stack");
        }
    }
}
