package io.github.deepseek4j;

import io.github.deepseek4j.arch.Architectures;
import io.github.deepseek4j.arch.Execution;
import io.github.deepseek4j.arch.Transformer;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufTokenizers;
import io.github.deepseek4j.gguf.MetadataKey;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.PooledRowParallel;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.source.ModelCache;
import io.github.deepseek4j.source.ModelSources;
import io.github.deepseek4j.tokenizer.Tokenizer;
import io.github.deepseek4j.tokenizer.TokenizerOptions;
import io.github.deepseek4j.tokenizer.chat.BuiltinTemplate;
import io.github.deepseek4j.tokenizer.chat.ChatTemplate;
import io.github.deepseek4j.tokenizer.chat.jinja.TemplateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * A model loaded from a GGUF file: weights mapped from the file (never copied), bound to the kernels of a
 * backend, plus the thread pool that computes with them.
 *
 * <pre>{@code
 * try (Model model = Model.load(Path.of("model.gguf"))) {
 *     System.out.println(model.generate("Once upon a time").text());
 *     ChatResult answer = model.chat(List.of(ChatMessage.user("Hi!")), GenerationOptions.defaults());
 *     try (Session session = model.newSession()) {
 *         float[] logits = session.forward(promptTokens);
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable after load and safe to share between threads: any number of {@link Session}s may run at
 * once, each with its own KV cache, and each computes exactly what it would alone. {@link #close()} unmaps
 * the file and stops the threads; close sessions first.
 */
public final class Model implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Model.class);

    /** The GGUF key of the chat template. */
    public static final String CHAT_TEMPLATE = MetadataKey.TOKENIZER_CHAT_TEMPLATE.key();
    /** Default context length when the model was trained with a longer one. */
    public static final int DEFAULT_CONTEXT_LENGTH = 4096;
    /** Default largest number of tokens computed in one batch. */
    public static final int DEFAULT_MAX_BATCH = 512;

    private final GgufFile file;
    private final Transformer transformer;
    private final KernelBackend backend;
    private final PooledRowParallel pool;
    private final int contextLength;
    private final int maxBatch;
    private final KvCacheType cacheType;
    private final RowKernel cacheKernel;
    private final Tokenizer tokenizer;          // null when the file has none that can be used
    private final String tokenizerProblem;     // why there is none
    private final ChatTemplate chatTemplate;   // null without tokenizer, or when the file's template is broken
    private final TemplateException chatTemplateProblem; // why the file's template cannot be used, else null
    private volatile boolean closed;

    private Model(GgufFile file, Transformer transformer, PooledRowParallel pool, Builder b, int contextLength)
            throws ModelFormatException {
        this.file = file;
        Tokenizer loaded = null;
        String problem = null;
        if (!file.metadata().contains(MetadataKey.TOKENIZER_MODEL.key())) {
            problem = "the file has no tokenizer (" + MetadataKey.TOKENIZER_MODEL.key() + ")";
        } else {
            try {
                loaded = GgufTokenizers.load(file, TokenizerOptions.defaults());
            } catch (ModelFormatException e) {
                problem = e.getMessage();
                LOG.warn("{}: no usable tokenizer: {}", file.path(), problem);
            }
        }
        this.tokenizer = loaded;
        this.tokenizerProblem = problem;
        ChatTemplate template = b.chatTemplate;
        TemplateException templateProblem = null;
        if (template == null && loaded != null) {
            try {
                template = chatTemplate(file, loaded);
            } catch (TemplateException e) {
                // a broken template must not keep the model from loading: generate works, chat names the problem
                templateProblem = e;
                LOG.warn("{}: {} cannot be used, chat will fail (Model.Builder.chatTemplate sets another): {}",
                        file.path(), CHAT_TEMPLATE, e.getMessage());
            }
        }
        this.chatTemplate = template;
        this.chatTemplateProblem = templateProblem;
        this.transformer = transformer;
        this.backend = b.backend;
        this.contextLength = contextLength;
        this.maxBatch = b.maxBatch;
        this.cacheType = b.cacheType;
        this.cacheKernel = b.backend.kernel(b.cacheType.type());
        this.pool = pool;
    }

    /** Loads with the defaults of {@link Builder}. */
    public static Model load(Path path) throws IOException {
        return builder(path).build();
    }

    /**
     * A builder for the model at {@code path}: a {@code .gguf} file (the first part of a split model) or an
     * archive holding one ({@code .tar}, {@code .tar.gz}, {@code .tar.xz}, {@code .zip}, {@code .gz}),
     * unpacked once into the model cache.
     */
    public static Builder builder(Path path) {
        return new Builder(Objects.requireNonNull(path, "path"), null, null);
    }

    /**
     * A builder for a model packed as a classpath resource (a {@code .gguf} or an archive, e.g. inside a
     * jar of the application or its tests), copied once into the model cache.
     */
    public static Builder fromClasspath(String resource) {
        return new Builder(null, Objects.requireNonNull(resource, "resource"), null);
    }

    /**
     * As {@link #fromClasspath(String)}, looking the resource up with {@code loader} rather than the
     * thread's context class loader (e.g. the loader of a class packed in the same jar).
     */
    public static Builder fromClasspath(String resource, ClassLoader loader) {
        return new Builder(null, Objects.requireNonNull(resource, "resource"), Objects.requireNonNull(loader, "loader"));
    }

    /** A new session with an empty cache of {@link #contextLength()} positions. */
    public Session newSession() {
        return newSession(false);
    }

    private Session newSession(boolean closesAfterGeneration) {
        checkOpen();
        return new Session(this, transformer.newState(contextLength, maxBatch, cacheKernel), closesAfterGeneration);
    }

    /**
     * The file's own chat template, else the built-in format its vocabulary suggests, else ChatML.
     *
     * @throws TemplateException the file's template cannot be compiled (bad syntax, nested too deeply)
     */
    private static ChatTemplate chatTemplate(GgufFile file, Tokenizer tokenizer) throws ModelFormatException {
        String source = file.metadata().getString(CHAT_TEMPLATE, null);
        String arch = file.metadata().getString(MetadataKey.GENERAL_ARCHITECTURE.key(), null);
        String name = file.metadata().getString(MetadataKey.GENERAL_NAME.key(), null);
        return ChatTemplate.forModel(source, arch, name, tokenizer.vocabulary())
                .orElseGet(() -> ChatTemplate.of(BuiltinTemplate.CHATML));
    }

    /** Token-level generation from {@code promptTokens} in a new session; see {@link Session#generate(int[], GenerationOptions)}. */
    public GenerationResult generate(int[] promptTokens, GenerationOptions options) {
        return inNewSession(s -> s.generate(promptTokens, options));
    }

    /** Greedy continuation of {@code prompt}, at most 256 tokens ({@link GenerationOptions#defaults()}). */
    public GenerationResult generate(String prompt) {
        return generate(prompt, GenerationOptions.defaults());
    }

    /** Continues {@code prompt} in a new session; see {@link Session#generate(String, GenerationOptions)}. */
    public GenerationResult generate(String prompt, GenerationOptions options) {
        return inNewSession(s -> s.generate(prompt, options));
    }

    /** Answers a conversation in a new session; see {@link Session#chat(List, GenerationOptions)}. */
    public ChatResult chat(List<ChatMessage> messages, GenerationOptions options) {
        return inNewSession(s -> s.chat(messages, options));
    }

    /** Continues {@code prompt} on a thread of its own, in a new session; see {@link Generation}. */
    public TextStream start(String prompt, GenerationOptions options) {
        return startInNewSession(s -> s.start(prompt, options));
    }

    /** Generates text from prompt tokens on a thread of its own, in a new session; see {@link Session#start(int[], GenerationOptions)}. */
    public TextStream start(int[] promptTokens, GenerationOptions options) {
        return startInNewSession(s -> s.start(promptTokens, options));
    }

    /** Answers a conversation on a thread of its own, in a new session; see {@link Generation}. */
    public ChatStream startChat(List<ChatMessage> messages, GenerationOptions options) {
        return startInNewSession(s -> s.startChat(messages, options));
    }

    /** Continues {@code prompt} for each subscriber, delivering text deltas as its demand allows. */
    public Flow.Publisher<String> publisher(String prompt, GenerationOptions options) {
        int[] tokens = tokenizer().encode(prompt);
        return new GenerationPublisher((onText, control) -> inNewSession(s -> s.generateText(tokens, options, onText, control)));
    }

    /** Answers a chat request in a new session; see {@link Session#chat(ChatRequest, Consumer)}. */
    public ChatResult chat(ChatRequest request) {
        return inNewSession(s -> s.chat(request));
    }

    /** As {@link #chat(ChatRequest)} on a thread of its own, in a new session; see {@link Session#startChat(ChatRequest)}. */
    public ChatStream startChat(ChatRequest request) {
        return startInNewSession(s -> s.startChat(request));
    }

    /**
     * The prompt {@link #chat(ChatRequest)} feeds the model: the conversation and the tools rendered by the chat
     * template, ending with the assistant's header. For inspection and token counting.
     *
     * @throws ChatTemplateException the template refused the conversation or failed
     */
    public String chatPrompt(ChatRequest request) {
        return ChatPrompt.render(this, request).text();
    }

    private <T> T inNewSession(Function<Session, T> work) {
        try (Session session = newSession()) {
            return work.apply(session);
        }
    }

    /** Starts a generation in a session that closes when the generation ends (at once when it cannot start). */
    private <G extends Generation<?, ?>> G startInNewSession(Function<Session, G> start) {
        Session session = newSession(true);
        try {
            return start.apply(session);
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    /**
     * The tokenizer the file describes, loaded with the model.
     *
     * @throws IllegalStateException when the file has no usable tokenizer (the message says why)
     */
    public Tokenizer tokenizer() {
        if (tokenizer == null) {
            throw new IllegalStateException(file.path() + ": no tokenizer: " + tokenizerProblem);
        }
        return tokenizer;
    }

    /** Whether {@link #tokenizer()} (and so text generation and chat) is available. */
    public boolean hasTokenizer() {
        return tokenizer != null;
    }

    /**
     * The chat template: the file's {@code tokenizer.chat_template}, else the built-in format its vocabulary
     * suggests (DeepSeek-V3/R1, DeepSeek-LLM/Coder, ChatML/Qwen2, Llama-3), else ChatML; or the one set
     * with {@link Builder#chatTemplate(ChatTemplate)}.
     *
     * @throws IllegalStateException when the file has no usable tokenizer
     * @throws ChatTemplateException when the file's template cannot be compiled (the model still loads, with
     *                               one warning; {@link Builder#chatTemplate(ChatTemplate)} sets one that works)
     */
    public ChatTemplate chatTemplate() {
        tokenizer();
        if (chatTemplateProblem != null) {
            throw new ChatTemplateException(file.path() + ": " + CHAT_TEMPLATE + " cannot be compiled: "
                    + chatTemplateProblem.getMessage(), chatTemplateProblem);
        }
        return chatTemplate;
    }

    /** The {@code general.architecture} of the file. */
    public String architecture() {
        return transformer.info().architecture();
    }

    public Path path() {
        return file.path();
    }

    public int vocabularySize() {
        return transformer.info().vocabularySize();
    }

    /** Positions each session's cache holds. */
    public int contextLength() {
        return contextLength;
    }

    /** The context length the model was trained with. */
    public int trainedContextLength() {
        return transformer.info().trainedContextLength();
    }

    /** KV cache bytes one position takes in a session (all layers, at the configured {@link #cacheType()}). */
    public long cacheBytesPerToken() {
        return transformer.info().cacheValuesPerToken() * cacheType.bytesPerValue();
    }

    public KvCacheType cacheType() {
        return cacheType;
    }

    public int threads() {
        return pool.threads();
    }

    public int maxBatch() {
        return maxBatch;
    }

    /** The kernel backend's name. */
    public String backend() {
        return backend.name();
    }

    /** The GGUF file, for metadata (tokenizer, chat template). Valid until {@link #close()}. */
    public GgufFile gguf() {
        return file;
    }

    Transformer transformer() {
        return transformer;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("model " + file.path() + " is closed");
        }
    }

    /** Stops the threads and unmaps the file. Idempotent. */
    @Override
    public void close() {
        closed = true;
        pool.close();
        file.close();
    }

    @Override
    public String toString() {
        return "Model[" + architecture() + ", " + path().getFileName() + ", context " + contextLength + ", "
                + threads() + " threads, " + backend() + " kernels]";
    }

    /** Configures and loads a model. Each setter documents its default and rejects bad values. */
    public static final class Builder {
        /** The most compute threads per available processor that {@link #threads(int)} accepts. */
        public static final int MAX_THREADS_PER_PROCESSOR = 4;

        private final Path path;
        private final String resource;
        private final ClassLoader resourceLoader; // null: the thread's context class loader
        private ModelCache cache;
        private int threads = Runtime.getRuntime().availableProcessors();
        private ChatTemplate chatTemplate;
        private int contextLength; // 0: min(trained, DEFAULT_CONTEXT_LENGTH)
        private int maxBatch = DEFAULT_MAX_BATCH;
        private KernelBackend backend; // null: KernelBackends.configured(), resolved by build()
        private IntermediateObserver observer;
        private KvCacheType cacheType = KvCacheType.F32;

        /** The most threads {@link #threads(int)} accepts on this machine. */
        public static int maxThreads() {
            return MAX_THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
        }

        private Builder(Path path, String resource, ClassLoader resourceLoader) {
            this.path = path;
            this.resource = resource;
            this.resourceLoader = resourceLoader;
        }

        /**
         * Where archives and classpath models are unpacked (default {@link ModelCache#defaultCache()}:
         * {@code $DEEPSEEK4J_CACHE}, else {@code $XDG_CACHE_HOME/deepseek4j}, else {@code ~/.cache/deepseek4j}).
         */
        public Builder cache(ModelCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * The chat template for {@code chat} (default: null, the file's own template, else a built-in one its
         * vocabulary suggests), e.g. {@code ChatTemplate.of(BuiltinTemplate.DEEPSEEK_V3)} for a file whose
         * template is missing or broken.
         */
        public Builder chatTemplate(ChatTemplate chatTemplate) {
            this.chatTemplate = chatTemplate;
            return this;
        }

        /**
         * Compute threads (default: all available processors), at most {@link #MAX_THREADS_PER_PROCESSOR} per
         * available processor: more only adds switching (and 10,000 threads take minutes to start and stop).
         *
         * @throws IllegalArgumentException below 1 or above the limit, naming it
         */
        public Builder threads(int threads) {
            int limit = maxThreads();
            if (threads < 1 || threads > limit) {
                throw new IllegalArgumentException("threads must be in 1.." + limit + " (" + MAX_THREADS_PER_PROCESSOR
                        + " per available processor), got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Positions each session's KV cache holds (default: the trained context length, at most 4096).
         * Longer than the trained length is allowed, with a warning: quality usually drops.
         */
        public Builder contextLength(int contextLength) {
            if (contextLength < 1) {
                throw new IllegalArgumentException("contextLength must be >= 1, got " + contextLength);
            }
            this.contextLength = contextLength;
            return this;
        }

        /** Most tokens computed in one batch during prefill (default 512); longer inputs are split. */
        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /**
         * The kernels to compute with (default {@link KernelBackends#configured()}: the backend the system
         * property {@value KernelBackends#BACKEND_PROPERTY} names, else {@link KernelBackends#preferred()});
         * {@link KernelBackends#named} picks one by name.
         */
        public Builder backend(KernelBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** How sessions store their KV cache (default {@link KvCacheType#F32}; F16 halves its memory). */
        public Builder cacheType(KvCacheType cacheType) {
            this.cacheType = Objects.requireNonNull(cacheType, "cacheType");
            return this;
        }

        /** Sees every named intermediate of every forward pass (default none); for debugging, it slows things down. */
        public Builder observer(IntermediateObserver observer) {
            this.observer = observer;
            return this;
        }

        /**
         * Maps the file and loads the model.
         *
         * @throws ModelFormatException      when the file is malformed or inconsistent
         * @throws UnsupportedModelException when its architecture or a weight type is not supported
         * @throws IOException               when the file cannot be read
         * @throws io.github.deepseek4j.quant.BackendUnavailableException when no backend was set and
         *         {@value KernelBackends#BACKEND_PROPERTY} names one that is unknown or cannot run here
         */
        public Model build() throws IOException {
            if (backend == null) {
                backend = KernelBackends.configured();
            }
            ModelCache modelCache = cache != null ? cache : ModelCache.defaultCache();
            Path resolved = resource == null ? ModelSources.resolve(path, modelCache)
                    : resourceLoader == null ? ModelSources.fromClasspath(resource, modelCache)
                    : ModelSources.fromClasspath(resource, resourceLoader, modelCache);
            GgufFile file = GgufFile.open(resolved);
            PooledRowParallel pool = null;
            try {
                String name = file.metadata().getString(MetadataKey.GENERAL_ARCHITECTURE.key());
                pool = new PooledRowParallel(threads);
                Transformer transformer = Architectures.forName(name).load(file, new Execution(backend, pool, observer));
                int trained = transformer.info().trainedContextLength();
                int context = contextLength > 0 ? contextLength : Math.min(trained, DEFAULT_CONTEXT_LENGTH);
                if (context > trained) {
                    LOG.warn("{}: context length {} exceeds the {} the model was trained with", resolved, context, trained);
                }
                Model model = new Model(file, transformer, pool, this, context);
                LOG.debug("loaded {}", model);
                return model;
            } catch (IOException | RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                file.close();
                throw e;
            }
        }
    }
}
