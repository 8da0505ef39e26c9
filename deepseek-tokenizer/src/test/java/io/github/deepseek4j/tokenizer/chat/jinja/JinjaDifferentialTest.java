package io.github.deepseek4j.tokenizer.chat.jinja;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.tokenizer.chat.GeneratorClock;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Snippets covering whitespace control, operators, filters, tests, statements and errors, with the
 * output Python jinja2 3.1 gives in the model hubs' configuration (see
 * {@code src/test/resources/chat/generate_jinja_cases.py}). Error cases must raise a
 * {@link TemplateException}, whatever its wording.
 */
class JinjaDifferentialTest {

    @TestFactory
    Stream<DynamicTest> rendersLikeJinja2() throws IOException {
        List<?> cases;
        try (InputStream in = getClass().getResourceAsStream("/chat/jinja-differential.json")) {
            cases = (List<?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return cases.stream().map(o -> (Map<?, ?>) o).map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            @SuppressWarnings("unchecked")
            Map<String, ?> variables = (Map<String, ?>) c.get("variables");
            String source = (String) c.get("source");
            if (c.containsKey("expected")) {
                assertThat(JinjaTemplate.compile(source).render(variables, GeneratorClock.FIXED))
                        .isEqualTo(c.get("expected"));
            } else {
                assertThatThrownBy(() -> JinjaTemplate.compile(source).render(variables, GeneratorClock.FIXED))
                        .as("jinja2 raised %s", c.get("expected_error"))
                        .isInstanceOf(TemplateException.class);
            }
        }));
    }
}
