package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Templates that tried to hang or exhaust the JVM (issue 18), generated here rather than stored; each
 * must end within seconds with a {@link TemplateException}. {@link #main} renders them all and prints
 * one line per template, so a test can run the set in a JVM with a small heap.
 */
final class HostileTemplates {

    private HostileTemplates() {
    }

    /** Templates that parse but must fail while rendering, by name. */
    static Map<String, String> rendering() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("list times a huge count", "{{ [1, 2, 3] * 6148914691236517206 }}");
        t.put("huge count times a list", "{{ 6148914691236517206 * [1, 2, 3] }}");
        t.put("string times a huge count", "{{ 'abc' * 6148914691236517206 }}");
        t.put("string times the overflowing count", "{{ 'abcd' * 4611686018427387904 }}");
        t.put("power overflows", "{{ 3 ** 9223372036854775807 }}");
        t.put("macro calling itself twice", "{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
                + "{% endmacro %}{{ f(60) }}");
        t.put("namespace string grown in a loop", "{% set ns = namespace(s='') %}{% for i in range(100000) %}"
                + "{% for j in range(10) %}{% set ns.s = ns.s ~ 'xxxxxxxxxx' ~ i %}{% endfor %}{% endfor %}{{ ns.s }}");
        t.put("namespace list grown in a loop", "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}"
                + "{% set ns.l = ns.l + [i] * 100 %}{% endfor %}{{ ns.l | length }}");
        t.put("big strings kept in a list", "{% set ns = namespace(l=[]) %}{% for i in range(1000) %}"
                + "{% set ns.l = ns.l + ['x' * 4000000 ~ i] %}{% endfor %}{{ ns.l | length }}");
        t.put("big list printed over and over", "{% set l = range(99999) | list %}{% for i in range(1000) %}{{ l }}{% endfor %}");
        t.put("sorting a big list over and over", "{% set l = (range(99999) | list) * 40 %}{% for i in range(100000) %}"
                + "{% set s = l | sort %}{% endfor %}");
        t.put("scanning a big string for ever", "{% set s = 'a' * 4000000 %}{% for i in range(100000) %}"
                + "{% for j in range(10) %}{% if 'b' in s %}{% endif %}{% endfor %}{% endfor %}");
        t.put("value nested in itself", "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}"
                + "{% set ns.l = [ns.l] %}{% endfor %}{{ ns.l }}");
        t.put("format with huge widths", "{{ '%4000000s%4000000s' % ('a', 'b') }}");
        return t;
    }

    /** Templates nested deeper than the parser accepts, by name. */
    static Map<String, String> nesting() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("10,000 nested if", "{% if true %}".repeat(10_000) + "x" + "{% endif %}".repeat(10_000));
        t.put("10,000 nested for", "{% for i in [1] %}".repeat(10_000) + "x" + "{% endfor %}".repeat(10_000));
        t.put("10,000 nested set blocks", "{% set a %}".repeat(10_000) + "x" + "{% endset %}".repeat(10_000));
        t.put("10,000 nested macros", "{% macro m() %}".repeat(10_000) + "x" + "{% endmacro %}".repeat(10_000));
        t.put("100k a-if-b-else chain", "{{ " + "1 if false else ".repeat(100_000) + "2 }}");
        t.put("100k a-if-b chain", "{{ 1" + " if true".repeat(100_000) + " }}");
        t.put("100k + chain", "{{ 1" + " + 1".repeat(100_000) + " }}");
        t.put("100k ~ chain", "{{ 'a'" + " ~ 'a'".repeat(100_000) + " }}");
        t.put("100k * chain", "{{ 1" + " * 1".repeat(100_000) + " }}");
        t.put("100k ** chain", "{{ 1" + " ** 1".repeat(100_000) + " }}");
        t.put("100k and chain", "{{ true" + " and true".repeat(100_000) + " }}");
        t.put("100k or chain", "{{ false" + " or false".repeat(100_000) + " }}");
        t.put("100k filter chain", "{{ 'a'" + " | string".repeat(100_000) + " }}");
        t.put("100k test-then-filter chain", "{{ 'a'" + " is string | string".repeat(100_000) + " }}");
        t.put("100k attribute chain", "{{ a" + ".b".repeat(100_000) + " }}");
        t.put("100k item chain", "{{ a" + "[0]".repeat(100_000) + " }}");
        t.put("100k call chain", "{{ a" + "()".repeat(100_000) + " }}");
        t.put("100k not", "{{ " + "not ".repeat(100_000) + "true }}");
        t.put("100k unary minus", "{{ " + "- ".repeat(100_000) + "1 }}");
        t.put("100k brackets", "{{ " + "[".repeat(100_000) + "]".repeat(100_000) + " }}");
        t.put("100k parentheses", "{{ " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " }}");
        t.put("100k dicts", "{{ " + "{'a': ".repeat(100_000) + "1" + "}".repeat(100_000) + " }}");
        return t;
    }

    /** Renders every template; prints {@code name<TAB>outcome<TAB>milliseconds}; exits 1 if one was not a TemplateException. */
    public static void main(String[] args) {
        Map<String, String> all = new LinkedHashMap<>(rendering());
        all.putAll(nesting());
        boolean ok = true;
        for (Map.Entry<String, String> e : all.entrySet()) {
            long start = System.nanoTime();
            String outcome;
            try {
                JinjaTemplate.compile(e.getValue()).render(Map.of());
                outcome = "rendered";
                ok = false;
            } catch (TemplateException ex) {
                outcome = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            } catch (Throwable ex) {
                outcome = "UNTYPED " + ex;
                ok = false;
            }
            System.out.println(e.getKey() + "\t" + outcome + "\t" + (System.nanoTime() - start) / 1_000_000);
        }
        System.exit(ok ? 0 : 1);
    }
}
