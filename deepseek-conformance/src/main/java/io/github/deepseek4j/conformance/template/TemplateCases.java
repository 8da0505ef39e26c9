package io.github.deepseek4j.conformance.template;

import io.github.deepseek4j.internal.json.Json;
import io.github.deepseek4j.tokenizer.chat.jinja.JinjaTemplate;
import io.github.deepseek4j.tokenizer.chat.jinja.TemplateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and runs a file of chat-template cases in the format of
 * {@code ../shared/reference/chat-templates/cases.json}: a JSON array of objects with {@code name},
 * {@code template} (a path relative to the cases file), {@code messages},
 * {@code add_generation_prompt}, optional {@code bos_token}, {@code eos_token} and other variables,
 * and {@code expected} or {@code expected_error}. Cases render with {@code strftime_now} fixed to
 * 26 Jul 2024, as the reference renderings were made.
 */
public final class TemplateCases {

    /** The date {@code strftime_now} reports while checking cases. */
    public static final Clock CASE_CLOCK = Clock.fixed(
            LocalDate.of(2024, 7, 26).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);

    private static final Set<String> NOT_VARIABLES = Set.of("name", "template", "expected", "expected_error");

    private TemplateCases() {
    }

    /** Loads the cases of {@code file}; an {@link IOException} names the file and the case at fault. */
    public static List<TemplateCase> load(Path file) throws IOException {
        Object root;
        try {
            root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (Json.JsonException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof List<?> entries)) {
            throw new IOException(file + ": expected a JSON array of cases");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<TemplateCase> cases = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IOException(file + ": case " + i + " is not an object");
            }
            String where = file + ": case " + i;
            String name = entry.get("name") instanceof String s ? s : "case " + i;
            if (!(entry.get("template") instanceof String template)) {
                throw new IOException(where + " (" + name + "): missing \"template\" path");
            }
            if (!(entry.get("messages") instanceof List<?>)) {
                throw new IOException(where + " (" + name + "): missing \"messages\" array");
            }
            Object expected = entry.get("expected");
            Object expectedError = entry.get("expected_error");
            if (!(expected instanceof String) == !(expectedError instanceof String)) {
                throw new IOException(where + " (" + name + "): needs exactly one of \"expected\" and \"expected_error\" as a string");
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            entry.forEach((k, v) -> {
                if (!NOT_VARIABLES.contains((String) k)) {
                    variables.put((String) k, v);
                }
            });
            cases.add(new TemplateCase(name, dir.resolve(template), variables, (String) expected, (String) expectedError));
        }
        return cases;
    }

    /** Renders every case (templates read and compiled once each) and compares it with its expectation. */
    public static List<TemplateCaseResult> run(List<TemplateCase> cases) throws IOException {
        Map<Path, Object> compiled = new HashMap<>();
        List<TemplateCaseResult> results = new ArrayList<>();
        for (TemplateCase c : cases) {
            if (!compiled.containsKey(c.template())) {
                String source = Files.readString(c.template(), StandardCharsets.UTF_8);
                try {
                    compiled.put(c.template(), JinjaTemplate.compile(source));
                } catch (TemplateException e) {
                    compiled.put(c.template(), e);
                }
            }
            results.add(check(c, compiled.get(c.template())));
        }
        return results;
    }

    private static TemplateCaseResult check(TemplateCase c, Object template) {
        String actual = null;
        String error;
        try {
            if (template instanceof TemplateException e) {
                throw e;
            }
            actual = ((JinjaTemplate) template).render(c.variables(), CASE_CLOCK);
            error = null;
        } catch (TemplateException e) {
            error = e.getMessage();
        }
        boolean passed = c.expectedError() != null
                ? error != null && error.contains(c.expectedError())
                : error == null && c.expected().equals(actual);
        return new TemplateCaseResult(c, actual, error, passed);
    }
}
