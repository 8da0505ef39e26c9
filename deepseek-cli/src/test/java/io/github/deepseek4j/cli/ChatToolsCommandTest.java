package io.github.deepseek4j.cli;

import io.github.deepseek4j.ToolCall;
import io.github.deepseek4j.ToolDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code chat --tools FILE}: reading the tools file, printing calls as JSON lines, bad input exiting 2. */
class ChatToolsCommandTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(Files.createTempDirectory(dir, "t").resolve("tools.json"), json);
    }

    @Test
    void readsOpenAiToolsAndBareFunctions() throws IOException {
        Path tools = file("""
                [{"type": "function", "function": {"name": "get_weather", "description": "Weather",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}},
                 {"name": "get_time"}]""");
        assertThat(ToolsFile.read(tools)).containsExactly(
                new ToolDefinition("get_weather", "Weather", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"),
                new ToolDefinition("get_time", null, ToolDefinition.NO_PARAMETERS));
    }

    @Test
    void badToolsFilesNameTheFileAndTheTool() throws IOException {
        assertThatThrownBy(() -> ToolsFile.read(file("[{\"name\": \"f\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tools.json: not valid JSON");
        assertThatThrownBy(() -> ToolsFile.read(file("{\"name\": \"f\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a JSON array");
        assertThatThrownBy(() -> ToolsFile.read(file("[{\"name\": \"f\"}, {\"function\": {}}]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tools.json: tool 1: expected an object with a \"name\"");
        assertThatThrownBy(() -> ToolsFile.read(file("[{\"name\": \"f\", \"parameters\": [1]}]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tool 0: the parameters of tool 'f' are not a JSON object");
    }

    @Test
    void aCallIsOneJsonLine() {
        assertThat(ToolsFile.line(new ToolCall("call_1", "get_weather", "{\n  \"city\": \"Zürich\"\n}")))
                .isEqualTo("{\"tool_call\":{\"id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":{\"city\":\"Zürich\"}}}");
    }

    @Test
    void chatWithToolsOnTheDemoModel() throws IOException {
        Path tools = file("[{\"name\": \"get_weather\", \"parameters\": {\"type\": \"object\"}}]");
        ChatCommand.input = new ByteArrayInputStream("Good morrow\n".getBytes(StandardCharsets.UTF_8));
        try {
            CliRun run = CliRun.of("chat", "--tools", tools.toString(), "--max-tokens", "8", "--threads", "1");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isNotBlank().doesNotContain("tool_call");
        } finally {
            ChatCommand.input = System.in;
        }
        CliRun bad = CliRun.of("chat", "--tools", file("[{\"name\": 1}]").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).contains("tools.json: tool 0").doesNotContain("\n");
        CliRun badFormat = CliRun.of("chat", "--tools", tools.toString(), "--tool-format", "mistral"); // before any input
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown tool-call format 'mistral'");
    }
}
