package io.github.deepseek4j.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
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
                DumpTensorCommand.class,
                SynthCommand.class,
                ConvertCommand.class,
                QuantizeCommand.class,
                TokenizeCommand.class,
                TokenizeCheckCommand.class,
                TemplateCheckCommand.class,
                GenerateCommand.class,
                ChatCommand.class,
                ConformCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class DeepSeekCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the standard streams and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams and returns its exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new DeepSeekCli()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (CliErrors.isBadInput(e)) {
                cmd.getErr().println("error: " + CliErrors.describe(e));
                return EXIT_BAD_INPUT;
            }
            cmd.getErr().println("internal error (please report it): " + e);
            e.printStackTrace(cmd.getErr());
            return EXIT_CHECK_FAILED;
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
