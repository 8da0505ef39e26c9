package io.github.deepseek4j.conformance.template;

import java.nio.file.Path;
import java.util.Map;

/**
 * One rendering to check: a template file, the variables it gets ({@code messages},
 * {@code add_generation_prompt}, {@code bos_token}, ...), and either the exact expected output or
 * the message of the error it must raise.
 */
public record TemplateCase(String name, Path template, Map<String, Object> variables, String expected,
                           String expectedError) {
}
