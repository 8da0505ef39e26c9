package io.github.deepseek4j;

/** More tokens were fed to a session than its context length holds. The session is left unchanged. */
public class ContextOverflowException extends DeepSeekException {

    private final int position;
    private final int requested;
    private final int contextLength;

    public ContextOverflowException(int position, int requested, int contextLength) {
        super("context overflow: the session holds " + position + " of " + contextLength + " tokens and "
                + requested + " more were fed; start a new session, reset() this one, or configure a larger"
                + " contextLength on the model builder");
        this.position = position;
        this.requested = requested;
        this.contextLength = contextLength;
    }

    /** Tokens already in the session. */
    public int position() {
        return position;
    }

    /** Tokens that were fed. */
    public int requested() {
        return requested;
    }

    public int contextLength() {
        return contextLength;
    }
}
