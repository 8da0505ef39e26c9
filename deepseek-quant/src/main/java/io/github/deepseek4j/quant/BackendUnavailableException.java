package io.github.deepseek4j.quant;

/**
 * A kernel backend that was asked for by name cannot run here (unknown name, library not installed, JVM
 * flag missing); {@link #fix()} says what to do about it.
 */
public final class BackendUnavailableException extends IllegalStateException {

    private final String problem;
    private final String fix;

    /**
     * @param problem what is missing, naming the library, file or flag at fault
     * @param fix     what the user can do about it
     */
    public BackendUnavailableException(String problem, String fix) {
        super(problem + "; " + fix);
        this.problem = problem;
        this.fix = fix;
    }

    public BackendUnavailableException(String problem, String fix, Throwable cause) {
        this(problem, fix);
        initCause(cause);
    }

    /** What is missing. */
    public String problem() {
        return problem;
    }

    /** What the user can do about it, e.g. the package to install or the JVM flag to add. */
    public String fix() {
        return fix;
    }
}
