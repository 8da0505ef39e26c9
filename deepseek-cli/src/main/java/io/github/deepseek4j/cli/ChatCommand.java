package io.github.deepseek4j.cli;

import io.github.deepseek4j.ChatDelta;
import io.github.deepseek4j.ChatMessage;
import io.github.deepseek4j.ChatRequest;
import io.github.deepseek4j.ChatResult;
import io.github.deepseek4j.ChatStream;
import io.github.deepseek4j.ContextOverflowException;
import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.ToolCall;
import io.github.deepseek4j.ToolCallException;
import io.github.deepseek4j.ToolDefinition;
import io.github.deepseek4j.tokenizer.chat.tools.ToolCallFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code deepseek chat [--model FILE]}: an interactive conversation with the model's chat template. Each line
 * read from standard input is a user message; the answer streams to standard output, the reasoning of
 * reasoning models dimmed (on a terminal) or hidden. {@code /reset} forgets the history, {@code /exit} or
 * the end of input quits. The session keeps its cache between turns, so only new tokens are computed. With
 * {@code --tools}, each tool call prints as one JSON line and the next input lines are its results.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat with a model interactively (one user message per line; /reset, /exit).")
final class ChatCommand implements Callable<Integer> {

    enum Reasoning { show, hide }

    private static final String DIM = "\u001B[2m";
    private static final String RESET = "\u001B[0m";

    /** Where user messages come from (standard input; tests replace it). */
    static InputStream input = System.in;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelFlags modelFlags;

    @Mixin
    SamplingFlags sampling;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system message to start the conversation with.")
    String system;

    @Option(names = "--tools", paramLabel = "FILE", description = "Tools the model may call: a JSON array of OpenAI-style"
            + " tools. Each call prints as a JSON line {\"tool_call\": {id, name, arguments}}; the next input lines are"
            + " the results, one per call, and the model goes on.")
    Path toolsFile;

    @Option(names = "--tool-format", paramLabel = "NAME", description = "How the model writes tool calls: deepseek,"
            + " hermes, llama-3 (default: as its chat template teaches).")
    String toolFormat;

    @Option(names = "--reasoning", paramLabel = "show|hide",
            description = "Show the model's reasoning (dimmed on a terminal) or hide it (default show).")
    Reasoning reasoning = Reasoning.show;

    private final boolean terminal = System.console() != null;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerationOptions options = sampling.options().build();
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        List<ToolDefinition> tools = toolsFile == null ? List.of() : ToolsFile.read(toolsFile);
        if (toolFormat != null) {
            ToolCallFormat.byName(toolFormat); // an unknown name fails now, not after the first message
        }
        try (Model model = modelFlags.load(err); Session session = model.newSession()) {
            List<ChatMessage> history = new ArrayList<>();
            if (system != null) {
                history.add(ChatMessage.system(system));
            }
            int start = history.size();
            while (true) {
                showPrompt(out);
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.strip().equals("/exit")) {
                    break;
                }
                if (line.strip().equals("/reset")) {
                    history.subList(start, history.size()).clear();
                    continue;
                }
                history.add(ChatMessage.user(line));
                int turnStart = history.size() - 1;
                try {
                    ChatResult answer;
                    do {
                        ChatRequest request = ChatRequest.builder().messages(history).tools(tools).options(options)
                                .toolCallFormat(toolFormat).build();
                        try (ChatStream turn = session.startChat(request)) {
                            new ProgressBar(err, "prompt").followPrefill(turn);
                            turn.forEachRemaining(d -> show(d, out));
                            answer = turn.result();
                        }
                        history.add(answer.toMessage());
                        out.println();
                    } while (answer.hasToolCalls() && readToolResults(answer, in, out, history));
                } catch (ContextOverflowException e) {
                    history.subList(turnStart, history.size()).clear();
                    err.println("error: the conversation no longer fits in the context; /reset to start over");
                } catch (ToolCallException e) {
                    history.add(e.result().toMessage());
                    out.println();
                    err.println("error: " + e.getMessage());
                }
            }
        }
        return DeepSeekCli.EXIT_OK;
    }

    /** Prints the calls as JSON lines and reads one result line per call; false when the input ended first. */
    private static boolean readToolResults(ChatResult answer, BufferedReader in, PrintWriter out, List<ChatMessage> history)
            throws IOException {
        for (ToolCall call : answer.toolCalls()) {
            out.println(ToolsFile.line(call));
        }
        out.flush();
        for (ToolCall call : answer.toolCalls()) {
            String result = in.readLine();
            if (result == null) {
                return false;
            }
            history.add(ChatMessage.toolResult(call.id(), result));
        }
        return true;
    }

    private void showPrompt(PrintWriter out) {
        if (terminal) {
            out.print("> ");
            out.flush();
        }
    }

    private boolean inReasoning;

    private void show(ChatDelta delta, PrintWriter out) {
        if (delta.isReasoning()) {
            if (reasoning == Reasoning.hide) {
                return;
            }
            out.print(terminal ? DIM + delta.text() + RESET : delta.text());
            inReasoning = true;
        } else {
            if (inReasoning) {
                out.print("\n\n"); // the reasoning ends: the answer starts on its own paragraph
                inReasoning = false;
            }
            out.print(delta.text());
        }
        out.flush();
    }
}
