package io.github.deepseek4j;

import java.io.IOException;

/** A model file is malformed or does not describe a model we can run; the message names the file and what is wrong. */
public class ModelFormatException extends IOException {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
