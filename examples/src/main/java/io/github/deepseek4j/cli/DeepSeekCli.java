package io.github.deepseek4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code deepseek} command line. Exit codes are a stable contract: 0 success, 1 a check
 * failed, 2 bad input (usage errors, unreadable or malformed files).
 */
@Command(name = "deepseek",
        mixinStandardHelpOptions = true,
        versionProvider = DeepSeekCli.Version.class,
        description = "Run and inspect DeepSeek-family models in GGUF format.",
        subcommands = {
                InspectCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class DeepSeekCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new DeepSeekCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + CliErrors.describe(e));
            return EXIT_BAD_INPUT;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DeepSeekCli.class.getPackage().getImplementationVersion();
            return new String[] {"deepseek4j " + (v == null ? "(development build)" : v)};
        }
    }
}
