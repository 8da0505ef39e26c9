package io.github.deepseek4j.tokenizer.chat.reasoning;

import java.util.ArrayList;
import java.util.List;

/**
 * Separates reasoning ({@code <think>...</think>}) from the answer in the output of reasoning
 * models such as DeepSeek-R1, incrementally: feed the text as it is generated and get reasoning
 * and content deltas back. A tag split across chunks is held back until it is complete, so no
 * delta ever contains part of a tag.
 *
 * <p>Two cases: the prompt already opened {@code <think>} (R1 templates do; see
 * {@link #promptOpensReasoning}), so the output holds only the closing tag; or the model writes
 * {@code <think>} itself, as its first text. White space right after {@code <think>}, before
 * {@code </think>} and after {@code </think>} is dropped. Output that ends inside reasoning leaves
 * everything as reasoning. Not thread-safe; one instance per generation.
 */
public final class ReasoningSplitter {

    public static final String OPEN = "<think>";
    public static final String CLOSE = "</think>";

    private final String open;
    private final String close;

    private enum State { BEFORE_OUTPUT, REASONING, CONTENT }

    private State state;
    /** Text received but not yet emitted: a possible tag prefix, or white space whose fate is unknown. */
    private final StringBuilder pending = new StringBuilder();
    /** Whether nothing has been emitted in the current state (its leading white space is dropped). */
    private boolean atStateStart = true;

    /** @param promptOpenedReasoning the prompt ends with an open {@code <think>} (the output starts inside reasoning) */
    public ReasoningSplitter(boolean promptOpenedReasoning) {
        this(promptOpenedReasoning, OPEN, CLOSE);
    }

    /** A splitter for models with other reasoning tags (e.g. {@code <seed:think>}, {@code ◁think▷}). */
    public ReasoningSplitter(boolean promptOpenedReasoning, String openTag, String closeTag) {
        if (openTag.isEmpty() || closeTag.isEmpty()) {
            throw new IllegalArgumentException("reasoning tags must not be empty");
        }
        this.open = openTag;
        this.close = closeTag;
        this.state = promptOpenedReasoning ? State.REASONING : State.BEFORE_OUTPUT;
    }

    /** Splits a complete output. */
    public static ReasoningSplit split(String output, boolean promptOpenedReasoning) {
        return new ReasoningSplitter(promptOpenedReasoning).splitAll(output);
    }

    /** Splits a complete output with this splitter's tags; the splitter is used up. */
    public ReasoningSplit splitAll(String output) {
        List<ReasoningDelta> deltas = new ArrayList<>(accept(output));
        deltas.addAll(finish());
        StringBuilder reasoning = new StringBuilder();
        StringBuilder content = new StringBuilder();
        for (ReasoningDelta d : deltas) {
            (d.isReasoning() ? reasoning : content).append(d.text());
        }
        return new ReasoningSplit(reasoning.toString(), content.toString());
    }

    /** Whether a rendered prompt ends inside an open {@code <think>} block (trailing white space aside). */
    public static boolean promptOpensReasoning(String prompt) {
        return prompt.stripTrailing().endsWith(OPEN);
    }

    /** Feeds the next chunk of output; returns the deltas that are now certain (possibly none). */
    public List<ReasoningDelta> accept(String chunk) {
        pending.append(chunk);
        List<ReasoningDelta> out = new ArrayList<>();
        boolean progressed = true;
        while (progressed && !pending.isEmpty()) {
            progressed = switch (state) {
                case BEFORE_OUTPUT -> beforeOutput();
                case REASONING -> reasoning(out);
                case CONTENT -> content(out);
            };
        }
        return out;
    }

    /** Ends the output: emits whatever was held back. */
    public List<ReasoningDelta> finish() {
        List<ReasoningDelta> out = new ArrayList<>();
        if (state == State.BEFORE_OUTPUT) {
            emit(ReasoningDelta.Kind.CONTENT, pending.toString(), out);
        } else if (state == State.REASONING) {
            String rest = pending.toString();
            emit(ReasoningDelta.Kind.REASONING, atStateStart ? rest.strip() : rest.stripTrailing(), out);
        }
        pending.setLength(0);
        return out;
    }

    /** Before any output: wait to see whether the model opens with {@code <think>}. */
    private boolean beforeOutput() {
        String text = pending.toString();
        String start = text.stripLeading();
        if (start.startsWith(open)) {
            pending.delete(0, text.length() - start.length() + open.length());
            enter(State.REASONING);
            return true;
        }
        if (!start.isEmpty() && !open.startsWith(start)) {
            // no reasoning: the output is all content, leading white space included
            state = State.CONTENT;
            atStateStart = false;
            return true;
        }
        return false;
    }

    private boolean reasoning(List<ReasoningDelta> out) {
        if (atStateStart) {
            dropLeadingSpace();
            String text = pending.toString();
            if (text.startsWith(open)) {
                // the model repeated the <think> the prompt already opened
                pending.delete(0, open.length());
                return true;
            }
            if (open.startsWith(text)) {
                return false;
            }
        }
        String text = pending.toString();
        int end = text.indexOf(close);
        if (end >= 0) {
            emit(ReasoningDelta.Kind.REASONING, text.substring(0, end).stripTrailing(), out);
            pending.delete(0, end + close.length());
            enter(State.CONTENT);
            return true;
        }
        int keep = heldBack(text);
        if (keep < text.length()) {
            emit(ReasoningDelta.Kind.REASONING, text.substring(0, text.length() - keep), out);
            pending.delete(0, text.length() - keep);
        }
        return false;
    }

    private boolean content(List<ReasoningDelta> out) {
        if (atStateStart) {
            dropLeadingSpace();
        }
        emit(ReasoningDelta.Kind.CONTENT, pending.toString(), out);
        pending.setLength(0);
        return false;
    }

    /** How many trailing characters of reasoning to hold: a partial {@code </think>} and the white space before it. */
    private int heldBack(String text) {
        int end = text.length();
        for (int n = Math.min(close.length() - 1, end); n > 0; n--) {
            if (text.startsWith(close.substring(0, n), end - n)) {
                end -= n;
                break;
            }
        }
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.length() - end;
    }

    private void dropLeadingSpace() {
        int n = 0;
        while (n < pending.length() && Character.isWhitespace(pending.charAt(n))) {
            n++;
        }
        pending.delete(0, n);
    }

    private void enter(State next) {
        state = next;
        atStateStart = true;
    }

    private void emit(ReasoningDelta.Kind kind, String text, List<ReasoningDelta> out) {
        if (!text.isEmpty()) {
            out.add(new ReasoningDelta(kind, text));
            atStateStart = false;
        }
    }
}
