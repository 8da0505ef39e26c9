package io.github.deepseek4j;

import java.util.concurrent.Flow;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Generated text as a {@link Flow.Publisher}: each subscriber gets its own generation, run on a new thread
 * that waits for demand before each delta. Cancelling the subscription cancels the generation.
 */
final class GenerationPublisher implements Flow.Publisher<String> {

    private final BiFunction<Consumer<String>, GenerationControl, GenerationResult> generation;

    GenerationPublisher(BiFunction<Consumer<String>, GenerationControl, GenerationResult> generation) {
        this.generation = generation;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super String> subscriber) {
        Delivery delivery = new Delivery(subscriber);
        subscriber.onSubscribe(delivery);
        Thread.ofPlatform().daemon().name("deepseek4j-generation").start(delivery::run);
    }

    private final class Delivery implements Flow.Subscription {
        private final Flow.Subscriber<? super String> subscriber;
        private final GenerationControl control = new GenerationControl();
        private long demand;
        private Throwable badRequest;

        Delivery(Flow.Subscriber<? super String> subscriber) {
            this.subscriber = subscriber;
        }

        void run() {
            Throwable failure = null;
            try {
                generation.apply(this::deliver, control);
            } catch (Throwable e) {
                failure = e;
            }
            synchronized (this) {
                failure = badRequest != null ? badRequest : failure;
                if (control.isCancelled() && failure == null) {
                    return; // cancelled by the subscriber: no more signals
                }
            }
            if (failure != null) {
                subscriber.onError(failure);
            } else {
                subscriber.onComplete();
            }
        }

        private void deliver(String delta) {
            synchronized (this) {
                while (demand == 0 && !control.isCancelled()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        control.cancel();
                    }
                }
                if (control.isCancelled()) {
                    return;
                }
                demand--;
            }
            subscriber.onNext(delta);
        }

        @Override
        public synchronized void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("request must be positive (rule 3.9), got " + n);
                control.cancel();
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            notifyAll();
        }

        @Override
        public synchronized void cancel() {
            control.cancel();
            notifyAll();
        }
    }
}
