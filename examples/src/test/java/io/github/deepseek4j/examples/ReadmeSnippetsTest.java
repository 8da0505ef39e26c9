package io.github.deepseek4j.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of the README is taken from a source file of this module, line for line
 * (indented as a whole as the code around it needs): the build compiles the block, and ExamplesRunTest
 * or the test it belongs to runs it.
 */
class ReadmeSnippetsTest {

    /** Maven runs the tests in the module's folder. */
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCES = Path.of("src");

    /** A README code block and the README line it starts on. */
    record Snippet(int line, List<String> lines) {
    }

    @Test
    void everyJavaBlockOfTheReadmeIsInAnExampleSource() throws IOException {
        List<Snippet> snippets = javaBlocks(Files.readAllLines(README));
        assertThat(snippets).as("java blocks in " + README.toAbsolutePath().normalize()).isNotEmpty();
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.add(Files.readAllLines(f));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Snippet s : snippets) {
            if (sources.stream().noneMatch(source -> contains(source, s.lines()))) {
                missing.add("README.md line " + s.line() + ": " + s.lines().getFirst());
            }
        }
        assertThat(missing).as("README blocks found in no source file of examples/src (copy the code there, "
                + "or the README from there)").isEmpty();
    }

    @Test
    void aBlockMatchesOnlyWholeAndInOrderBehindOneIndentation() {
        List<String> source = List.of("class A {", "    void f() {", "        int x = 1;", "", "        int y = 2;", "    }", "}");
        assertThat(contains(source, List.of("int x = 1;", "", "int y = 2;"))).isTrue();
        assertThat(contains(source, List.of("int x = 1;", "int y = 2;"))).isFalse();
        assertThat(contains(source, List.of("void f() {", "int x = 1;"))).isFalse();
        assertThat(contains(source, List.of("int y = 2;", "}"))).isFalse();
        assertThat(javaBlocks(List.of("text", "```java", "a();", "```", "```xml", "<x/>", "```")))
                .containsExactly(new Snippet(3, List.of("a();")));
    }

    static List<Snippet> javaBlocks(List<String> readme) {
        List<Snippet> blocks = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).strip().equals("```java")) {
                int start = i + 1;
                int end = start;
                while (end < readme.size() && !readme.get(end).strip().equals("```")) {
                    end++;
                }
                blocks.add(new Snippet(start + 1, readme.subList(start, end)));
                i = end;
            }
        }
        return blocks;
    }

    /** Whether {@code block} appears in {@code source} as consecutive lines, each behind the same indentation. */
    static boolean contains(List<String> source, List<String> block) {
        String first = block.getFirst();
        for (int i = 0; i + block.size() <= source.size(); i++) {
            String line = source.get(i);
            if (line.endsWith(first) && line.substring(0, line.length() - first.length()).isBlank()
                    && matchesFrom(source, i, block, line.substring(0, line.length() - first.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesFrom(List<String> source, int from, List<String> block, String indent) {
        for (int j = 0; j < block.size(); j++) {
            String expected = block.get(j).isEmpty() ? "" : indent + block.get(j);
            if (!source.get(from + j).stripTrailing().equals(expected)) {
                return false;
            }
        }
        return true;
    }
}
