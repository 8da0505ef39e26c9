package io.github.deepseek4j.cli;

import io.github.deepseek4j.ChatDelta;
import io.github.deepseek4j.ChatMessage;
import io.github.deepseek4j.ChatResult;
import io.github.deepseek4j.ContextOverflowException;
import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code deepseek chat [--model FILE]}: an interactive conversation with the model's chat template. Each line
 * read from standard input is a user message; the answer streams to standard output, the reasoning of
 * reasoning models dimmed (on a terminal) or hidden. {@code /reset} forgets the history, {@code /exit} or
 * the end of input quits. The session keeps its cache between turns, so only new tokens are computed.
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

    @Option(names = "--reasoning", paramLabel = "show|hide",
            description = "Show the model's reasoning (dimmed on a terminal) or hide it (default show).")
    Reasoning reasoning = Reasoning.show;

    private final boolean terminal = System.console() != null;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GenerationOptions options = sampling.options(err).build();
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
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
                try {
                    ChatResult answer = session.chat(history, options, d -> show(d, out));
                    history.add(ChatMessage.assistant(answer.content(),
                            answer.reasoning().isEmpty() ? null : answer.reasoning()));
                    out.println();
                } catch (ContextOverflowException e) {
                    history.removeLast();
                    err.println("error: the conversation no longer fits in the context; /reset to start over");
                }
            }
        }
        return DeepSeekCli.EXIT_OK;
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
