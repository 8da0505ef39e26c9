package io.github.deepseek4j.tokenizer.chat.jinja;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour the jinja2 differential corpus cannot show: error types and lines, limits, Java inputs. */
class JinjaTemplateTest {

    private static String render(String source, Map<String, ?> variables) {
        return JinjaTemplate.compile(source).render(variables);
    }

    @Test
    void raiseExceptionCarriesTheExactMessageAndLine() {
        assertThatThrownBy(() -> render("line one\n{{ raise_exception('Roles must alternate') }}", Map.of()))
                .isInstanceOfSatisfying(TemplateRaisedException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Roles must alternate");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> JinjaTemplate.compile("a\n\n{% for x in %}{% endfor %}"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> JinjaTemplate.compile("{% if x %}"))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("endif");
        assertThatThrownBy(() -> JinjaTemplate.compile("{{ x | no_such_filter }}"))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("no_such_filter");
        assertThatThrownBy(() -> JinjaTemplate.compile("{% include 'x' %}"))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("include");
        assertThatThrownBy(() -> JinjaTemplate.compile("{{ 'open"))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("unterminated string");
    }

    @Test
    void runtimeErrorsNameTheLineAndThePythonError() {
        assertThatThrownBy(() -> render("\n{{ messages.x }}", Map.of()))
                .isInstanceOfSatisfying(TemplateRuntimeException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.detail()).isEqualTo("UndefinedError: 'messages' is undefined");
                });
        assertThatThrownBy(() -> render("{{ 'a' + 1 }}", Map.of()))
                .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("can only concatenate str (not \"int\") to str");
    }

    @Test
    void hostileTemplatesHitLimitsNotTheJvm() {
        assertThatThrownBy(() -> render("{% for i in range(1000000000) %}{% endfor %}", Map.of()))
                .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("range too big");
        assertThatThrownBy(() -> render("{{ 'x' * 1000000000 }}", Map.of()))
                .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("MemoryError");
        assertThatThrownBy(() -> render("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", Map.of()))
                .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("RecursionError");
        assertThatThrownBy(() -> JinjaTemplate.compile("{{ " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " }}"))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("nested deeper");
        assertThatThrownBy(() -> render("{{ 9223372036854775807 + 1 }}", Map.of()))
                .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("OverflowError");
    }

    @Test
    void hostileTemplatesCannotBuildHugeStringsOrLoopForever() {
        List<String> hostile = List.of(
                "{% set ns = namespace(s='xx') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
                "{% set ns = namespace(s='xx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
                "{{ '%999999999s' % 'x' }}",
                "{{ ('x' * 9000000).replace('', 'y') }}",
                "{{ (['x' * 1000000] * 100) | join }}",
                "{{ ['x' * 1000000] * 20 }}",
                "{{ (['x' * 1000000] * 20) | tojson }}",
                "{% for i in range(20) %}{{ 'x' * 1000000 }}{% endfor %}",
                "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}");
        for (String source : hostile) {
            assertThatThrownBy(() -> render(source, Map.of())).as(source).isInstanceOf(TemplateRuntimeException.class);
        }
    }

    @Test
    void uniqueUsesPythonEquality() {
        assertThat(render("{{ [1, 1.0, true, 'A', 'a', 2] | unique | list }}", Map.of())).isEqualTo("[1, 'A', 2]");
        assertThat(render("{{ ['A', 'a'] | unique(case_sensitive=true) | list }}", Map.of())).isEqualTo("['A', 'a']");
    }

    @Test
    void javaValuesBecomePythonValues() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("i", 3);
        vars.put("f", 1.5f);
        vars.put("arr", new String[] {"a", "b"});
        vars.put("set", Set.of(1));
        vars.put("nothing", null);
        vars.put("nested", Map.of("list", List.of(1, 2)));
        assertThat(render("{{ i + 1 }} {{ f }} {{ arr | join('-') }} {{ set | list }} {{ nothing }} {{ nested.list[1] }}", vars))
                .isEqualTo("4 1.5 a-b [1] None 2");
        assertThatThrownBy(() -> render("{{ x }}", Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void strftimeNowReadsTheGivenClock() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-02T15:04:05Z"), ZoneOffset.UTC);
        assertThat(JinjaTemplate.compile("{{ strftime_now('%d %b %Y %H:%M:%S %a') }}").render(Map.of(), clock))
                .isEqualTo("02 Jan 2025 15:04:05 Thu");
    }

    @Test
    void generationBlocksRenderTheirBody() {
        assertThat(render("{% generation %}{{ 'reply' }}{% endgeneration %}", Map.of())).isEqualTo("reply");
    }

    @Test
    void compiledTemplatesAreReusable() {
        JinjaTemplate t = JinjaTemplate.compile("{% set x = x ~ '!' %}{{ x }}");
        assertThat(t.render(Map.of("x", "a"))).isEqualTo("a!");
        assertThat(t.render(Map.of("x", "b"))).isEqualTo("b!");
    }
}
