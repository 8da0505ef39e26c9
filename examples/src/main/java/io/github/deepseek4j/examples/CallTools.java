package io.github.deepseek4j.examples;

import io.github.deepseek4j.ChatMessage;
import io.github.deepseek4j.ChatRequest;
import io.github.deepseek4j.ChatResult;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.ToolCall;
import io.github.deepseek4j.ToolDefinition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Offers a tool to the model, runs the calls it makes and gives it their results until it answers in text. */
public final class CallTools {

    private CallTools() {
    }

    /** @param args the model file */
    public static void main(String[] args) throws IOException {
        try (Model model = Model.load(Path.of(args[0]))) {
            ToolDefinition weather = new ToolDefinition("get_weather", "Current weather for a city",
                    "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, \"required\": [\"city\"]}");
            List<ChatMessage> history = new ArrayList<>(List.of(ChatMessage.user("Weather in Zürich?")));
            ChatResult answer = model.chat(ChatRequest.builder().messages(history).tool(weather).build());
            while (answer.hasToolCalls()) {
                history.add(answer.toMessage());                                  // the calls, as the template expects them
                for (ToolCall call : answer.toolCalls()) {                        // id, name, arguments (JSON object text)
                    history.add(ChatMessage.toolResult(call.id(), runTool(call.name(), call.arguments())));
                }
                answer = model.chat(ChatRequest.builder().messages(history).tool(weather).build());
            }
            System.out.println(answer.content());
        }
    }

    /** Where an application runs its function; here every city has the same weather. */
    private static String runTool(String name, String arguments) {
        return "{\"city\": \"Zürich\", \"temperature\": 21}";
    }
}
