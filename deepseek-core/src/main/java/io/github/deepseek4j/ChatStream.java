package io.github.deepseek4j;

/**
 * An assistant's turn being generated on a thread of its own ({@link Model#startChat(java.util.List,
 * GenerationOptions)}, {@link Session#startChat(java.util.List, GenerationOptions)}): the deltas are
 * reasoning and content pieces, the result the {@link ChatResult}. See {@link Generation} for control and
 * reading.
 *
 * <pre>{@code
 * try (ChatStream turn = model.startChat(List.of(ChatMessage.user("Hi!")), options)) {
 *     turn.forEachRemaining(d -> System.out.print(d.isReasoning() ? "" : d.text()));
 *     System.out.println(turn.result().reasoning());
 * }
 * }</pre>
 */
public final class ChatStream extends Generation<ChatDelta, ChatResult> {

    ChatStream(GenerationControl control) {
        super(control);
    }
}
