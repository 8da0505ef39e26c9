package io.github.deepseek4j.tokenizer.chat.jinja;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 18, items 1 and 2: hostile templates end within seconds with a typed error, never the JVM's. */
class HostileTemplateTest {

    /** Far above any limit's own time (5 s deadline), far below "minutes". */
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TestFactory
    Stream<DynamicTest> renderingStopsWithinTheBudget() {
        return HostileTemplates.rendering().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            JinjaTemplate template = JinjaTemplate.compile(e.getValue());
            assertTimeoutPreemptively(WITHIN, () -> assertThatThrownBy(() -> template.render(Map.of()))
                    .isInstanceOf(TemplateRuntimeException.class));
        }));
    }

    @TestFactory
    Stream<DynamicTest> deepNestingIsASyntaxErrorNotAStackOverflow() {
        return HostileTemplates.nesting().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () ->
                assertTimeoutPreemptively(WITHIN, () -> assertThatThrownBy(() -> JinjaTemplate.compile(e.getValue()))
                        .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("nested deeper"))));
    }

    @Test
    void powerBySquaringIsInstantAndExact() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(render("{{ (-1) ** 9223372036854775807 }}")).isEqualTo("-1");
            assertThat(render("{{ (-1) ** 9223372036854775806 }}")).isEqualTo("1");
            assertThat(render("{{ 1 ** 9223372036854775807 }}|{{ 0 ** 9223372036854775807 }}|{{ 0 ** 0 }}")).isEqualTo("1|0|1");
        });
        assertThat(render("{{ 3 ** 39 }}|{{ (-2) ** 63 }}|{{ 2 ** 62 }}|{{ 7 ** 0 }}|{{ (-3) ** 5 }}"))
                .isEqualTo("4052555153018976267|-9223372036854775808|4611686018427387904|1|-243");
        for (String overflow : List.of("{{ 2 ** 63 }}", "{{ 3 ** 40 }}", "{{ (-2) ** 64 }}")) {
            assertThatThrownBy(() -> render(overflow)).as(overflow).hasMessageContaining("OverflowError");
        }
    }

    @Test
    void templatesJustInsideTheLimitsStillRender() {
        assertThat(render("{{ 1" + " + 1".repeat(150) + " }}")).isEqualTo("151");
        assertThat(render("{{ 'a'" + " | string".repeat(150) + " }}")).isEqualTo("a");
        assertThat(render("{% if true %}".repeat(150) + "x" + "{% endif %}".repeat(150))).isEqualTo("x");
        assertThat(render("{{ " + "1 if false else ".repeat(150) + "2 }}")).isEqualTo("2");
        assertThat(render("{{ 1" + " < 2".repeat(100_000) + " }}")).isEqualTo("False"); // flat: no nesting
        assertThat(render("{{ [1, 2] * 3 }}|{{ 'ab' * 2 }}|{{ 'x' * -1 }}")).isEqualTo("[1, 2, 1, 2, 1, 2]|abab|");
        assertThat(render("{% set ns = namespace(s='') %}{% for i in range(2000) %}{% set ns.s = ns.s ~ 'ab' %}{% endfor %}"
                + "{{ ns.s | length }}")).isEqualTo("4000");
    }

    @Test
    void renderingOnASmallStackIsStillTyped() throws Exception {
        String deepest = "{% if true %}".repeat(190) + "{{ 1" + " + 1".repeat(5) + " }}" + "{% endif %}".repeat(190);
        Throwable[] outcome = new Throwable[1];
        String[] rendered = new String[1];
        Thread small = new Thread(null, () -> {
            try {
                rendered[0] = render(deepest);
            } catch (Throwable t) {
                outcome[0] = t;
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join();
        if (outcome[0] != null) {
            assertThat(outcome[0]).isInstanceOf(TemplateException.class);
        } else {
            assertThat(rendered[0]).isEqualTo("6");
        }
    }

    /** The whole hostile set in a JVM with a 256 MB heap: every template fails typed, none runs the heap out. */
    @Test
    void hostileSetRendersInABoundedHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HostileTemplates.class.getName()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).doesNotContain("UNTYPED").doesNotContain("OutOfMemoryError")
                .contains("list times a huge count").contains("100k brackets");
    }

    private static String render(String source) {
        return JinjaTemplate.compile(source).render(Map.of());
    }
}
